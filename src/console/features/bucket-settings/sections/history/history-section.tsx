import type { BucketTarget } from '../../../../cos/cos-client';

/** The history section (placeholder). */
export function HistorySection({ target }: { target: BucketTarget }) {
  return <section className="settings-section"><h2 className="settings-section__title">{target.bucket}</h2></section>;
}
