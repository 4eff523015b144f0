// The CORS and hotlink testers (src/shared/cors/explain.ts, src/shared/referer/explain.ts) predict
// what COS answers; here every prediction is checked against a real cos-local: the configuration is
// put with cos-nodejs-sdk-v5, the very same request is sent, and status and headers must agree.
// CORS: OPTIONS Object (https://cloud.tencent.com/document/product/436/8288), PUT Bucket cors (436/8279).
// Hotlink protection: "Setting Hotlink Protection" (436/13319), PUT Bucket referer (436/32492); it
// judges anonymous reads, so the object read is public-read.
import COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAccounts } from '../../src/cos-local/accounts';
import { startCosLocal, type RunningCosLocal } from '../../src/cos-local/app';
import { explainCors, type CorsExplanation, type CorsTestRequest } from '../../src/shared/cors/explain';
import { explainReferer, type RefererExplanation } from '../../src/shared/referer/explain';
import type { CorsConfiguration } from '../../src/shared/xml/cors';
import type { RefererConfiguration } from '../../src/shared/xml/referer';
import { bucketHost, cosRequest, type CosAnswer } from '../support/cos-request';

const SECRET_ID = 'AKIDtestersagree00000000000000000000';
const SECRET_KEY = 'testers-agree-secret-key-0000000';
const REGION = 'ap-guangzhou';
const KEY = 'pub.txt';

let cosLocal: RunningCosLocal;
let root: COS;

beforeAll(async () => {
  cosLocal = await startCosLocal({ memory: true, port: 0, accounts: defaultAccounts(SECRET_ID, SECRET_KEY), log: () => undefined });
  root = new COS({ SecretId: SECRET_ID, SecretKey: SECRET_KEY, Protocol: 'http:', Ip: `127.0.0.1:${cosLocal.port}` });
});
afterAll(async () => {
  await cosLocal?.close();
});

/** A bucket holding one public-read object, so that anonymous reads are allowed. */
async function bucketWithPublicObject(Bucket: string): Promise<void> {
  await root.putBucket({ Bucket, Region: REGION });
  await root.putObject({ Bucket, Region: REGION, Key: KEY, Body: 'hello', ACL: 'public-read' });
}

// ---------------------------------------------------------------- CORS

