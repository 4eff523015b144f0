import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LifecycleRule } from '../../../../shared/xml/lifecycle';
import { en } from '../../../i18n/en';
import { zhCN } from '../../../i18n/zh-CN';
import { summariseLifecycleRule } from './lifecycle-summary';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, lng: 'en', interpolation: { escapeValue: false } });
});

// ICU versions differ in the space before AM/PM (U+0020 or U+202F).
const plain = (s: string): string => s.replace(/\s/g, ' ');

function summary(rule: LifecycleRule, lang: 'en' | 'zh-CN'): string {
  return plain(summariseLifecycleRule(rule, i18n.getFixedT(lang), { lang, timeZone: 'Asia/Shanghai' }));
}

/** A rule with the parts a test does not name left out. */
function rule(parts: Partial<LifecycleRule>): LifecycleRule {
  return { filter: { kind: 'all' }, status: 'Enabled', transitions: [], noncurrentVersionTransitions: [], ...parts };
}

const logs = { kind: 'prefix', prefix: 'logs/' } as const;

describe('summariseLifecycleRule', () => {
  it.each<[string, LifecycleRule, string, string]>([
    [
      'a prefix, one transition and an expiration in days',
      rule({ filter: logs, transitions: [{ days: '30', storageClass: 'STANDARD_IA' }], expiration: { days: '365' } }),
      'Objects under logs/ move to Standard IA after 30 days and are deleted after 365 days.',
      'logs/ 下的对象在 30 天后转为低频存储，365 天后删除。',
    ],
    [
      'the whole bucket, one day (singular)',
      rule({ expiration: { days: '1' } }),
      'All objects in the bucket are deleted after 1 day.',
      '存储桶中的所有对象在 1 天后删除。',
    ],
    [
      'an empty prefix is the whole bucket',
      rule({ filter: { kind: 'prefix', prefix: '' }, transitions: [{ days: '0', storageClass: 'ARCHIVE' }] }),
      'All objects in the bucket move to Archive after 0 days.',
      '存储桶中的所有对象在 0 天后转为归档存储。',
    ],
    [
      'transitions in order, then the expiration',
      rule({
        filter: logs,
        transitions: [
          { days: '30', storageClass: 'STANDARD_IA' },
          { days: '90', storageClass: 'ARCHIVE' },
          { days: '180', storageClass: 'DEEP_ARCHIVE' },
        ],
        expiration: { days: '730' },
      }),
      'Objects under logs/ move to Standard IA after 30 days, move to Archive after 90 days, move to Deep Archive after 180 days and are deleted after 730 days.',
      'logs/ 下的对象在 30 天后转为低频存储，90 天后转为归档存储，180 天后转为深度归档存储，730 天后删除。',
    ],
    [
      'a tag filter',
      rule({ filter: { kind: 'tag', tag: { key: 'env', value: 'dev' } }, expiration: { days: '7' } }),
      'Objects tagged env=dev are deleted after 7 days.',
      '标签为 env=dev 的对象在 7 天后删除。',
    ],
    [
      'a prefix and two tags',
      rule({
        filter: { kind: 'and', prefix: 'tmp/', tags: [{ key: 'env', value: 'dev' }, { key: 'team', value: 'ops' }] },
        transitions: [{ days: '15', storageClass: 'INTELLIGENT_TIERING' }],
      }),
      'Objects under tmp/ tagged env=dev and team=ops move to Intelligent Tiering after 15 days.',
      'tmp/ 下标签为 env=dev、team=ops 的对象在 15 天后转为智能分层存储。',
    ],
    [
      'And with three tags and no prefix',
      rule({ filter: { kind: 'and', tags: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }, { key: 'c', value: '' }] }, expiration: { days: '2' } }),
      'Objects tagged a=1, b=2 and c= are deleted after 2 days.',
      '标签为 a=1、b=2、c= 的对象在 2 天后删除。',
    ],
    [
      'dates, in the reader’s language and time zone',
      rule({
        filter: logs,
        transitions: [{ date: '2025-12-31T16:00:00.000Z', storageClass: 'MAZ_STANDARD_IA' }],
        expiration: { date: '2026-06-30T16:00:00.000Z' },
      }),
      'Objects under logs/ move to Standard IA (multi-AZ) on Jan 1, 2026, 12:00 AM and are deleted on Jul 1, 2026, 12:00 AM.',
      'logs/ 下的对象在 2026年1月1日 00:00 转为低频存储（多 AZ），2026年7月1日 00:00 删除。',
    ],
    [
      'noncurrent versions only',
      rule({
        filter: logs,
        noncurrentVersionTransitions: [{ noncurrentDays: '30', storageClass: 'ARCHIVE' }],
        noncurrentVersionExpiration: { noncurrentDays: '60' },
      }),
      'Objects under logs/: noncurrent versions move to Archive 30 days after becoming noncurrent and are deleted 60 days after becoming noncurrent.',
      'logs/ 下的对象：非当前版本在成为非当前版本 30 天后转为归档存储，60 天后删除。',
    ],
    [
      'expired delete markers',
      rule({ expiration: { expiredObjectDeleteMarker: 'true' } }),
      'All objects in the bucket: expired delete markers are removed.',
      '存储桶中的所有对象：移除过期的删除标记。',
    ],
    [
      'ExpiredObjectDeleteMarker false does nothing',
      rule({ filter: logs, expiration: { expiredObjectDeleteMarker: 'false' } }),
      'Objects under logs/: no actions.',
      'logs/ 下的对象：无操作。',
    ],
    [
      'incomplete multipart uploads',
      rule({ filter: { kind: 'prefix', prefix: 'uploads/' }, abortIncompleteMultipartUpload: { daysAfterInitiation: '1' } }),
      'Objects under uploads/: incomplete multipart uploads are aborted after 1 day.',
      'uploads/ 下的对象：未完成的分块上传在 1 天后中止。',
    ],
    [
      'everything at once, in the catalog’s order',
      rule({
        id: 'all-of-it',
        filter: logs,
        transitions: [{ days: '30', storageClass: 'STANDARD_IA' }],
        expiration: { days: '365' },
        noncurrentVersionTransitions: [{ noncurrentDays: '1', storageClass: 'MAZ_ARCHIVE' }, { noncurrentDays: '90', storageClass: 'DEEP_ARCHIVE' }],
        noncurrentVersionExpiration: { noncurrentDays: '180' },
        abortIncompleteMultipartUpload: { daysAfterInitiation: '7' },
      }),
      'Objects under logs/ move to Standard IA after 30 days and are deleted after 365 days; noncurrent versions move to Archive (multi-AZ) 1 day after becoming noncurrent, move to Deep Archive 90 days after becoming noncurrent and are deleted 180 days after becoming noncurrent; incomplete multipart uploads are aborted after 7 days.',
      'logs/ 下的对象在 30 天后转为低频存储，365 天后删除；非当前版本在成为非当前版本 1 天后转为归档存储（多 AZ），90 天后转为深度归档存储，180 天后删除；未完成的分块上传在 7 天后中止。',
    ],
    [
      'a disabled rule says so',
      rule({ filter: logs, status: 'Disabled', expiration: { days: '30' } }),
      'Objects under logs/ are deleted after 30 days (disabled).',
      'logs/ 下的对象在 30 天后删除（已停用）。',
    ],
    [
      'a disabled rule with nothing to do',
      rule({ status: 'Disabled' }),
      'All objects in the bucket: no actions (disabled).',
      '存储桶中的所有对象：无操作（已停用）。',
    ],
    [
      'storage class names in any case; unknown ones as COS spells them',
      rule({ transitions: [{ days: '10', storageClass: 'Standard_IA' }, { days: '20', storageClass: 'COLD_FUTURE' }] }),
      'All objects in the bucket move to Standard IA after 10 days and move to COLD_FUTURE after 20 days.',
      '存储桶中的所有对象在 10 天后转为低频存储，20 天后转为COLD_FUTURE。',
    ],
    [
      'characters i18next would escape in HTML stay as they are',
      rule({ filter: { kind: 'and', prefix: 'a&b/<x>', tags: [{ key: 'k"', value: "v'" }] }, expiration: { days: '3' } }),
      'Objects under a&b/<x> tagged k"=v\' are deleted after 3 days.',
      'a&b/<x> 下标签为 k"=v\' 的对象在 3 天后删除。',
    ],
  ])('%s', (_name, r, english, chinese) => {
    expect(summary(r, 'en')).toBe(english);
    expect(summary(r, 'zh-CN')).toBe(chinese);
  });

  it('keeps unparsable days and dates as written', () => {
    const r = rule({ transitions: [{ days: 'soon', storageClass: 'ARCHIVE' }], expiration: { date: 'later' } });
    expect(summary(r, 'en')).toBe('All objects in the bucket move to Archive after soon and are deleted on later.');
  });

  it('escapes nothing even when the i18next instance escapes by default', async () => {
    const escaping = i18next.createInstance();
    await escaping.init({ resources: { en: { translation: en } }, lng: 'en' });
    const r = rule({ filter: { kind: 'prefix', prefix: 'a&b/' }, expiration: { days: '2' } });
    expect(summariseLifecycleRule(r, escaping.t, { lang: 'en' })).toBe('Objects under a&b/ are deleted after 2 days.');
  });
});
