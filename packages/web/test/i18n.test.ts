// The catalogues are complete (zh-CN and en have the same keys in every namespace) and no page hard-codes UI text.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const SRC = fileURLToPath(new URL('../src/', import.meta.url))
const LOCALES = join(SRC, 'i18n/locales')
const LANGS = ['zh-CN', 'en']

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix]
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

const catalogue = (lang: string, ns: string): unknown =>
  JSON.parse(readFileSync(join(LOCALES, lang, `${ns}.json`), 'utf8'))

describe('i18n catalogues', () => {
  const namespaces = (lang: string) =>
    readdirSync(join(LOCALES, lang))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
      .sort()

  it('has the same namespaces in zh-CN and en', () => {
    expect(namespaces('en').length).toBeGreaterThan(0)
    expect(namespaces('zh-CN')).toEqual(namespaces('en'))
  })

  for (const ns of namespaces('en')) {
    it(`namespace ${ns}: same keys in both languages, no empty text, same placeholders`, () => {
      const [zh, en] = LANGS.map((l) => catalogue(l, ns))
      const zhKeys = keys(zh).sort()
      const enKeys = keys(en).sort()
      expect({
        missingInZh: enKeys.filter((k) => !zhKeys.includes(k)),
        missingInEn: zhKeys.filter((k) => !enKeys.includes(k)),
      }).toEqual({ missingInZh: [], missingInEn: [] })
      const get = (o: unknown, k: string): unknown =>
        k.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o)
      for (const k of enKeys) {
        const a = get(zh, k)
        const b = get(en, k)
        expect(typeof a, `${ns}:${k}`).toBe('string')
        expect(typeof b, `${ns}:${k}`).toBe('string')
        expect((a as string).trim(), `zh-CN ${ns}:${k} is empty`).not.toBe('')
        expect((b as string).trim(), `en ${ns}:${k} is empty`).not.toBe('')
        // {{value}} placeholders must be the same in both languages
        const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort()
        expect(vars(a as string), `${ns}:${k} placeholders`).toEqual(vars(b as string))
      }
    })
  }

  it('finds a missing key (the check itself works)', () => {
    expect(keys({ a: { b: 'x', c: 'y' }, d: 'z' }).sort()).toEqual(['a.b', 'a.c', 'd'])
  })
})

// ---------------------------------------------------------------------------------------------
// Hard-coded UI strings: text between JSX tags, user-visible attributes given as string literals,
// and Chinese characters anywhere in code. Texts must come from t(…) or @cosafe/core's vocabulary.

/** Attributes whose string value a user reads (or hears, with a screen reader). */
const VISIBLE_ATTRIBUTES = new Set([
  'title',
  'label',
  'placeholder',
  'alt',
  'aria-label',
  'aria-description',
  'tooltip',
  'okText',
  'cancelText',
  'description',
  'message',
  'subTitle',
  'extra',
  'content',
  'emptyText',
  'addonBefore',
  'addonAfter',
  'checkedChildren',
  'unCheckedChildren',
])
/** Texts the same in every language (brand, symbols). */
const ALLOWED = new Set(['cosafe'])
const LETTERS = /[A-Za-z\u3400-\u9fff]/
const CJK = /[\u3400-\u9fff]/

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) return f === 'locales' ? [] : sourceFiles(p)
    return /\.tsx?$/.test(f) ? [p] : []
  })
}

export function hardCodedStrings(file: string, text: string): string[] {
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  )
  const found: string[] = []
  const where = (n: ts.Node) => `${relative(SRC, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`
  const visit = (n: ts.Node): void => {
    if (ts.isJsxText(n)) {
      const s = n.text.trim()
      if (s && LETTERS.test(s) && !ALLOWED.has(s)) found.push(`${where(n)} text "${s}"`)
    } else if (ts.isJsxAttribute(n) && n.initializer) {
      const name = n.name.getText(sf)
      const init = n.initializer
      const literal = ts.isStringLiteral(init)
        ? init
        : ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
          ? init.expression
          : undefined
      if (literal && VISIBLE_ATTRIBUTES.has(name) && LETTERS.test(literal.text) && !ALLOWED.has(literal.text)) {
        found.push(`${where(n)} ${name}="${literal.text}"`)
        return
      }
    } else if (
      ts.isPropertyAssignment(n) &&
      VISIBLE_ATTRIBUTES.has(n.name.getText(sf)) &&
      ts.isStringLiteralLike(n.initializer) &&
      LETTERS.test(n.initializer.text) &&
      !ALLOWED.has(n.initializer.text)
    ) {
      // object options such as Table columns and menu items: { title: 'Name' }
      found.push(`${where(n)} ${n.name.getText(sf)}: "${n.initializer.text}"`)
      return
    } else if ((ts.isStringLiteralLike(n) || ts.isTemplateLiteral(n)) && CJK.test(n.getText(sf))) {
      found.push(`${where(n)} Chinese text in code ${n.getText(sf).slice(0, 40)}`)
    }
    ts.forEachChild(n, visit)
  }
  visit(sf)
  return found
}

