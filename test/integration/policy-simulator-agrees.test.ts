// The console's policy simulator (src/console/features/bucket-settings/sections/policy/simulator/model/
// simulate.ts) and cos-local answer alike: bucket policies and ACLs are put into a real cos-local, each
// request is sent for real — signed by the owner, two sub-users or another root account, or anonymous,
// over HTTP or HTTPS — and the simulator's decision on the same policy text, the bucket ACL as the
// console reads it (GET ?acl, parsed by the shared XML codec) and the same request properties must be
// cos-local's answer (2xx allowed, 403 AccessDenied refused). Each case also states the expected answer,
// so a simulator and a server that both drift cannot agree silently.
// Decision order: docs/cos-behaviour.md "Evaluation order" (https://www.tencentcloud.com/document/product/436/35240);
// condition keys: https://www.tencentcloud.com/document/product/436/46206.
import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsFile } from '../../src/cos-local/accounts';
import { startCosLocal, type RunningCosLocal } from '../../src/cos-local/app';
import { simulate, type SimPrincipal, type SimRequest } from '../../src/console/features/bucket-settings/sections/policy/simulator/model/simulate';
import { parseAclXml, type AccessControlPolicy } from '../../src/shared/xml/acl';

const APPID = '1250000000';
const REGION = 'ap-guangzhou';
const OWNER_UIN = '100000000001';
const ALICE_UIN = '100000000011';
const BOB_UIN = '100000000012';
const OTHER_UIN = '200000000001';
const key = (name: string) => ({ secretId: `AKID${name}`.padEnd(36, '0'), secretKey: `${name}secretkey`.padEnd(32, '0') });
const KEYS = { owner: key('simowner'), alice: key('simalice'), bob: key('simbob'), other: key('simother') };

// The sub-users have no CAM policies: the bucket policy and ACL alone decide, which is all the console
// can see (a sub-user's own CAM policies are not readable from a bucket).
const ACCOUNTS: AccountsFile = {
  accounts: [
    {
      uin: OWNER_UIN, appId: APPID, ...KEYS.owner,
      subUsers: [
        { uin: ALICE_UIN, name: 'alice', ...KEYS.alice, policies: [] },
        { uin: BOB_UIN, name: 'bob', ...KEYS.bob, policies: [] },
      ],
    },
    { uin: OTHER_UIN, appId: '1260000000', ...KEYS.other, subUsers: [] },
  ],
};

type Who = 'owner' | 'alice' | 'bob' | 'other' | 'anonymous';
const PRINCIPALS: Record<Who, SimPrincipal> = {
  owner: { kind: 'owner' }, alice: { kind: 'sub', uin: ALICE_UIN }, bob: { kind: 'sub', uin: BOB_UIN },
  other: { kind: 'other-root', uin: OTHER_UIN }, anonymous: { kind: 'anonymous' },
};
const P = {
  anyone: 'qcs::cam::anyone:anyone',
  alice: `qcs::cam::uin/${OWNER_UIN}:uin/${ALICE_UIN}`,
  bob: `qcs::cam::uin/${OWNER_UIN}:uin/${BOB_UIN}`,
  other: `qcs::cam::uin/${OTHER_UIN}:uin/${OTHER_UIN}`,
};

const POLICY_BUCKET = `simpol-${APPID}`;
const ACL_BUCKET = `simacl-${APPID}`;
const res = (bucket: string, path: string) => `qcs::cos:${REGION}:uid/${APPID}:${bucket}/${path}`;

