// The temporary keys the server signs with for restricted console accounts (docs/decisions.md
// "Restricted accounts are signed with temporary keys, not the server's key").
//
// Why not the server's own key: COS verifies only the headers and parameters a signature lists, so a
// browser can add unsigned headers to a signed request — an `x-cos-copy-source` turns a signed PUT
// into a copy from any object the signing key can read, an `x-cos-acl` makes the upload public — and
// with path-style addressing (cos-local, `Host: 127.0.0.1:9000`) the signed Host does not name the
// bucket, so a listing signature also lists another bucket. Signing with a key whose session policy is
// exactly the account's grants (grantsPolicy) makes COS itself refuse all of that: the grant check in
// /api/sign decides, the key's policy is the second line of defence. The key never leaves the server;
// only signatures and its security token do.
//
// Path-style signatures (a Host that does not name the bucket) are made with a key bound to one
// bucket and action (forBound, docs/security.md "Signatures bound to their bucket"), whoever signs:
// the server's key for admins, the session's own key for API-key sessions.
import type { Grant } from '../../shared/access/grants';
import { boundPolicy, grantsPolicy, sharePolicy, type PolicyResult } from '../../shared/access/sts-policy';
import type { StsCredential, StsProvider, TemporaryKey } from './types';

export interface SigningKeysOptions {
  /** Lifetime of a cached account key (STS_SECONDS). */
  durationSeconds: number;
  /** A cached key is renewed when it has less than this left (a signature must fit in it). */
  minRemainingSeconds: number;
  /** The STS API Region parameter. */
  stsRegion: string;
  now: () => number;
}

interface Entry {
  key: Promise<TemporaryKey>;
  /** Known once the key arrived. */
  expiredTime?: number;
  /** The console account a grants key signs for (forget drops it). */
  owner?: number;
}

/** The cache is per process and small: one key per (account, grants, region) and per bound bucket and action in use. */
const MAX_ENTRIES = 1000;

export class SigningKeys {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly provider: StsProvider,
    private readonly credential: StsCredential,
    private readonly options: SigningKeysOptions,
  ) {}

  /** A key allowing what the grants allow in one region; cached until it runs short. */
  forGrants(userId: number, grants: readonly Grant[], region: string): Promise<TemporaryKey> {
    return this.cached(JSON.stringify(['grants', userId, region, grants]), () => grantsPolicy(grants, region), this.credential, userId);
  }

  /**
   * A key for `action` in one bucket (plus a read of a copy's source), issued with `credential`
   * (default: the server's); cached per credential, bucket, action and source.
   */
  forBound(bucket: string, region: string, action: string, copySource?: { bucket: string; region?: string; key: string }, credential: StsCredential = this.credential): Promise<TemporaryKey> {
    const id = JSON.stringify(['bound', credential.secretId, bucket, region, action, copySource ?? null]);
    return this.cached(id, () => boundPolicy(bucket, region, action, copySource), credential);
  }

  /** Drops the cached keys of a console account (disabled, password reset, grants changed). */
  forget(userId: number): void {
    for (const [id, entry] of this.cache) if (entry.owner === userId) this.cache.delete(id);
  }

  private cached(id: string, policy: () => PolicyResult, credential: StsCredential, owner?: number): Promise<TemporaryKey> {
    const nowSec = this.options.now() / 1000;
    const hit = this.cache.get(id);
    if (hit && (hit.expiredTime === undefined || hit.expiredTime - nowSec > this.options.minRemainingSeconds)) return hit.key;
    if (this.cache.size >= MAX_ENTRIES) this.sweep(nowSec);
    const entry: Entry = { key: this.issue(policy(), this.options.durationSeconds, credential), ...(owner !== undefined ? { owner } : {}) };
    this.cache.set(id, entry);
    entry.key.then(
      (k) => { entry.expiredTime = k.expiredTime; },
      () => { if (this.cache.get(id) === entry) this.cache.delete(id); },
    );
    return entry.key;
  }

  /** A key for one share link: GetObject/HeadObject of that object, living as long as the link. */
  forShare(bucket: string, region: string, key: string, seconds: number): Promise<TemporaryKey> {
    return this.issue(sharePolicy(bucket, region, key), seconds);
  }

  private async issue(policy: PolicyResult, durationSeconds: number, credential: StsCredential = this.credential): Promise<TemporaryKey> {
    if (!policy.ok) throw new Error(`cannot build a signing policy: ${policy.message}`);
    return this.provider.getFederationToken({ credential, policy: policy.json, durationSeconds, region: this.options.stsRegion });
  }

  private sweep(nowSec: number): void {
    for (const [id, e] of this.cache) if (e.expiredTime === undefined || e.expiredTime - nowSec <= this.options.minRemainingSeconds) this.cache.delete(id);
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
  }
}
