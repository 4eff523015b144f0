import { describe, expect, it } from 'vitest';
import { ANYONE, normalisePrincipal, principalMatches } from './principal';

const rootA = 'qcs::cam::uin/100000000001:uin/100000000001';
const subA = 'qcs::cam::uin/100000000001:uin/100000000011';
const rootB = 'qcs::cam::uin/100000000002:uin/100000000002';
const subB = 'qcs::cam::uin/100000000002:uin/100000000022';

describe('normalisePrincipal', () => {
  it.each([
    ['canonical', subA, subA, undefined],
    ['single colon (docs/cos-behaviour.md trap 1)', 'qcs::cam:uin/100000000001:uin/100000000011', subA, 'single-colon'],
    ['* is anyone (qcloud-cos-sts getPolicy)', '*', ANYONE, undefined],
    ['group', 'qcs::cam::uin/100000000001:groupid/42', 'qcs::cam::uin/100000000001:groupid/42', undefined],
    ['unrecognised kept', 'arn:aws:iam::1:root', 'arn:aws:iam::1:root', 'unrecognised'],
  ] as const)('%s', (_name, raw, principal, note) => {
    expect(normalisePrincipal(raw)).toEqual({ ok: true, principal, ...(note ? { note } : {}) });
  });
});

describe('principalMatches', () => {
  it.each([
    ['anyone covers anonymous', [ANYONE], ANYONE, false, true],
    ['anyone covers a sub-user', [ANYONE], subA, false, true],
    ['root covers the root', [rootA], rootA, false, true],
    ['root does not cover its sub-user', [rootA], subA, false, false],
    ['sub covers the sub', [subA], subA, false, true],
    ['sub does not cover the root', [subA], rootA, false, false],
    ['named sub does not cover anonymous', [subA], ANYONE, false, false],
    ['cross-account: root B reaches B0 via its account', [rootB], subB, true, true],
    ['via-account never crosses accounts', [rootA], subB, true, false],
    ['requester written with one colon', [subA], 'qcs::cam:uin/100000000001:uin/100000000011', false, true],
  ] as const)('%s', (_name, stmt, who, via, expected) => {
    expect(principalMatches(stmt, who, via)).toBe(expected);
  });
});
