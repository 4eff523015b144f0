// Which CAM identity policies let a sub-user call GetFederationToken (cam-permission.ts).
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../shared/policy/parse';
import type { Policy } from '../../shared/policy/model';
import { mayGetFederationToken } from './cam-permission';

function policy(statement: Record<string, unknown>): Policy {
  const r = parsePolicy({ version: '2.0', statement: [statement] }, { kind: 'identity' });
  if (!r.ok) throw new Error(`fixture does not parse: ${JSON.stringify(r)}`);
  return r.policy;
}

const allow = (action: string | string[], resource: string | string[] = '*', extra: Record<string, unknown> = {}) =>
  policy({ effect: 'allow', action: [action].flat(), resource: [resource].flat(), ...extra });
const deny = (action: string, resource = '*') => policy({ effect: 'deny', action: [action], resource: [resource] });

describe('mayGetFederationToken', () => {
  it.each<[string, Policy[], boolean]>([
    ['no policy', [], false],
    ['COS actions only', [allow('name/cos:*')], false],
    ['the exact action on *', [allow('name/sts:GetFederationToken')], true],
    ['the bare form sts:GetFederationToken', [allow('sts:GetFederationToken')], true],
    ['name/sts:* (QcloudSTSFullAccess-like)', [allow('name/sts:*')], true],
    ['* (administrator)', [allow('*')], true],
    ['another STS action only', [allow('name/sts:AssumeRole')], false],
    ['a qcs::sts: resource', [allow('name/sts:GetFederationToken', 'qcs::sts:::uin/100000000001')], true],
    ['a COS resource only', [allow('name/sts:*', 'qcs::cos:ap-guangzhou:uid/1250000000:b-1250000000/*')], false],
    ['allowed, then denied by another policy', [allow('*'), deny('name/sts:GetFederationToken')], false],
    ['a deny of another action', [allow('*'), deny('name/cos:GetObject')], true],
    ['an allow under a condition (not evaluated: does not count)', [allow('name/sts:GetFederationToken', '*', { condition: { ip_equal: { 'qcs:ip': '10.0.0.1' } } })], false],
  ])('%s → %s', (_name, policies, expected) => {
    expect(mayGetFederationToken(policies)).toBe(expected);
  });
});
