import { describe, expect, it } from 'vitest';
import type { WebsiteConfiguration } from '../../../../shared/xml/website';
import {
  applySpaPreset, emptyWebsiteForm, formToWebsite, hasProblems, isSpaPreset, moveRule, newRule, validateWebsiteForm, websiteToForm,
  type RuleProblems, type WebsiteForm, type WebsiteRuleForm,
} from './website-form';

const rule = (r: Partial<WebsiteRuleForm>): WebsiteRuleForm => ({ ...newRule(), ...r });
const enabled = (f: Partial<WebsiteForm> = {}): WebsiteForm => ({ ...emptyWebsiteForm(), enabled: true, ...f });

describe('website form ↔ configuration', () => {
  const ROUND_TRIPS: Array<[string, WebsiteConfiguration]> = [
    ['index only', { indexDocument: { suffix: 'index.html' } }],
    ['single-page app', { indexDocument: { suffix: 'index.html' }, errorDocument: { key: 'index.html', originalHttpStatus: 'Disabled' } }],
    ['explicit Enabled status and Disabled AutoAddressing are kept', { indexDocument: { suffix: 'index.htm' }, autoAddressing: { status: 'Disabled' }, errorDocument: { key: '404.html', originalHttpStatus: 'Enabled' } }],
    ['Charity404 is kept', { indexDocument: { suffix: 'index.html' }, errorDocument: { key: '404.html', charity404: 'Enabled' } }],
    ['redirect all to https, AutoAddressing', { indexDocument: { suffix: 'index.html' }, redirectAllRequestsTo: { protocol: 'https' }, autoAddressing: { status: 'Enabled' } }],
    ['rules of every kind, in order', {
      indexDocument: { suffix: 'index.html' },
      routingRules: [
        { condition: { keyPrefixEquals: 'old/' }, redirect: { replaceKeyPrefixWith: 'new/' } },
        { condition: { keyPrefixEquals: 'img/' }, redirect: { protocol: 'https', replaceKeyWith: 'picture.jpg' } },
        { condition: { httpErrorCodeReturnedEquals: '404' }, redirect: { replaceKeyWith: '404.html', urlRedirect: 'Enabled' } },
        { condition: { keyPrefixEquals: 'strip/' }, redirect: { replaceKeyPrefixWith: '' } },
      ],
    }],
  ];
  it.each(ROUND_TRIPS)('%s', (_, config) => {
    expect(formToWebsite(websiteToForm(config))).toEqual(config);
  });

  it('no configuration is a switched-off form, and a switched-off form deletes', () => {
    expect(websiteToForm(null).enabled).toBe(false);
    expect(formToWebsite(websiteToForm(null))).toBeNull();
    expect(formToWebsite({ ...websiteToForm({ indexDocument: { suffix: 'index.html' } }), enabled: false })).toBeNull();
  });

  it('the single-page-app preset answers index.html for every unknown path with 200', () => {
    const form = applySpaPreset(emptyWebsiteForm());
    expect(isSpaPreset(form)).toBe(true);
    expect(formToWebsite(form)).toEqual({ indexDocument: { suffix: 'index.html' }, errorDocument: { key: 'index.html', originalHttpStatus: 'Disabled' } });
    expect(isSpaPreset({ ...form, errorStatus: 'original' })).toBe(false);
  });

  it('trims the index and error document names and the error code', () => {
    const form = enabled({ indexSuffix: ' index.html ', errorKey: ' 404.html', rules: [rule({ condition: 'error', errorCode: ' 403 ', redirect: 'key', replaceKeyWith: 'x.html' })] });
    expect(formToWebsite(form)).toEqual({
      indexDocument: { suffix: 'index.html' }, errorDocument: { key: '404.html' },
      routingRules: [{ condition: { httpErrorCodeReturnedEquals: '403' }, redirect: { replaceKeyWith: 'x.html' } }],
    });
  });
});

