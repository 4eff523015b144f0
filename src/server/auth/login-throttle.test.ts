import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/audit-log';
import { openDatabase } from '../db/database';
import { ADMIN_PASSWORD, testApp, type TestApp } from '../test-support';
import { ACCOUNT_POLICY, accountKey, ADDRESS_POLICY, LoginThrottle } from './login-throttle';

const MIN = 60_000;

describe('LoginThrottle', () => {
  const setup = () => {
    const clock = { now: Date.UTC(2026, 10, 23, 12, 0, 0) };
    const db = openDatabase(':memory:');
    return { clock, db, throttle: new LoginThrottle(db, () => clock.now) };
  };
  const key = accountKey('admin');

  it('locks a key after 5 failures in 15 minutes, for 15 minutes', () => {
    const { clock, throttle } = setup();
    for (let i = 0; i < 4; i++) expect(throttle.fail(key, ACCOUNT_POLICY)).toBe(false);
    expect(throttle.lockedFor([key])).toBe(0);
    expect(throttle.fail(key, ACCOUNT_POLICY)).toBe(true);
    expect(throttle.lockedFor([key])).toBe(15 * MIN);
    clock.now += 15 * MIN - 1;
    expect(throttle.lockedFor([key])).toBe(1);
    clock.now += 1;
    expect(throttle.lockedFor([key])).toBe(0);
  });

  it('does not count failures older than the window', () => {
    const { clock, throttle } = setup();
    for (let i = 0; i < 4; i++) throttle.fail(key, ACCOUNT_POLICY);
    clock.now += 15 * MIN + 1;
    expect(throttle.fail(key, ACCOUNT_POLICY)).toBe(false);
    expect(throttle.lockedFor([key])).toBe(0);
  });

  it('doubles each further lockout, up to a day, and forgets after a quiet day', () => {
    const { clock, throttle } = setup();
    const lockOnce = (): number => {
      for (let i = 0; i < 5; i++) throttle.fail(key, ACCOUNT_POLICY);
      const ms = throttle.lockedFor([key]);
      clock.now += ms;
      return ms / MIN;
    };
    expect([lockOnce(), lockOnce(), lockOnce(), lockOnce()]).toEqual([15, 30, 60, 120]);
    for (let i = 0; i < 4; i++) lockOnce();
    expect(lockOnce()).toBe(24 * 60);
    clock.now += 24 * 60 * MIN + 1;
    expect(lockOnce()).toBe(15);
  });

  it('a success starts the key afresh', () => {
    const { clock, throttle } = setup();
    for (let i = 0; i < 5; i++) throttle.fail(key, ACCOUNT_POLICY);
    clock.now += 15 * MIN;
    throttle.succeed(key);
    for (let i = 0; i < 4; i++) throttle.fail(key, ACCOUNT_POLICY);
    expect(throttle.lockedFor([key])).toBe(0);
    throttle.fail(key, ACCOUNT_POLICY);
    // The earlier lockout was forgotten: 15 minutes again, not 30.
    expect(throttle.lockedFor([key])).toBe(15 * MIN);
  });

  it('keeps its state in the database: a restart does not unlock', () => {
    const dir = mkdtempSync(join(tmpdir(), 'throttle-'));
    try {
      const clock = { now: 1_000_000 };
      const first = openDatabase(join(dir, 'console.db'));
      const a = new LoginThrottle(first, () => clock.now);
      for (let i = 0; i < 5; i++) a.fail(key, ACCOUNT_POLICY);
      first.close();
      const second = openDatabase(join(dir, 'console.db'));
      expect(new LoginThrottle(second, () => clock.now).lockedFor([key])).toBe(15 * MIN);
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs attempts sharing a key one after another', async () => {
    const { throttle } = setup();
    const events: string[] = [];
    const attempt = (name: string, keys: string[]) =>
      throttle.serialize(keys, async () => {
        events.push(`${name} start`);
        await Promise.resolve();
        await Promise.resolve();
        events.push(`${name} end`);
      });
    await Promise.all([attempt('a', ['ip:1', 'user:x']), attempt('b', ['user:x', 'ip:2']), attempt('c', ['ip:3'])]);
    // a and b share user:x, so b starts after a ends; c shares nothing and runs alongside.
    expect(events.indexOf('b start')).toBeGreaterThan(events.indexOf('a end'));
    expect(events.indexOf('c start')).toBeLessThan(events.indexOf('a end'));
  });
});

describe('POST /api/login throttling', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.app.close();
    t = undefined;
  });
  const attempt = (password: string, username = 'admin', remoteAddress = '127.0.0.1') =>
    t!.app.inject({ method: 'POST', url: '/api/login', payload: { username, password }, remoteAddress });

  it('answers 429 with Retry-After after 5 failures, even to the right password, then lets it in on time', async () => {
    t = await testApp();
    for (let i = 0; i < 5; i++) expect((await attempt('wrong')).statusCode).toBe(401);
    const locked = await attempt(ADMIN_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('900');
    expect(locked.json()).toEqual({ error: { code: 'TooManyAttempts', message: 'Too many failed sign-in attempts. Try again in 15 minutes.' } });
    expect(locked.cookies).toHaveLength(0);

    t.clock.now += 10 * MIN;
    expect((await attempt(ADMIN_PASSWORD)).headers['retry-after']).toBe('300');
    t.clock.now += 5 * MIN;
    expect((await attempt(ADMIN_PASSWORD)).statusCode).toBe(200);
    // The success reset the account: four more failures do not lock it.
    for (let i = 0; i < 4; i++) await attempt('wrong');
    expect((await attempt(ADMIN_PASSWORD)).statusCode).toBe(200);
  });

  it('locks a name for every address, and does not say whether the name exists', async () => {
    t = await testApp();
    for (let i = 0; i < 5; i++) await attempt('wrong', 'admin', `10.0.0.${i}`);
    expect((await attempt(ADMIN_PASSWORD, 'admin', '10.0.1.1')).statusCode).toBe(429);
    for (let i = 0; i < 5; i++) await attempt('wrong', 'nobody', `10.0.2.${i}`);
    const unknown = await attempt('wrong', 'nobody', '10.0.3.1');
    expect(unknown.statusCode).toBe(429);
    expect(unknown.json()).toEqual((await attempt(ADMIN_PASSWORD, 'admin', '10.0.1.1')).json());
  });

  it('locks an address that tries many names', async () => {
    t = await testApp();
    for (let i = 0; i < ADDRESS_POLICY.maxFailures; i++) expect((await attempt('wrong', `user${i}`, '10.9.9.9')).statusCode).toBe(401);
    expect((await attempt(ADMIN_PASSWORD, 'admin', '10.9.9.9')).statusCode).toBe(429);
    // Another address is not affected.
    expect((await attempt(ADMIN_PASSWORD, 'admin', '10.9.9.8')).statusCode).toBe(200);
  });

  it('holds against a burst of parallel guesses', async () => {
    t = await testApp();
    const results = await Promise.all(Array.from({ length: 12 }, () => attempt('wrong')));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(7);
  });

  it('audits locked attempts as failed, reason "locked"', async () => {
    t = await testApp();
    for (let i = 0; i < 6; i++) await attempt('wrong');
    const details = new AuditLog(t.db).list({ event: 'login', outcome: 'failed' }).map((e) => e.detail);
    expect(details).toEqual(['locked', ...Array<string>(5).fill('wrong password')]);
  });
});
