// Names of the domain's codes (sectors, actor types, safety domains…) in the current language,
// read from @cosafe/core's vocabulary, where every code has its Chinese and English name.
import { useTranslation } from 'react-i18next'
import type { Term } from '@cosafe/core'

export type TermOf = (t: Term | undefined, code?: string) => string

/** `term(SECTORS.G)` → 政府 / government. Unknown codes show as themselves. */
export function useTerm(): TermOf {
  const { i18n } = useTranslation()
  const zh = i18n.language === 'zh-CN'
  return (t, code) => (t ? (zh ? t.zh : t.en) : (code ?? ''))
}

/** Options for a Select over a vocabulary table, in the current language. */
export function useTermOptions(): <K extends string>(table: Record<K, Term>) => { value: K; label: string }[] {
  const term = useTerm()
  return (table) =>
    (Object.keys(table) as (keyof typeof table & string)[]).map((k) => ({ value: k, label: term(table[k]) }))
}

/** An actor's (or territory's) name in the current language: the English name when there is one. */
export function useActorName(): (a: { name: string; nameEn?: string | null } | undefined, fallback?: string) => string {
  const { i18n } = useTranslation()
  const en = i18n.language === 'en'
  return (a, fallback) => (a ? (en && a.nameEn ? a.nameEn : a.name) : (fallback ?? ''))
}