describe('no hard-coded UI strings', () => {
  it('finds them in a sample (the check itself works)', () => {
    const sample = `const A = () => <div title="Hello">Save now<b>{t('x')}</b><i aria-label={'关闭'} />{'社区'}<T columns={[{ title: 'Name' }]} /></div>`
    expect(hardCodedStrings(join(SRC, 'sample.tsx'), sample)).toHaveLength(5)
    expect(
      hardCodedStrings(join(SRC, 'ok.tsx'), `const A = () => <div title={t('a')} className="x">{t('b')} · {n}</div>`),
    ).toEqual([])
  })

  it('finds none in src', () => {
    const files = sourceFiles(SRC)
    expect(files.some((f) => f.endsWith('App.tsx'))).toBe(true)
    const found = files.flatMap((f) => hardCodedStrings(f, readFileSync(f, 'utf8')))
    expect(found).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------
// Every key the code asks for exists: t('key') against the namespace of its useTranslation('ns').

/** Keys of a namespace's catalogue (en; the first test keeps zh-CN the same). */
const KEYS = new Map<string, Set<string>>()
for (const f of readdirSync(join(LOCALES, 'en')).filter((x) => x.endsWith('.json')))
  KEYS.set(f.slice(0, -5), new Set(keys(catalogue('en', f.slice(0, -5)))))

/** `t('a.b')` calls whose key is not in the namespace bound to that `t` in the same file. */
export function missingKeys(file: string, text: string, known: Map<string, Set<string>>): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const bound = new Map<string, Set<string>>()
  const bind = (name: string, ns: string) => bound.set(name, (bound.get(name) ?? new Set()).add(ns))
  const findBindings = (n: ts.Node): void => {
    // const { t } = useTranslation('actors') · const { t: tc } = useTranslation() (the default namespace, common)
    if (
      ts.isVariableDeclaration(n) &&
      ts.isObjectBindingPattern(n.name) &&
      n.initializer &&
      ts.isCallExpression(n.initializer) &&
      n.initializer.expression.getText(sf) === 'useTranslation'
    ) {
      const arg = n.initializer.arguments[0]
      const ns = arg && ts.isStringLiteralLike(arg) ? arg.text : 'common'
      for (const el of n.name.elements)
        if ((el.propertyName ?? el.name).getText(sf) === 't') bind(el.name.getText(sf), ns)
    }
    ts.forEachChild(n, findBindings)
  }
  findBindings(sf)
  const found: string[] = []
  const has = (ns: string, key: string, prefix: boolean) => {
    const all = known.get(ns)
    if (!all) return false
    return prefix ? [...all].some((k) => k.startsWith(key)) : all.has(key)
  }
  const check = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && bound.has(n.expression.text)) {
      const arg = n.arguments[0]
      let key: string | undefined
      let prefix = false
      if (arg && ts.isStringLiteralLike(arg)) key = arg.text
      else if (arg && ts.isTemplateExpression(arg)) {
        key = arg.head.text
        prefix = true
      }
      if (key !== undefined) {
        const [ns, k] = key.includes(':')
          ? [[key.split(':')[0]!], key.split(':')[1]!]
          : [[...bound.get(n.expression.text)!], key]
        if (!ns.some((x) => has(x, k, prefix)))
          found.push(
            `${relative(SRC, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1} ${ns.join('|')}:${key}${prefix ? '…' : ''}`,
          )
      }
    }
    ts.forEachChild(n, check)
  }
  check(sf)
  return found
}

describe('every key used exists', () => {
  it('finds a missing key in a sample (the check itself works)', () => {
    const known = new Map([
      ['actors', new Set(['title', 'tabs.registry'])],
      ['common', new Set(['save'])],
    ])
    const sample = `function A() {
      const { t } = useTranslation('actors')
      const { t: tc } = useTranslation()
      return [t('title'), t('nope'), tc('save'), tc('title'), t(\`tabs.\${k}\`), t(\`menu.\${k}\`), t('common:save')]
    }`
    expect(missingKeys(join(SRC, 'sample.tsx'), sample, known)).toEqual([
      'sample.tsx:4 actors:nope',
      'sample.tsx:4 common:title',
      'sample.tsx:4 actors:menu.…',
    ])
  })

  it('finds none in src', () => {
    const found = sourceFiles(SRC).flatMap((f) => missingKeys(f, readFileSync(f, 'utf8'), KEYS))
    expect(found).toEqual([])
  })
})
