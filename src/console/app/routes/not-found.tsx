import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { RouterLink } from '../../components/router-link';
import { paths } from '../../navigation/paths';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <ErrorAlert title={t('errors.notFound')} actions={<RouterLink to={paths.buckets()}>{t('errors.goToBuckets')}</RouterLink>} />
    </section>
  );
}
