import { describe, expect, it } from 'vitest';
import type { RefererConfiguration } from '../../../../shared/xml/referer';
import { configFromForm, domainProblem, draftConfig, formChanged, formFromConfig, formProblems, newDomainRow, type DomainProblem, type RefererForm } from './referer-form';

const form = (parts: Partial<Omit<RefererForm, 'domains'>> & { domains?: string[] } = {}): RefererForm => ({
  enabled: true, listType: 'White-List', emptyReferer: 'Deny', ...parts,
  domains: (parts.domains ?? ['example.com']).map((d) => newDomainRow(d)),
});

describe('domainProblem: one entry', () => {
  it.each<[string, DomainProblem | undefined]>([
    ['example.com', undefined],
    ['  example.com  ', undefined],
    ['Example.COM', undefined],
    ['*.example.com', undefined],
    ['www.*.com', undefined],
    ['*', undefined],
    ['example.com:8080', undefined],
    ['allowed.localhost', undefined],
    ['10.10.10.10', undefined],
    ['10.10.10.10:8080', undefined],
    ['[::1]:8080', undefined],
    ['[2001:db8::1]', undefined],
    ['xn--fiqs8s.example', undefined],
    ['', 'empty'],
    ['   ', 'empty'],
    ['https://example.com', 'scheme'],
    ['http://example.com/path', 'scheme'],
    ['//example.com', 'path'],
    ['example.com/images', undefined],
    ['www.qq.com/example/', undefined],
    ['example.com:8080/a/b', undefined],
    ['example.com#top', 'path'],
    ['/images', 'path'],
    ['exa mple.com/x', 'space'],
    ['bad_host/x', 'host'],
    ['example.com?x=1', 'path'],
    ['example .com', 'space'],
    ['example.com:', 'port'],
    ['example.com:0', 'port'],
    ['example.com:65536', 'port'],
    ['example.com:http', 'port'],
    ['example.com:80:80', 'port'],
    ['[::1]:99999', 'port'],
    ['exa_mple.com', 'host'],
    ['example..com', 'host'],
    ['-example.com', 'host'],
    ['.example.com', 'host'],
    [':8080', 'host'],
    ['256.1.1.1', 'ip'],
    ['[::1', 'ip'],
    ['[zz::1]', 'ip'],
  ])('%j → %s', (entry, problem) => {
    expect(domainProblem(entry)).toBe(problem);
  });
});

describe('formProblems: the list', () => {
  it.each<[string, RefererForm, (DomainProblem | undefined)[], string | undefined]>([
    ['fine', form({ domains: ['a.com', '*.b.com'] }), [undefined, undefined], undefined],
    ['duplicates, case-insensitively, the second is named', form({ domains: ['a.com', 'A.com '] }), [undefined, 'duplicate'], undefined],
    ['on with no entry: COS needs one', form({ domains: [] }), [], 'noDomains'],
    ['off with no entry is fine', form({ enabled: false, domains: [] }), [], undefined],
    ['ten entries is the most', form({ domains: Array.from({ length: 10 }, (_, i) => `d${i}.com`) }), Array<undefined>(10).fill(undefined), undefined],
    ['eleven is too many', form({ domains: Array.from({ length: 11 }, (_, i) => `d${i}.com`) }), Array<undefined>(11).fill(undefined), 'tooMany'],
    ['entry problems while off still count', form({ enabled: false, domains: ['https://a.com'] }), ['scheme'], undefined],
  ])('%s', (_name, f, domains, list) => {
    const p = formProblems(f);
    expect(p.domains).toEqual(domains);
    expect(p.list).toBe(list);
    expect(p.ok).toBe(list === undefined && domains.every((d) => d === undefined));
  });
});

const white: RefererConfiguration = { status: 'Enabled', refererType: 'White-List', domains: ['*.example.com', 'cdn.example.org:8080'], emptyReferConfiguration: 'Allow' };
const bare: RefererConfiguration = { status: 'Enabled', refererType: 'Black-List', domains: ['evil.com'] };

