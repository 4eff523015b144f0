import { useTranslation } from 'react-i18next';
import { Table, type PrimaryTableCol } from 'tdesign-react';
import type { BucketSummary } from '../../../api/console-api';
import { paths } from '../../../app/paths';
import { RouterLink } from '../../../components/router-link';
import { formatDateTime } from '../../../i18n/format-date';

type BucketRow = Pick<BucketSummary, 'name' | 'region' | 'creationDate'>;

export interface BucketTableProps {
  buckets: readonly BucketSummary[];
  loading: boolean;
  emptyText: string;
}

export function BucketTable({ buckets, loading, emptyText }: BucketTableProps) {
  const { t, i18n } = useTranslation();
  const columns: PrimaryTableCol<BucketRow>[] = [
    {
      colKey: 'name',
      title: t('buckets.columns.name'),
      cell: ({ row }) => <RouterLink to={paths.objects(row.name)}>{row.name}</RouterLink>,
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
