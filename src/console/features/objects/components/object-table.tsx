import { useTranslation } from 'react-i18next';
import { Button, Table, type PrimaryTableCol } from 'tdesign-react';
import { FolderIcon } from '../../../components/folder-icon';
import { RouterLink } from '../../../components/router-link';
import { formatDateTime } from '../../../i18n/format-date';
import { fileSize } from '../model/file-size';
import type { FileRow, ObjectRow } from '../model/object-rows';
import { storageClassKey } from '../model/storage-class';
import { selectionColumn, type RowSelection } from './delete-selection-column';
import { shareActionColumn } from './share-action-column';

export interface ObjectTableProps {
  rows: ObjectRow[];
  loading: boolean;
  emptyText: string;
  linkTo: (prefix: string) => string;
  /** Checkboxes to select rows (for Delete); none when absent. */
  selection?: RowSelection;
  /** Opens the share dialog for a file ("Share" row action); no action column when absent. */
  onShare?: (row: FileRow) => void;
  /** Why this session may not share a file (the Share button is then disabled); undefined: it may. */
  shareDenied?: (row: FileRow) => string | undefined;
  /** Opens the object ACL dialog ("Permissions" row action); offered only for files `aclAllowed` accepts. */
  onAcl?: (row: FileRow) => void;
  aclAllowed?: (row: FileRow) => boolean;
}

/** Folders (links that open them) then files (names as text), relative to the current folder. */
export function ObjectTable({ rows, loading, emptyText, linkTo, selection, onShare, shareDenied, onAcl, aclAllowed }: ObjectTableProps) {
  const { t, i18n } = useTranslation();
  const columns: PrimaryTableCol<ObjectRow>[] = [
    {
      colKey: 'name',
      title: t('objects.columns.name'),
      cell: ({ row }) =>
        row.kind === 'folder' ? (
          <RouterLink to={linkTo(row.prefix)} prefixIcon={<FolderIcon />} className="object-name">
            {row.name}
          </RouterLink>
        ) : (
          <span className="object-name">{row.name}</span>
        ),
    },
    {
      colKey: 'size',
      title: t('objects.columns.size'),
      cell: ({ row }) => {
        if (row.kind === 'folder') return t('objects.folder');
        const size = fileSize(row.size, i18n.language);
        return t(size.key, { value: size.value });
      },
    },
    {
      colKey: 'lastModified',
      title: t('objects.columns.lastModified'),
      cell: ({ row }) => (row.kind === 'file' ? formatDateTime(row.lastModified, i18n.language) : '—'),
    },
    {
      colKey: 'storageClass',
      title: t('objects.columns.storageClass'),
      cell: ({ row }) => {
        if (row.kind === 'folder') return '—';
        const key = storageClassKey(row.storageClass);
        return key ? t(key) : row.storageClass;
      },
    },
  ];
  if (selection) columns.unshift(selectionColumn(rows, selection, t));
  const aclAction = onAcl
    ? (row: FileRow) =>
        aclAllowed?.(row) === false ? null : (
          <Button variant="text" theme="primary" size="small" tag="button" aria-label={t('bucketSettings.acl.object.actionLabel', { name: row.name })} onClick={() => onAcl(row)}>
            {t('bucketSettings.acl.object.action')}
          </Button>
        )
    : undefined;
  if (onShare) columns.push(shareActionColumn(onShare, t, shareDenied, aclAction));
  return <Table<ObjectRow> rowKey="id" data={rows} columns={columns} loading={loading} empty={emptyText} hover />;
}
