import { describe, expect, it } from 'vitest';
import { COS_ACTIONS } from './action';
import { CONDITION_KEYS } from './condition-keys';
import { operatorNames, policyJsonSchema } from './json-schema';

const ctx = { bucket: 'photos-1250000000', region: 'ap-guangzhou', appId: '1250000000', ownerUin: '100000000001' };

describe('policyJsonSchema', () => {
  const schema = JSON.stringify(policyJsonSchema(ctx));

  it('offers every action and every condition key of the tables', () => {
    for (const a of COS_ACTIONS) expect(schema).toContain(`"${a.name}"`);
    for (const k of CONDITION_KEYS) expect(schema).toContain(`"${k.key}"`);
  });

  it('builds resource examples from the bucket, region and APPID', () => {
    expect(schema).toContain('qcs::cos:ap-guangzhou:uid/1250000000:photos-1250000000/*');
    expect(schema).toContain('qcs::cam::uin/100000000001:uin/100000000001');
  });

  it.each([
    ['string_equal', true], ['string_equal_if_exist', true], ['for_any_value:string_equal', true],
    ['ip_equal', true], ['bool_equal', true], ['for_any_value:ip_equal', false], ['StringEquals', false],
  ])('operator %s offered: %s', (op, offered) => {
    expect(operatorNames().includes(op)).toBe(offered);
  });
});
