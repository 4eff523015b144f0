import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { Tag } from 'tdesign-react';
import { paths } from '../../../navigation/paths';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoading } from '../../../components/page-loading';
import { RouterLink } from '../../../components/router-link';
import { useBucketRegion } from '../hooks/use-bucket-region';
import { ObjectBreadcrumbs } from './object-breadcrumbs';
import { ObjectBrowser } from './object-browser';

/** /buckets/:bucket/objects?prefix=…&region=…: one folder of one bucket. */
export function ObjectListPage() {
  const { t } = useTranslation();
  const { bucket = '' } = useParams();
  const [searchParams] = useSearchParams();
  const prefix = searchParams.get('prefix') ?? '';
  const regionParam = searchParams.get('region');
  const region = useBucketRegion(bucket, regionParam);
  // Keep ?region= on folder links: without it a bucket missing from the list would lose its region.
  const linkTo = (p: string) => paths.objects(bucket, { prefix: p, region: regionParam ?? undefined });

  return (
    <section className="page">
      <ObjectBreadcrumbs bucket={bucket} prefix={prefix} linkTo={linkTo} />
      <header className="page__header">
        <div className="page__title-group">
          <h1 className="page__title">{bucket}</h1>
          {region.status === 'resolved' ? <Tag variant="light">{t('objects.regionLabel', { region: region.region })}</Tag> : null}
        </div>
      </header>
      {region.status === 'pending' ? <PageLoading /> : null}
      {region.status === 'unknown' ? (
        <ErrorAlert
          title={t('objects.regionUnknown', { bucket })}
          details={[t('objects.hints.regionUnknown')]}
          actions={<RouterLink to={paths.buckets()}>{t('objects.backToBuckets')}</RouterLink>}
        />
      ) : null}
      {region.status === 'resolved' ? (
        // Keyed by folder so paging state and scroll start fresh in each folder.
        <ObjectBrowser key={`${region.region}/${prefix}`} bucket={{ name: bucket, region: region.region }} prefix={prefix} linkTo={linkTo} />
      ) : null}
    </section>
  );
}
