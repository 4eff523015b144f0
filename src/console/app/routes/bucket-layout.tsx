import { useTranslation } from 'react-i18next';
import { Outlet, useParams, useSearchParams } from 'react-router';
import { Tag } from 'tdesign-react';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoading } from '../../components/page-loading';
import { RouterLink } from '../../components/router-link';
import type { BucketTarget } from '../../cos/cos-client';
import { useBucketRegion } from '../../cos/use-bucket-region';
import { BucketNav } from '../../features/bucket-settings/components/bucket-nav';
import { paths } from '../../navigation/paths';

/**
 * /buckets/:bucket/…: the bucket's name and region, its sections (Files, Overview, each setting), and
 * the open section, which gets the resolved bucket and region as the outlet context.
 */
export function BucketLayout() {
  const { t } = useTranslation();
  const { bucket = '' } = useParams();
  const [searchParams] = useSearchParams();
  const regionParam = searchParams.get('region');
  const region = useBucketRegion(bucket, regionParam);
  const target: BucketTarget | undefined = region.status === 'resolved' ? { bucket, region: region.region } : undefined;
  return (
    <section className="page bucket-page">
      <header className="page__header">
        <div className="page__title-group">
          <h1 className="page__title">{bucket}</h1>
          {target ? <Tag variant="light">{t('objects.regionLabel', { region: target.region })}</Tag> : null}
        </div>
      </header>
      <div className="bucket-page__body">
        <BucketNav bucket={bucket} {...(regionParam ? { region: regionParam } : {})} />
        <div className="bucket-page__content">
          {region.status === 'pending' ? <PageLoading /> : null}
          {region.status === 'unknown' ? (
            <ErrorAlert
              title={t('objects.regionUnknown', { bucket })}
              details={[t('objects.hints.regionUnknown')]}
              actions={<RouterLink to={paths.buckets()}>{t('objects.backToBuckets')}</RouterLink>}
            />
          ) : null}
          {target ? <Outlet context={target} /> : null}
        </div>
      </div>
    </section>
  );
}