const POLICY = {
  version: '2.0',
  statement: [
    { sid: 'public-read', effect: 'allow', principal: { qcs: [P.anyone] }, action: ['name/cos:GetObject', 'name/cos:HeadObject'], resource: [res(POLICY_BUCKET, 'public/*')] },
    {
      sid: 'alice-docs', effect: 'allow', principal: { qcs: [P.alice] },
      action: ['name/cos:GetObject', 'name/cos:HeadObject', 'name/cos:PutObject', 'name/cos:DeleteObject'], resource: [res(POLICY_BUCKET, 'docs/*')],
    },
    { sid: 'alice-list-docs', effect: 'allow', principal: { qcs: [P.alice] }, action: ['name/cos:GetBucket'], resource: [res(POLICY_BUCKET, '*')], condition: { string_equal: { 'cos:prefix': 'docs%2F' } } },
    { sid: 'no-secret', effect: 'deny', principal: { qcs: [P.anyone] }, action: ['name/cos:*'], resource: [res(POLICY_BUCKET, 'docs/secret/*')] },
    { sid: 'other-from-loopback', effect: 'allow', principal: { qcs: [P.other] }, action: ['name/cos:GetObject'], resource: [res(POLICY_BUCKET, '*')], condition: { ip_equal: { 'qcs:ip': ['127.0.0.0/8'] } } },
    { sid: 'bob-from-office', effect: 'allow', principal: { qcs: [P.bob] }, action: ['name/cos:GetObject'], resource: [res(POLICY_BUCKET, '*')], condition: { ip_equal: { 'qcs:ip': ['10.0.0.0/8'] } } },
    { sid: 'bob-not-loopback', effect: 'allow', principal: { qcs: [P.bob] }, action: ['name/cos:HeadObject'], resource: [res(POLICY_BUCKET, '*')], condition: { ip_not_equal: { 'qcs:ip': ['127.0.0.1'] } } },
    { sid: 'other-png', effect: 'allow', principal: { qcs: [P.other] }, action: ['name/cos:PutObject'], resource: [res(POLICY_BUCKET, 'uploads/*')], condition: { string_equal: { 'cos:content-type': ['image/png'] } } },
    { sid: 'https-only', effect: 'allow', principal: { qcs: [P.anyone] }, action: ['name/cos:GetObject'], resource: [res(POLICY_BUCKET, 'tls/*')], condition: { bool_equal: { 'cos:secure-transport': 'true' } } },
    // The "latest version only" pair of tencentcloud 436/46206 (`cos:versionid`).
    { sid: 'latest', effect: 'allow', principal: { qcs: [P.alice] }, action: ['name/cos:GetObject'], resource: [res(POLICY_BUCKET, 'versions/*')], condition: { string_equal_if_exist: { 'cos:versionid': '' } } },
    { sid: 'not-old', effect: 'deny', principal: { qcs: [P.alice] }, action: ['name/cos:GetObject'], resource: [res(POLICY_BUCKET, 'versions/*')], condition: { string_not_equal: { 'cos:versionid': '' } } },
    { sid: 'latest-delete', effect: 'allow', principal: { qcs: [P.alice] }, action: ['name/cos:DeleteObject'], resource: [res(POLICY_BUCKET, 'versions/*')], condition: { string_equal_if_exist: { 'cos:versionid': '' } } },
    { sid: 'no-old-delete', effect: 'deny', principal: { qcs: [P.alice] }, action: ['name/cos:DeleteObject'], resource: [res(POLICY_BUCKET, 'versions/*')], condition: { string_not_equal: { 'cos:versionid': '' } } },
    { sid: 'owner-keeps', effect: 'deny', principal: { qcs: [`qcs::cam::uin/${OWNER_UIN}:uin/${OWNER_UIN}`] }, action: ['name/cos:DeleteObject'], resource: [res(POLICY_BUCKET, 'keep/*')] },
  ],
};

// The ACL bucket: bob may write (bucket WRITE), the other account may read, anyone may read the ACL;
// the policy denies bob's deletes under keep/ (deny overrides the ACL grant) and lets alice list.
const ACL_POLICY = {
  version: '2.0',
  statement: [
    { sid: 'bob-keeps', effect: 'deny', principal: { qcs: [P.bob] }, action: ['name/cos:DeleteObject'], resource: [res(ACL_BUCKET, 'keep/*')] },
    { sid: 'alice-lists', effect: 'allow', principal: { qcs: [P.alice] }, action: ['name/cos:GetBucket'], resource: [res(ACL_BUCKET, '')] },
  ],
};
const ACL_HEADERS = {
  'x-cos-grant-write': `id="${OWNER_UIN}/${BOB_UIN}"`,
  'x-cos-grant-read': `id="${OTHER_UIN}"`,
  'x-cos-grant-read-acp': 'uri="http://cam.qcloud.com/groups/global/AllUsers"',
};

let cos: RunningCosLocal;
let certificate: Buffer;

interface Sent {
  who: Who;
  bucket: string;
  method: string;
  /** '' = the bucket. */
  key: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
  https?: boolean;
}

interface Answer {
  status: number;
  code: string;
  text: string;
}

