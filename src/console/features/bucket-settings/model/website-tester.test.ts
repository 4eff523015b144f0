import { describe, expect, it } from 'vitest';
import type { WebsiteConfiguration } from '../../../../shared/xml/website';
import { evaluateTester, testerPathRequest, type KnownKeys } from './website-tester';

const HOST = 'site-1250000000.cos-website.ap-guangzhou.localhost:9413';
const SPA: WebsiteConfiguration = {
  indexDocument: { suffix: 'index.html' },
  errorDocument: { key: 'index.html', originalHttpStatus: 'Disabled' },
  routingRules: [{ condition: { keyPrefixEquals: 'old/' }, redirect: { replaceKeyPrefixWith: 'new/' } }],
};

/** Runs the tester's rounds as the section does, with `exists` standing for HEAD Object. */
function run(config: WebsiteConfiguration, path: string, objects: string[], publicRead = true) {
  const known = new Map<string, boolean>();
  const heads: string[] = [];
  for (let round = 0; round < 10; round++) {
    const r = evaluateTester(config, { path, host: HOST, scheme: 'http' }, known as KnownKeys, publicRead);
    if (r.kind === 'decided') return { answer: r.decision.answer, heads };
    for (const k of r.keys) {
      heads.push(k);
      known.set(k, objects.includes(k));
    }
  }
  throw new Error('no decision');
}

describe('the redirect tester', () => {
  const CASES: Array<[string, string, string[], boolean, object]> = [
    ['root: the index', '/', ['index.html'], true, { kind: 'document', key: 'index.html', status: 200, source: 'index' }],
    ['unknown path: the SPA shell with 200', '/no/such/page', ['index.html'], true, { kind: 'document', key: 'index.html', status: 200, source: 'error-document' }],
    ['prefix rule: redirect, rule 0', '/old/x', [], true, { kind: 'redirect', status: 301, location: `http://${HOST}/new/x`, source: 'routing-rule', ruleIndex: 0 }],
    ['path typed without the slash', 'old/x', [], true, { kind: 'redirect', location: `http://${HOST}/new/x` }],
    ['an object itself', '/new/x', ['new/x', 'index.html'], true, { kind: 'document', key: 'new/x', status: 200, source: 'object' }],
    ['private objects: 403 then the error document says 200', '/new/x', ['new/x', 'index.html'], false, { kind: 'error', status: 403 }],
    ['percent-encoded path names the decoded key', '/a%20b.html', ['a b.html'], true, { kind: 'document', key: 'a b.html' }],
  ];
  it.each(CASES)('%s', (_, path, objects, publicRead, expected) => {
    expect(run(SPA, path, objects, publicRead).answer).toMatchObject(expected);
  });

  it('asks only for the keys routeWebsite reads, and none for a prefix rule', () => {
    expect(run(SPA, '/old/x', []).heads).toEqual([]);
    expect(run(SPA, '/no/such/page', ['index.html']).heads).toEqual(['no/such/page', 'no/such/page/index.html', 'no/such/page/index.htm', 'index.html']);
  });

  it('turns a typed path into the request a browser sends', () => {
    expect(testerPathRequest({ path: ' /a b/c?x=1#y ', host: HOST, scheme: 'http' })).toEqual({ key: 'a b/c', rawPath: '/a%20b/c', host: HOST, scheme: 'http' });
    expect(testerPathRequest({ path: '/%zz', host: HOST, scheme: 'http' }).key).toBe('%zz');
  });
});
