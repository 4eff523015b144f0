// Each settings section's component, loaded when its URL is opened (the editors, and later Monaco,
// stay out of the other pages' bundles).
import { lazy, type ComponentType } from 'react';
import type { BucketTarget } from '../../../cos/cos-client';
import type { SettingsSection } from '../../../navigation/paths';

export type SectionComponent = ComponentType<{ target: BucketTarget }>;

export const SECTION_COMPONENTS: Readonly<Record<SettingsSection, SectionComponent>> = {
  cors: lazy(async () => ({ default: (await import('./cors/cors-section')).CorsSection })),
  hotlink: lazy(async () => ({ default: (await import('./hotlink/hotlink-section')).HotlinkSection })),
  website: lazy(async () => ({ default: (await import('./website/website-section')).WebsiteSection })),
  domains: lazy(async () => ({ default: (await import('./domains/domains-section')).DomainsSection })),
  versioning: lazy(async () => ({ default: (await import('./versioning/versioning-section')).VersioningSection })),
  replication: lazy(async () => ({ default: (await import('./replication/replication-section')).ReplicationSection })),
  lifecycle: lazy(async () => ({ default: (await import('./lifecycle/lifecycle-section')).LifecycleSection })),
  tags: lazy(async () => ({ default: (await import('./tags/tags-section')).TagsSection })),
  encryption: lazy(async () => ({ default: (await import('./encryption/encryption-section')).EncryptionSection })),
  policy: lazy(async () => ({ default: (await import('./policy/policy-section')).PolicySection })),
  acl: lazy(async () => ({ default: (await import('./acl/acl-section')).AclSection })),
  history: lazy(async () => ({ default: (await import('./history/history-section')).HistorySection })),
  'as-code': lazy(async () => ({ default: (await import('./as-code/as-code-section')).AsCodeSection })),
};
