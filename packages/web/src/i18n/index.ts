// i18next with the zh-CN and en catalogues of every page area (one JSON namespace per area and language).
//
// Catalogues live in locales/<language>/<area>.json; adding a file adds a namespace. The test
// packages/web/test/i18n.test.ts checks both languages have the same keys in every namespace.
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { setRequestLanguage } from '../api/client'

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
const STORAGE_KEY = 'cosafe.lang'

const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' })
const resources: Record<string, Record<string, Record<string, unknown>>> = {}
for (const [path, catalogue] of Object.entries(files)) {
  const m = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path)
  if (!m) continue
  ;(resources[m[1]!] ??= {})[m[2]!] = catalogue
}
export const NAMESPACES = Object.keys(resources['en'] ?? {})

function initialLanguage(): Language {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY)
  if (saved === 'zh-CN' || saved === 'en') return saved
  const nav = typeof navigator === 'undefined' ? 'zh-CN' : navigator.language
  return nav.toLowerCase().startsWith('en') ? 'en' : 'zh-CN'
}

export function applyLanguage(lang: Language): void {
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en')
  setRequestLanguage(lang) // the server answers errors in the UI language
  if (typeof document !== 'undefined') document.documentElement.lang = lang
}

/** Switches the language everywhere and remembers it for the next visit. */
export async function setLanguage(lang: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, lang)
  applyLanguage(lang)
  await i18next.changeLanguage(lang)
}

const lng = initialLanguage()
applyLanguage(lng)
void i18next.use(initReactI18next).init({
  resources,
  lng,
  fallbackLng: false,
  ns: NAMESPACES,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
})

export default i18next
