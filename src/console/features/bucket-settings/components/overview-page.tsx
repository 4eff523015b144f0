import { useOutletContext } from 'react-router';
import type { BucketTarget } from '../../../cos/cos-client';

/** /buckets/:bucket/overview (placeholder). */
export function OverviewPage() {
  const target = useOutletContext<BucketTarget>();
  return <section className="settings-section"><h2 className="settings-section__title">{target.region}</h2></section>;
}
