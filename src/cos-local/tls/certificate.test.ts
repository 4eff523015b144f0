import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureCertificate } from './certificate';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cos-local-cert-test-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const DAY = 86_400_000;

describe('ensureCertificate', () => {
  it('writes cert.pem and a private key.pem naming loopback, localhost and the production hosts', async () => {
    const tls = await ensureCertificate(dir);
    expect(tls.certPath).toBe(join(dir, 'cert.pem'));
    expect(await readFile(tls.certPath, 'utf8')).toBe(tls.cert);
    expect((await stat(tls.keyPath)).mode & 0o777).toBe(0o600);
    const x509 = new X509Certificate(tls.cert);
    expect(x509.subjectAltName).toContain('IP Address:127.0.0.1');
    for (const name of ['DNS:localhost', 'DNS:*.localhost', 'DNS:*.myqcloud.com', 'DNS:service.cos.myqcloud.com', 'DNS:sts.tencentcloudapi.com', 'DNS:*.tencentcloudapi.com']) {
      expect(x509.subjectAltName).toContain(name);
    }
    // What clients check the name they connect to against (SNI = the Host the SDK keeps).
    expect(x509.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(x509.checkHost('localhost')).toBe('localhost');
    expect(x509.checkHost('examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com')).toBe('*.cos.ap-guangzhou.myqcloud.com');
    expect(x509.checkHost('cos.ap-beijing.myqcloud.com')).toBeDefined();
    expect(x509.checkHost('sts.tencentcloudapi.com')).toBeDefined();
    expect(x509.checkHost('sts.internal.tencentcloudapi.com')).toBe('sts.internal.tencentcloudapi.com');
    expect(x509.checkHost('b-1250000000.cos.ap-guangzhou.localhost')).toBe('*.cos.ap-guangzhou.localhost');
    expect(x509.checkHost('example.com')).toBeUndefined();
    expect(x509.ca).toBe(true); // trusting cert.pem alone is enough
    expect(Date.parse(x509.validTo)).toBeGreaterThan(Date.now() + 365 * DAY);
  });

  it('reuses a valid certificate on later starts', async () => {
    const first = await ensureCertificate(dir);
    const second = await ensureCertificate(dir);
    expect(second.cert).toBe(first.cert);
    expect(second.key).toBe(first.key);
  });

  it.each([
    ['expiring within 30 days', async (): Promise<number> => Date.now() + 810 * DAY],
    ['with a corrupt cert.pem', async (): Promise<number> => (await writeFile(join(dir, 'cert.pem'), 'not a certificate'), Date.now())],
    ['with another key', async (): Promise<number> => {
      const other = await mkdtemp(join(tmpdir(), 'cos-local-cert-other-'));
      const tls = await ensureCertificate(other);
      await writeFile(join(dir, 'key.pem'), tls.key);
      await rm(other, { recursive: true, force: true });
      return Date.now();
    }],
    ['without key.pem', async (): Promise<number> => (await rm(join(dir, 'key.pem')), Date.now())],
  ])('makes a new one when the old is %s', async (_name, spoil) => {
    const first = await ensureCertificate(dir);
    const now = await spoil();
    const second = await ensureCertificate(dir, now);
    expect(second.cert).not.toBe(first.cert);
    expect(new X509Certificate(second.cert).checkPrivateKey(createPrivateKey(second.key))).toBe(true);
    expect(await readFile(join(dir, 'cert.pem'), 'utf8')).toBe(second.cert);
    expect(await readFile(join(dir, 'key.pem'), 'utf8')).toBe(second.key);
  });
});
