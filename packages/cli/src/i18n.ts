// The CLI's own messages in English and Chinese.

import { UsageError } from './errors.js'
export type Lang = 'en' | 'zh-CN'

const MESSAGES = {
  network: { en: 'Whole network', zh: '整体网络' },
  nodes: { en: 'Actors', zh: '行动者' },
  measure: { en: 'Measure', zh: '指标' },
  value: { en: 'Value', zh: '取值' },
  id: { en: 'id', zh: '编号' },
  label: { en: 'label', zh: '名称' },
  warnings: { en: 'Notes on the input', zh: '输入说明' },
  errorInput: { en: 'error in the input', zh: '输入错误' },
  errorInternal: { en: 'internal error (please report it)', zh: '内部错误（请报告此问题）' },
  wrote: { en: 'wrote', zh: '已写入' },
  computing: { en: 'computing', zh: '正在计算' },
} as const

export type MessageKey = keyof typeof MESSAGES

export function t(key: MessageKey, lang: Lang): string {
  const m = MESSAGES[key]
  return lang === 'zh-CN' ? m.zh : m.en
}

export function parseLang(s: string | undefined): Lang {
  if (s === undefined) {
    const env = process.env.LANG ?? ''
    return env.startsWith('zh') ? 'zh-CN' : 'en'
  }
  if (s === 'en' || s === 'zh-CN') return s
  if (s.toLowerCase() === 'zh' || s.toLowerCase() === 'zh-cn') return 'zh-CN'
  throw new UsageError(`--lang must be en or zh-CN, got "${s}"`)
}
