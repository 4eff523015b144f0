import { useTranslation } from 'react-i18next';
import { Table, type PrimaryTableCol } from 'tdesign-react';
import { landingPrefixes, type BrowseScope } from '../../../../shared/access/grant-navigation';
import type { BucketSummary } from '../../../api/console-api';
import { paths } from '../../../navigation/paths';
import { RouterLink } from '../../../components/router-link';
import { formatDateTime } from '../../../i18n/format-date';
import { bucketEntries } from '../model/bucket-entries';

type BucketRow = Pick<BucketSummary, 'name' | 'region' | 'creationDate'>;

export interface BucketTableProps {
  buckets: readonly BucketSummary[];
  loading: boolean;
  emptyText: string;
  /** Where the session may go: a restricted account's rows open its granted prefixes. */
  scope: BrowseScope;
}

export function BucketTable({ buckets, loading, emptyText, scope }: BucketTableProps) {
  const { t, i18n } = useTranslation();
  const columns: PrimaryTableCol<BucketRow>[] = [
    {
      colKey: 'name',
      title: t('buckets.columns.name'),
      cell: ({ row }) => {
        const entries = bucketEntries(row.name, landingPrefixes(scope, row.name));
        // A grant that does not include `list` (e.g. upload only): nothing the browser could show.
        if (entries.length === 0) {
          return (
            <span className="bucket-entries">
              <span>{row.name}</span>
              <span className="bucket-entries__note">{t('buckets.nothingToList')}</span>
            </span>
          );
        }
        return (
          <span className="bucket-entries">
            {entries.map((entry) => (
              <RouterLink
                key={entry.prefix}
                to={paths.objects(row.name, { prefix: entry.prefix })}
                {...(entry.text !== entry.label ? { 'aria-label': entry.label } : {})}
              >
                {entry.text}
              </RouterLink>
            ))}
          </span>
        );
      },
    },
    { colKey: 'region', title: t('buckets.columns.region') },
    {
      colKey: 'creationDate',
      title: t('buckets.columns.createdAt'),
      cell: ({ row }) => formatDateTime(row.creationDate, i18n.language),
    },
  ];
  const rows: BucketRow[] = buckets.map(({ name, region, creationDate }) => ({ name, region, creationDate }));
  return <Table<BucketRow> rowKey="name" data={rows} columns={columns} loading={loading} empty={emptyText} hover />;
}
