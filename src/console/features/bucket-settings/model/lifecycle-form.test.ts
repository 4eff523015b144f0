import { describe, expect, it } from 'vitest';
import type { LifecycleRule } from '../../../../shared/xml/lifecycle';
import {
  checkRuleForm, dateToField, fieldToDate, formToRule, newRuleForm, newTransitionRow, ruleToForm, withoutRule, withRule, withRuleStatus,
  type LifecycleFormProblems, type LifecycleRuleForm,
} from './lifecycle-form';

const form = (parts: Partial<LifecycleRuleForm>): LifecycleRuleForm => ({ ...newRuleForm(), ...parts });
const rule = (parts: Partial<LifecycleRule>): LifecycleRule => ({ filter: { kind: 'all' }, status: 'Enabled', transitions: [], noncurrentVersionTransitions: [], ...parts });

// The e2e scenario's rule: what the form gives must be exactly what COS is sent.
const logsForm = form({
  id: 'logs', filterKind: 'prefix', prefix: 'logs/',
  transitions: [{ ...newTransitionRow(), days: '30' }], expirationMode: 'days', expirationDays: '365', abortDays: '7',
});
const logsRule = rule({
  id: 'logs', filter: { kind: 'prefix', prefix: 'logs/' },
  transitions: [{ days: '30', storageClass: 'STANDARD_IA' }], expiration: { days: '365' }, abortIncompleteMultipartUpload: { daysAfterInitiation: '7' },
});

describe('formToRule', () => {
  it.each<[string, LifecycleRuleForm, LifecycleRule]>([
    ['prefix, transition, expiration, abort', logsForm, logsRule],
    ['no ID and the whole bucket, disabled', form({ enabled: false, expirationMode: 'days', expirationDays: '1' }), rule({ status: 'Disabled', expiration: { days: '1' } })],
    ['one tag is a Tag filter', form({ filterKind: 'tags', tags: [{ key: 'env', value: 'dev' }], expirationMode: 'days', expirationDays: '3' }),
      rule({ filter: { kind: 'tag', tag: { key: 'env', value: 'dev' } }, expiration: { days: '3' } })],
    ['two tags are And', form({ filterKind: 'tags', tags: [{ key: 'a', value: '1' }, { key: 'b', value: '' }], expirationMode: 'days', expirationDays: '3' }),
      rule({ filter: { kind: 'and', tags: [{ key: 'a', value: '1' }, { key: 'b', value: '' }] }, expiration: { days: '3' } })],
    ['prefix and tag are And', form({ filterKind: 'prefixTags', prefix: 'p/', tags: [{ key: 'a', value: '1' }], expirationMode: 'days', expirationDays: '3' }),
      rule({ filter: { kind: 'and', prefix: 'p/', tags: [{ key: 'a', value: '1' }] }, expiration: { days: '3' } })],
    ['a calendar date is Beijing midnight', form({ transitions: [{ mode: 'date', days: '', date: '2030-01-02', storageClass: 'ARCHIVE' }], expirationMode: 'date', expirationDate: '2031-05-06' }),
      rule({ transitions: [{ date: '2030-01-02T00:00:00+08:00', storageClass: 'ARCHIVE' }], expiration: { date: '2031-05-06T00:00:00+08:00' } })],
    ['delete markers, noncurrent actions', form({ expirationMode: 'deleteMarkers', noncurrentTransitions: [{ days: '10', storageClass: 'ARCHIVE' }], noncurrentExpirationDays: '20' }),
      rule({ expiration: { expiredObjectDeleteMarker: 'true' }, noncurrentVersionTransitions: [{ noncurrentDays: '10', storageClass: 'ARCHIVE' }], noncurrentVersionExpiration: { noncurrentDays: '20' } })],
  ])('%s', (_, input, expected) => {
    expect(formToRule(input)).toEqual(expected);
  });
});

describe('ruleToForm then formToRule gives the rule back', () => {
  it.each<[string, LifecycleRule]>([
    ['the e2e rule', logsRule],
    ['a tag filter', rule({ filter: { kind: 'tag', tag: { key: 'k', value: 'v' } }, expiration: { days: '2' }, status: 'Disabled' })],
    ['And of two tags', rule({ filter: { kind: 'and', tags: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] }, expiration: { days: '2' } })],
    ['And of prefix and tag', rule({ filter: { kind: 'and', prefix: 'x/', tags: [{ key: 'a', value: '1' }] }, expiration: { days: '2' } })],
    ['a date-time that is not Beijing midnight stays verbatim', rule({ expiration: { date: '2030-01-01T16:00:00.000Z' } })],
    ['Beijing midnight', rule({ transitions: [{ date: '2030-01-01T00:00:00+08:00', storageClass: 'DEEP_ARCHIVE' }] })],
    ['noncurrent actions', rule({ noncurrentVersionTransitions: [{ noncurrentDays: '0', storageClass: 'STANDARD_IA' }], noncurrentVersionExpiration: { noncurrentDays: '9' } })],
    ['delete markers', rule({ id: 'm', expiration: { expiredObjectDeleteMarker: 'true' } })],
  ])('%s', (_, r) => {
    expect(formToRule(ruleToForm(r))).toEqual(r);
  });
});

