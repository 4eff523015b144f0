// TRUST_PROXY (config-proxy.ts): behind a proxy the sign-in throttle and the audit log see the client's
// address from X-Forwarded-For; without it the header is ignored, so a client cannot pose as many.
import { afterEach, describe, expect, it } from 'vitest';
import type { TrustProxy } from './config';
import { ADMIN_PASSWORD, testApp, type TestApp } from './test-support';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.app.close();
  t = undefined;
});

const PROXY = '10.0.0.7';
const CLIENT_A = '203.0.113.5';
const CLIENT_B = '198.51.100.7';

async function app(trustProxy: TrustProxy): Promise<TestApp> {
  t = await testApp({}, { config: { sessionIdleSeconds: 600, sessionAbsoluteSeconds: 3600, signSeconds: 900, secureCookies: false, trustProxy } });
  return t;
}

function login(a: TestApp, forwardedFor: string, username: string, password: string, remoteAddress = PROXY) {
  return a.app.inject({ method: 'POST', url: '/api/login', remoteAddress, headers: { 'x-forwarded-for': forwardedFor }, payload: { username, password } });
}

/** 20 failed sign-ins (the per-address limit, ADDRESS_POLICY), each for another name so no account locks. */
async function exhaustAddress(a: TestApp, forwardedFor: string): Promise<void> {
  for (let i = 0; i < 20; i++) expect((await login(a, forwardedFor, `nobody-${i}`, 'wrong-password')).statusCode).toBe(401);
  expect((await login(a, forwardedFor, 'nobody-x', 'wrong-password')).statusCode).toBe(429);
}

const auditIps = (a: TestApp): string[] =>
  (a.db.prepare("SELECT DISTINCT ip FROM audit WHERE event = 'login' ORDER BY ip").all() as { ip: string }[]).map((r) => r.ip);

describe('TRUST_PROXY on', () => {
  it('throttles two forwarded clients separately and audits their own addresses', async () => {
    const a = await app(true);
    await exhaustAddress(a, CLIENT_A);
    // Another client behind the same proxy is not locked out by the first one's failures.
    expect((await login(a, CLIENT_B, 'admin', ADMIN_PASSWORD)).statusCode).toBe(200);
    expect(auditIps(a)).toEqual([CLIENT_B, CLIENT_A].sort());
  });

  it('with a list, believes the header only from a listed proxy', async () => {
    const a = await app(['10.0.0.0/8']);
    expect((await login(a, CLIENT_A, 'nobody', 'wrong-password')).statusCode).toBe(401);
    expect((await login(a, CLIENT_B, 'nobody', 'wrong-password', '192.0.2.9')).statusCode).toBe(401);
    expect(auditIps(a)).toEqual(['192.0.2.9', CLIENT_A]);
  });

  it('with a list, matches IPv6 proxies, IPv4-mapped peers and /0 as policy conditions do (src/shared/net/cidr.ts)', async () => {
    const a = await app(['2001:db8::/32', '192.0.2.0/24']);
    expect((await login(a, CLIENT_A, 'nobody', 'wrong-password', '2001:db8::7')).statusCode).toBe(401);
    expect((await login(a, CLIENT_B, 'nobody', 'wrong-password', '::ffff:192.0.2.9')).statusCode).toBe(401);
    expect(auditIps(a)).toEqual([CLIENT_B, CLIENT_A].sort());
    await a.app.close();
    // Fastify's own list parser refuses a /0 block (it threw at start-up); it means every address.
    const all = await app(['0.0.0.0/0']);
    expect((await login(all, CLIENT_A, 'nobody', 'wrong-password', '192.0.2.9')).statusCode).toBe(401);
    expect(auditIps(all)).toEqual([CLIENT_A]);
  });

  it('with a hop count, takes the address that many hops away', async () => {
    const a = await app(1);
    // Chain "spoofed, client" reaching the proxy: the one proxy hop is trusted, the client's own claim is not.
    expect((await login(a, `1.2.3.4, ${CLIENT_A}`, 'nobody', 'wrong-password')).statusCode).toBe(401);
    expect(auditIps(a)).toEqual([CLIENT_A]);
  });
});

describe('TRUST_PROXY off (default)', () => {
  it('ignores X-Forwarded-For: every request counts against the peer address', async () => {
    const a = await app(false);
    await exhaustAddress(a, CLIENT_A);
    // Claiming another address does not escape the lock.
    expect((await login(a, CLIENT_B, 'admin', ADMIN_PASSWORD)).statusCode).toBe(429);
    expect(auditIps(a)).toEqual([PROXY]);
  });
});
