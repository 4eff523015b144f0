import { useTranslation } from 'react-i18next';
import { Select } from 'tdesign-react';
import { setLanguage } from '../i18n/i18n';
import { isLanguage } from '../i18n/language';
import { useInnerInputAttributes } from './use-inner-input-attributes';

/** The language switch of the header and the login page. Its label is bilingual on purpose. */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const ref = useInnerInputAttributes({ 'aria-label': t('language.label') });
  return (
    <div ref={ref} className="language-select">
      <Select
        value={i18n.language}
        onChange={(value) => {
          if (isLanguage(value)) setLanguage(value);
        }}
        options={[
          { label: t('language.en'), value: 'en' },
          { label: t('language.zhCN'), value: 'zh-CN' },
        ]}
        autoWidth
        size="small"
      />
    </div>
  );
}
