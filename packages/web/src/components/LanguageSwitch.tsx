// 中文 / English, everywhere; the choice is remembered in the browser.
import { Segmented } from 'antd'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, setLanguage, type Language } from '../i18n'

export function LanguageSwitch() {
  const { t, i18n } = useTranslation('common')
  return (
    <Segmented<Language>
      aria-label={t('language.label')}
      className="language-switch"
      value={i18n.language as Language}
      onChange={(lang) => void setLanguage(lang)}
      options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
    />
  )
}