describe('website form validation', () => {
  const FIELD_CASES: Array<[string, Partial<WebsiteForm>, Partial<ReturnType<typeof validateWebsiteForm>>]> = [
    ['a valid form', {}, {}],
    ['an empty index document', { indexSuffix: ' ' }, { indexSuffix: 'indexRequired' }],
    ['an index document with a slash', { indexSuffix: 'dir/index.html' }, { indexSuffix: 'indexSlash' }],
    ['an error document with a leading slash', { errorKey: '/404.html' }, { errorKey: 'errorKeySlash' }],
    ['status 200 without an error document', { errorStatus: 'ok', errorKey: '' }, { errorKey: 'errorStatusNeedsDocument' }],
    ['too many rules', { rules: Array.from({ length: 101 }, (_, i) => rule({ keyPrefix: `p${i}-`, replaceKeyPrefixWith: 'q/' })) }, { tooManyRules: true }],
  ];
  it.each(FIELD_CASES)('%s', (_, change, expected) => {
    const p = validateWebsiteForm(enabled(change));
    expect({ indexSuffix: p.indexSuffix, errorKey: p.errorKey, tooManyRules: p.tooManyRules }).toEqual({ indexSuffix: undefined, errorKey: undefined, tooManyRules: undefined, ...expected });
    expect(hasProblems(p)).toBe(Object.keys(expected).length > 0);
  });

  const RULE_CASES: Array<[string, WebsiteRuleForm[], RuleProblems[]]> = [
    ['prefix → prefix', [rule({ keyPrefix: 'old/', replaceKeyPrefixWith: 'new/' })], [{}]],
    ['prefix stripped (empty replacement)', [rule({ keyPrefix: 'old/', replaceKeyPrefixWith: '' })], [{}]],
    ['empty prefix matches everything', [rule({ keyPrefix: '', replaceKeyPrefixWith: 'new/' })], [{ keyPrefix: 'prefixRequired' }]],
    ['replacement that starts with the prefix loops', [rule({ keyPrefix: 'a/', replaceKeyPrefixWith: 'a/b/' })], [{ replaceKeyPrefixWith: 'loops' }]],
    ['whole key that starts with the prefix loops', [rule({ keyPrefix: 'a/', redirect: 'key', replaceKeyWith: 'a/index.html' })], [{ replaceKeyWith: 'loops' }]],
    ['whole key required', [rule({ keyPrefix: 'a/', redirect: 'key', replaceKeyWith: '' })], [{ replaceKeyWith: 'replaceKeyRequired' }]],
    ['a longer prefix after a shorter one is never reached', [rule({ keyPrefix: 'docs', replaceKeyPrefixWith: 'x' }), rule({ keyPrefix: 'docs/old/', replaceKeyPrefixWith: 'y/' })], [{}, { keyPrefix: 'shadowed', by: 1 }]],
    ['the longer prefix first is fine', [rule({ keyPrefix: 'docs/old/', replaceKeyPrefixWith: 'y/' }), rule({ keyPrefix: 'docs', replaceKeyPrefixWith: 'x' })], [{}, {}]],
    ['error code must be 4xx', [rule({ condition: 'error', errorCode: '500', redirect: 'key', replaceKeyWith: 'e.html' })], [{ errorCode: 'errorCode4xx' }]],
    ['error code not a number', [rule({ condition: 'error', errorCode: '4o4', redirect: 'key', replaceKeyWith: 'e.html' })], [{ errorCode: 'errorCode4xx' }]],
    ['the same error code twice', [rule({ condition: 'error', errorCode: '404', redirect: 'key', replaceKeyWith: 'a.html' }), rule({ condition: 'error', errorCode: '404', redirect: 'key', replaceKeyWith: 'b.html' })], [{}, { errorCode: 'duplicateErrorCode', by: 1 }]],
    ['prefix replacement needs a prefix condition', [rule({ condition: 'error', errorCode: '403', redirect: 'prefix' })], [{ redirect: 'prefixNeedsPrefixCondition' }]],
  ];
  it.each(RULE_CASES)('rule: %s', (_, rules, expected) => {
    const p = validateWebsiteForm(enabled({ rules }));
    expect(p.rules).toEqual(expected);
    expect(hasProblems(p)).toBe(expected.some((r) => Object.keys(r).length > 0));
  });

  it('a switched-off form has nothing to fix', () => {
    expect(hasProblems(validateWebsiteForm({ ...emptyWebsiteForm(), indexSuffix: '' }))).toBe(false);
  });
});

describe('moveRule', () => {
  const [a, b, c] = [rule({ keyPrefix: 'a' }), rule({ keyPrefix: 'b' }), rule({ keyPrefix: 'c' })];
  const CASES: Array<[number, -1 | 1, string]> = [
    [1, -1, 'bac'],
    [1, 1, 'acb'],
    [0, -1, 'abc'],
    [2, 1, 'abc'],
  ];
  it.each(CASES)('rule %i by %i → %s', (from, by, order) => {
    expect(moveRule([a, b, c], from, by).map((r) => r.keyPrefix).join('')).toBe(order);
  });
});
