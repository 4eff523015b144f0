// Bucket CORS through cos-nodejs-sdk-v5, and what browsers see: preflights and CORS headers on
// actual responses (errors included), sent with plain fetch to the path-style address.
import type COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPID, REGION, failure, startHarness, type Harness } from './sdk-harness';

let h: Harness;
const Bucket = `cors-${APPID}`;
const b = { Bucket, Region: REGION };
const rules: (COS.CORSRule & { ID?: string })[] = [
  {
    ID: 'console', AllowedOrigin: ['https://*.example.com', 'http://localhost:3000'], AllowedMethod: ['GET', 'PUT', 'HEAD'],
    AllowedHeader: ['content-type', 'x-cos-*'], ExposeHeader: ['ETag', 'x-cos-request-id'], MaxAgeSeconds: 600,
  },
  { AllowedOrigin: ['*'], AllowedMethod: ['GET'], AllowedHeader: ['*'] },
];

beforeAll(async () => {
  h = await startHarness();
  await h.cos.putBucket(b);
});
afterAll(() => h.close());

const preflight = (origin: string, method: string, headers?: string): Promise<Response> =>
  fetch(`${h.server.url}/${Bucket}/dir/a.txt`, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': method, ...(headers ? { 'Access-Control-Request-Headers': headers } : {}) },
  });

describe('bucket CORS', () => {
  it('has no configuration at first: GET is 404 (the SDK returns no rules), preflights are 403', async () => {
    expect(await h.cos.getBucketCors(b)).toMatchObject({ CORSRules: [], statusCode: 404 });
    const res = await preflight('https://app.example.com', 'GET');
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>AccessForbidden</Code>');
  });

  it('refuses an OPTIONS without Origin or Access-Control-Request-Method as malformed (400), not as a CORS miss', async () => {
    const partial: Record<string, string>[] = [{}, { Origin: 'https://app.example.com' }, { 'Access-Control-Request-Method': 'GET' }];
    for (const headers of partial) {
      const res = await fetch(`${h.server.url}/${Bucket}/dir/a.txt`, { method: 'OPTIONS', headers });
      expect([res.status, (await res.text()).includes('<Code>InvalidRequest</Code>')]).toEqual([400, true]);
    }
    // What the SDK's optionsObject sends when the two headers are given under Headers (it drops them):
    // an error, where a 403 would have been reported as `OptionsForbidden: true`.
    const lost = { ...b, Key: '1.jpg', Headers: { Origin: 'https://app.example.com' } } as unknown as COS.OptionsObjectParams;
    const err = await failure(h.cos.optionsObject(lost));
    expect(err.statusCode).toBe(400);
  });

  it('returns the rules exactly as they were put', async () => {
    await h.cos.putBucketCors({ ...b, CORSRules: rules, ResponseVary: 'true' });
    const got = await h.cos.getBucketCors(b);
    expect(got.ResponseVary).toBe('true');
    // The SDK hands rules back with plural list names; XML values are strings.
    expect(got.CORSRules).toEqual([
      {
        ID: 'console', AllowedOrigins: ['https://*.example.com', 'http://localhost:3000'], AllowedMethods: ['GET', 'PUT', 'HEAD'],
        AllowedHeaders: ['content-type', 'x-cos-*'], ExposeHeaders: ['ETag', 'x-cos-request-id'], MaxAgeSeconds: '600',
      },
      { AllowedOrigins: ['*'], AllowedMethods: ['GET'], AllowedHeaders: ['*'], ExposeHeaders: [] },
    ]);
  });

  it('answers a matching preflight with the rule\'s headers', async () => {
    const res = await preflight('https://app.example.com', 'PUT', 'Content-Type, x-cos-meta-author');
    expect(res.status).toBe(200);
    expect(Object.fromEntries([...res.headers].filter(([k]) => k.startsWith('access-control-') || k === 'vary'))).toEqual({
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-methods': 'GET,PUT,HEAD',
      'access-control-allow-headers': 'content-type,x-cos-meta-author',
      'access-control-expose-headers': 'ETag,x-cos-request-id',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
    expect(res.headers.get('x-cos-request-id')).toMatch(/^req-/);
  });

  it('falls through to the next rule, and refuses what no rule allows', async () => {
    const wildcard = await preflight('https://elsewhere.org', 'GET', 'x-anything');
    expect(wildcard.status).toBe(200);
    expect(wildcard.headers.get('access-control-allow-origin')).toBe('*');
    for (const res of [await preflight('https://elsewhere.org', 'PUT'), await preflight('https://app.example.com', 'PUT', 'authorization-x')]) {
      expect(res.status).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('adds the matched rule\'s headers to actual responses, errors included', async () => {
    const denied = await fetch(`${h.server.url}/${Bucket}/missing.txt`, { headers: { Origin: 'http://localhost:3000' } });
    expect(denied.status).toBe(403); // anonymous
    expect(denied.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(denied.headers.get('access-control-expose-headers')).toBe('ETag,x-cos-request-id');
    expect(denied.headers.get('vary')).toBe('Origin');
    const other = await fetch(`${h.server.url}/${Bucket}/missing.txt`, { method: 'HEAD', headers: { Origin: 'https://elsewhere.org' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull(); // HEAD is not in the wildcard rule
  });

  it('refuses a body that is not well-formed XML as MalformedXML', async () => {
    const raw = h.cos.request({ ...b, Method: 'PUT', Action: 'cors', Body: '<CORSConfiguration><CORSRule>', Headers: { 'Content-Type': 'application/xml' } });
    expect(await failure(raw)).toMatchObject({ code: 'MalformedXML', statusCode: 400 });
  });

  it('refuses an unsupported method as MalformedXML', async () => {
    const bad = h.cos.putBucketCors({ ...b, CORSRules: [{ AllowedOrigin: ['*'], AllowedMethod: ['PATCH'] }] });
    expect(await failure(bad)).toMatchObject({ code: 'MalformedXML', statusCode: 400 });
  });

  it('deletes the configuration', async () => {
    expect((await h.cos.deleteBucketCors(b)).statusCode).toBe(204);
    expect(await h.cos.getBucketCors(b)).toMatchObject({ CORSRules: [], statusCode: 404 });
    expect((await preflight('https://app.example.com', 'GET')).status).toBe(403);
  });
});
