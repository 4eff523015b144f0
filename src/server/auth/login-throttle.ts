// Sign-in rate limiting and lockout (README.md "Signing in"), per client address and per account name
// (or SecretId for API-key sign-ins). State lives in the database (migration 3, table login_throttle),
// so a restart does not reset a lockout and several instances sharing the database share it.
//
// Rule: `maxFailures` failures within `windowMs` lock the key for `lockMs`; each further lockout of
// the same key doubles it (capped at `maxLockMs`); a day without failures forgets earlier lockouts.
// Attempts refused while locked are not verified and not counted, so a locked key unlocks on time.
// A successful sign-in clears its account key; the address key is not cleared by a success, or an
// attacker with one valid account could interleave sign-ins to keep guessing other accounts' passwords.
//
// Checking a password takes a while (scrypt), so attempts sharing a key are run one after another
// (serialize): otherwise a burst of parallel guesses would all pass the lock check before the first
// failure is recorded. Several instances sharing the database can still overlap, at most one attempt
// per instance at a time.
import type { Db } from '../db/database';

export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
  maxLockMs: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Per account name or SecretId: 5 failures in 15 minutes lock it for 15 minutes, then 30, 60… */
export const ACCOUNT_POLICY: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE, maxLockMs: DAY };
/**
 * Per client address: higher, since several people may share one address (NAT, a proxy), and its
 * purpose is to stop one client from trying many different names.
 */
export const ADDRESS_POLICY: ThrottlePolicy = { maxFailures: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE, maxLockMs: DAY };
/** Lockouts older than this are forgotten: the next lock starts again at lockMs. */
const FORGET_AFTER_MS = DAY;

interface ThrottleRow {
  key: string;
  failures: number;
  window_start: number;
  locked_until: number;
  lockouts: number;
  updated_at: number;
}

export const addressKey = (ip: string): string => `ip:${ip}`;
export const accountKey = (name: string): string => `user:${name}`;
export const secretIdKey = (secretId: string): string => `key:${secretId}`;

export class LoginThrottle {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly db: Db, private readonly now: () => number = Date.now) {}

  /** Runs `fn` once no other attempt holding any of these keys is running (keys taken in sorted order: no deadlock). */
  async serialize<T>(keys: readonly string[], fn: () => Promise<T>): Promise<T> {
    const releases: (() => void)[] = [];
    try {
      for (const key of [...new Set(keys)].sort()) {
        const previous = this.tails.get(key) ?? Promise.resolve();
        let release = (): void => undefined;
        const held = new Promise<void>((resolve) => {
          release = resolve;
        });
        const tail = previous.then(() => held);
        this.tails.set(key, tail);
        releases.push(() => {
          release();
          if (this.tails.get(key) === tail) this.tails.delete(key);
        });
        await previous;
      }
      return await fn();
    } finally {
      for (const release of releases) release();
    }
  }

  /** Milliseconds until every given key is unlocked (0 = none is locked). */
  lockedFor(keys: readonly string[]): number {
    const t = this.now();
    let longest = 0;
    for (const key of keys) {
      const row = this.db.prepare('SELECT locked_until FROM login_throttle WHERE key = ?').get(key) as Pick<ThrottleRow, 'locked_until'> | undefined;
      if (row && row.locked_until > t) longest = Math.max(longest, row.locked_until - t);
    }
    return longest;
  }

  /** Counts a failure; returns true when it locked the key. One transaction, so instances do not race. */
  fail(key: string, policy: ThrottlePolicy): boolean {
    return this.db.transaction((): boolean => {
      const t = this.now();
      // Forget keys quiet for a day, so names made up by a guesser do not pile up.
      this.db.prepare('DELETE FROM login_throttle WHERE updated_at < ? AND locked_until < ?').run(t - FORGET_AFTER_MS, t);
      const row = this.db.prepare('SELECT * FROM login_throttle WHERE key = ?').get(key) as ThrottleRow | undefined;
      let failures = row?.failures ?? 0;
      let windowStart = row?.window_start ?? t;
      let lockouts = row?.lockouts ?? 0;
      let lockedUntil = row?.locked_until ?? 0;
      if (row && t - row.updated_at > FORGET_AFTER_MS) lockouts = 0;
      if (t - windowStart > policy.windowMs) {
        failures = 0;
        windowStart = t;
      }
      failures += 1;
      let locked = false;
      if (failures >= policy.maxFailures) {
        lockouts += 1;
        lockedUntil = t + Math.min(policy.lockMs * 2 ** (lockouts - 1), policy.maxLockMs);
        failures = 0;
        windowStart = t;
        locked = true;
      }
      this.db
        .prepare(`INSERT INTO login_throttle (key, failures, window_start, locked_until, lockouts, updated_at) VALUES (@key, @failures, @windowStart, @lockedUntil, @lockouts, @t)
                  ON CONFLICT (key) DO UPDATE SET failures = @failures, window_start = @windowStart, locked_until = @lockedUntil, lockouts = @lockouts, updated_at = @t`)
        .run({ key, failures, windowStart, lockedUntil, lockouts, t });
      return locked;
    }).immediate();
  }

  /** A successful sign-in: the key starts afresh. */
  succeed(key: string): void {
    this.db.prepare('DELETE FROM login_throttle WHERE key = ?').run(key);
  }
}
