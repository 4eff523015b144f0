import { describe, expect, it } from 'vitest';
import type { RefererConfiguration } from '../xml/referer';
import { judgeReferer, judgeRefererDetailed, refererHits } from './match';

describe('refererHits: the documented rules (tencentcloud 436/32466, 436/13319)', () => {
  it.each([
    // entry, referer, hit — the doc's own examples first
    ['example.com', 'example.com/123', true],
    ['example.com', 'https://example.com', true],
    ['example.com', 'http://example.com/index.html', true],
    ['example.com', 'http://example.com:8080/a', true],
    ['example.com:8080', 'http://example.com/a', false],
    ['example.com:8080', 'http://example.com:8080/a', true],
    ['example.com:8080', 'http://example.com:8081/a', false],
    ['10.10.10.10:8080', 'http://10.10.10.10:8080/page.html', true],
    ['10.10.10.10:8080', 'http://10.10.10.10/page.html', false],
    ['10.10.10.10', 'http://10.10.10.1/page.html', false],
    ['*.example.com', 'https://example.com/', true],
    ['*.example.com', 'https://b.example.com/x', true],
    ['*.example.com', 'https://a.b.example.com/x', true],
    ['*.example.com', 'https://badexample.com/x', false],
    ['*.example.com', 'https://example.com.evil.org/x', false],
    ['*.b.com', 'https://b.com/test/test.html', true],
    ['*.example.com', 'https://b.com/test/test.html', false],
    // 436/31423: an entry may carry a path prefix
    ['www.qq.com/example', 'https://www.qq.com/example/page.html', true],
    ['www.qq.com/example', 'https://www.qq.com/other/page.html', false],
    ['www.qq.com/example', 'https://www.qq.com', false],
    // hosts compare case-insensitively and whole; a scheme in the entry is ignored too
    ['Example.COM', 'http://example.com/', true],
    ['https://example.com', 'http://example.com/x', true],
    ['example.com', 'http://example.community/x', false],
    ['example.com', 'http://www.example.com/x', false],
    ['www.*.com', 'http://www.abc.com/x', true],
    ['*', 'http://anything.example/x', true],
    ['allowed.localhost:4321', 'http://allowed.localhost:4321/page.html', true],
    ['allowed.localhost:4321', 'http://other.localhost:4321/page.html', false],
    ['[::1]:8080', 'http://[::1]:8080/x', true],
    ['example.com', 'http://user@example.com/x', true],
    ['example.com/a', 'http://example.com/a?x=/b', true],
  ])('%s vs %s → %s', (entry, referer, hit) => {
    expect(refererHits(entry, referer)).toBe(hit);
  });
});

const white: RefererConfiguration = { status: 'Enabled', refererType: 'White-List', domains: ['*.example.com'] };
const black: RefererConfiguration = { status: 'Enabled', refererType: 'Black-List', domains: ['*.b.com'] };

describe('judgeReferer: the case study of tencentcloud 436/32466 and EmptyReferConfiguration', () => {
  it.each([
    ['white-list, listed page', white, 'https://example.com/index.html', 'allow'],
    ['white-list, hotlinking page', white, 'https://b.com/test/test.html', 'not-white-listed'],
    ['black-list, listed page', black, 'https://b.com/test/test.html', 'black-listed'],
    ['black-list, other page', black, 'https://example.com/index.html', 'allow'],
    ['no referer, EmptyReferConfiguration absent (Deny by default)', white, undefined, 'empty-denied'],
    ['empty referer header, Deny', { ...white, emptyReferConfiguration: 'Deny' }, '', 'empty-denied'],
    ['no referer, Allow', { ...white, emptyReferConfiguration: 'Allow' }, undefined, 'allow'],
    ['no referer, black-list, Allow', { ...black, emptyReferConfiguration: 'Allow' }, undefined, 'allow'],
    ['no referer, black-list, default Deny', black, undefined, 'empty-denied'],
    ['disabled', { ...white, status: 'Disabled' }, 'https://b.com/', 'allow'],
  ] as const)('%s', (_name, config, referer, verdict) => {
    expect(judgeReferer(config, referer)).toBe(verdict);
  });
});

describe('judgeRefererDetailed: the deciding entry', () => {
  const config: RefererConfiguration = { status: 'Enabled', refererType: 'Black-List', domains: ['a.com', '*.b.com', 'b.com'] };
  it.each([
    ['https://x.b.com/', { verdict: 'black-listed', decidedBy: { kind: 'domain', index: 1, entry: '*.b.com' } }],
    ['https://b.com/', { verdict: 'black-listed', decidedBy: { kind: 'domain', index: 1, entry: '*.b.com' } }],
    ['https://c.com/', { verdict: 'allow', decidedBy: { kind: 'no-domain-hit' } }],
    [undefined, { verdict: 'empty-denied', decidedBy: { kind: 'empty-referer', setting: 'Deny', defaulted: true } }],
  ])('%s', (referer, expected) => {
    expect(judgeRefererDetailed(config, referer)).toEqual(expected);
    expect(judgeReferer(config, referer)).toBe(expected.verdict);
  });
});
