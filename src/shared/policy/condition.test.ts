import { describe, expect, it } from 'vitest';
import type { Condition, ConditionContext } from './model';
import { conditionHolds, parseDateSeconds } from './condition';
import { parseOperator } from './operators';

function cond(op: string, key: string, values: string | readonly string[]): Condition {
  const r = parseOperator(op);
  if (!r.ok) throw new Error(r.message);
  return { ...r.spec, key, values: typeof values === 'string' ? [values] : values };
}

const none: ConditionContext = {};

describe('conditionHolds', () => {
  it.each([
    // strings [tencentcloud 436/46206]
    ['string_equal exact', cond('string_equal', 'cos:content-type', 'image/jpeg'), { 'cos:content-type': 'image/jpeg' }, true],
    ['string_equal is case-sensitive', cond('string_equal', 'cos:content-type', 'image/jpeg'), { 'cos:content-type': 'image/JPEG' }, false],
    ['string_equal missing → false [tencentcloud 436/46206]', cond('string_equal', 'cos:content-type', 'image/jpeg'), none, false],
    ['string_equal_ignore_case', cond('string_equal_ignore_case', 'cos:content-type', 'image/jpeg'), { 'cos:content-type': 'IMAGE/JPEG' }, true],
    ['string_equal any of several values', cond('string_equal', 'cos:x-cos-acl', ['private', 'default']), { 'cos:x-cos-acl': 'default' }, true],
    ['string_not_equal differs', cond('string_not_equal', 'cos:host', 'a.com'), { 'cos:host': 'b.com' }, true],
    ['string_not_equal equal', cond('string_not_equal', 'cos:host', 'a.com'), { 'cos:host': 'a.com' }, false],
    ['string_not_equal missing → false (docs/cos-behaviour.md "Condition keys")', cond('string_not_equal', 'cos:host', 'a.com'), none, false],
    ['string_not_equal is none-of', cond('string_not_equal', 'cos:x-cos-acl', ['private', 'default']), { 'cos:x-cos-acl': 'default' }, false],
    ['string_not_equal text/HTML bypass [tencentcloud 436/46206]', cond('string_not_equal', 'cos:content-type', 'text/html'), { 'cos:content-type': 'text/HTML' }, true],
    ['string_not_equal_ignore_case closes it', cond('string_not_equal_ignore_case', 'cos:content-type', 'text/html'), { 'cos:content-type': 'text/HTML' }, false],
    ['_if_exist missing → true [tencentcloud 436/46206]', cond('string_equal_if_exist', 'cos:versionid', ''), none, true],
    ['not_equal_if_exist missing → true', cond('string_not_equal_if_exist', 'cos:versionid', 'v1'), none, true],
    ['not_equal_if_exist present & equal', cond('string_not_equal_if_exist', 'cos:versionid', 'v1'), { 'cos:versionid': 'v1' }, false],
    ['versionid "" ≡ missing [tencentcloud 436/46206]', cond('string_equal_if_exist', 'cos:versionid', 'v1'), { 'cos:versionid': '' }, true],
    ['string_like glob [tencentcloud 436/73579]', cond('string_like', 'cos:content-type', 'image/*'), { 'cos:content-type': 'image/png' }, true],
    ['string_like no match', cond('string_like', 'cos:content-type', 'image/*'), { 'cos:content-type': 'text/plain' }, false],
    ['string_not_like', cond('string_not_like', 'cos:content-type', 'image/*'), { 'cos:content-type': 'text/plain' }, true],
    // numbers [tencentcloud 436/46206]
    ['numeric_less_than_equal at bound', cond('numeric_less_than_equal', 'cos:content-length', '10'), { 'cos:content-length': '10' }, true],
    ['numeric_less_than_equal over', cond('numeric_less_than_equal', 'cos:content-length', '10'), { 'cos:content-length': '11' }, false],
    ['numeric_greater_than is strict (docs/cos-behaviour.md trap 9)', cond('numeric_greater_than', 'cos:content-length', '1'), { 'cos:content-length': '1' }, false],
    ['numeric_greater_than above', cond('numeric_greater_than', 'cos:content-length', '1'), { 'cos:content-length': '2' }, true],
    ['numeric_greater_than_equal at bound', cond('numeric_greater_than_equal', 'cos:content-length', '2'), { 'cos:content-length': '2' }, true],
    ['numeric_equal floats', cond('numeric_equal', 'cos:tls-version', '1.2'), { 'cos:tls-version': '1.20' }, true],
    ['numeric_less_than floats', cond('numeric_less_than', 'cos:tls-version', '1.2'), { 'cos:tls-version': '1.0' }, true],
    ['numeric_not_equal', cond('numeric_not_equal', 'cos:tls-version', '1.2'), { 'cos:tls-version': '1.1' }, true],
    ['non-numeric request value satisfies neither form', cond('numeric_not_equal', 'cos:content-length', '5'), { 'cos:content-length': 'abc' }, false],
    ['numeric_greater_than_if_exist missing', cond('numeric_greater_than_if_exist', 'cos:content-length', '10'), none, true],
    // bool [tencentcloud 436/46206]
    ['bool_equal true', cond('bool_equal', 'cos:secure-transport', 'true'), { 'cos:secure-transport': 'true' }, true],
    ['bool_equal false vs true', cond('bool_equal', 'cos:secure-transport', 'false'), { 'cos:secure-transport': 'true' }, false],
    ['bool_equal case-insensitive spelling', cond('Bool', 'cos:secure-transport', 'True'), { 'cos:secure-transport': 'true' }, true],
    // ip [tencentcloud 436/46206]
    ['ip_equal CIDR list', cond('ip_equal', 'qcs:ip', ['192.168.1.0/24', '101.226.100.185']), { 'qcs:ip': '101.226.100.185' }, true],
    ['ip_equal outside', cond('ip_equal', 'qcs:ip', ['192.168.1.0/24']), { 'qcs:ip': '10.0.0.1' }, false],
    ['ip_not_equal outside', cond('ip_not_equal', 'qcs:ip', ['192.168.1.0/24']), { 'qcs:ip': '10.0.0.1' }, true],
    ['ip_equal IPv6', cond('ip_equal', 'qcs:ip', ['2001:db8::/32']), { 'qcs:ip': '2001:db8::7' }, true],
    // dates [tencentcloud 436/46206]
    ['date_greater_than', cond('date_greater_than', 'cos:object-lock-retain-until-date', '2022-11-11T12:00:00Z'), { 'cos:object-lock-retain-until-date': '2022-11-11T12:00:01Z' }, true],
    ['date_greater_than equal instant', cond('date_greater_than', 'cos:object-lock-retain-until-date', '2022-11-11T12:00:00Z'), { 'cos:object-lock-retain-until-date': '2022-11-11T12:00:00.900Z' }, false],
    ['date_less_than across zones', cond('date_less_than', 'qcs:current_time', '2022-11-11T12:00:00Z'), { 'qcs:current_time': '2022-11-11T19:59:59+08:00' }, true],
    // null_equal (CAM 598/10608)
    ['null_equal true on missing', cond('null_equal', 'cos:x-cos-acl', 'true'), none, true],
    ['null_equal false on present', cond('null_equal', 'cos:x-cos-acl', 'false'), { 'cos:x-cos-acl': 'private' }, true],
    // quantifiers [tencentcloud 436/46206]
    ['for_any_value intersection', cond('for_any_value:string_equal', 'qcs:request_tag', ['a&b', 'c&d']), { 'qcs:request_tag': ['a&b', 'e&f'] }, true],
    ['for_any_value disjoint', cond('for_any_value:string_equal', 'qcs:request_tag', ['a&b']), { 'qcs:request_tag': ['e&f'] }, false],
    ['for_any_value missing → false', cond('for_any_value:string_equal', 'qcs:request_tag', ['a&b']), none, false],
    ['for_all_value subset', cond('for_all_value:string_equal', 'qcs:request_tag', ['a&b', 'c&d']), { 'qcs:request_tag': ['a&b', 'c&d'] }, true],
    ['for_all_value not a subset', cond('for_all_value:string_equal', 'qcs:request_tag', ['a&b', 'c&d']), { 'qcs:request_tag': ['a&b', 'c&d', 'e&f'] }, false],
    ['for_all_value missing → true (∅ ⊆ B)', cond('for_all_value:string_equal', 'qcs:request_tag', ['a&b']), none, true],
  ] as const)('%s', (_name, c, ctx, expected) => {
    expect(conditionHolds(c, ctx)).toBe(expected);
  });
});

describe('parseDateSeconds', () => {
  it.each([
    ['2022-11-11T12:00:00Z', 1668168000],
    ['2022-11-11T20:00:00+08:00', 1668168000],
    ['2022-11-11T20:00:00+0800', 1668168000],
    ['2022-11-11 12:00:00', 1668168000],
    ['2022-11-11T12:00:00.999Z', 1668168000],
  ] as const)('%s', (s, secs) => expect(parseDateSeconds(s)).toBe(secs));

  it.each(['yesterday', '1668168000', '2022-13-45T99:00:00Z'])('rejects %s', (s) => expect(parseDateSeconds(s)).toBeUndefined());
});
