import type { TFunction } from 'i18next';
import { Button, type PrimaryTableCol } from 'tdesign-react';
import type { FileRow, ObjectRow } from '../model/object-rows';

/** Row actions of a file: "Share", a button whose accessible name says which file. */
export function shareActionColumn(onShare: (row: FileRow) => void, t: TFunction): PrimaryTableCol<ObjectRow> {
  return {
    colKey: 'actions',
    title: t('share.columnActions'),
    cell: ({ row }) =>
      row.kind === 'file' ? (
        <Button variant="text" theme="primary" size="small" aria-label={t('share.actionLabel', { name: row.name })} onClick={() => onShare(row)}>
          {t('share.action')}
        </Button>
      ) : null,
  };
}
