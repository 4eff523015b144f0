import { describe, expect, it } from 'vitest';
import type { WebsiteConfiguration } from '../xml/website';
import { answerWebsiteLookup, resolveWebsitePath, routeWebsite, type WebsiteLookup } from './route';

const config: WebsiteConfiguration = {
  indexDocument: { suffix: 'index.html' },
  autoAddressing: { status: 'Enabled' },
  errorDocument: { key: 'err.html' },
  routingRules: [
    { condition: { keyPrefixEquals: 'docs/' }, redirect: { protocol: 'https', replaceKeyPrefixWith: 'documents/' } },
    { condition: { httpErrorCodeReturnedEquals: '403' }, redirect: { replaceKeyWith: 'denied.html' } },
    { condition: { keyPrefixEquals: 'off/' }, redirect: { replaceKeyWith: 'x', urlRedirect: 'Disabled' } },
  ],
};
const existing = new Set(['index.html', 'about.html', 'dir/index.html', 'err.html']);
const lookup: WebsiteLookup = (key) => ({ exists: existing.has(key), readable: key !== 'private.html' });
const req = (key: string) => ({ key, rawPath: `/${key}`, host: 'h', scheme: 'http' as const });

describe('routeWebsite (436/30617)', () => {
  it('answers prefix rules and RedirectAllRequestsTo without a read, else names the key to read', () => {
    expect(resolveWebsitePath(config, req('docs/a b'))).toEqual({
      kind: 'answer', answer: { kind: 'redirect', status: 301, source: 'routing-rule', ruleIndex: 0, location: 'https://h/documents/a%20b' },
    });
    expect(resolveWebsitePath(config, req('off/y'))).toEqual({ kind: 'answer', answer: { kind: 'not-implemented', ruleIndex: 2 } });
    expect(resolveWebsitePath(config, req('dir/'))).toEqual({ kind: 'lookup', key: 'dir/index.html', source: 'index' });
    const all = { ...config, redirectAllRequestsTo: { protocol: 'https' } };
    expect(resolveWebsitePath(all, req('x')).kind).toBe('answer');
    expect(resolveWebsitePath(all, { ...req('x'), scheme: 'https' }).kind).toBe('lookup');
  });

  it.each([
    ['', { kind: 'document', key: 'index.html', status: 200, source: 'index' }],
    ['about', { kind: 'document', key: 'about.html', status: 200, source: 'auto-addressing' }],
    ['dir', { kind: 'redirect', status: 302, location: 'http://h/dir/', source: 'directory' }],
    ['nope', { kind: 'document', key: 'err.html', status: 404, source: 'error-document' }],
    ['private.html', { kind: 'redirect', status: 301, location: 'http://h/denied.html', source: 'routing-rule', ruleIndex: 1 }],
  ])('%j → %j', (key, answer) => {
    expect(routeWebsite(config, req(key), lookup).answer).toEqual(answer);
  });

  it('reports the reads it consulted, and the error when there is no error document', () => {
    const decision = answerWebsiteLookup({ indexDocument: { suffix: 'index.html' } }, req('x'), lookup);
    expect(decision.answer).toEqual({ kind: 'error', status: 404, code: 'NoSuchKey' });
    expect(decision.lookups).toEqual([
      { key: 'x', purpose: 'page', outcome: 'not-found' },
      { key: 'x/index.html', purpose: 'directory-index', outcome: 'not-found' },
      { key: 'x/index.htm', purpose: 'directory-index', outcome: 'not-found' },
    ]);
  });

  it.each([
    // [existing keys, path, answer]
    [['d/index.htm'], 'd/', { kind: 'document', key: 'd/index.htm', status: 200, source: 'index' }],
    [['d/index.htm', 'd/index.html'], 'd/', { kind: 'document', key: 'd/index.html', status: 200, source: 'index' }],
    [['index.htm'], '', { kind: 'document', key: 'index.htm', status: 200, source: 'index' }],
    [['d/index.htm'], 'd', { kind: 'redirect', status: 302, location: 'http://h/d/', source: 'directory' }],
    [['d/index.htm'], 'd/index.html', { kind: 'error', status: 404, code: 'NoSuchKey' }],
  ] as const)('falls back to index.htm when a folder has no index.html: %j %s', (keys, path, answer) => {
    const have = new Set<string>(keys);
    const decision = answerWebsiteLookup({ indexDocument: { suffix: 'index.html' } }, req(path), (k) => ({ exists: have.has(k), readable: true }));
    expect(decision.answer).toEqual(answer);
  });

  it('has no index.htm fallback for another Suffix', () => {
    const decision = answerWebsiteLookup({ indexDocument: { suffix: 'default.html' } }, req('d/'), (k) => ({ exists: k === 'd/index.htm', readable: true }));
    expect(decision.answer).toEqual({ kind: 'error', status: 404, code: 'NoSuchKey' });
  });
});
