import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, MessagePlugin, Space, Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import { ModalDialog } from '../../../../components/modal-dialog';
import type { BucketTarget } from '../../../../cos/cos-client';
import type { ReplicationConfiguration, ReplicationRule } from '../../../../../shared/xml/replication';
import { SectionFrame } from '../../components/section-frame';
import { useSetting, type SettingState } from '../../hooks/use-setting';
import { destinationOf, withoutRule } from '../../model/replication-wizard';
import { ReplicationError } from './replication-error';
import { ReplicationStatus } from './replication-status';
import { ReplicationWizard } from './replication-wizard';
import './replication-section.css';

/**
 * Replication (PUT/GET/DELETE Bucket replication, https://cloud.tencent.com/document/product/436/19223):
 * the rules, a wizard that adds one, and what the replicator did.
 */
export function ReplicationSection({ target }: { target: BucketTarget }) {
  const { t } = useTranslation();
  const state = useSetting(target, 'replication');
  return (
    <SectionFrame target={target} setting="replication" state={state} intro={t('bucketSettings.replication.intro')}>
      {(value, readOnly) => <ReplicationEditor target={target} config={value} readOnly={readOnly} state={state} />}
    </SectionFrame>
  );
}

interface Row {
  index: number;
  rule: ReplicationRule;
}

type Removal = { kind: 'one'; index: number } | { kind: 'all' } | null;

function ReplicationEditor({ target, config, readOnly, state }: { target: BucketTarget; config: ReplicationConfiguration | null; readOnly: boolean; state: SettingState<'replication'> }) {
  const { t } = useTranslation();
  const [wizardOpen, setWizardOpen] = useState(false);
  const [removal, setRemoval] = useState<Removal>(null);
  const rules = config?.rules ?? [];
  const ruleName = (row: Row) => row.rule.id ?? t('bucketSettings.replication.rules.noId', { n: row.index + 1 });
  const destinationText = (rule: ReplicationRule) => {
    const d = destinationOf(rule);
    return d ? t('bucketSettings.replication.rules.destinationValue', { bucket: d.bucket, region: d.region }) : t('bucketSettings.replication.rules.unreadableDestination', { value: rule.destination.bucket });
  };

  const columns: PrimaryTableCol<Row>[] = [
    { colKey: 'id', title: t('bucketSettings.replication.rules.id'), cell: ({ row }) => <span className="object-name replication__nowrap">{ruleName(row)}</span> },
    {
      colKey: 'status',
      title: t('bucketSettings.replication.rules.status'),
      cell: ({ row }) => (
        <Tag size="small" variant="light" theme={row.rule.status === 'Enabled' ? 'success' : 'default'}>
          {row.rule.status === 'Enabled' ? t('bucketSettings.common.enabled') : t('bucketSettings.common.disabled')}
        </Tag>
      ),
    },
    {
      colKey: 'scope',
      title: t('bucketSettings.replication.rules.scope'),
      cell: ({ row }) => (row.rule.prefix ? t('bucketSettings.replication.rules.prefix', { prefix: row.rule.prefix }) : t('bucketSettings.replication.rules.wholeBucket')),
    },
    { colKey: 'destination', title: t('bucketSettings.replication.rules.destination'), cell: ({ row }) => <span className="replication__wrap">{destinationText(row.rule)}</span> },
    {
      colKey: 'storageClass',
      title: t('bucketSettings.replication.rules.storageClass'),
      cell: ({ row }) => row.rule.destination.storageClass ?? t('bucketSettings.replication.rules.sameAsSource'),
    },
    {
      colKey: 'deleteMarkers',
      title: t('bucketSettings.replication.rules.deleteMarkers'),
      // Absent means Enabled (436/19223).
      cell: ({ row }) => (row.rule.deleteMarkerReplication === 'Disabled' ? t('bucketSettings.replication.rules.notReplicated') : t('bucketSettings.replication.rules.replicated')),
    },
    ...(readOnly
      ? []
      : [{
          colKey: 'actions',
          title: t('bucketSettings.common.actions'),
          cell: ({ row }: { row: Row }) => (
            <Button size="small" variant="text" theme="danger" aria-label={t('bucketSettings.replication.rules.removeLabel', { id: ruleName(row) })} onClick={() => setRemoval({ kind: 'one', index: row.index })}>
              {t('bucketSettings.replication.rules.remove')}
            </Button>
          ),
        } satisfies PrimaryTableCol<Row>]),
  ];

  return (
    <div className="replication">
      <div className="replication__block">
        <div className="replication__header">
          <h3 className="replication__heading">{t('bucketSettings.replication.rules.heading')}</h3>
          {readOnly ? null : (
            <Space size="small">
              <Button theme="primary" onClick={() => setWizardOpen(true)}>
                {t('bucketSettings.replication.rules.add')}
              </Button>
              {rules.length > 0 ? (
                <Button theme="danger" variant="outline" onClick={() => setRemoval({ kind: 'all' })}>
                  {t('bucketSettings.replication.rules.removeAll')}
                </Button>
              ) : null}
            </Space>
          )}
        </div>
        {config ? <p className="replication__role replication__wrap">{t('bucketSettings.replication.rules.role', { role: config.role })}</p> : null}
        <Table<Row>
          rowKey="index"
          data={rules.map((rule, index) => ({ index, rule }))}
          columns={columns}
          empty={t('bucketSettings.replication.rules.empty')}
          tableLayout="auto"
        />
      </div>
      <ReplicationStatus target={target} config={config} />
      {readOnly ? null : (
        <>
          <ReplicationWizard target={target} config={config} state={state} visible={wizardOpen} onClose={() => setWizardOpen(false)} />
          <RemoveDialog target={target} config={config} removal={removal} state={state} onClose={() => setRemoval(null)} ruleName={(index) => ruleName({ index, rule: rules[index] ?? { status: '', destination: { bucket: '' } } })} destinationText={destinationText} />
        </>
      )}
    </div>
  );
}

