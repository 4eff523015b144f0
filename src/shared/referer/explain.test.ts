import { describe, expect, it } from 'vitest';
import type { RefererConfiguration } from '../xml/referer';
import { explainReferer } from './explain';

const white: RefererConfiguration = { status: 'Enabled', refererType: 'White-List', domains: ['*.example.com', 'app.example.com', '10.0.0.1:8080'] };
const black: RefererConfiguration = { status: 'Enabled', refererType: 'Black-List', domains: ['evil.com', '*.evil.com'], emptyReferConfiguration: 'Allow' };

describe('explainReferer', () => {
  it.each<[string, RefererConfiguration | undefined, string | undefined, boolean, unknown, number[]]>([
    ['allowlist hit by a wildcard (first hit decides)', white, 'https://app.example.com/p', true, { kind: 'domain', index: 0, entry: '*.example.com' }, [0, 1]],
    ['allowlist hit on the apex through *.', white, 'http://example.com/', true, { kind: 'domain', index: 0, entry: '*.example.com' }, [0]],
    ['allowlist hit with a port', white, 'http://10.0.0.1:8080/x', true, { kind: 'domain', index: 2, entry: '10.0.0.1:8080' }, [2]],
    ['allowlist miss: other port', white, 'http://10.0.0.1:9090/x', false, { kind: 'no-domain-hit' }, []],
    ['allowlist, no Referer, EmptyReferConfiguration unset', white, undefined, false, { kind: 'empty-referer', setting: 'Deny', defaulted: true }, []],
    ['blocklist hit', black, 'https://a.evil.com/', false, { kind: 'domain', index: 1, entry: '*.evil.com' }, [1]],
    ['blocklist miss', black, 'https://good.com/', true, { kind: 'no-domain-hit' }, []],
    ['blocklist, empty Referer allowed', black, '', true, { kind: 'empty-referer', setting: 'Allow', defaulted: false }, []],
    ['disabled', { ...white, status: 'Disabled' }, 'https://nowhere.org', true, { kind: 'disabled' }, []],
    ['no configuration', undefined, 'https://nowhere.org', true, { kind: 'no-configuration' }, []],
  ])('%s', (_name, config, referer, allowed, decidedBy, hits) => {
    const e = explainReferer(config, referer);
    expect(e.allowed).toBe(allowed);
    expect(e.status).toBe(allowed ? 200 : 403);
    expect(e.code).toBe(allowed ? undefined : 'AccessDenied');
    expect(e.decidedBy).toEqual(decidedBy);
    expect(e.hits.map((h) => h.index)).toEqual(hits);
  });

  it('names the list type only when the domain list was consulted', () => {
    expect(explainReferer(black, 'https://evil.com').listType).toBe('Black-List');
    expect(explainReferer(white, 'https://x.org').listType).toBe('White-List');
    expect(explainReferer(white, undefined).listType).toBeUndefined();
  });
});
