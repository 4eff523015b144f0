import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutletContext, useParams } from 'react-router';
import { PageLoading } from '../../../components/page-loading';
import type { BucketTarget } from '../../../cos/cos-client';
import { isSettingsSection } from '../../../navigation/paths';
import { SECTION_COMPONENTS } from '../sections/registry';

/** /buckets/:bucket/settings/:section: one settings section of the bucket the layout resolved. */
export function SettingsPage() {
  const { t } = useTranslation();
  const target = useOutletContext<BucketTarget>();
  const { section } = useParams();
  if (!isSettingsSection(section)) return <p role="alert">{t('errors.notFound')}</p>;
  const Section = SECTION_COMPONENTS[section];
  return (
    <Suspense fallback={<PageLoading />}>
      {/* Keyed so a section's draft does not carry over to another bucket. */}
      <Section key={`${target.region}/${target.bucket}`} target={target} />
    </Suspense>
  );
}
