// Error texts in the request's language. The English text is the message key (as gettext's msgid):
// the server, the store and the schemas write English, and an answer to a Chinese request is
// translated here, at the edge, from a catalogue of patterns. Schema issues are re-rendered by
// zod's own zh-CN locale from the issue's code and parameters. A text the catalogue does not know
// stays English (the field and the code still say what went wrong).

import type { FastifyRequest } from 'fastify'
import zhCN from 'zod/v4/locales/zh-CN.js'

export type Lang = 'zh-CN' | 'en'

/** The answer's language: `lang` in the query, else Accept-Language (zh… → zh-CN), else English. */
export function requestLang(req: Pick<FastifyRequest, 'query' | 'headers'>): Lang {
  const q = (req.query ?? {}) as Record<string, unknown>
  if (typeof q.lang === 'string') return q.lang.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
  const header = req.headers?.['accept-language']
  if (typeof header !== 'string' || header === '') return 'en'
  // the first language with the highest q
  let best: { lang: string; q: number } | null = null
  for (const part of header.split(',')) {
    const [tag, ...params] = part.trim().split(';')
    const qp = params.find((p) => p.trim().startsWith('q='))
    const weight = qp ? Number(qp.trim().slice(2)) : 1
    if (tag && Number.isFinite(weight) && (best === null || weight > best.q))
      best = { lang: tag.toLowerCase(), q: weight }
  }
  return best && best.lang.startsWith('zh') ? 'zh-CN' : 'en'
}

/** English pattern ({name} captures any text) → Chinese text with the same {names}. */
export const CATALOGUE: readonly (readonly [string, string])[] = [
  // authentication and access
  ['wrong user name or password', '用户名或密码错误'],
  ['sign in first (POST /api/auth/login)', '请先登录'],
  [
    'missing or wrong {header} header (the csrfToken given at sign-in)',
    '缺少或错误的 {header} 请求头（登录时给出的 csrfToken）',
  ],
  ['a {role} account may not {action} {resource} records', '{role} 账号不能{action} {resource} 记录'],
  ['an actor representative records ties of their own actor only', '行动者代表只能记录本单位的关系'],
  ['an actor representative acts for their own actor only', '行动者代表只能代表本单位办理'],
  ['an actor representative reads their own inbox only', '行动者代表只能查看本单位的消息'],
  ['photos are not shown to researchers', '研究人员不能查看照片'],
  // not found
  ['no {what} "{id}" in this community', '本社区没有{what}“{id}”'],
  ['no territory "{id}"', '没有辖区“{id}”'],
  ['no community "{id}"', '没有社区“{id}”'],
  ['no community "{id}" in the database', '数据库中没有社区“{id}”'],
  ['no notice "{id}" in this inbox', '消息箱中没有消息“{id}”'],
  ['"{id}" is not a respondent of this survey', '“{id}”不是本问卷的答卷人'],
  ['no report has this tracking code', '没有使用此查询码的反映'],
  ['this matter has no stored photo', '此事项没有保存照片'],
  [
    'this survey link is not valid (it may have been replaced by a newer one)',
    '此问卷链接无效（可能已被新的链接替换）',
  ],
  ['no file {path}', '没有文件 {path}'],
  ['no route {method} {path}', '没有接口 {method} {path}'],
  ['not found', '未找到'],
  // surveys
  ['this survey has not been opened yet', '此问卷尚未开放'],
  ['this survey is closed', '此问卷已关闭'],
  ['the deadline ({deadline}) has passed', '截止时间（{deadline}）已过'],
  ['these answers were submitted and can no longer change', '答卷已提交，不能再修改'],
  ['only an open survey sends reminders; this one is {status}', '只有进行中的问卷才能发送提醒；此问卷状态为 {status}'],
  // files and imports
  ['the file has a header but no rows', '文件只有表头，没有数据行'],
  ['the file is empty: expected a header row and data rows', '文件为空：需要一行表头和数据行'],
  ['the file is empty: send a network file as the body', '文件为空：请在请求体中发送网络文件'],
  ['the workbook has no sheet with a header row', '工作簿中没有带表头的工作表'],
  ['not a readable XLSX workbook ({reason})', '不是可读取的 XLSX 工作簿（{reason}）'],
  [
    'send the file as the body with Content-Type text/csv or {type}',
    '请在请求体中发送文件，Content-Type 为 text/csv 或 {type}',
  ],
  ['rolled back', '已回滚：没有导入任何一行'],
  ['at most 120 periods: choose a longer unit', '最多 120 个时段：请选择更长的时段单位'],
  ['give both from and to (or neither)', '请同时给出起止时间（或都不给）'],
  // store
  ['{what}: community "{c}" already has one with this {field}', '{what}：社区“{c}”已有相同 {field} 的记录'],
  ['account "{id}": username "{name}" is taken', '账号“{id}”：用户名“{name}”已被使用'],
  ['{what}: this link token is already in use', '{what}：此链接令牌已被使用'],
  ['this matter was changed meanwhile: read it again and retry', '此事项已被他人修改：请重新读取后再试'],
  [
    'matter "{id}" is at version {v}, not {expected}: read it again and retry',
    '事项“{id}”的版本是 {v}，不是 {expected}：请重新读取后再试',
  ],
  [
    'the matter is at version {v}, not {expected}: another step came first (reload it)',
    '事项已是第 {v} 版，不是第 {expected} 版：有人先办理了一步（请刷新）',
  ],
  ['the matter is at version {v}', '事项已是第 {v} 版'],
  ['{what}: refers to a record that does not exist', '{what}：引用了不存在的记录'],
  ['{what} "{id}" in community "{c}": {why}', '社区“{c}”的{what}“{id}”：{why}'],
  ['actor "{id}" in community "{c}": {why}', '社区“{c}”的行动者“{id}”：{why}'],
  // schema texts written in the route schemas
  ['expected an e-mail address', '需要电子邮件地址'],
  ['give the place, or a map point (lat and lon)', '请填写地点，或给出地图坐标（lat 和 lon）'],
  ['give both lat and lon', '请同时给出 lat 和 lon'],
  ['internal error; it has been logged', '服务器内部错误，已记录'],
]