describe('dates', () => {
  it.each<[string, string]>([
    ['2030-01-02T00:00:00+08:00', '2030-01-02'],
    ['2030-01-02T00:00:00.000+08:00', '2030-01-02'],
    ['2030-01-01T16:00:00.000Z', '2030-01-01T16:00:00.000Z'],
  ])('dateToField(%s) = %s', (date, field) => {
    expect(dateToField(date)).toBe(field);
  });
  it.each<[string, string]>([
    ['2030-01-02', '2030-01-02T00:00:00+08:00'],
    [' 2030-01-02 ', '2030-01-02T00:00:00+08:00'],
    ['2030-01-01T16:00:00.000Z', '2030-01-01T16:00:00.000Z'],
  ])('fieldToDate(%s) = %s', (field, date) => {
    expect(fieldToDate(field)).toBe(date);
  });
});

describe('checkRuleForm', () => {
  const expire = { expirationMode: 'days', expirationDays: '10' } as const;
  it.each<[string, LifecycleRuleForm, LifecycleRule[], LifecycleFormProblems]>([
    ['no action', form({}), [], { rule: 'noAction' }],
    ['ID too long', form({ ...expire, id: 'x'.repeat(256) }), [], { id: 'idTooLong' }],
    ['ID taken by another rule', form({ ...expire, id: 'a' }), [rule({ id: 'a', expiration: { days: '1' } })], { id: 'idDuplicate' }],
    ['prefix filter without a prefix', form({ ...expire, filterKind: 'prefix' }), [], { prefix: 'prefixEmpty' }],
    ['tag filter without tags', form({ ...expire, filterKind: 'tags' }), [], { tags: 'tagsNeeded' }],
    ['tag without a key', form({ ...expire, filterKind: 'prefixTags', prefix: 'p', tags: [{ key: ' ', value: 'v' }] }), [], { 'tags.0.key': 'tagKeyEmpty' }],
    ['transition days not a number', form({ transitions: [{ ...newTransitionRow(), days: 'ten' }] }), [], { 'transitions.0.days': 'daysNonNegative' }],
    ['transition days empty', form({ transitions: [{ ...newTransitionRow(), days: '' }] }), [], { 'transitions.0.days': 'daysNonNegative' }],
    ['transition to STANDARD', form({ transitions: [{ ...newTransitionRow(), days: '1', storageClass: 'STANDARD' }] }), [], { 'transitions.0.storageClass': 'storageClassInvalid' }],
    ['transition date not a day', form({ transitions: [{ mode: 'date', days: '', date: '2030-02-30', storageClass: 'ARCHIVE' }] }), [], { 'transitions.0.date': 'dateInvalid' }],
    ['expiration after 0 days', form({ expirationMode: 'days', expirationDays: '0' }), [], { expiration: 'daysPositive' }],
    ['expiration date garbage', form({ expirationMode: 'date', expirationDate: 'soon' }), [], { expiration: 'dateInvalid' }],
    ['noncurrent transition without days', form({ noncurrentTransitions: [{ days: '', storageClass: 'ARCHIVE' }] }), [], { 'noncurrentTransitions.0.days': 'daysNonNegative' }],
    ['noncurrent expiration 0', form({ noncurrentExpirationDays: '0' }), [], { noncurrentExpiration: 'daysPositive' }],
    ['abort after -1', form({ abortDays: '-1' }), [], { abort: 'daysPositive' }],
    ['days and dates mixed', form({ transitions: [{ ...newTransitionRow(), days: '1' }], expirationMode: 'date', expirationDate: '2030-01-01' }), [], { rule: 'mixedDaysDate' }],
    ['tag filter and delete markers', form({ filterKind: 'tags', tags: [{ key: 'a', value: '' }], expirationMode: 'deleteMarkers' }), [], { rule: 'tagFilterDeleteMarkers' }],
    ['tag filter and abort', form({ filterKind: 'tags', tags: [{ key: 'a', value: '' }], abortDays: '3' }), [], { rule: 'tagFilterAbort' }],
  ])('%s', (_, input, others, problems) => {
    const result = checkRuleForm(input, others);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual(problems);
  });

  it('accepts the e2e rule beside another', () => {
    expect(checkRuleForm(logsForm, [rule({ id: 'other', expiration: { days: '1' } })])).toEqual({ ok: true, rule: logsRule });
  });

  it('falls back to validateLifecycle for what the form does not check (a duplicate ID among the others)', () => {
    const dup = rule({ id: 'd', expiration: { days: '1' } });
    const result = checkRuleForm(logsForm, [dup, dup]);
    expect(result).toMatchObject({ ok: false, problems: {}, cos: { code: 'InvalidArgument' } });
  });
});

describe('configuration edits', () => {
  const a = rule({ id: 'a', expiration: { days: '1' } });
  const b = rule({ id: 'b', expiration: { days: '2' } });
  const c = rule({ id: 'c', expiration: { days: '3' } });
  it.each<[string, () => unknown, unknown]>([
    ['add to none', () => withRule(null, 0, a), { rules: [a] }],
    ['add at the end', () => withRule({ rules: [a] }, 1, b), { rules: [a, b] }],
    ['replace', () => withRule({ rules: [a, b] }, 0, c), { rules: [c, b] }],
    ['remove one', () => withoutRule({ rules: [a, b] }, 0), { rules: [b] }],
    ['remove the last is null (a DELETE)', () => withoutRule({ rules: [a] }, 0), null],
    ['disable one', () => withRuleStatus({ rules: [a, b] }, 1, false), { rules: [a, { ...b, status: 'Disabled' }] }],
  ])('%s', (_, run, expected) => {
    expect(run()).toEqual(expected);
  });
});
