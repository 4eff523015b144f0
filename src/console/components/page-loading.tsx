import { useTranslation } from 'react-i18next';
import { Loading } from 'tdesign-react';

/** A page-level spinner that screen readers announce. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" className="page-loading">
      <Loading loading text={t('common.loading')} />
    </div>
  );
}
