// STS end to end against a real cos-local (both ports): qcloud-cos-sts getCredential over HTTPS,
// a hand-signed form POST over HTTP, the temporary keys used by cos-nodejs-sdk-v5 (headers and a
// pre-signed URL), the refusals, and a restart on the same data directory.
// The certificate is trusted through https.globalAgent's `ca` (restored after): qcloud-cos-sts has
// no agent/CA option but axios falls back to the global agent; cos-nodejs-sdk-v5 uses it too when
// KeepAlive is off (with KeepAlive, cos-request builds its own agent).
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import COS from 'cos-nodejs-sdk-v5';
import STS from 'qcloud-cos-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsFile } from '../accounts';
import { startCosLocal, type RunningCosLocal } from '../app';
import { failure } from '../sdk-harness';
import { signedStsForm, type FormOptions } from './test-form';

const APPID = '1250000000';
const Bucket = `sts-${APPID}`;
const Region = 'ap-guangzhou';
const ROOT = { secretId: 'AKIDstsroot00000000000000000000000', secretKey: 'stsrootsecretkey0000000000000000' };
const accounts: AccountsFile = {
  accounts: [
    { uin: '100000000001', appId: APPID, ...ROOT, subUsers: [] },
    { uin: '100000000002', appId: '1250000001', secretId: 'AKIDstsother0000000000000000000000', secretKey: 'stsothersecretkey000000000000000', subUsers: [] },
  ],
};
const policy = {
  version: '2.0',
  statement: [{
    effect: 'allow',
    action: ['name/cos:PutObject', 'name/cos:GetObject', 'name/cos:HeadObject'],
    resource: [`qcs::cos:${Region}:uid/${APPID}:${Bucket}/*`],
  }],
};

interface Credential {
  credentials: { tmpSecretId: string; tmpSecretKey: string; sessionToken: string };
  expiredTime: number;
  startTime: number;
}

let dataDir: string;
let server: RunningCosLocal;
let offsetMs = 0; // the server's clock runs this far ahead of the test's
const savedCa = https.globalAgent.options.ca;

async function start(): Promise<RunningCosLocal> {
  return startCosLocal({ dataDir, port: 0, httpsPort: 0, accounts, clock: { now: () => Date.now() + offsetMs }, log: () => undefined });
}

const tmpClient = (c: Credential, over: Partial<COS.COSOptions> = {}): COS => new COS({
  SecretId: c.credentials.tmpSecretId, SecretKey: c.credentials.tmpSecretKey, SecurityToken: c.credentials.sessionToken,
  Ip: `127.0.0.1:${server.port}`, Protocol: 'http:', ...over,
});

const getCredential = (o: { secretKey?: string; durationSeconds?: number } = {}): Promise<Credential> =>
  STS.getCredential({
    secretId: ROOT.secretId, secretKey: o.secretKey ?? ROOT.secretKey, policy, durationSeconds: o.durationSeconds ?? 1800,
    host: `127.0.0.1:${server.httpsPort ?? 0}`,
  }) as Promise<Credential>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cos-local-sts-'));
  server = await start();
  expect(server.certificatePath).toBe(join(dataDir, 'tls', 'cert.pem'));
  https.globalAgent.options.ca = readFileSync(server.certificatePath ?? '');
  const root = new COS({ SecretId: ROOT.secretId, SecretKey: ROOT.secretKey, Ip: `127.0.0.1:${server.port}`, Protocol: 'http:' });
  await root.putBucket({ Bucket, Region });
});