const CORS_A: CorsConfiguration = {
  rules: [
    { id: 'uploads', allowedOrigins: ['http://*.example.com', 'https://app.example.org'], allowedMethods: ['PUT', 'POST'], allowedHeaders: ['content-type', 'x-cos-meta-*'], exposeHeaders: ['ETag', 'x-cos-request-id'], maxAgeSeconds: '600' },
    { id: 'shop', allowedOrigins: ['https://*.shop.com'], allowedMethods: ['GET', 'HEAD'], allowedHeaders: ['*'], exposeHeaders: ['Content-Length'], maxAgeSeconds: '60' },
    { id: 'anyone-reads', allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] },
  ],
  responseVary: 'true',
};
const CORS_B: CorsConfiguration = {
  rules: [
    { allowedOrigins: ['https://console.example.com'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['*'], exposeHeaders: ['ETag'], maxAgeSeconds: '3600' },
    { allowedOrigins: ['http://localhost:*'], allowedMethods: ['GET'], allowedHeaders: ['range'], exposeHeaders: [] },
  ],
};

const CORS_BUCKETS = { A: 'cors-a-1250000000', B: 'cors-b-1250000000', none: 'cors-none-1250000000' } as const;
const CORS_CONFIGS: Record<keyof typeof CORS_BUCKETS, CorsConfiguration | undefined> = { A: CORS_A, B: CORS_B, none: undefined };

const pre = (origin: string, method: string, headers?: string): CorsTestRequest => ({ kind: 'preflight', origin, method, ...(headers === undefined ? {} : { headers }) });
const act = (origin: string, method: string): CorsTestRequest => ({ kind: 'actual', origin, method });

const CORS_CASES: [name: string, config: keyof typeof CORS_BUCKETS, req: CorsTestRequest][] = [
  ['preflight, wildcard origin, first rule', 'A', pre('http://www.example.com', 'PUT', 'content-type')],
  ['preflight, two-label wildcard, header wildcard, mixed case', 'A', pre('http://a.b.example.com', 'POST', 'Content-Type, X-Cos-Meta-Author')],
  ['preflight, literal origin, no headers', 'A', pre('https://app.example.org', 'PUT')],
  ['preflight, *. needs a label', 'A', pre('http://example.com', 'PUT')],
  ['preflight, other scheme', 'A', pre('https://www.example.com', 'PUT')],
  ['preflight, header not allowed', 'A', pre('http://www.example.com', 'PUT', 'x-other')],
  ['preflight, falls through to the * rule', 'A', pre('http://www.example.com', 'GET')],
  ['preflight, * rule allows no header', 'A', pre('http://www.example.com', 'GET', 'x-foo')],
  ['preflight, second rule, AllowedHeader *', 'A', pre('https://m.shop.com', 'GET', 'x-foo, x-bar')],
  ['preflight, second rule, HEAD', 'A', pre('https://m.shop.com', 'HEAD')],
  ['preflight, method nowhere allowed', 'A', pre('https://m.shop.com', 'DELETE')],
  ['preflight, any origin reads', 'A', pre('https://x.org', 'GET')],
  ['preflight, any origin cannot write', 'A', pre('https://x.org', 'PUT')],
  ['preflight, lower-case method', 'A', pre('http://www.example.com', 'put')],
  ['preflight, origin with a port', 'A', pre('http://www.example.com:8080', 'PUT')],
  ['actual GET, * rule', 'A', act('http://www.example.com', 'GET')],
  ['actual GET, second rule', 'A', act('https://m.shop.com', 'GET')],
  ['actual HEAD, second rule', 'A', act('https://m.shop.com', 'HEAD')],
  ['preflight B, headers *', 'B', pre('https://console.example.com', 'PUT', 'x-cos-acl, content-md5')],
  ['preflight B, localhost any port', 'B', pre('http://localhost:5173', 'GET', 'range')],
  ['preflight B, header not allowed', 'B', pre('http://localhost:5173', 'GET', 'if-none-match')],
  ['preflight B, origin not allowed', 'B', pre('https://evil.com', 'GET')],
  ['actual GET B, first rule', 'B', act('https://console.example.com', 'GET')],
  ['actual GET B, second rule', 'B', act('http://localhost:3000', 'GET')],
  ['actual GET B, no rule', 'B', act('https://evil.com', 'GET')],
  ['actual HEAD B, method no rule allows', 'B', act('https://console.example.com', 'HEAD')],
  ['preflight, no configuration', 'none', pre('https://console.example.com', 'GET')],
  ['actual GET, no configuration', 'none', act('https://console.example.com', 'GET')],
];

/** The Access-Control-* and Vary headers of an answer, names lower-cased. */
function corsHeadersOf(a: CosAnswer): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(a.headers)) {
    if ((name.startsWith('access-control-') || name === 'vary') && value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

const lowerKeys = (h: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));

function sendCors(bucket: string, req: CorsTestRequest): Promise<CosAnswer> {
  const host = bucketHost(bucket, REGION, cosLocal.port);
  if (req.kind === 'actual') return cosRequest({ port: cosLocal.port, host, method: req.method, path: `/${KEY}`, headers: { origin: req.origin } });
  const headers: Record<string, string> = { origin: req.origin, 'access-control-request-method': req.method };
  if (typeof req.headers === 'string') headers['access-control-request-headers'] = req.headers;
  return cosRequest({ port: cosLocal.port, host, method: 'OPTIONS', path: `/${KEY}`, headers });
}

/** What cos-local answered, in the terms of a prediction; actual requests must be served (200). */
function corsAgreement(predicted: CorsExplanation, a: CosAnswer): { status: number | undefined; headers: Record<string, string> } {
  return { status: predicted.kind === 'actual' ? (a.status === 200 ? undefined : a.status) : a.status, headers: corsHeadersOf(a) };
}

describe('the CORS tester predicts cos-local', () => {
  beforeAll(async () => {
    for (const [name, Bucket] of Object.entries(CORS_BUCKETS)) {
      await bucketWithPublicObject(Bucket);
      const config = CORS_CONFIGS[name as keyof typeof CORS_BUCKETS];
      if (!config) continue;
      await root.putBucketCors({
        Bucket, Region: REGION,
        CORSRules: config.rules.map((r) => ({
          ...(r.id === undefined ? {} : { ID: r.id }),
          AllowedOrigin: r.allowedOrigins, AllowedMethod: r.allowedMethods, AllowedHeader: r.allowedHeaders, ExposeHeader: r.exposeHeaders,
          ...(r.maxAgeSeconds === undefined ? {} : { MaxAgeSeconds: Number(r.maxAgeSeconds) }),
        })),
        ...(config.responseVary === undefined ? {} : { ResponseVary: config.responseVary as 'true' | 'false' }),
      });
    }
  });

  it(`has at least 20 cases, matched and refused alike (${CORS_CASES.length})`, () => {
    expect(CORS_CASES.length).toBeGreaterThanOrEqual(20);
    const outcomes = CORS_CASES.map(([, config, req]) => explainCors(CORS_CONFIGS[config], req));
    expect(outcomes.filter((e) => e.outcome === 'matched').length).toBeGreaterThanOrEqual(8);
    expect(outcomes.filter((e) => e.outcome !== 'matched').length).toBeGreaterThanOrEqual(8);
    expect(new Set(outcomes.map((e) => e.matchedRule))).toEqual(new Set([0, 1, 2, undefined]));
  });

  it.each(CORS_CASES)('%s', async (_name, config, req) => {
    const predicted = explainCors(CORS_CONFIGS[config], req);
    const answer = await sendCors(CORS_BUCKETS[config], req);
    expect(corsAgreement(predicted, answer)).toEqual({ status: predicted.status, headers: lowerKeys(predicted.headers) });
  });

  it('catches a wrong prediction (sanity: the comparison can fail)', async () => {
    const req = pre('https://m.shop.com', 'GET', 'x-foo');
    const wrong = explainCors({ ...CORS_A, rules: CORS_A.rules.filter((r) => r.id !== 'shop') }, req); // the * rule, or none
    const answer = await sendCors(CORS_BUCKETS.A, req);
    expect(corsAgreement(wrong, answer)).not.toEqual({ status: wrong.status, headers: lowerKeys(wrong.headers) });
  });
});

// ---------------------------------------------------------------- hotlink protection

const REFERERS: Record<string, RefererConfiguration> = {
  allow: { status: 'Enabled', refererType: 'White-List', domains: ['*.example.com', 'static.site.org:8080', '192.168.1.10', 'www.qq.com/example'] },
  block: { status: 'Enabled', refererType: 'Black-List', domains: ['evil.com', '*.cdn-thief.net', '10.0.0.5:8080'], emptyReferConfiguration: 'Allow' },
  allowEmpty: { status: 'Enabled', refererType: 'White-List', domains: ['example.com'], emptyReferConfiguration: 'Allow' },
  blockEmptyDeny: { status: 'Enabled', refererType: 'Black-List', domains: ['evil.com'], emptyReferConfiguration: 'Deny' },
  disabled: { status: 'Disabled', refererType: 'White-List', domains: ['example.com'] },
};
const refererBucket = (name: string): string => `ref-${name.toLowerCase()}-1250000000`;

const REFERER_CASES: [config: keyof typeof REFERERS, referer: string | undefined][] = [
  ['allow', 'https://example.com/'],
  ['allow', 'https://a.example.com/x'],
  ['allow', 'https://a.b.example.com/page.html'],
  ['allow', 'HTTPS://A.EXAMPLE.COM/'],
  ['allow', 'https://badexample.com/'],
  ['allow', 'https://example.com.evil.org/'],
  ['allow', 'http://static.site.org:8080/p'],
  ['allow', 'http://static.site.org/p'],
  ['allow', 'http://static.site.org:8081/'],
  ['allow', 'http://192.168.1.10:3000/'],
  ['allow', 'http://192.168.1.1/'],
  ['allow', 'https://www.qq.com/example/page.html'],
  ['allow', 'https://www.qq.com/other/page.html'],
  ['allow', undefined],
  ['block', 'https://evil.com/'],
  ['block', 'https://sub.evil.com/'],
  ['block', 'https://x.cdn-thief.net/a.jpg'],
  ['block', 'https://cdn-thief.net/'],
  ['block', 'http://10.0.0.5:8080/'],
  ['block', 'http://10.0.0.5/'],
  ['block', 'https://good.org/'],
  ['block', undefined],
  ['allowEmpty', undefined],
  ['allowEmpty', 'http://example.com:9000/'],
  ['allowEmpty', 'https://other.com/'],
  ['blockEmptyDeny', undefined],
  ['blockEmptyDeny', 'https://fine.org/'],
  ['disabled', 'https://other.com/'],
  ['disabled', undefined],
];

function sendReferer(config: string, referer: string | undefined): Promise<CosAnswer> {
  return cosRequest({ port: cosLocal.port, host: bucketHost(refererBucket(config), REGION, cosLocal.port), path: `/${KEY}`, headers: referer === undefined ? {} : { referer } });
}

const refererAgreement = (a: CosAnswer): { status: number; code: string | undefined } => ({ status: a.status, code: a.code === '' ? undefined : a.code });
const refererPrediction = (e: RefererExplanation): { status: number; code: string | undefined } => ({ status: e.status, code: e.code });

describe('the referer tester predicts cos-local', () => {
  beforeAll(async () => {
    for (const [name, config] of Object.entries(REFERERS)) {
      const Bucket = refererBucket(name);
      await bucketWithPublicObject(Bucket);
      await root.putBucketReferer({
        Bucket, Region: REGION,
        RefererConfiguration: {
          Status: config.status as 'Enabled' | 'Disabled', RefererType: config.refererType as 'Black-List' | 'White-List',
          DomainList: { Domains: config.domains ?? [] },
          ...(config.emptyReferConfiguration === undefined ? {} : { EmptyReferConfiguration: config.emptyReferConfiguration as 'Allow' | 'Deny' }),
        },
      });
    }
  });

  it(`has at least 20 cases, allowed and refused alike (${REFERER_CASES.length})`, () => {
    expect(REFERER_CASES.length).toBeGreaterThanOrEqual(20);
    const outcomes = REFERER_CASES.map(([config, referer]) => explainReferer(REFERERS[config], referer));
    expect(outcomes.filter((e) => e.allowed).length).toBeGreaterThanOrEqual(8);
    expect(outcomes.filter((e) => !e.allowed).length).toBeGreaterThanOrEqual(8);
    expect(new Set(outcomes.map((e) => e.decidedBy.kind))).toEqual(new Set(['domain', 'no-domain-hit', 'empty-referer', 'disabled']));
  });

  it.each(REFERER_CASES)('%s: Referer %s', async (config, referer) => {
    const predicted = explainReferer(REFERERS[config], referer);
    expect(refererAgreement(await sendReferer(config, referer))).toEqual(refererPrediction(predicted));
  });

  it('catches a wrong prediction (sanity: the comparison can fail)', async () => {
    const wrong = explainReferer({ ...REFERERS.allow!, refererType: 'Black-List' }, 'https://a.example.com/x');
    expect(refererAgreement(await sendReferer('allow', 'https://a.example.com/x'))).not.toEqual(refererPrediction(wrong));
  });

  it('an object with no referer configuration is read by anyone', async () => {
    const answer = await cosRequest({ port: cosLocal.port, host: bucketHost(CORS_BUCKETS.none, REGION, cosLocal.port), path: `/${KEY}`, headers: { referer: 'https://anyone.org/' } });
    expect(refererAgreement(answer)).toEqual(refererPrediction(explainReferer(undefined, 'https://anyone.org/')));
  });
});
