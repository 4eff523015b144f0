// Bucket versioning state and version ids (436/19883, PUT Bucket versioning 436/19889). The state is
// the bucket config 'versioning' ("Enabled" | "Suspended"); a bucket never configured is
// 'unversioned' and, like one suspended, writes the version 'null'.
import { randomBytes } from 'node:crypto';
import type { MetaStore, VersioningMode } from './store/types';

export const VERSIONING_CONFIG = 'versioning';

export function versioningMode(meta: MetaStore, bucket: string): VersioningMode {
  const status = meta.getConfig(bucket, VERSIONING_CONFIG);
  if (status === 'Enabled') return 'enabled';
  return status === 'Suspended' ? 'suspended' : 'unversioned';
}

/** A fresh version id; COS's look like base64 of a long decimal number (`MTg0NDUxNjQ1NjM4OTkxMzQ5MzY`). */
export function newVersionId(nowMs: number): string {
  const digits = `${nowMs}${randomBytes(5).readUIntBE(0, 5).toString().padStart(13, '0')}`;
  return Buffer.from(digits).toString('base64').replace(/=+$/, '');
}

/** The version id a write gets in this mode. */
export function writeVersionId(mode: VersioningMode, nowMs: number): string {
  return mode === 'enabled' ? newVersionId(nowMs) : 'null';
}

/** `x-cos-version-id` is sent once the bucket has versioning (enabled or suspended). */
export function versionHeader(mode: VersioningMode, versionId: string): Record<string, string> {
  return mode === 'unversioned' ? {} : { 'x-cos-version-id': versionId };
}
