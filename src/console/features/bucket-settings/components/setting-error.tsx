import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/http';
import { ErrorAlert } from '../../../components/error-alert';
import { CosClientError } from '../../../cos/cos-error';
import { errorExplanationKey } from '../model/error-explanation';

/** A COS or console-server error, with its code, COS's own message, and what it means in the console's words. */
export function SettingError({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const code = error instanceof CosClientError || error instanceof ApiError ? error.code : undefined;
  const requestId = error instanceof CosClientError ? error.requestId : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const details = [
    t(errorExplanationKey(error)),
    message,
    ...(code ? [t('bucketSettings.common.errorCode', { code })] : []),
    ...(requestId ? [t('bucketSettings.common.requestId', { id: requestId })] : []),
  ];
  return <ErrorAlert title={title} details={details} {...(onRetry ? { onRetry, retryLabel: t('bucketSettings.common.retry') } : {})} />;
}
