import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Input } from 'tdesign-react';
import { ApiError } from '../../../api/http';
import { useBrowseScope, useCurrentSession } from '../../../session/use-current-session';
import { ErrorAlert } from '../../../components/error-alert';
import { useInnerInputAttributes } from '../../../components/use-inner-input-attributes';
import { bucketQueries } from '../../../cos/bucket-queries';
import { filterBuckets } from '../model/filter-buckets';
import { accountAppId } from '../model/new-bucket';
import { BucketTable } from './bucket-table';
import { CreateBucketDialog } from './create-bucket-dialog';
import { OpenBucketForm } from './open-bucket-form';

/** /buckets: the buckets this session may see, with a client-side name filter (or, for a key that may not list buckets, a form to open one by name). */
export function BucketListPage() {
  const { t } = useTranslation();
  const buckets = useQuery(bucketQueries.list());
  // 403: an API key COS refused GET Service (session canListBuckets false); buckets are opened by name instead.
  const canListBuckets = !(buckets.error instanceof ApiError && buckets.error.status === 403);
  // The filter is a passing view of the loaded list, not navigation, so it stays out of the URL.
  const [filter, setFilter] = useState('');
  const filterRef = useInnerInputAttributes({ 'aria-label': t('buckets.filterLabel') });
  const visible = filterBuckets(buckets.data ?? [], filter);
  // Creating a bucket is an admin action on the server (POST /api/buckets).
  const isAdmin = useCurrentSession()?.user.role === 'admin';
  const scope = useBrowseScope();
  const [creating, setCreating] = useState(false);

  return (
    <section className="page">
      <header className="page__header">
        <h1 className="page__title">{t('buckets.title')}</h1>
        <div className="page__actions">
          {isAdmin ? (
            <Button theme="primary" onClick={() => setCreating(true)}>
              {t('bucketCreate.open')}
            </Button>
          ) : null}
          {canListBuckets ? (
            <div ref={filterRef} className="page__filter">
              <Input type="search" value={filter} onChange={setFilter} placeholder={t('buckets.filterPlaceholder')} clearable />
            </div>
          ) : null}
        </div>
      </header>
      {isAdmin ? <CreateBucketDialog visible={creating} onClose={() => setCreating(false)} appId={accountAppId(buckets.data ?? [])} /> : null}
      {!canListBuckets ? (
        <OpenBucketForm />
      ) : buckets.isError && !buckets.data ? (
        <ErrorAlert
          title={t('buckets.loadError')}
          details={[
            buckets.error.message,
            ...(buckets.error instanceof ApiError ? [t('common.errorCode', { code: buckets.error.code })] : []),
          ]}
          retryLabel={t('common.retry')}
          onRetry={() => void buckets.refetch()}
        />
      ) : (
        <BucketTable
          buckets={visible}
          loading={buckets.isPending}
          scope={scope}
          emptyText={filter.trim() ? t('buckets.noMatch', { query: filter.trim() }) : t('buckets.empty')}
        />
      )}
    </section>
  );
}
