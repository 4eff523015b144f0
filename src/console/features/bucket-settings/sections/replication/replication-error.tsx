import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../api/http';
import { ErrorAlert } from '../../../../components/error-alert';
import { CosClientError } from '../../../../cos/cos-error';
import { errorExplanationKey } from '../../model/error-explanation';
import { refusalKey } from '../../model/replication-wizard';

/**
 * A failed write of the replication configuration: what COS refused in the console's plain words when
 * it is one of PUT Bucket replication's preconditions (436/19223), else the shared explanation of the
 * code; then COS's own message, the code and the request ID.
 */
export function ReplicationError({ title, error }: { title: string; error: unknown }) {
  const { t } = useTranslation();
  const code = error instanceof CosClientError || error instanceof ApiError ? error.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const refusal = error instanceof CosClientError && error.source === 'cos' ? refusalKey(error.code, message) : undefined;
  const requestId = error instanceof CosClientError ? error.requestId : undefined;
  const details = [
    refusal ? t(`bucketSettings.replication.refusals.${refusal}`) : t(errorExplanationKey(error)),
    message,
    ...(code ? [t('bucketSettings.common.errorCode', { code })] : []),
    ...(requestId ? [t('bucketSettings.common.requestId', { id: requestId })] : []),
  ];
  return <ErrorAlert title={title} details={details} />;
}
