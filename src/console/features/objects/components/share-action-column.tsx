import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Button, Space, type PrimaryTableCol } from 'tdesign-react';
import type { FileRow, ObjectRow } from '../model/object-rows';
import { DeniedAction } from './denied-action';

/**
 * Row actions of a file: "Share", a button whose accessible name says which file. `denied` says why
 * a file may not be shared by this session (undefined: it may); such a button is disabled and says why.
 * `more` adds the row's other actions after it (e.g. "Permissions").
 */
export function shareActionColumn(
  onShare: (row: FileRow) => void, t: TFunction, denied?: (row: FileRow) => string | undefined, more?: (row: FileRow) => ReactNode,
): PrimaryTableCol<ObjectRow> {
  return {
    colKey: 'actions',
    title: t('share.columnActions'),
    cell: ({ row }) => {
      if (row.kind !== 'file') return null;
      const extra = more?.(row);
      return extra ? <Space size="small">{shareButton(row)}{extra}</Space> : shareButton(row);
    },
  };

  function shareButton(row: FileRow): ReactNode {
    const label = t('share.actionLabel', { name: row.name });
    const reason = denied?.(row);
    if (reason !== undefined) {
      return (
        <DeniedAction reason={reason}>
          {(describedBy) => (
            <Button variant="text" theme="primary" size="small" tag="button" disabled aria-label={label} aria-describedby={describedBy}>
              {t('share.action')}
            </Button>
          )}
        </DeniedAction>
      );
    }
    return (
      <Button variant="text" theme="primary" size="small" aria-label={label} onClick={() => onShare(row)}>
        {t('share.action')}
      </Button>
    );
  }
}
