import { useTranslation } from 'react-i18next';
import { paths } from '../../../navigation/paths';
import { ErrorAlert } from '../../../components/error-alert';
import { RouterLink } from '../../../components/router-link';
import { CosClientError } from '../../../cos/cos-error';
import type { BucketRef } from '../../../cos/object-queries';
import { useConsoleCorsStatus } from '../hooks/use-console-cors';
import { errorHintKey, isNetworkFailure } from '../model/error-hint';
import { CorsBlockedAlert } from './cors-blocked-alert';

export interface ObjectListErrorProps {
  error: Error;
  bucket: BucketRef;
  onRetry: () => void;
}

/**
 * Why the folder could not be listed (COS code and message, request id) and what to do next. A
 * network-class failure may be the bucket's CORS rules blocking this console: the server is asked,
 * and when it says so the explanation and the fix replace the generic hint.
 */
export function ObjectListError({ error, bucket, onRetry }: ObjectListErrorProps) {
  const { t } = useTranslation();
  const network = isNetworkFailure(error);
  const cors = useConsoleCorsStatus(bucket, network);
  if (network && cors.data && !cors.data.reachable) {
    return <CorsBlockedAlert bucket={bucket} origin={cors.data.origin} onRetry={onRetry} />;
  }
  const cosError = error instanceof CosClientError ? error : undefined;
  const details = [
    error.message,
    ...(cosError ? [t('common.errorCode', { code: cosError.code })] : []),
    ...(cosError?.requestId ? [t('common.requestId', { id: cosError.requestId })] : []),
    t(errorHintKey(error), { region: bucket.region }),
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