interface RemoveDialogProps {
  target: BucketTarget;
  config: ReplicationConfiguration | null;
  removal: Removal;
  state: SettingState<'replication'>;
  onClose: () => void;
  ruleName: (index: number) => string;
  destinationText: (rule: ReplicationRule) => string;
}

/** Confirms removing one rule (the whole configuration when it is the last) or all of them (DELETE Bucket replication, 436/19221). */
function RemoveDialog({ target, config, removal, state, onClose, ruleName, destinationText }: RemoveDialogProps) {
  const { t } = useTranslation();
  const { save } = state;
  const close = () => {
    if (save.isPending) return;
    save.reset();
    onClose();
  };
  const rule = removal?.kind === 'one' ? config?.rules[removal.index] : undefined;
  const last = (config?.rules.length ?? 0) <= 1;
  const title = removal?.kind === 'one' ? t('bucketSettings.replication.rules.removeTitle', { id: ruleName(removal.index) }) : t('bucketSettings.replication.rules.removeAllTitle');
  const body = removal?.kind === 'one' && rule
    ? t(last ? 'bucketSettings.replication.rules.removeLastBody' : 'bucketSettings.replication.rules.removeBody', { destination: destinationText(rule) })
    : t('bucketSettings.replication.rules.removeAllBody', { bucket: target.bucket });
  const confirm = () => {
    if (!config || !removal || save.isPending) return;
    const next = removal.kind === 'all' ? null : withoutRule(config, removal.index);
    save.mutate({ value: next }, {
      onSuccess: () => {
        void MessagePlugin.success(next === null ? t('bucketSettings.replication.rules.removedAll') : t('bucketSettings.replication.rules.removed'));
        onClose();
      },
    });
  };
  return (
    <ModalDialog visible={removal !== null} title={title} onClose={close} footer={null}>
      {removal ? (
        <div className="replication__dialog">
          <p>{body}</p>
          {save.isError ? <ReplicationError title={t('bucketSettings.replication.rules.removeFailed')} error={save.error} /> : null}
          <div className="dialog-actions">
            <Button tag="button" variant="outline" onClick={close} disabled={save.isPending}>
              {t('bucketSettings.common.cancel')}
            </Button>
            <Button theme="danger" onClick={confirm} loading={save.isPending}>
              {t('bucketSettings.common.remove')}
            </Button>
          </div>
        </div>
      ) : null}
    </ModalDialog>
  );
}