describe('formFromConfig → draftConfig round trip', () => {
  it.each<[string, RefererConfiguration | null, Omit<RefererForm, 'domains'> & { domains: string[] }]>([
    ['nothing configured: off, empty allow-list, Deny', null, { enabled: false, listType: 'White-List', domains: [], emptyReferer: 'Deny' }],
    ['allow-list with Allow', white, { enabled: true, listType: 'White-List', domains: ['*.example.com', 'cdn.example.org:8080'], emptyReferer: 'Allow' }],
    ['block-list, EmptyReferConfiguration absent reads as Deny', bare, { enabled: true, listType: 'Black-List', domains: ['evil.com'], emptyReferer: 'Deny' }],
    ['off keeps its list', { ...white, status: 'Disabled' }, { enabled: false, listType: 'White-List', domains: ['*.example.com', 'cdn.example.org:8080'], emptyReferer: 'Allow' }],
  ])('%s', (_name, config, expected) => {
    const f = formFromConfig(config);
    expect({ ...f, domains: f.domains.map((r) => r.value) }).toEqual(expected);
    if (config) {
      expect(draftConfig(f, config)).toEqual(config);
      expect(formChanged(f, config)).toBe(false);
    } else {
      expect(formChanged(f, config)).toBe(false);
    }
  });
});

describe('configFromForm', () => {
  it.each<[string, RefererForm, RefererConfiguration | null, RefererConfiguration, boolean?]>([
    ['switching on a new allow-list writes Deny explicitly', form({ domains: ['allowed.localhost'] }), null, { status: 'Enabled', refererType: 'White-List', domains: ['allowed.localhost'], emptyReferConfiguration: 'Deny' }],
    ['entries are trimmed', form({ domains: [' a.com ', '*.b.com'] }), null, { status: 'Enabled', refererType: 'White-List', domains: ['a.com', '*.b.com'], emptyReferConfiguration: 'Deny' }],
    ['switching off keeps the list (COS has no DELETE)', { ...formFromConfig(white), enabled: false }, white, { ...white, status: 'Disabled' }],
    ['off with no entry leaves DomainList out', form({ enabled: false, domains: [] }), null, { status: 'Disabled', refererType: 'White-List', emptyReferConfiguration: 'Deny' }, false],
    ['absent EmptyReferConfiguration stays absent while Deny', { ...formFromConfig(bare), listType: 'White-List' }, bare, { status: 'Enabled', refererType: 'White-List', domains: ['evil.com'] }],
    ['choosing Allow writes it', { ...formFromConfig(bare), emptyReferer: 'Allow' }, bare, { ...bare, emptyReferConfiguration: 'Allow' }],
  ])('%s', (_name, f, original, expected, changed = true) => {
    expect(configFromForm(f, original)).toEqual({ ok: true, value: expected });
    // Off and empty is what a bucket without a configuration already is: nothing to save.
    expect(formChanged(f, original)).toBe(changed);
  });

  it.each<[string, RefererForm, RefererConfiguration | null, boolean]>([
    ['a blank row added to a saved list is a change (to be named as empty)', { ...formFromConfig(white), domains: [...formFromConfig(white).domains, newDomainRow()] }, white, true],
    ['a blank row on a new bucket is a change', form({ enabled: false, domains: [''] }), null, true],
    ['spaces around an entry are not a change', { ...formFromConfig(bare), domains: [newDomainRow(' evil.com ')] }, bare, false],
  ])('formChanged: %s', (_name, f, original, changed) => {
    expect(formChanged(f, original)).toBe(changed);
  });

  it('refuses a form with problems, naming them', () => {
    expect(configFromForm(form({ domains: ['https://a.com', 'b.com'] }), null)).toEqual({ ok: false, problems: { domains: ['scheme', undefined] } });
    expect(configFromForm(form({ domains: [] }), null)).toEqual({ ok: false, problems: { domains: [], list: 'noDomains' } });
  });
});
