import { useParams, useSearchParams } from 'react-router';
import { paths } from '../../../navigation/paths';
import { useBucketRegion } from '../../../cos/use-bucket-region';
import { ObjectBreadcrumbs } from './object-breadcrumbs';
import { ObjectBrowser } from './object-browser';

/** /buckets/:bucket/objects?prefix=…&region=…: one folder of one bucket. */
export function ObjectListPage() {
  const { bucket = '' } = useParams();
  const [searchParams] = useSearchParams();
  const prefix = searchParams.get('prefix') ?? '';
  const regionParam = searchParams.get('region');
  const region = useBucketRegion(bucket, regionParam);
  // Keep ?region= on folder links: without it a bucket missing from the list would lose its region.
  const linkTo = (p: string) => paths.objects(bucket, { prefix: p, region: regionParam ?? undefined });

  // The bucket layout (app/routes/bucket-layout.tsx) shows the name, the region and why a region is unknown.
  return (
    <>
      <ObjectBreadcrumbs bucket={bucket} prefix={prefix} linkTo={linkTo} />
      {region.status === 'resolved' ? (
        // Keyed by folder so paging state and scroll start fresh in each folder.
        <ObjectBrowser key={`${region.region}/${prefix}`} bucket={{ name: bucket, region: region.region }} prefix={prefix} linkTo={linkTo} />
      ) : null}
    </>
  );
}