afterAll(async () => {
  https.globalAgent.options.ca = savedCa;
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('qcloud-cos-sts against the HTTPS port', () => {
  it('gets temporary keys the Node SDK then uses to put and get objects', async () => {
    const cred = await getCredential({ durationSeconds: 900 });
    expect(cred.credentials.tmpSecretId).toMatch(/^AKID/);
    expect(cred.credentials.tmpSecretId).not.toBe(ROOT.secretId);
    expect(cred.expiredTime - cred.startTime).toBe(900);
    expect(Math.abs(cred.startTime - Date.now() / 1000)).toBeLessThan(60);

    const cos = tmpClient(cred);
    await cos.putObject({ Bucket, Region, Key: 'tmp/hello.txt', Body: 'hello from a temporary key' });
    const got = await cos.getObject({ Bucket, Region, Key: 'tmp/hello.txt' });
    expect(got.Body.toString()).toBe('hello from a temporary key');
  });

  it('passes the Tencent Cloud API error through (a wrong SecretKey)', async () => {
    const err = await getCredential({ secretKey: 'wrong' }).then(() => undefined, (e: unknown) => e);
    expect(err).toMatchObject({ Code: 'AuthFailure.SignatureFailure', RequestId: expect.any(String) as unknown });
  });
});

describe('GetFederationToken on the plain port (hand-signed form POST)', () => {
  async function post(form: Partial<FormOptions>): Promise<{ status: number; type: string | null; json: unknown }> {
    const host = `127.0.0.1:${server.port}`;
    const res = await fetch(`${server.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: signedStsForm({ ...ROOT, host, policy, ...form }),
    });
    return { status: res.status, type: res.headers.get('content-type'), json: await res.json() };
  }

  it('answers the Tencent Cloud API JSON with credentials', async () => {
    const res = await post({ durationSeconds: 600 });
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/json');
    expect(res.json).toMatchObject({
      Response: {
        Credentials: { Token: expect.any(String) as unknown, TmpSecretId: expect.stringMatching(/^AKID/) as unknown, TmpSecretKey: expect.any(String) as unknown },
        ExpiredTime: expect.any(Number) as unknown,
        Expiration: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) as unknown,
        RequestId: expect.any(String) as unknown,
      },
    });
  });

  it.each<[string, Partial<FormOptions>, string]>([
    ['a bad signature', { signWith: 'not-the-key' }, 'AuthFailure.SignatureFailure'],
    ['an unknown SecretId', { secretId: 'AKIDunknown' }, 'AuthFailure.SecretIdNotFound'],
    ['a skewed Timestamp', { timestamp: Math.floor(Date.now() / 1000) - 3600 }, 'AuthFailure.SignatureExpire'],
    ['DurationSeconds over 7200 for a root account', { durationSeconds: 7201 }, 'InvalidParameterValue'],
    ['no Policy', { params: { Policy: undefined } }, 'InvalidParameter'],
    ['a Policy that is not JSON', { params: { Policy: encodeURIComponent('not json') } }, 'InvalidParameter'],
  ])('refuses %s with %s (HTTP 200, Error JSON)', async (_name, form, code) => {
    const res = await post(form);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ Response: { Error: { Code: code, Message: expect.any(String) as unknown }, RequestId: expect.any(String) as unknown } });
  });

  it('routes by host: a POST to sts.tencentcloudapi.com (host-mapped) is STS too', async () => {
    const host = 'sts.tencentcloudapi.com';
    const body = signedStsForm({ ...ROOT, host, policy });
    const json = await new Promise<unknown>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, method: 'POST', path: '/', headers: { host, 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString()) as unknown));
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(json).toMatchObject({ Response: { Credentials: { TmpSecretId: expect.stringMatching(/^AKID/) as unknown } } });
  });
});

describe('temporary keys on COS requests', () => {
  let cred: Credential;
  beforeAll(async () => {
    cred = await getCredential();
    await tmpClient(cred).putObject({ Bucket, Region, Key: 'shared/a.txt', Body: 'presigned body' });
  });

  it('serve a pre-signed URL with x-cos-security-token in the query to plain fetch', async () => {
    const endpoint = `http://127.0.0.1:${server.port}`;
    const pathStyle = tmpClient(cred, { Ip: '', Domain: `${endpoint}/{Bucket}`, ServiceDomain: endpoint });
    const url = pathStyle.getObjectUrl({ Bucket, Region, Key: 'shared/a.txt', Sign: true }, () => undefined);
    expect(url).toContain(`x-cos-security-token=${cred.credentials.sessionToken}`);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('presigned body');
    const without = await fetch(url.replace(/&x-cos-security-token=[^&]*/, ''));
    expect(without.status).toBe(403);
    expect(await without.text()).toContain('<Code>InvalidAccessKeyId</Code>');
  });

  it('are refused without a token, with a tampered token, or with the token of another key', async () => {
    const other = await getCredential();
    const token = cred.credentials.sessionToken;
    const cases: [string, Partial<COS.COSOptions>][] = [
      ['no token', { SecurityToken: '' }],
      ['a wrong token', { SecurityToken: 'not-a-token' }],
      ['a tampered token', { SecurityToken: `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}` }],
      ["another key's token", { SecurityToken: other.credentials.sessionToken }],
    ];
    for (const [name, over] of cases) {
      const f = await failure(tmpClient(cred, over).getObject({ Bucket, Region, Key: 'shared/a.txt' }));
      expect([name, f.statusCode, f.code]).toEqual([name, 403, 'InvalidAccessKeyId']);
    }
  });

  it('are refused once expired (the server clock moved past ExpiredTime)', async () => {
    offsetMs = (cred.expiredTime + 1) * 1000 - Date.now();
    try {
      const f = await failure(tmpClient(cred).getObject({ Bucket, Region, Key: 'shared/a.txt' }));
      expect([f.statusCode, f.code]).toEqual([403, 'InvalidAccessKeyId']);
      expect(f.message).toContain('expired');
    } finally {
      offsetMs = 0;
    }
    expect((await tmpClient(cred).getObject({ Bucket, Region, Key: 'shared/a.txt' })).statusCode).toBe(200);
  });

  it('survive a restart of cos-local on the same data directory (and so does the certificate)', async () => {
    const cert = readFileSync(server.certificatePath ?? '', 'utf8');
    await server.close();
    server = await start();
    expect(readFileSync(server.certificatePath ?? '', 'utf8')).toBe(cert);
    const got = await tmpClient(cred).getObject({ Bucket, Region, Key: 'shared/a.txt' });
    expect(got.Body.toString()).toBe('presigned body');
  });
});

describe('the HTTPS port serves COS requests', () => {
  it('to the Node SDK with Protocol https: and a trusted certificate', async () => {
    const cos = new COS({ SecretId: ROOT.secretId, SecretKey: ROOT.secretKey, Protocol: 'https:', Ip: `127.0.0.1:${server.httpsPort ?? 0}`, KeepAlive: false });
    await cos.putObject({ Bucket, Region, Key: 'tls/x.txt', Body: 'over TLS' });
    const got = await cos.getObject({ Bucket, Region, Key: 'tls/x.txt' });
    expect(got.Body.toString()).toBe('over TLS');
    expect(got.headers?.['x-cos-request-id']).toBeTruthy();
  });

  it('and refuses clients that do not trust the certificate', async () => {
    const untrusted = await new Promise<string>((resolve) => {
      const req = https.get({ host: '127.0.0.1', port: server.httpsPort, path: '/', agent: new https.Agent() }, () => resolve('connected'));
      req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(untrusted).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });
});
