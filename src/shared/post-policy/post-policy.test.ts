import { describe, expect, it } from 'vitest';
import { checkPostConditions, parsePostPolicy, postPolicySignature } from './post-policy';
import { hmacSha1Hex, sha1Hex } from '../signature/sign';

const doc = (conditions: unknown[], expiration = '2030-01-01T00:00:00.000Z'): string => JSON.stringify({ expiration, conditions });

describe('POST Object policy (436/14690)', () => {
  it('parses every condition form', () => {
    const r = parsePostPolicy(doc([
      { bucket: 'b-1250000000' }, ['eq', '$Key', 'a.txt'], ['starts-with', '$Content-Type', 'image/'], ['content-length-range', 1, 10],
      { 'q-sign-time': '1;2' },
    ]));
    expect(r).toEqual({
      ok: true,
      value: {
        expiration: Date.parse('2030-01-01T00:00:00.000Z'),
        conditions: [
          { kind: 'eq', field: 'bucket', value: 'b-1250000000' },
          { kind: 'eq', field: 'key', value: 'a.txt' },
          { kind: 'starts-with', field: 'content-type', value: 'image/' },
          { kind: 'content-length-range', min: 1, max: 10 },
          { kind: 'eq', field: 'q-sign-time', value: '1;2' },
        ],
      },
    });
  });

  it.each([
    ['not json', 'the policy is not JSON'],
    ['[]', 'the policy must be a JSON object'],
    [JSON.stringify({ conditions: [] }), 'the policy needs an ISO 8601 expiration'],
    [JSON.stringify({ expiration: '2030-01-01T00:00:00Z' }), 'the policy needs a conditions list'],
    [doc([['in', '$key', 'x']]), 'unknown condition operator in'],
    [doc([['eq', 'key', 'x']]), 'eq needs "$field" and a string value'],
    [doc([['content-length-range', 10, 1]]), 'content-length-range needs 0 <= min <= max'],
    [doc([{ a: '1', b: '2' }]), 'an object condition holds exactly one string field'],
    [doc([3]), 'a condition must be an object or an array'],
  ])('refuses %s', (json, reason) => {
    expect(parsePostPolicy(json)).toEqual({ ok: false, reason });
  });

  it('signs as CosAuthPolicy does', () => {
    const policy = doc([]);
    expect(postPolicySignature('key', '1;2', policy)).toBe(hmacSha1Hex(hmacSha1Hex('key', '1;2'), sha1Hex(policy)));
  });

  const policyOf = (conditions: unknown[]) => {
    const r = parsePostPolicy(doc(conditions));
    if (!r.ok) throw new Error(r.reason);
    return r.value;
  };
  const fields = new Map([['bucket', 'b-1250000000'], ['key', 'img/a.png'], ['content-type', 'image/png'], ['q-key-time', '1;2']]);

  it.each([
    [[{ bucket: 'b-1250000000' }], 'ok'],
    [[{ bucket: 'other-1250000000' }], 'condition failed: ["eq", "$bucket", "other-1250000000"]'],
    [[['starts-with', '$key', 'img/']], 'ok'],
    [[['starts-with', '$key', 'doc/']], 'condition failed: ["starts-with", "$key", "doc/"]'],
    [[['eq', '$Content-Type', 'image/png']], 'ok'],
    [[['eq', '$x-cos-meta-a', 'b']], 'condition failed: ["eq", "$x-cos-meta-a", "b"]'],
    [[['starts-with', '$x-cos-meta-a', '']], 'ok'],
    [[{ 'q-sign-time': '1;2' }], 'ok'],
    [[['content-length-range', 1, 100]], 'ok'],
    [[['content-length-range', 200, 300]], 'the file is 50 bytes, outside content-length-range 200..300'],
  ] as const)('%j → %s', (conditions, outcome) => {
    const r = checkPostConditions(policyOf([...conditions]), fields, 50);
    expect(r.ok ? 'ok' : r.reason).toBe(outcome);
  });
});
