import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Button } from 'tdesign-react';
import { ErrorAlert } from '../../components/error-alert';
import { RouterLink } from '../../components/router-link';
import { paths } from '../../navigation/paths';

/** What a route shows when its loader or rendering throws; feature errors are handled in-page. */
export function RouteErrorBoundary() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : String(error);
  return (
    <main className="page page--standalone">
      <ErrorAlert
        title={notFound ? t('errors.notFound') : t('errors.title')}
        details={notFound ? [] : [message]}
        actions={
          <>
            <Button size="small" variant="outline" onClick={() => window.location.reload()}>
              {t('errors.reload')}
            </Button>
            <RouterLink to={paths.buckets()}>{t('errors.goToBuckets')}</RouterLink>
          </>
        }
      />
    </main>
  );
}
