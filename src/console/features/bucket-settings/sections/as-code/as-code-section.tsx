import type { BucketTarget } from '../../../../cos/cos-client';

/** The as-code section (placeholder). */
export function AsCodeSection({ target }: { target: BucketTarget }) {
  return <section className="settings-section"><h2 className="settings-section__title">{target.bucket}</h2></section>;
}
