import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, MessagePlugin } from 'tdesign-react';
import { paths } from '../../../navigation/paths';
import { ErrorAlert } from '../../../components/error-alert';
import { ModalDialog } from '../../../components/modal-dialog';
import { RouterLink } from '../../../components/router-link';
import type { BucketRef } from '../../../cos/object-queries';
import { useAllowConsoleCors, useCanFixConsoleCors } from '../hooks/use-console-cors';
import { CorsRuleDetails } from './cors-rule-details';

export interface CorsBlockedAlertProps {
  bucket: BucketRef;
  /** The console's origin, as the server saw it. */
  origin: string;
  /** Lists the folder again (after the rule was added). */
  onRetry: () => void;
}

/**
 * The listing failed because the bucket's CORS rules do not let this console's origin in (the server
 * checked: a browser sees only a network error). Admins and API-key sessions may add the console's rule
 * after seeing exactly what it allows; other accounts are told to ask an administrator, and shown the
 * rule.
 */
export function CorsBlockedAlert({ bucket, origin, onRetry }: CorsBlockedAlertProps) {
  const { t } = useTranslation();
  const canFix = useCanFixConsoleCors();
  const allow = useAllowConsoleCors(bucket);
  const [confirming, setConfirming] = useState(false);

  const close = () => {
    setConfirming(false);
    allow.reset();
  };
  const confirm = () => {
    allow.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        void MessagePlugin.success(t('cors.added', { bucket: bucket.name }));
        onRetry();
      },
    });
  };

  return (
    <div role="alert" className="cors-blocked">
      <Alert
        theme="warning"
        title={t('cors.title')}
        message={
          <div className="cors-blocked__body">
            <p>{t('cors.blocked', { origin })}</p>
            {canFix ? (
              <p>{t('cors.canFix')}</p>
            ) : (
              <>
                <p>{t('cors.askAdmin')}</p>
                <CorsRuleDetails origin={origin} />
              </>
            )}
          </div>
        }
        operation={
          <span className="error-alert__actions">
            {canFix ? (
              <Button size="small" theme="primary" onClick={() => setConfirming(true)}>
                {t('cors.allow')}
              </Button>
            ) : null}
            <Button size="small" variant="outline" onClick={onRetry}>
              {t('common.retry')}
            </Button>
            <RouterLink to={paths.buckets()}>{t('objects.backToBuckets')}</RouterLink>
          </span>
        }
      />
      <ModalDialog
        visible={confirming}
        title={t('cors.confirmTitle', { bucket: bucket.name })}
        onClose={close}
        footer={
          <>
            <Button variant="outline" onClick={close}>
              {t('cors.cancel')}
            </Button>
            <Button theme="primary" loading={allow.isPending} onClick={confirm}>
              {t('cors.confirm')}
            </Button>
          </>
        }
      >
        <p>{t('cors.confirmIntro')}</p>
        <CorsRuleDetails origin={origin} />
        {allow.isError ? (
          <ErrorAlert title={t('cors.fixFailed')} details={[allow.error.message, ...codeOf(allow.error, t)]} />
        ) : null}
      </ModalDialog>
    </div>
  );
}

function codeOf(error: Error, t: (key: 'common.errorCode', options: { code: string }) => string): string[] {
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return code ? [t('common.errorCode', { code })] : [];
}
