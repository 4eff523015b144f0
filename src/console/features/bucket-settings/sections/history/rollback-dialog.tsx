import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Radio } from 'tdesign-react';
import type { HistoryEntry } from '../../../../api/history-api';
import { ModalDialog } from '../../../../components/modal-dialog';
import { PageLoading } from '../../../../components/page-loading';
import type { BucketTarget } from '../../../../cos/cos-client';
import { useCosClient } from '../../../../cos/cos-client-context';
import { settingQueries } from '../../../../cos/setting-queries';
import { DiffView } from '../../components/diff-view';
import { SettingError } from '../../components/setting-error';
import { useRecordedWrite } from '../../hooks/use-recorded-write';
import { restoredValue, rollbackPlan, type RestorePoint } from '../../model/history';
import { sectionOfSetting } from '../../model/sections';

export interface RollbackDialogProps {
  target: BucketTarget;
  entry: HistoryEntry;
  onClose: () => void;
  /** The rollback's own history entry, once COS has the restored value. */
  onDone: (entry: HistoryEntry) => void;
}

/**
 * Restores one setting as it was before (or after) a recorded change. The diff shown is from what the
 * bucket has now, read afresh from COS, to the value restored; the write is recorded as a rollback of
 * the entry (kind 'rollback', rollbackOf).
 */
export function RollbackDialog({ target, entry, onClose, onDone }: RollbackDialogProps) {
  const { t } = useTranslation();
  const cos = useCosClient();
  const write = useRecordedWrite();
  const [point, setPoint] = useState<RestorePoint>('before');
  const pointLabelId = useId();
  const setting = entry.setting;
  const title = t(`bucketSettings.${sectionOfSetting(setting).i18n}.title`);
  const current = useQuery({ ...settingQueries.value(cos, target, setting), refetchOnMount: 'always' });
  const plan = current.isSuccess ? rollbackPlan(entry, point, current.data) : undefined;

  const restore = useMutation({
    mutationFn: async () => {
      if (plan?.kind !== 'put' && plan?.kind !== 'delete') throw new Error('nothing to restore');
      return write({ target, setting, value: plan.kind === 'put' ? plan.value : null, kind: 'rollback', rollbackOf: entry.id });
    },
    onSuccess: onDone,
  });

  const canRestore = (plan?.kind === 'put' || plan?.kind === 'delete') && !restore.isPending;
  return (
    <ModalDialog
      visible
      width={720}
      title={t('bucketSettings.history.rollback.title', { setting: title, id: entry.id })}
      onClose={onClose}
      footer={
        <>
          <Button variant="outline" onClick={onClose}>{t('bucketSettings.common.cancel')}</Button>
          {/* tag="button": a disabled TDesign Button is otherwise not a disabled button to assistive technology. */}
          <Button theme="primary" tag="button" disabled={!canRestore} loading={restore.isPending} onClick={() => restore.mutate()}>
            {restore.isPending ? t('bucketSettings.history.rollback.restoring') : t('bucketSettings.history.rollback.confirm')}
          </Button>
        </>
      }
    >
      <div className="history-rollback">
        <div role="radiogroup" aria-labelledby={pointLabelId} className="history-rollback__point">
          <span id={pointLabelId} className="history-rollback__label">{t('bucketSettings.history.rollback.point')}</span>
          <Radio.Group value={point} onChange={(v) => setPoint(v === 'after' ? 'after' : 'before')}>
            <Radio value="before">{t('bucketSettings.history.rollback.before', { id: entry.id })}</Radio>
            <Radio value="after">{t('bucketSettings.history.rollback.after', { id: entry.id })}</Radio>
          </Radio.Group>
        </div>
        {current.isPending ? (
          <PageLoading />
        ) : current.isError ? (
          <SettingError title={t('bucketSettings.common.loadFailed', { setting: title })} error={current.error} onRetry={() => void current.refetch()} />
        ) : plan?.kind === 'unchanged' ? (
          <Alert theme="info" message={t('bucketSettings.history.rollback.unchanged')} />
        ) : plan?.kind === 'not-recorded' ? (
          <Alert theme="warning" message={t('bucketSettings.history.rollback.notRecorded')} />
        ) : plan?.kind === 'none-not-restorable' ? (
          <Alert theme="warning" message={t(`bucketSettings.history.rollback.noneNotRestorable.${setting === 'referer' || setting === 'versioning' || setting === 'acl' ? setting : 'other'}`)} />
        ) : plan ? (
          <>
            <p className="history-rollback__what">
              {plan.kind === 'delete'
                ? t('bucketSettings.history.rollback.willDelete', { setting: title })
                : t('bucketSettings.history.rollback.willPut', { setting: title })}
            </p>
            <DiffView
              setting={setting}
              before={current.data}
              after={restoredValue(entry, point)}
              label={t('bucketSettings.history.rollback.diffLabel', { setting: title })}
            />
          </>
        ) : null}
        {restore.isError ? (
          <SettingError title={t('bucketSettings.history.rollback.failed', { setting: title })} error={restore.error} />
        ) : null}
      </div>
    </ModalDialog>
  );
}