/** Record kinds named in English texts, as the Chinese ones say them. */
const NOUNS: Record<string, string> = {
  actor: '行动者',
  actors: '行动者',
  tie: '关系',
  ties: '关系',
  activity: '活动',
  activities: '活动',
  responsibility: '职责',
  responsibilities: '职责',
  survey: '问卷',
  surveys: '问卷',
  matter: '事项',
  matters: '事项',
  account: '账号',
  accounts: '账号',
  territory: '辖区',
  community: '社区',
  notification: '通知',
  session: '会话',
}

interface Compiled {
  re: RegExp
  names: string[]
  zh: string
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const COMPILED: Compiled[] = CATALOGUE.map(([en, zh]) => {
  const names: string[] = []
  const re = en
    .split(/(\{[a-z]+\})/i)
    .map((part) => {
      const m = /^\{([a-z]+)\}$/i.exec(part)
      if (!m) return escapeRe(part)
      names.push(m[1]!)
      return '(.+?)'
    })
    .join('')
  return { re: new RegExp(`^${re}$`, 's'), names, zh }
})

/** A server text in Chinese when the catalogue knows it (or knows every part of a "; "-joined list). */
export function translate(text: string, lang: Lang): string {
  if (lang !== 'zh-CN') return text
  const whole = translateOne(text)
  if (whole !== null) return whole
  // "field: reason" and lists of them
  const parts = text.split('; ')
  return parts
    .map((p) => {
      const one = translateOne(p)
      if (one !== null) return one
      const colon = /^([\w.[\]]+): (.+)$/s.exec(p)
      if (colon) return `${colon[1]}：${translateOne(colon[2]!) ?? colon[2]}`
      return p
    })
    .join('；')
}

function translateOne(text: string): string | null {
  // a text that already carries its own Chinese in brackets: "… (中文)"
  const bilingual = /^(.*) \(([^()]*[\u4e00-\u9fff][^()]*)\)$/s.exec(text)
  if (bilingual) return bilingual[2]!
  for (const c of COMPILED) {
    const m = c.re.exec(text)
    if (!m) continue
    let out = c.zh
    c.names.forEach((name, i) => {
      const value = m[i + 1]!
      out = out.replace(`{${name}}`, name === 'what' || name === 'resource' ? (NOUNS[value] ?? value) : value)
    })
    return out
  }
  return null
}

const zhLocale = zhCN().localeError as (issue: unknown) => string | { message: string } | undefined

/**
 * A schema issue in Chinese: zod's zh-CN text for its code and parameters, or the catalogue's
 * translation of a custom message.
 */
export function zhIssueText(issue: { code?: string; message?: string; [k: string]: unknown }): string {
  if (issue.message) {
    const known = translateOne(issue.message)
    if (known !== null) return known
  }
  if (issue.code && issue.code !== 'custom') {
    const r = zhLocale(issue)
    const text = typeof r === 'string' ? r : r?.message
    if (text) return text
  }
  return issue.message ?? '无效输入'
}
