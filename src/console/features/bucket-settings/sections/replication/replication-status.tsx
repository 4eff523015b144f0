import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Form, Input, Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import { useInnerInputAttributes } from '../../../../components/use-inner-input-attributes';
import type { BucketTarget } from '../../../../cos/cos-client';
import { useCosClient } from '../../../../cos/cos-client-context';
import { CosClientError } from '../../../../cos/cos-error';
import { settingQueries } from '../../../../cos/setting-queries';
import { formatDateTime } from '../../../../i18n/format-date';
import type { ReplicationConfiguration, ReplicationRuleProgress } from '../../../../../shared/xml/replication';
import { corsExposesReplicationStatus, progressOf, replicationStatusOf, type ReplicationStatus as Status } from '../../model/replication-wizard';
import { SettingError } from '../../components/setting-error';

const STATUS_THEME: Record<Status, 'success' | 'warning' | 'danger' | 'primary' | 'default'> = {
  COMPLETED: 'success', PENDING: 'warning', FAILED: 'danger', REPLICA: 'primary', none: 'default',
};

/** What the replicator did: per-rule counters where the endpoint has them, and one object's status. */
export function ReplicationStatus({ target, config }: { target: BucketTarget; config: ReplicationConfiguration | null }) {
  const { t } = useTranslation();
  return (
    <div className="replication__block">
      <h3 className="replication__heading">{t('bucketSettings.replication.status.heading')}</h3>
      {config && config.rules.length > 0 ? <Progress target={target} /> : null}
      <ObjectStatus target={target} />
    </div>
  );
}

/** cos-local's `GET /?replication&progress` (docs/cos-behaviour.md "Replication"); real COS has no such counters. */
function Progress({ target }: { target: BucketTarget }) {
  const { t, i18n } = useTranslation();
  const cos = useCosClient();
  const progress = useQuery({
    queryKey: [...settingQueries.all(target), 'replication-progress'],
    queryFn: async () => progressOf(await cos.replicationProgress(target)) ?? null,
    retry: false,
  });
  const columns: PrimaryTableCol<ReplicationRuleProgress>[] = [
    { colKey: 'id', title: t('bucketSettings.replication.rules.id'), cell: ({ row }) => <span className="object-name">{row.id}</span> },
    { colKey: 'pending', title: t('bucketSettings.replication.status.pending') },
    { colKey: 'completed', title: t('bucketSettings.replication.status.completed') },
    { colKey: 'failed', title: t('bucketSettings.replication.status.failed') },
    {
      colKey: 'lastCompleted',
      title: t('bucketSettings.replication.status.lastCompleted'),
      cell: ({ row }) => (row.lastCompleted ? formatDateTime(row.lastCompleted, i18n.language) : t('bucketSettings.replication.status.never')),
    },
  ];
  return (
    <div className="replication__field">
      <div className="replication__header">
        <h4 className="replication__subheading">{t('bucketSettings.replication.status.progress')}</h4>
        <Button size="small" variant="outline" loading={progress.isFetching} onClick={() => void progress.refetch()} aria-label={`${t('bucketSettings.replication.status.refresh')} — ${t('bucketSettings.replication.status.progress')}`}>
          {t('bucketSettings.replication.status.refresh')}
        </Button>
      </div>
      {progress.isSuccess && progress.data === null ? (
        <Alert theme="info" message={t('bucketSettings.replication.status.progressUnavailable')} />
      ) : (
        <Table<ReplicationRuleProgress>
          rowKey="id"
          data={progress.data ?? []}
          columns={columns}
          loading={progress.isPending}
          empty={t('bucketSettings.replication.status.progressEmpty')}
          tableLayout="auto"
        />
      )}
    </div>
  );
}

/** HEAD Object's `x-cos-replication-status` (436/7745) for a key the user types. */
function ObjectStatus({ target }: { target: BucketTarget }) {
  const { t } = useTranslation();
  const cos = useCosClient();
  const [key, setKey] = useState('');
  const [checked, setChecked] = useState<string | null>(null);
  const keyId = useId();
  const keyRef = useInnerInputAttributes({ id: keyId, autocomplete: 'off', spellcheck: 'false' });
  const head = useQuery({
    queryKey: [...settingQueries.all(target), 'replication-status', checked],
    queryFn: async () => replicationStatusOf(await cos.headObject(target, checked ?? '')),
    enabled: checked !== null,
    retry: false,
  });
  // A cross-origin response shows the header only if the bucket's CORS rule exposes it.
  const cors = useQuery({ ...settingQueries.value(cos, target, 'cors'), enabled: checked !== null });
  const hidden = cors.isSuccess && !corsExposesReplicationStatus(cors.data, window.location.origin);
  const notFound = head.error instanceof CosClientError && (head.error.statusCode === 404 || head.error.code === 'NoSuchKey');
  const submit = () => {
    if (key === '') return;
    if (key === checked) void head.refetch();
    else setChecked(key);
  };
  return (
    <div className="replication__field">
      <h4 className="replication__subheading">{t('bucketSettings.replication.status.object')}</h4>
      <Form
        labelAlign="top"
        colon={false}
        requiredMark={false}
        onSubmit={({ e }) => {
          e?.preventDefault();
          submit();
        }}
      >
        <Form.FormItem label={t('bucketSettings.replication.status.key')} for={keyId} help={t('bucketSettings.replication.status.keyHelp')}>
          <div className="replication__key-row">
            <div className="replication__control">
              <Input ref={keyRef} value={key} onChange={setKey} />
            </div>
            <Button type="submit" theme="primary" variant="outline" loading={head.isFetching}>
              {checked !== null && key === checked ? t('bucketSettings.replication.status.refresh') : t('bucketSettings.replication.status.check')}
            </Button>
          </div>
        </Form.FormItem>
      </Form>
      <div aria-live="polite">
        {checked === null ? null : head.isSuccess ? (
          <p className="replication__result">
            <span>{t('bucketSettings.replication.status.result', { key: checked })}</span>{' '}
            <span data-status={head.data}>
              <Tag variant="light" theme={STATUS_THEME[head.data]}>
                {t(`bucketSettings.replication.status.values.${head.data}`)}
              </Tag>
            </span>
          </p>
        ) : notFound ? (
          <Alert theme="warning" message={t('bucketSettings.replication.status.notFound', { key: checked })} />
        ) : head.isError ? (
          <SettingError title={t('bucketSettings.replication.status.failedRead')} error={head.error} />
        ) : null}
        {checked !== null && hidden && head.data === 'none' ? <Alert theme="warning" message={t('bucketSettings.replication.status.corsHidden')} /> : null}
      </div>
    </div>
  );
}
