import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Switch } from 'tdesign-react';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import type { BucketTarget } from '../../../../cos/cos-client';
import type { EncryptionConfiguration } from '../../../../../shared/xml/encryption';
import { SectionFrame } from '../../components/section-frame';
import { SettingError } from '../../components/setting-error';
import { useSetting, type SettingState } from '../../hooks/use-setting';
import { encryptionState, sseCosConfiguration } from '../../model/encryption-form';
import '../lifecycle/lifecycle-section.css';

const KNOWN_ALGORITHMS = ['KMS', 'SM4', 'AES256'] as const;

/**
 * Default encryption (PUT/DELETE Bucket encryption, https://cloud.tencent.com/document/product/436/40136):
 * SSE-COS on or off. Another default (SSE-KMS, SM4) is shown read-only, never overwritten by the switch.
 */
export function EncryptionSection({ target }: { target: BucketTarget }) {
  const { t } = useTranslation();
  const state = useSetting(target, 'encryption');
  return (
    <SectionFrame target={target} setting="encryption" state={state} intro={<p>{t('bucketSettings.encryption.intro')}</p>}>
      {(value, readOnly) => <EncryptionEditor value={value} readOnly={readOnly} state={state} />}
    </SectionFrame>
  );
}

function EncryptionEditor({ value, readOnly, state }: { value: EncryptionConfiguration | null; readOnly: boolean; state: SettingState<'encryption'> }) {
  const { t } = useTranslation();
  const current = encryptionState(value);
  // The switch follows COS until it is moved; a save puts it back to following (the new value).
  const [draft, setDraft] = useState<boolean | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const switchId = useId();
  const { save } = state;
  const title = t('bucketSettings.encryption.title');

  if (current.kind === 'other') {
    const known = KNOWN_ALGORITHMS.find((a) => a === current.algorithm);
    const algorithm = known ? t(`bucketSettings.encryption.algorithms.${known}`) : current.algorithm;
    return (
      <div role="note">
        <Alert
          theme="info"
          message={
            <>
              <p className="settings-editor__para">{t('bucketSettings.encryption.other', { algorithm })}</p>
              {current.kmsMasterKeyId ? <p className="settings-editor__para">{t('bucketSettings.encryption.kmsKey', { id: current.kmsMasterKeyId })}</p> : null}
              {current.kmsAlgorithm ? <p className="settings-editor__para">{t('bucketSettings.encryption.kmsAlgorithm', { algorithm: current.kmsAlgorithm })}</p> : null}
            </>
          }
        />
      </div>
    );
  }

  const wasOn = current.kind === 'sseCos';
  const on = draft ?? wasOn;
  const write = async (next: EncryptionConfiguration | null) => {
    setSaved(false);
    await save.mutateAsync({ value: next });
    setDraft(null);
    setSaved(true);
  };
  const submit = () => {
    if (on === wasOn) return;
    if (!on) setConfirming(true);
    else void write(sseCosConfiguration()).catch(() => undefined);
  };
  const stateText = (wasOn ? t('bucketSettings.encryption.on') : t('bucketSettings.encryption.off'));

  return (
    <div className="settings-editor">
      {current.kind === 'noDefault' ? <Alert theme="warning" message={t('bucketSettings.encryption.noDefault')} /> : null}
      <p className="settings-editor__para" data-testid="encryption-state">{stateText}</p>
      <div className="settings-editor__switch">
        <Switch
          {...{ id: switchId, 'aria-checked': on }}
          value={on}
          disabled={readOnly || save.isPending}
          onChange={(v) => {
            setSaved(false);
            setDraft(Boolean(v));
          }}
        />
        <label htmlFor={switchId}>{t('bucketSettings.encryption.switchLabel')}</label>
      </div>
      {readOnly ? null : (
        <div className="settings-section__actions">
          <Button tag="button" theme="primary" disabled={on === wasOn || save.isPending} loading={save.isPending} onClick={submit}>
            {save.isPending ? t('bucketSettings.common.saving') : t('bucketSettings.common.save')}
          </Button>
        </div>
      )}
      <div role="status" aria-live="polite">
        {saved && !save.isPending ? t(wasOn ? 'bucketSettings.common.saved' : 'bucketSettings.common.deleted', { setting: title }) : null}
      </div>
      {save.isError ? <SettingError title={t('bucketSettings.common.saveFailed', { setting: title })} error={save.error} /> : null}
      <ConfirmDialog
        visible={confirming}
        title={t('bucketSettings.encryption.confirmOffTitle')}
        confirmLabel={t('bucketSettings.encryption.turnOff')}
        cancelLabel={t('bucketSettings.common.cancel')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void write(null).catch(() => undefined);
        }}
      >
        <p>{t('bucketSettings.encryption.confirmOffBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
