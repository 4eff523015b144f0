import { useTranslation } from 'react-i18next';
import type { TrackedSetting } from '../../../../shared/settings/codecs';

/** A setting's value as JSON text (the settings document's form), or "Not configured". */
export function SettingJson({ value }: { setting: TrackedSetting; value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) return <p className="settings-section__none">{t('bucketSettings.common.none')}</p>;
  return <pre className="settings-section__json" tabIndex={0}>{JSON.stringify(value, null, 2)}</pre>;
}
