import { describe, expect, it } from 'vitest';
import type { CorsConfiguration } from '../../../../shared/xml/cors';
import {
  canonicalMethods, configToDraft, draftIsValid, draftToConfig, duplicateRuleDraft, emptyRuleDraft, lines, moveRule, ruleProblems,
  type CorsRuleDraft, type CorsRuleProblems,
} from './cors-form';

const draft = (d: Partial<CorsRuleDraft>): CorsRuleDraft => ({ ...emptyRuleDraft(), origins: 'http://a.com', ...d });

describe('configuration ↔ draft', () => {
  it.each<[string, CorsConfiguration | null]>([
    ['no configuration', null],
    ['one minimal rule', { rules: [{ allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] }],
    ['every field, lists in their order', {
      rules: [
        { id: 'b', allowedOrigins: ['https://z.com', 'http://*.a.com'], allowedMethods: ['PUT', 'GET'], allowedHeaders: ['*'], exposeHeaders: ['x-cos-request-id', 'ETag'], maxAgeSeconds: '600' },
        { id: 'a', allowedOrigins: ['*'], allowedMethods: ['HEAD'], allowedHeaders: ['Content-Type', 'x-cos-meta-*'], exposeHeaders: [] },
      ],
    }],
    ['ResponseVary true kept', { rules: [{ allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }], responseVary: 'true' }],
    ['ResponseVary false kept (not dropped)', { rules: [{ allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }], responseVary: 'false' }],
    ['lower-case methods kept as read', { rules: [{ allowedOrigins: ['*'], allowedMethods: ['get'], allowedHeaders: [], exposeHeaders: [] }] }],
  ])('%s round-trips unchanged', (_name, config) => {
    expect(draftToConfig(configToDraft(config))).toEqual(config);
  });

  it.each<[string, string | undefined, boolean, string | undefined]>([
    ['absent, switched on', undefined, true, 'true'],
    ['absent, left off', undefined, false, undefined],
    ['true, switched off', 'true', false, 'false'],
    ['false, switched on', 'false', true, 'true'],
    ['TRUE as read, left on', 'TRUE', true, 'TRUE'],
  ])('ResponseVary %s', (_name, asRead, vary, written) => {
    const base = configToDraft({ rules: [{ allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }], ...(asRead === undefined ? {} : { responseVary: asRead }) });
    expect(draftToConfig({ ...base, vary })?.responseVary).toBe(written);
  });

  it('trims values, drops empty lines and empty optional fields', () => {
    const d = draft({ id: '  ', origins: ' http://a.com \n\n  https://b.com\r\n', allowedHeaders: '\n*\n', exposeHeaders: ' ', maxAge: ' 30 ' });
    expect(draftToConfig({ rules: [d], vary: false })).toEqual({
      rules: [{ allowedOrigins: ['http://a.com', 'https://b.com'], allowedMethods: ['GET'], allowedHeaders: ['*'], exposeHeaders: [], maxAgeSeconds: '30' }],
    });
  });

  it('no rule left is no configuration (deleted, not PUT empty)', () => {
    expect(draftToConfig({ rules: [], vary: true, varyAsRead: 'true' })).toBeNull();
  });

  it.each([
    [['PUT', 'GET'], ['GET', 'PUT']],
    [['head', 'DELETE', 'POST'], ['POST', 'DELETE', 'HEAD']],
    [[], []],
  ])('canonicalMethods %j → %j', (ticked, expected) => {
    expect(canonicalMethods(ticked)).toEqual(expected);
  });

  it('lines', () => {
    expect(lines(' a \r\n\nb\n ')).toEqual(['a', 'b']);
  });

  it('a duplicate has its own key and the same values', () => {
    const d = draft({ id: 'x', methods: ['GET', 'PUT'] });
    const copy = duplicateRuleDraft(d);
    expect(copy.key).not.toBe(d.key);
    expect({ ...copy, key: d.key }).toEqual(d);
    copy.methods.push('HEAD');
    expect(d.methods).toEqual(['GET', 'PUT']);
  });
});

describe('ruleProblems', () => {
  it.each<[string, Partial<CorsRuleDraft>, CorsRuleProblems]>([
    ['a valid rule', { origins: 'https://*.example.com\n*', allowedHeaders: '*\nx-cos-meta-*', exposeHeaders: 'ETag', maxAge: '600' }, {}],
    ['no origin', { origins: ' \n ' }, { origins: { code: 'originsRequired' } }],
    ['two wildcards, on line 2', { origins: 'http://a.com\nhttp://*.*.com' }, { origins: { code: 'originStars', line: 2, value: 'http://*.*.com' } }],
    ['no scheme', { origins: 'www.example.com' }, { origins: { code: 'originScheme', line: 1, value: 'www.example.com' } }],
    ['wildcard without scheme', { origins: '*.example.com' }, { origins: { code: 'originScheme', line: 1, value: '*.example.com' } }],
    ['a path', { origins: '\nhttp://a.com/' }, { origins: { code: 'originPath', line: 2, value: 'http://a.com/' } }],
    ['a space inside', { origins: 'http://a .com' }, { origins: { code: 'originSpace', line: 1, value: 'http://a .com' } }],
    ['no method', { methods: [] }, { methods: { code: 'methodsRequired' } }],
    ['an allowed header that is no name', { allowedHeaders: 'content-type\nx y' }, { allowedHeaders: { code: 'headerName', line: 2, value: 'x y' } }],
    ['two wildcards in a header', { allowedHeaders: 'x-*-*' }, { allowedHeaders: { code: 'headerStars', line: 1, value: 'x-*-*' } }],
    ['an exposed wildcard', { exposeHeaders: 'ETag\n*' }, { exposeHeaders: { code: 'exposeWildcard', line: 2, value: '*' } }],
    ['an exposed pattern', { exposeHeaders: 'x-cos-meta-*' }, { exposeHeaders: { code: 'exposeWildcard', line: 1, value: 'x-cos-meta-*' } }],
    ['an exposed non-ASCII name', { exposeHeaders: '中文' }, { exposeHeaders: { code: 'headerName', line: 1, value: '中文' } }],
    ['max age negative', { maxAge: '-1' }, { maxAge: { code: 'maxAgeInteger' } }],
    ['max age decimal', { maxAge: '1.5' }, { maxAge: { code: 'maxAgeInteger' } }],
    ['max age empty is fine (not sent)', { maxAge: '  ' }, {}],
    ['several fields at once', { origins: 'a.com', methods: [], maxAge: 'x' }, {
      origins: { code: 'originScheme', line: 1, value: 'a.com' }, methods: { code: 'methodsRequired' }, maxAge: { code: 'maxAgeInteger' },
    }],
  ])('%s', (_name, d, expected) => {
    expect(ruleProblems(draft(d))).toEqual(expected);
  });

  it('the draft is valid only when every rule is, and within 100 rules', () => {
    expect(draftIsValid({ rules: [draft({}), draft({})], vary: false })).toBe(true);
    expect(draftIsValid({ rules: [draft({}), draft({ origins: 'x' })], vary: false })).toBe(false);
    expect(draftIsValid({ rules: Array.from({ length: 101 }, () => draft({})), vary: false })).toBe(false);
  });
});

describe('moveRule', () => {
  it.each<[number, -1 | 1, string[]]>([
    [1, -1, ['b', 'a', 'c']],
    [1, 1, ['a', 'c', 'b']],
    [0, -1, ['a', 'b', 'c']],
    [2, 1, ['a', 'b', 'c']],
  ])('index %i by %i', (index, delta, expected) => {
    expect(moveRule(['a', 'b', 'c'], index, delta)).toEqual(expected);
  });
});
