import { useOutletContext, useParams, useSearchParams } from 'react-router';
import type { BucketTarget } from '../../../cos/cos-client';
import { paths } from '../../../navigation/paths';
import { ObjectBreadcrumbs } from './object-breadcrumbs';
import { ObjectBrowser } from './object-browser';

/**
 * /buckets/:bucket/objects?prefix=…&region=…: one folder of one bucket. The bucket layout
 * (app/routes/bucket-layout.tsx) resolves the region once, shows the name, the region and why a region
 * is unknown, and hands `{ bucket, region }` down; resolving it here again would refetch a failed
 * bucket list on every mount and unmount this page in a loop.
 */
export function ObjectListPage() {
  const target = useOutletContext<BucketTarget>();
  const { bucket = '' } = useParams();
  const [searchParams] = useSearchParams();
  const prefix = searchParams.get('prefix') ?? '';
  const regionParam = searchParams.get('region');
  // Keep ?region= on folder links: without it a bucket missing from the list would lose its region.
  const linkTo = (p: string) => paths.objects(bucket, { prefix: p, region: regionParam ?? undefined });

  return (
    <>
      <ObjectBreadcrumbs bucket={bucket} prefix={prefix} linkTo={linkTo} />
      {/* Keyed by folder so paging state and scroll start fresh in each folder. */}
      <ObjectBrowser key={`${target.region}/${prefix}`} bucket={{ name: target.bucket, region: target.region }} prefix={prefix} linkTo={linkTo} />
    </>
  );
}