function queryString(q: Record<string, string>): string {
  const parts = Object.entries(q).map(([k, v]) => (v === '' && k !== 'versionId' ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`));
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** One real request, signed with the principal's key (COS signature, the SDK's own signer) or anonymous. */
function send(s: Sent): Promise<Answer> {
  const host = `${s.bucket}.cos.${REGION}.myqcloud.com`;
  const body = s.body === undefined ? undefined : Buffer.from(s.body);
  const headers: Record<string, string> = { ...s.headers, host, ...(body ? { 'content-length': String(body.length) } : {}) };
  if (s.who !== 'anonymous') {
    const k = KEYS[s.who];
    headers['authorization'] = COS.getAuthorization({
      SecretId: k.secretId, SecretKey: k.secretKey, Method: s.method as COS.Method, Pathname: `/${s.key}`, Query: s.query ?? {}, Headers: headers,
    });
  }
  const path = `/${s.key.split('/').map(encodeURIComponent).join('/')}${queryString(s.query ?? {})}`;
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', method: s.method, path, headers };
    const done = (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? '', text });
      });
      res.on('error', reject);
    };
    const req = s.https
      ? httpsRequest({ ...options, port: cos.httpsPort, ca: certificate, servername: 'localhost' }, done)
      : httpRequest({ ...options, port: cos.port }, done);
    req.on('error', reject);
    req.end(body);
  });
}

async function must(s: Sent): Promise<Answer> {
  const a = await send(s);
  if (a.status >= 300) throw new Error(`${s.method} ${s.bucket}/${s.key} → ${a.status} ${a.code}`);
  return a;
}

interface Case {
  name: string;
  send: Sent;
  action: string;
  expected: 'allow' | 'deny';
}

const GET = 'name/cos:GetObject';
const HEAD = 'name/cos:HeadObject';
const PUT = 'name/cos:PutObject';
const DEL = 'name/cos:DeleteObject';
const LIST = 'name/cos:GetBucket';

const obj = (who: Who, method: string, bucket: string, k: string, extra: Partial<Sent> = {}): Sent => ({ who, method, bucket, key: k, ...extra });

/** The simulator's request: what the case sends, as the form would hold it. */
function simRequestOf(c: Case): SimRequest {
  const h = Object.fromEntries(Object.entries(c.send.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const q = c.send.query ?? {};
  const grants = Object.fromEntries(Object.entries(h).filter(([k]) => k.startsWith('x-cos-grant-')).map(([k, v]) => [k.slice('x-cos-grant-'.length), v]));
  return {
    action: c.action,
    ...(c.send.key !== '' ? { key: c.send.key } : {}),
    sourceIp: '127.0.0.1',
    secure: c.send.https ?? false,
    ...(c.send.https ? { tlsVersion: '1.3' } : {}),
    host: `${c.send.bucket}.cos.${REGION}.myqcloud.com`,
    ...(q['versionId'] !== undefined ? { versionId: q['versionId'] } : {}),
    ...(q['prefix'] !== undefined ? { prefix: q['prefix'] } : {}),
    ...(h['content-type'] !== undefined ? { contentType: h['content-type'] } : {}),
    ...(c.send.body !== undefined ? { contentLength: String(Buffer.byteLength(c.send.body)) } : {}),
    ...(h['x-cos-storage-class'] !== undefined ? { storageClass: h['x-cos-storage-class'] } : {}),
    ...(h['x-cos-acl'] !== undefined ? { acl: h['x-cos-acl'] } : {}),
    ...(Object.keys(grants).length > 0 ? { grants } : {}),
  };
}

const acls: Record<string, AccessControlPolicy> = {};
let oldVersionId = '';

beforeAll(async () => {
  cos = await startCosLocal({ memory: true, port: 0, httpsPort: 0, accounts: ACCOUNTS, log: () => undefined });
  certificate = readFileSync(cos.certificatePath ?? '');
  const owner = (method: string, bucket: string, k: string, extra: Partial<Sent> = {}) => must({ who: 'owner', method, bucket, key: k, ...extra });
  await owner('PUT', POLICY_BUCKET, '');
  await owner('PUT', POLICY_BUCKET, '', { query: { versioning: '' }, body: '<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>' });
  for (const k of ['public/a.txt', 'docs/a.txt', 'docs/b.txt', 'docs/secret/s.txt', 'private/p.txt', 'tls/t.txt', 'keep/k.txt', 'free/f.txt', 'versions/d.txt', 'versions/e.txt']) await owner('PUT', POLICY_BUCKET, k, { body: k });
  await owner('PUT', POLICY_BUCKET, 'versions/o.txt', { body: 'old' });
  await owner('PUT', POLICY_BUCKET, 'versions/o.txt', { body: 'latest' });
  const versions = await owner('GET', POLICY_BUCKET, '', { query: { versions: '', prefix: 'versions/' } });
  // The oldest version: the last <VersionId> of the listing (newest first).
  oldVersionId = [...versions.text.matchAll(/<VersionId>([^<]+)<\/VersionId>/g)].map((m) => m[1] ?? '').at(-1) ?? '';
  expect(oldVersionId).not.toBe('');
  // The policy last: its denies bind the owner too (docs/secret/, keep/).
  await owner('PUT', POLICY_BUCKET, '', { query: { policy: '' }, body: JSON.stringify(POLICY), headers: { 'content-type': 'application/json' } });

  await owner('PUT', ACL_BUCKET, '');
  await owner('PUT', ACL_BUCKET, '', { query: { acl: '' }, headers: ACL_HEADERS });
  await owner('PUT', ACL_BUCKET, '', { query: { policy: '' }, body: JSON.stringify(ACL_POLICY), headers: { 'content-type': 'application/json' } });
  for (const k of ['a.txt', 'b.txt', 'keep/k.txt', 'c.txt']) await owner('PUT', ACL_BUCKET, k, { body: k });

  // The bucket ACLs as the console reads them (useSetting(target, 'acl'): GET ?acl, the shared codec).
  for (const b of [POLICY_BUCKET, ACL_BUCKET]) {
    const parsed = parseAclXml((await owner('GET', b, '', { query: { acl: '' } })).text);
    if (!parsed.ok) throw new Error(`GET ${b}?acl did not parse`);
    acls[b] = parsed.value;
  }
});

afterAll(async () => {
  await cos?.close();
});

function cases(): Case[] {
  const pb = POLICY_BUCKET;
  const ab = ACL_BUCKET;
  const c = (name: string, send: Sent, action: string, expected: Case['expected']): Case => ({ name, send, action, expected });
  return [
    // anonymous
    c('anonymous GET public/', obj('anonymous', 'GET', pb, 'public/a.txt'), GET, 'allow'),
    c('anonymous HEAD public/', obj('anonymous', 'HEAD', pb, 'public/a.txt'), HEAD, 'allow'),
    c('anonymous GET private/', obj('anonymous', 'GET', pb, 'private/p.txt'), GET, 'deny'),
    c('anonymous PUT public/', obj('anonymous', 'PUT', pb, 'public/new.txt', { body: 'x' }), PUT, 'deny'),
    c('anonymous DELETE public/', obj('anonymous', 'DELETE', pb, 'public/a.txt'), DEL, 'deny'),
    c('anonymous list', obj('anonymous', 'GET', pb, ''), LIST, 'deny'),
    c('anonymous GET tls/ over HTTP', obj('anonymous', 'GET', pb, 'tls/t.txt'), GET, 'deny'),
    c('anonymous GET tls/ over HTTPS (cos:secure-transport)', obj('anonymous', 'GET', pb, 'tls/t.txt', { https: true }), GET, 'allow'),
    c('anonymous GET public/ over HTTPS', obj('anonymous', 'GET', pb, 'public/a.txt', { https: true }), GET, 'allow'),
    // alice: a prefix grant, a deny inside it, a listing condition
    c('alice GET docs/', obj('alice', 'GET', pb, 'docs/a.txt'), GET, 'allow'),
    c('alice HEAD docs/', obj('alice', 'HEAD', pb, 'docs/a.txt'), HEAD, 'allow'),
    c('alice PUT docs/', obj('alice', 'PUT', pb, 'docs/new.txt', { body: 'new' }), PUT, 'allow'),
    c('alice DELETE docs/', obj('alice', 'DELETE', pb, 'docs/b.txt'), DEL, 'allow'),
    c('alice GET docs/secret/ (deny overrides allow)', obj('alice', 'GET', pb, 'docs/secret/s.txt'), GET, 'deny'),
    c('alice PUT docs/secret/ (deny overrides allow)', obj('alice', 'PUT', pb, 'docs/secret/n.txt', { body: 'n' }), PUT, 'deny'),
    c('alice GET private/', obj('alice', 'GET', pb, 'private/p.txt'), GET, 'deny'),
    c('alice PUT outside docs/', obj('alice', 'PUT', pb, 'private/n.txt', { body: 'n' }), PUT, 'deny'),
    c('alice lists docs/ (cos:prefix)', obj('alice', 'GET', pb, '', { query: { prefix: 'docs/' } }), LIST, 'allow'),
    c('alice lists private/', obj('alice', 'GET', pb, '', { query: { prefix: 'private/' } }), LIST, 'deny'),
    c('alice lists everything', obj('alice', 'GET', pb, ''), LIST, 'deny'),
    c('alice GET public/ (anyone)', obj('alice', 'GET', pb, 'public/a.txt'), GET, 'allow'),
    // cos:versionid, the "latest version only" policy of tencentcloud 436/46206
    c('alice GET versions/o', obj('alice', 'GET', pb, 'versions/o.txt'), GET, 'allow'),
    c('alice GET versions/o?versionId=', obj('alice', 'GET', pb, 'versions/o.txt', { query: { versionId: '' } }), GET, 'allow'),
    // the id is filled in by the test (see below)
    c('alice GET versions/o?versionId=<old>', obj('alice', 'GET', pb, 'versions/o.txt', { query: { versionId: 'OLD' } }), GET, 'deny'),
    c('alice DELETE versions/d?versionId=<old>', obj('alice', 'DELETE', pb, 'versions/d.txt', { query: { versionId: 'OLD' } }), DEL, 'deny'),
    c('alice DELETE versions/d?versionId=', obj('alice', 'DELETE', pb, 'versions/d.txt', { query: { versionId: '' } }), DEL, 'allow'),
    c('alice DELETE versions/e', obj('alice', 'DELETE', pb, 'versions/e.txt'), DEL, 'allow'),
    c('owner GET versions/o?versionId=<old>', obj('owner', 'GET', pb, 'versions/o.txt', { query: { versionId: 'OLD' } }), GET, 'allow'),
    // qcs:ip: cos-local sees 127.0.0.1
    c('other account GET from loopback (ip_equal 127.0.0.0/8)', obj('other', 'GET', pb, 'private/p.txt'), GET, 'allow'),
    c('other account HEAD (no grant)', obj('other', 'HEAD', pb, 'private/p.txt'), HEAD, 'deny'),
    c('bob GET (ip_equal 10.0.0.0/8)', obj('bob', 'GET', pb, 'private/p.txt'), GET, 'deny'),
    c('bob HEAD (ip_not_equal 127.0.0.1)', obj('bob', 'HEAD', pb, 'private/p.txt'), HEAD, 'deny'),
    // cos:content-type
    c('other account PUT uploads/ image/png', obj('other', 'PUT', pb, 'uploads/a.png', { body: 'png', headers: { 'content-type': 'image/png' } }), PUT, 'allow'),
    c('other account PUT uploads/ image/jpeg', obj('other', 'PUT', pb, 'uploads/a.jpg', { body: 'jpg', headers: { 'content-type': 'image/jpeg' } }), PUT, 'deny'),
    c('other account PUT uploads/ without a type', obj('other', 'PUT', pb, 'uploads/b.png', { body: 'png' }), PUT, 'deny'),
    c('other account DELETE', obj('other', 'DELETE', pb, 'public/a.txt'), DEL, 'deny'),
    // the owner: allowed without statements, bound by an explicit deny
    c('owner GET private/', obj('owner', 'GET', pb, 'private/p.txt'), GET, 'allow'),
    c('owner GET docs/secret/ (the deny binds the owner)', obj('owner', 'GET', pb, 'docs/secret/s.txt'), GET, 'deny'),
    c('owner DELETE keep/ (denied)', obj('owner', 'DELETE', pb, 'keep/k.txt'), DEL, 'deny'),
    c('owner DELETE free/', obj('owner', 'DELETE', pb, 'free/f.txt'), DEL, 'allow'),
    c('owner lists', obj('owner', 'GET', pb, ''), LIST, 'allow'),
    // ACL grants: bob WRITE, the other account READ, anyone READ_ACP
    c('bob PUT (ACL WRITE)', obj('bob', 'PUT', ab, 'bob.txt', { body: 'b' }), PUT, 'allow'),
    c('bob DELETE (ACL WRITE)', obj('bob', 'DELETE', ab, 'b.txt'), DEL, 'allow'),
    c('bob DELETE keep/ (deny overrides the ACL)', obj('bob', 'DELETE', ab, 'keep/k.txt'), DEL, 'deny'),
    c('bob GET (WRITE does not read)', obj('bob', 'GET', ab, 'a.txt'), GET, 'deny'),
    c('other account GET (ACL READ)', obj('other', 'GET', ab, 'a.txt'), GET, 'allow'),
    c('other account HEAD (ACL READ)', obj('other', 'HEAD', ab, 'a.txt'), HEAD, 'allow'),
    c('other account lists (bucket READ)', obj('other', 'GET', ab, ''), LIST, 'allow'),
    c('other account PUT (no WRITE)', obj('other', 'PUT', ab, 'o.txt', { body: 'o' }), PUT, 'deny'),
    c('anonymous GET bucket ACL (READ_ACP to AllUsers)', obj('anonymous', 'GET', ab, '', { query: { acl: '' } }), 'name/cos:GetBucketACL', 'allow'),
    c('anonymous GET object (no READ)', obj('anonymous', 'GET', ab, 'a.txt'), GET, 'deny'),
    c('alice lists (policy)', obj('alice', 'GET', ab, ''), LIST, 'allow'),
    c('alice GET (nothing)', obj('alice', 'GET', ab, 'a.txt'), GET, 'deny'),
    c('alice PUT with x-cos-acl (nothing)', obj('alice', 'PUT', ab, 'al.txt', { body: 'a', headers: { 'x-cos-acl': 'private' } }), PUT, 'deny'),
    c('bob PUT with a grant header (ACL WRITE)', obj('bob', 'PUT', ab, 'grant.txt', { body: 'g', headers: { 'x-cos-grant-read': `id="${OTHER_UIN}"` } }), PUT, 'allow'),
  ];
}

describe('the policy simulator agrees with cos-local', () => {
  it('on every request: allowed ⇔ 2xx, refused ⇔ 403 AccessDenied', async () => {
    const all = cases().map((c) => (c.send.query?.['versionId'] === 'OLD' ? { ...c, send: { ...c.send, query: { versionId: oldVersionId } } } : c));
    expect(all.length).toBeGreaterThanOrEqual(40);
    const disagreements: string[] = [];
    for (const c of all) {
      const answer = await send(c.send);
      // A HEAD answer has no body to carry the code: 403 is the refusal (436/7730).
      const real = answer.status >= 200 && answer.status < 300 ? 'allow' : answer.status === 403 && (answer.code === 'AccessDenied' || c.send.method === 'HEAD') ? 'deny' : `${answer.status} ${answer.code}`;
      const sim = simulate({
        policyText: JSON.stringify(c.send.bucket === POLICY_BUCKET ? POLICY : ACL_POLICY),
        bucket: { name: c.send.bucket, region: REGION, appId: APPID },
        ownerUin: OWNER_UIN,
        principal: PRINCIPALS[c.send.who],
        request: simRequestOf(c),
        bucketAcl: acls[c.send.bucket] ?? null,
      });
      const simulated = sim.ok ? (sim.allowed ? 'allow' : 'deny') : 'invalid policy';
      if (real !== c.expected || simulated !== real) disagreements.push(`${c.name}: expected ${c.expected}, cos-local ${real}, simulator ${simulated}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('serves ?versionId= as the latest version (GET, DELETE), and the latest-only policy lets it through', async () => {
    const latest = await send(obj('alice', 'GET', POLICY_BUCKET, 'versions/o.txt', { query: { versionId: '' } }));
    expect([latest.status, latest.text]).toEqual([200, 'latest']);
    const plain = await send(obj('alice', 'GET', POLICY_BUCKET, 'versions/o.txt'));
    expect([plain.status, plain.text]).toEqual([200, 'latest']);
    const old = await send(obj('alice', 'GET', POLICY_BUCKET, 'versions/o.txt', { query: { versionId: oldVersionId } }));
    expect([old.status, old.code]).toEqual([403, 'AccessDenied']);
    const ownerOld = await send(obj('owner', 'GET', POLICY_BUCKET, 'versions/o.txt', { query: { versionId: oldVersionId } }));
    expect([ownerOld.status, ownerOld.text]).toEqual([200, 'old']);
    // DELETE ?versionId= removes the current object, as DELETE without it (a delete marker here).
    await must(obj('owner', 'PUT', POLICY_BUCKET, 'versions/f.txt', { body: 'f' }));
    const del = await send(obj('alice', 'DELETE', POLICY_BUCKET, 'versions/f.txt', { query: { versionId: '' } }));
    expect(del.status).toBe(204);
    expect((await send(obj('owner', 'GET', POLICY_BUCKET, 'versions/f.txt'))).status).toBe(404);
  });
});
