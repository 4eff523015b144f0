import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Input, MessagePlugin, Radio } from 'tdesign-react';
import { ErrorAlert } from '../../../components/error-alert';
import { ModalDialog } from '../../../components/modal-dialog';
import { useInnerInputAttributes } from '../../../components/use-inner-input-attributes';
import { useCosClient } from '../../../cos/cos-client-context';
import type { BucketRef } from '../../../cos/object-queries';
import { DEFAULT_SHARE_SECONDS, formatExpiry, isShareSeconds, SHARE_DURATIONS, shareFailureKind, type ShareSeconds } from '../model/share-link';

export interface ShareDialogProps {
  bucket: BucketRef;
  /** The object to share; null: the dialog is closed. */
  target: { key: string; name: string } | null;
  onClose: () => void;
}

/**
 * "Share": a pre-signed GET URL for one object, valid for the chosen time. The console server signs
 * it (POST /api/sign with Expires) and refuses with 403 when the session may not share the object.
 */
export function ShareDialog({ bucket, target, onClose }: ShareDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      visible={target !== null}
      title={t('share.title', { name: target?.name ?? '' })}
      onClose={onClose}
      footer={
        <Button variant="outline" onClick={onClose}>
          {t('share.close')}
        </Button>
      }
    >
      {/* Keyed by object: a new target starts without the previous link. */}
      {target ? <ShareForm key={target.key} bucket={bucket} objectKey={target.key} /> : null}
    </ModalDialog>
  );
}

function ShareForm({ bucket, objectKey }: { bucket: BucketRef; objectKey: string }) {
  const { t, i18n } = useTranslation();
  const cos = useCosClient();
  const [seconds, setSeconds] = useState<ShareSeconds>(DEFAULT_SHARE_SECONDS);
  const validityId = useId();
  const linkId = useId();
  const linkRef = useInnerInputAttributes({ id: linkId, readonly: 'readonly' });
  const share = useMutation({
    mutationFn: (expiresSeconds: ShareSeconds) => cos.shareLink({ bucket: bucket.name, region: bucket.region, key: objectKey, expiresSeconds }),
  });

  const copy = (url: string) => {
    // navigator.clipboard exists only in secure contexts (HTTPS, or localhost).
    const clipboard = window.isSecureContext ? navigator.clipboard : undefined;
    if (!clipboard) {
      const input = document.getElementById(linkId);
      if (input instanceof HTMLInputElement) {
        input.focus();
        input.select();
      }
      void MessagePlugin.warning(t('share.copyFailed'));
      return;
    }
    clipboard.writeText(url).then(
      () => void MessagePlugin.success(t('share.copied')),
      () => void MessagePlugin.warning(t('share.copyFailed')),
    );
  };

  return (
    <div className="share-form">
      <div className="share-form__row">
        <span id={validityId} className="share-form__label">
          {t('share.validity')}
        </span>
        <div role="radiogroup" aria-labelledby={validityId}>
          <Radio.Group
            variant="default-filled"
            value={seconds}
            onChange={(value) => {
              if (isShareSeconds(value)) setSeconds(value);
              share.reset();
            }}
          >
            {SHARE_DURATIONS.map((d) => (
              <Radio.Button key={d.seconds} value={d.seconds}>
                {t(d.labelKey)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </div>
      </div>
      <div>
        <Button theme="primary" loading={share.isPending} onClick={() => share.mutate(seconds)}>
          {t('share.create')}
        </Button>
      </div>
      {share.isError ? (
        <ErrorAlert
          title={t(shareFailureKind(share.error) === 'forbidden' ? 'share.forbidden' : 'share.failed')}
          details={[share.error.message]}
        />
      ) : null}
      {share.data ? (
        <div className="share-form__result">
          <label htmlFor={linkId} className="share-form__label">
            {t('share.link')}
          </label>
          <div className="share-form__link">
            <Input ref={linkRef} value={share.data.url} readonly />
            <Button variant="outline" onClick={() => copy(share.data.url)}>
              {t('share.copy')}
            </Button>
          </div>
          <p className="share-form__expiry">{t('share.expires', { time: formatExpiry(share.data.expiresAt, i18n.language) })}</p>
        </div>
      ) : null}
    </div>
  );
}
