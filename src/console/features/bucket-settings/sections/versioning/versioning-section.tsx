import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Tag } from 'tdesign-react';
import { ModalDialog } from '../../../../components/modal-dialog';
import { RouterLink } from '../../../../components/router-link';
import type { BucketTarget } from '../../../../cos/cos-client';
import { paths } from '../../../../navigation/paths';
import type { VersioningStatus } from '../../../../../shared/xml/versioning';
import { SectionFrame } from '../../components/section-frame';
import { SettingError } from '../../components/setting-error';
import { useSetting, useSettingValue, type SettingState } from '../../hooks/use-setting';
import { replicationDestinations } from '../../model/endpoints';
import './versioning-section.css';

/**
 * Versioning (PUT/GET Bucket versioning, https://cloud.tencent.com/document/product/436/19889 and
 * 436/19888): the state, and enabling or suspending it. There is no "off" to go back to: a bucket
 * that was ever versioned answers Enabled or Suspended, and COS has no DELETE for it.
 */
export function VersioningSection({ target }: { target: BucketTarget }) {
  const { t } = useTranslation();
  const state = useSetting(target, 'versioning');
  return (
    <SectionFrame target={target} setting="versioning" state={state} intro={t('bucketSettings.versioning.intro')}>
      {(value, readOnly) => <VersioningEditor target={target} value={value} readOnly={readOnly} state={state} />}
    </SectionFrame>
  );
}

function VersioningEditor({ target, value, readOnly, state }: { target: BucketTarget; value: VersioningStatus | null; readOnly: boolean; state: SettingState<'versioning'> }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<VersioningStatus | null>(null);
  const [done, setDone] = useState<VersioningStatus | null>(null);
  const key = value ?? 'never';
  const next: VersioningStatus = value === 'Enabled' ? 'Suspended' : 'Enabled';
  return (
    <div className="admin-form">
      <div className="admin-form__field">
        <span className="admin-form__label" id="versioning-current">{t('bucketSettings.versioning.current')}</span>
        <div aria-labelledby="versioning-current" role="group">
          <Tag size="large" variant="light" theme={value === 'Enabled' ? 'success' : value === 'Suspended' ? 'warning' : 'default'} data-testid="versioning-state">
            {t(`bucketSettings.versioning.state.${key}`)}
          </Tag>
        </div>
        <p className="settings-section__intro">{t(`bucketSettings.versioning.stateHelp.${key}`)}</p>
      </div>
      <div>
        <h3 className="versioning-section__subtitle">{t('bucketSettings.versioning.facts.title')}</h3>
        <ul className="settings-section__intro versioning-section__facts">
          <li>{t('bucketSettings.versioning.facts.oneWay')}</li>
          <li>{t('bucketSettings.versioning.facts.suspend')}</li>
          <li>{t('bucketSettings.versioning.facts.replication')}</li>
          <li>{t('bucketSettings.versioning.facts.storage')}</li>
        </ul>
      </div>
      <div role="status">{done === 'Enabled' ? t('bucketSettings.versioning.enabled') : done === 'Suspended' ? t('bucketSettings.versioning.suspended') : ''}</div>
      {readOnly ? null : (
        <div className="settings-section__actions">
          <Button theme={next === 'Enabled' ? 'primary' : 'warning'} onClick={() => { setDone(null); setAsking(next); }}>
            {next === 'Enabled' ? t('bucketSettings.versioning.enable') : t('bucketSettings.versioning.suspend')}
          </Button>
        </div>
      )}
      <ConfirmDialog
        target={target}
        asking={asking}
        state={state}
        onClose={() => setAsking(null)}
        onDone={(status) => {
          setAsking(null);
          setDone(status);
        }}
      />
    </div>
  );
}

function ConfirmDialog({ target, asking, state, onClose, onDone }: {
  target: BucketTarget;
  asking: VersioningStatus | null;
  state: SettingState<'versioning'>;
  onClose: () => void;
  onDone: (status: VersioningStatus) => void;
}) {
  const { t } = useTranslation();
  const replication = useSettingValue(target, 'replication');
  const [error, setError] = useState<unknown>(null);
  const pending = state.save.isPending;
  const close = () => {
    if (pending) return;
    setError(null);
    onClose();
  };
  const confirm = async () => {
    if (!asking || pending) return;
    setError(null);
    try {
      await state.save.mutateAsync({ value: asking });
      onDone(asking);
    } catch (e) {
      setError(e);
    }
  };
  const suspending = asking === 'Suspended';
  const rules = replication.value.data?.rules ?? [];
  // COS refuses to suspend versioning while replication rules exist (PUT Bucket versioning, 436/19889).
  const replicationNote = !suspending ? null : rules.length > 0 ? (
    <Alert
      theme="warning"
      message={t('bucketSettings.versioning.confirmSuspend.replication', { destinations: replicationDestinations(rules).join(', ') })}
      operation={<RouterLink to={paths.settings(target.bucket, 'replication', { region: target.region })}>{t('bucketSettings.versioning.confirmSuspend.replicationLink')}</RouterLink>}
    />
  ) : replication.value.isError || replication.access.kind === 'none' ? (
    <Alert theme="info" message={t('bucketSettings.versioning.confirmSuspend.replicationUnknown')} />
  ) : null;
  const title = suspending ? t('bucketSettings.versioning.confirmSuspend.title') : t('bucketSettings.versioning.confirmEnable.title');
  return (
    <ModalDialog visible={asking !== null} title={title} onClose={close} footer={null}>
      {asking ? (
        <div className="admin-form">
          {suspending ? (
            <p>{t('bucketSettings.versioning.confirmSuspend.text', { bucket: target.bucket })}</p>
          ) : (
            <>
              <p>{t('bucketSettings.versioning.confirmEnable.text', { bucket: target.bucket })}</p>
              <p>{t('bucketSettings.versioning.confirmEnable.oneWay')}</p>
            </>
          )}
          {replicationNote}
          {error ? <SettingError title={t('bucketSettings.common.saveFailed', { setting: t('bucketSettings.versioning.title') })} error={error} /> : null}
          <div className="dialog-actions">
            <Button variant="outline" onClick={close} disabled={pending}>{t('bucketSettings.common.cancel')}</Button>
            <Button theme={suspending ? 'warning' : 'primary'} loading={pending} onClick={() => void confirm()}>
              {suspending ? t('bucketSettings.versioning.confirmSuspend.confirm') : t('bucketSettings.versioning.confirmEnable.confirm')}
            </Button>
          </div>
        </div>
      ) : null}
    </ModalDialog>
  );
}
