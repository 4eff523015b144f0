import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../navigation/paths';
import { useCurrentSession } from '../../../session/use-current-session';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoading } from '../../../components/page-loading';
import { RouterLink } from '../../../components/router-link';

/**
 * Renders the admin pages only for an admin session. Anyone else who opens the URL gets a plain
 * answer instead of the server's 403s on every call (which are still what protects the data).
 */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  if (!session) return <PageLoading />;
  if (session.user.role !== 'admin') {
    return (
      <section className="page">
        <h1 className="page__title">{t('admin.only.title')}</h1>
        <ErrorAlert
          title={t('admin.only.title')}
          details={[t('admin.only.detail')]}
          actions={<RouterLink to={paths.buckets()}>{t('errors.goToBuckets')}</RouterLink>}
        />
      </section>
    );
  }
  return <>{children}</>;
}
