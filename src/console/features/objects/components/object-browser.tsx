import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, Space } from 'tdesign-react';
import { allows, folderActions, landingPrefixes, shareCheck, type ActionCheck } from '../../../../shared/access/grant-navigation';
import { useBrowseScope } from '../../../session/use-current-session';
import { useCosClient } from '../../../cos/cos-client-context';
import { objectQueries, type BucketRef } from '../../../cos/object-queries';
import { reachableParent } from '../model/breadcrumbs';
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
import { ObjectAclDialog } from './object-acl-dialog';
import { DeniedAction } from './denied-action';
import { GrantLanding } from './grant-landing';

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
  // A restricted account's grants decide what this folder offers (grant-navigation.ts): a listing
  // they do not cover is not sent (the server would refuse it), the usable folders are shown instead.
  const scope = useBrowseScope();
  const actions = folderActions(scope, bucket.name, prefix);
  const canList = actions.list.allowed;
  const listing = useInfiniteQuery({ ...objectQueries.list(cos, bucket, prefix), enabled: canList });
  const rows = toObjectRows(listing.data?.pages ?? [], prefix);
  const parent = reachableParent(prefix, (p) => allows(scope, bucket.name, p, 'list'));
  const deniedReason = (check: ActionCheck): string | undefined =>
    check.allowed ? undefined : t('access.missingPermission', { permission: check.missing });
  const deleteDenied = deniedReason(actions.delete);
  const shareDenied = (row: { key: string }): string | undefined => deniedReason(shareCheck(scope, bucket.name, row.key));
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const selectedRows = rows.filter((r) => selected.has(r.id));
  const upload = useFolderUpload(bucket, prefix, new Set(rows.flatMap((r) => (r.kind === 'file' ? [r.name] : []))));
  const deletion = useDeleteObjects(bucket, () => setSelected(new Set()));
  const [sharing, setSharing] = useState<{ key: string; name: string } | null>(null);
  // Changing an object's ACL is signed for `settings` on its key (request-scope.ts PutObjectAcl).
  const [aclTarget, setAclTarget] = useState<{ key: string; name: string } | null>(null);

  return (
    <>
      <Space className="object-toolbar" align="center">
        {/* tag="button": a disabled TDesign Button is otherwise a <div>, no button to assistive technology. */}
        <Button variant="outline" tag="button" disabled={parent === null} onClick={() => parent !== null && void navigate(linkTo(parent))}>
          {t('objects.upOneLevel')}
        </Button>
        <Button variant="outline" tag="button" disabled={!canList} loading={listing.isRefetching && !listing.isFetchingNextPage} onClick={() => void listing.refetch()}>
          {t('common.refresh')}
        </Button>
        <UploadButton onFiles={upload.add} denied={deniedReason(actions.upload)} />
        {deleteDenied !== undefined ? (
          <DeniedAction reason={deleteDenied}>
            {(describedBy) => (
              <Button theme="danger" variant="outline" tag="button" disabled aria-describedby={describedBy}>
                {t('deleteObjects.button')}
              </Button>
            )}
          </DeniedAction>
        ) : (
          <Button
            theme="danger"
            variant="outline"
            tag="button"
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
        )}
        {selectedRows.length > 0 ? <span className="object-toolbar__count">{t('deleteObjects.selectedCount', { count: selectedRows.length })}</span> : null}
        {listing.data ? <span className="object-toolbar__count">{t('objects.shown', { count: rows.length })}</span> : null}
      </Space>
      {!canList ? (
        <GrantLanding prefixes={landingPrefixes(scope, bucket.name)} linkTo={linkTo} />
      ) : listing.isError && !listing.data ? (
        <ObjectListError error={listing.error} bucket={bucket} onRetry={() => void listing.refetch()} />
      ) : (
        <MaybeDropZone onFiles={actions.upload.allowed ? upload.add : undefined}>
          <ObjectTable
            rows={rows}
            loading={listing.isPending}
            emptyText={prefix ? t('objects.emptyFolder') : t('objects.emptyBucket')}
            linkTo={linkTo}
            // Rows are selected only to delete them: no checkboxes where deleting is not allowed.
            {...(deleteDenied === undefined ? { selection: { selected, onChange: setSelected } } : {})}
            onShare={(row) => setSharing({ key: row.key, name: row.name })}
            shareDenied={shareDenied}
            onAcl={(row) => setAclTarget({ key: row.key, name: row.name })}
            aclAllowed={(row) => allows(scope, bucket.name, row.key, 'settings')}
          />
        </MaybeDropZone>
      )}
      <UploadOverwriteDialog names={upload.pendingOverwrites} onConfirm={upload.confirmOverwrite} onCancel={upload.dismissOverwrite} />
      <DeleteDialog state={deletion.state} prefix={prefix} onConfirm={() => void deletion.confirm()} onClose={deletion.close} />
      <UploadPanel />
      <ShareDialog bucket={bucket} target={sharing} onClose={() => setSharing(null)} />
      <ObjectAclDialog bucket={bucket} target={aclTarget} onClose={() => setAclTarget(null)} />
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

/** The drop zone where uploading is allowed; elsewhere a drop would only fail, so there is none. */
function MaybeDropZone({ onFiles, children }: { onFiles: ((files: File[]) => void) | undefined; children: ReactNode }) {
  return onFiles ? <UploadDropZone onFiles={onFiles}>{children}</UploadDropZone> : <>{children}</>;
}
