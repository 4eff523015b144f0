import { describe, expect, it } from 'vitest';
import { formatOperator, parseOperator } from './operators';

describe('parseOperator', () => {
  it.each([
    ['string_equal', 'string_equal', false, false, undefined],
    ['string_not_equal_ignore_case_if_exist', 'string_not_equal', true, true, undefined],
    ['numeric_greater_than_if_exist', 'numeric_greater_than', true, false, undefined],
    ['for_any_value:string_equal', 'string_equal', false, false, 'for_any_value'],
    ['for_all_value:string_equal', 'string_equal', false, false, 'for_all_value'],
    ['ForAllValues:StringEquals', 'string_equal', false, false, 'for_all_value'],
    ['ForAnyValue:StringLike', 'string_like', false, false, 'for_any_value'],
    ['StringNotEqualsIgnoreCaseIfExists', 'string_not_equal', true, true, undefined],
    ['NumericLessThanEquals', 'numeric_less_than_equal', false, false, undefined],
    ['Bool', 'bool_equal', false, false, undefined],
    ['IpAddress', 'ip_equal', false, false, undefined],
    ['NotIpAddress', 'ip_not_equal', false, false, undefined],
    ['DateGreaterThan', 'date_greater_than', false, false, undefined],
  ] as const)('%s', (written, operator, ifExist, ignoreCase, quantifier) => {
    const r = parseOperator(written);
    expect(r).toEqual({ ok: true, spec: { operator, ifExist, ignoreCase, ...(quantifier ? { quantifier } : {}) } });
  });

  it.each([
    ['string_equal_if_exists', 'string_equal_if_exist'], // docs/cos-behaviour.md trap 8
    ['string_not_equal_if_exist_ignore_case', 'string_not_equal_ignore_case_if_exist'],
    ['string_equals', 'string_equal'],
    ['for_any_values:string_equal', 'for_any_value:string_equal'],
    ['STRING_EQUAL', 'string_equal'],
  ] as const)('rejects %s and suggests %s', (written, suggestion) => {
    expect(parseOperator(written)).toMatchObject({ ok: false, suggestion });
  });

  it.each([
    ['numeric_equal_ignore_case', '_ignore_case applies to string operators only'],
    ['for_any_value:for_all_value:string_equal', 'unknown condition operator'],
    ['string_contains', 'unknown condition operator'],
    ['ForSomeValues:StringEquals', 'unknown condition operator'],
    ['null_equal_if_exist', 'null_equal takes no _if_exist or quantifier'],
    ['BinaryEquals', 'unknown condition operator'],
  ])('rejects %s: %s', (written, message) => {
    const r = parseOperator(written);
    expect(r.ok ? '' : r.message).toContain(message);
    expect(r.ok ? '' : r.message).toContain(written);
  });

  it('formats back to snake_case', () => {
    const r = parseOperator('ForAllValues:StringEqualsIgnoreCaseIfExists');
    expect(r.ok && formatOperator(r.spec)).toBe('for_all_value:string_equal_ignore_case_if_exist');
  });
});
