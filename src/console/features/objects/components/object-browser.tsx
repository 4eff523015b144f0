import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, Space } from 'tdesign-react';
import { useCosClient } from '../../../cos/cos-client-context';
import { objectQueries, type BucketRef } from '../../../cos/object-queries';
import { parentPrefix } from '../model/breadcrumbs';
import { toObjectRows } from '../model/object-rows';
import { ObjectListError } from './object-list-error';
import { ObjectTable } from './object-table';
import { DeleteDialog } from './delete-dialog';
import { UploadButton } from './upload-button';
import { UploadDropZone } from './upload-drop-zone';
import { UploadOverwriteDialog } from './upload-overwrite-dialog';
import { UploadPanel } from './upload-panel';
import { useDeleteObjects } from '../hooks/use-delete-objects';
import { useFolderUpload } from '../hooks/use-folder-upload';
import { ShareDialog } from './share-dialog';

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
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const selectedRows = rows.filter((r) => selected.has(r.id));
  const upload = useFolderUpload(bucket, prefix, new Set(rows.flatMap((r) => (r.kind === 'file' ? [r.name] : []))));
  const deletion = useDeleteObjects(bucket, () => setSelected(new Set()));
  const [sharing, setSharing] = useState<{ key: string; name: string } | null>(null);

  return (
    <>
      <Space className="object-toolbar" align="center">
        <Button variant="outline" disabled={parent === null} onClick={() => parent !== null && void navigate(linkTo(parent))}>
          {t('objects.upOneLevel')}
        </Button>
        <Button variant="outline" loading={listing.isRefetching && !listing.isFetchingNextPage} onClick={() => void listing.refetch()}>
          {t('common.refresh')}
        </Button>
        <UploadButton onFiles={upload.add} />
        <Button
          theme="danger"
          variant="outline"
          disabled={selectedRows.length === 0}
          onClick={() =>
            void deletion.start({
              keys: selectedRows.flatMap((r) => (r.kind === 'file' ? [r.key] : [])),
              folders: selectedRows.flatMap((r) => (r.kind === 'folder' ? [r.prefix] : [])),
            })
          }
        >
          {t('deleteObjects.button')}
        </Button>
        {selectedRows.length > 0 ? <span className="object-toolbar__count">{t('deleteObjects.selectedCount', { count: selectedRows.length })}</span> : null}
        {listing.data ? <span className="object-toolbar__count">{t('objects.shown', { count: rows.length })}</span> : null}
      </Space>
      {listing.isError && !listing.data ? (
        <ObjectListError error={listing.error} bucket={bucket} onRetry={() => void listing.refetch()} />
      ) : (
        <UploadDropZone onFiles={upload.add}>
          <ObjectTable
            rows={rows}
            loading={listing.isPending}
            emptyText={prefix ? t('objects.emptyFolder') : t('objects.emptyBucket')}
            linkTo={linkTo}
            selection={{ selected, onChange: setSelected }}
            onShare={(row) => setSharing({ key: row.key, name: row.name })}
          />
        </UploadDropZone>
      )}
      <UploadOverwriteDialog names={upload.pendingOverwrites} onConfirm={upload.confirmOverwrite} onCancel={upload.dismissOverwrite} />
      <DeleteDialog state={deletion.state} prefix={prefix} onConfirm={() => void deletion.confirm()} onClose={deletion.close} />
      <UploadPanel />
      <ShareDialog bucket={bucket} target={sharing} onClose={() => setSharing(null)} />
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
