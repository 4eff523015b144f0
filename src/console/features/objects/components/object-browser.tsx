import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, Space } from 'tdesign-react';
import { useCosClient } from '../../../cos/cos-client-context';
import { objectQueries, type BucketRef } from '../../../cos/object-queries';
import { parentPrefix } from '../model/breadcrumbs';
import { toObjectRows } from '../model/object-rows';
import { ObjectListError } from './object-list-error';
import { ObjectTable } from './object-table';

export interface ObjectBrowserProps {
  bucket: BucketRef;
  prefix: string;
  linkTo: (prefix: string) => string;
}

/** The listing of one folder: toolbar, table, and "Load more" for the next 1000 entries. */
export function ObjectBrowser({ bucket, prefix, linkTo }: ObjectBrowserProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cos = useCosClient();
  const listing = useInfiniteQuery(objectQueries.list(cos, bucket, prefix));
  const rows = toObjectRows(listing.data?.pages ?? [], prefix);
  const parent = parentPrefix(prefix);

  return (
    <>
      <Space className="object-toolbar" align="center">
        <Button variant="outline" disabled={parent === null} onClick={() => parent !== null && void navigate(linkTo(parent))}>
          {t('objects.upOneLevel')}
        </Button>
        <Button variant="outline" loading={listing.isRefetching && !listing.isFetchingNextPage} onClick={() => void listing.refetch()}>
          {t('common.refresh')}
        </Button>
        {listing.data ? <span className="object-toolbar__count">{t('objects.shown', { count: rows.length })}</span> : null}
      </Space>
      {listing.isError && !listing.data ? (
        <ObjectListError error={listing.error} region={bucket.region} onRetry={() => void listing.refetch()} />
      ) : (
        <ObjectTable
          rows={rows}
          loading={listing.isPending}
          emptyText={prefix ? t('objects.emptyFolder') : t('objects.emptyBucket')}
          linkTo={linkTo}
        />
      )}
      {listing.hasNextPage ? (
        <div className="object-load-more">
          <Button variant="outline" loading={listing.isFetchingNextPage} onClick={() => void listing.fetchNextPage()}>
            {t('objects.loadMore')}
          </Button>
        </div>
      ) : null}
    </>
  );
}
