import { describe, expect, it } from 'vitest';
import { buildSessionPolicy, checkLeastPrivilege } from './session-policy';
import { evaluate } from './evaluate';
import { APPID, BUCKET, SUB_A, must, object, theBucket } from './test-helpers';
import { toPolicyJson } from './serialize';

const base = { region: 'ap-guangzhou', appId: APPID, bucket: BUCKET };
const P = `qcs::cos:ap-guangzhou:uid/${APPID}:${BUCKET}/`;

describe('buildSessionPolicy', () => {
  it('pairs actions with resources per level, never mixing them (bad example 3 of tencentcloud 436/35265)', () => {
    const r = buildSessionPolicy({ ...base, grants: [
      { actions: ['name/cos:GetBucket', 'name/cos:GetObject'], keyPatterns: ['app/files/*'] },
      { actions: ['name/cos:PutObject', 'cos:DeleteObject'], keyPatterns: ['app/files/alice/*'] },
    ] });
    expect(r.ok && toPolicyJson(r.policy, { withPrincipal: false }).statement).toEqual([
      { effect: 'allow', action: ['name/cos:GetBucket'], resource: [P] },
      { effect: 'allow', action: ['name/cos:GetObject'], resource: [`${P}app/files/*`] },
      { effect: 'allow', action: ['name/cos:PutObject', 'name/cos:DeleteObject'], resource: [`${P}app/files/alice/*`] },
    ]);
  });

  it('the key it builds allows exactly the intended requests', () => {
    const r = buildSessionPolicy({ ...base, grants: [{ actions: ['name/cos:PutObject'], keyPatterns: ['avatar/alice/*'] }] });
    if (!r.ok) throw new Error('expected ok');
    const run = (action: string, key: string) => evaluate({ policies: [{ source: 'session', policy: r.policy }], principal: SUB_A, action, resource: object(key), context: {} }).effect;
    expect(run('name/cos:PutObject', 'avatar/alice/s.jpg')).toBe('allow');
    expect(run('name/cos:PutObject', 'avatar/bob/s.jpg')).toBe('implicit-deny');
    expect(run('name/cos:GetObject', 'avatar/alice/s.jpg')).toBe('implicit-deny');
  });

  it.each([
    ['wildcard action (bad example 2 of tencentcloud 436/35265)', { actions: ['name/cos:*'], keyPatterns: ['a/*'] }, 'wildcard-action'],
    ['unknown action', { actions: ['name/cos:Teleport'], keyPatterns: ['a/*'] }, 'unknown-action'],
    ['object action without keys', { actions: ['name/cos:GetObject'] }, 'bad-key-pattern'],
    ['absolute key', { actions: ['name/cos:GetObject'], keyPatterns: ['/a/*'] }, 'bad-key-pattern'],
  ] as const)('refuses %s', (_name, grant, code) => {
    expect(buildSessionPolicy({ ...base, grants: [grant] })).toMatchObject({ ok: false, errors: [expect.objectContaining({ code })] });
  });

  it('refuses an empty region (it would mean every region) and a short bucket name', () => {
    const r = buildSessionPolicy({ region: '', appId: APPID, bucket: 'examplebucket', grants: [] });
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['bad-resource', 'bucket-appid-mismatch']);
  });

  it('warns when a key covers the whole bucket', () => {
    const r = buildSessionPolicy({ ...base, grants: [{ actions: ['name/cos:GetObject'], keyPatterns: ['*'] }] });
    expect(r).toMatchObject({ ok: true, warnings: [expect.objectContaining({ code: 'wildcard-resource' })] });
  });

  it('GET Service gets resource * and bucket actions the bucket itself', () => {
    const r = buildSessionPolicy({ ...base, grants: [{ actions: ['name/cos:GetService', 'name/cos:HeadBucket'] }] });
    expect(r.ok && r.policy.statements.map((s) => s.resources)).toEqual([['*'], [P]]);
    expect(r.ok && evaluate({ policies: [{ source: 'session', policy: r.policy }], principal: SUB_A, action: 'name/cos:HeadBucket', resource: theBucket(), context: {} }).effect).toBe('allow');
  });
});

describe('checkLeastPrivilege', () => {
  it('flags * actions and resources beyond one bucket [tencentcloud 436/35265, 436/14048]', () => {
    const p = must({ version: '2.0', statement: [
      { effect: 'allow', action: ['name/cos:*', 'name/cos:GetObject'], resource: ['*', `qcs::cos::uid/${APPID}:${BUCKET}/*`, `${P}a/*`] },
    ] }, 'session');
    expect(checkLeastPrivilege(p).map((l) => `${l.code} ${l.path}`)).toEqual([
      'wildcard-action /statement/0/action/0', 'wildcard-resource /statement/0/resource/0', 'wildcard-resource /statement/0/resource/1',
    ]);
  });
});
