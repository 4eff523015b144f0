import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { ErrorAlert } from '../../../components/error-alert';
import { RouterLink } from '../../../components/router-link';
import { CosClientError } from '../../../cos/cos-error';
import { errorHintKey } from '../model/error-hint';

export interface ObjectListErrorProps {
  error: Error;
  region: string;
  onRetry: () => void;
}

/** Why the folder could not be listed (COS code and message, request id) and what to do next. */
export function ObjectListError({ error, region, onRetry }: ObjectListErrorProps) {
  const { t } = useTranslation();
  const cosError = error instanceof CosClientError ? error : undefined;
  const details = [
    error.message,
    ...(cosError ? [t('common.errorCode', { code: cosError.code })] : []),
    ...(cosError?.requestId ? [t('common.requestId', { id: cosError.requestId })] : []),
    t(errorHintKey(error), { region }),
  ];
  return (
    <ErrorAlert
      title={t('objects.loadError')}
      details={details}
      retryLabel={t('common.retry')}
      onRetry={onRetry}
      actions={<RouterLink to={paths.buckets()}>{t('objects.backToBuckets')}</RouterLink>}
    />
  );
}
