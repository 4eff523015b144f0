// The condition-key table of the "Done when": every key cos-local must honour, each with
// allow / deny / `_if_exist` cases, built from requests the way cos-local builds them (buildContext),
// evaluated by the engine; then the traps of the policy documentation (docs/cos-behaviour.md "Traps in
// the policy documentation", numbered as there). Traps 1, 2, 6, 7, 8, 9, 11 and 16 are exercised in
// evaluate.test.ts ('documentation traps handled deliberately').
import { describe, expect, it } from 'vitest';
import type { ConditionContext, PolicySource, ResourceRef } from './model';
import type { RequestFacts } from './context';
import { evaluate } from './evaluate';
import { parsePolicy } from './parse';
import { ANYONE } from './principal';
import { ALL_OBJECTS, APPID, BUCKET, SUB_A, ctx, must, object, policy, theBucket } from './test-helpers';

type Cond = Record<string, Record<string, unknown>>;

interface Row {
  readonly key: string;
  readonly action: string;
  /** The page the key and its example come from: https://www.tencentcloud.com/document/product/436/<n>, the key's section. */
  readonly page: string;
  /** The allow condition: operator and value(s); `_if_exist` is appended for the _if_exist cases. */
  readonly allow: readonly [string, unknown];
  /** The deny condition, matching the bad request and not the good one. */
  readonly deny: readonly [string, unknown];
  readonly good: Partial<RequestFacts>;
  readonly bad: Partial<RequestFacts>;
  /** The request without the key (default: nothing set). */
  readonly absent?: Partial<RequestFacts> | 'empty-context';
  readonly kind?: PolicySource;
  readonly resource?: ResourceRef;
  /** for_all_value holds on a missing key (∅ ⊆ B, tencentcloud 436/46206), so a plain deny with it applies. */
  readonly plainDenyHoldsWhenAbsent?: boolean;
}

const GET = 'name/cos:GetObject';
const PUT = 'name/cos:PutObject';

const ROWS: readonly Row[] = [
  { key: 'qcs:ip', action: GET, page: '436/46206', allow: ['ip_equal', ['192.168.1.0/24', '101.226.100.185']], deny: ['ip_not_equal', ['192.168.1.0/24', '101.226.100.185']],
    good: { clientIp: '192.168.1.20' }, bad: { clientIp: '10.0.0.1' } },
  { key: 'cos:versionid', action: GET, page: '436/46206', allow: ['string_equal', 'MTg0NDUxNTc1NjIzMTQ1MDAwODg'], deny: ['string_not_equal', 'MTg0NDUxNTc1NjIzMTQ1MDAwODg'],
    good: { query: { versionId: 'MTg0NDUxNTc1NjIzMTQ1MDAwODg' } }, bad: { query: { versionId: 'null' } } },
  { key: 'cos:content-length', action: PUT, page: '436/46206', allow: ['numeric_less_than_equal', 10], deny: ['numeric_greater_than', 10],
    good: { headers: { 'Content-Length': '10' } }, bad: { headers: { 'Content-Length': '11' } } },
  { key: 'cos:content-type', action: PUT, page: '436/46206', allow: ['string_equal', 'image/jpeg'], deny: ['string_not_equal', 'image/jpeg'],
    good: { headers: { 'Content-Type': 'image/jpeg' } }, bad: { headers: { 'Content-Type': 'text/html' } } },
  { key: 'cos:response-content-type', action: GET, page: '436/46206', allow: ['string_equal', 'image%2Fjpeg'], deny: ['string_not_equal', 'image%2Fjpeg'],
    good: { query: { 'response-content-type': 'image/jpeg' } }, bad: { query: { 'response-content-type': 'text/html' } } },
  // buildContext always sets it (false over plain HTTP), so "absent" is an empty context here.
  { key: 'cos:secure-transport', action: GET, page: '436/46206', allow: ['bool_equal', 'true'], deny: ['bool_equal', 'false'],
    good: { secure: true }, bad: { secure: false }, absent: 'empty-context' },
  { key: 'cos:x-cos-storage-class', action: PUT, page: '436/46206', allow: ['string_equal', ['STANDARD', 'STANDARD_IA']], deny: ['string_not_equal', ['STANDARD', 'STANDARD_IA']],
    good: { headers: { 'x-cos-storage-class': 'STANDARD_IA' } }, bad: { headers: { 'x-cos-storage-class': 'ARCHIVE' } } },
  { key: 'cos:x-cos-acl', action: PUT, page: '436/46206', allow: ['string_equal', 'private'], deny: ['string_not_equal', 'private'],
    good: { headers: { 'x-cos-acl': 'private' } }, bad: { headers: { 'x-cos-acl': 'public-read' } } },
  { key: 'cos:prefix', action: 'name/cos:GetBucket', page: '436/46206', resource: theBucket(), allow: ['string_equal', 'folder1%2F'], deny: ['string_not_equal', 'folder1%2F'],
    good: { query: { prefix: 'folder1/' } }, bad: { query: { prefix: 'folder2/' } } },
  { key: 'cos:x-cos-forbid-overwrite', action: PUT, page: '436/46206', allow: ['string_equal', 'true'], deny: ['string_not_equal', 'true'],
    good: { headers: { 'x-cos-forbid-overwrite': 'true' } }, bad: { headers: { 'x-cos-forbid-overwrite': 'false' } } },
  { key: 'qcs:request_tag', action: 'name/cos:PutBucket', page: '436/46206', resource: theBucket(), plainDenyHoldsWhenAbsent: true,
    allow: ['for_any_value:string_equal', ['a&b']], deny: ['for_all_value:string_not_equal', ['a&b']],
    good: { headers: { 'x-cos-tagging': 'a=b&c=d' } }, bad: { headers: { 'x-cos-tagging': 'e=f' } } },
  { key: 'qcs:resource_tag', action: 'name/cos:GetService', page: '436/30931', kind: 'identity', resource: { service: true }, plainDenyHoldsWhenAbsent: true,
    allow: ['for_any_value:string_equal', ['team&photos']], deny: ['for_all_value:string_not_equal', ['team&photos']],
    good: { resourceTags: [{ key: 'team', value: 'photos' }, { key: 'env', value: 'prod' }] }, bad: { resourceTags: [{ key: 'env', value: 'prod' }] } },
  // Plain HTTP carries no TLS version: the key is absent there, not 0.
  { key: 'cos:tls-version', action: GET, page: '436/46206', allow: ['numeric_greater_than_equal', 1.2], deny: ['numeric_less_than', 1.2],
    good: { secure: true, tlsVersion: 'TLSv1.2' }, bad: { secure: true, tlsVersion: 'TLSv1' }, absent: { secure: false, tlsVersion: 'TLSv1.2' } },
];

const condition = ([op, value]: readonly [string, unknown], key: string, ifExist: boolean): Cond => ({ [`${op}${ifExist ? '_if_exist' : ''}`]: { [key]: value } });

function contextOf(row: Row, which: 'good' | 'bad' | 'absent'): ConditionContext {
  if (which === 'absent' && row.absent === 'empty-context') return {};
  const facts = which === 'absent' ? (row.absent ?? {}) : row[which];
  return ctx(row.action, facts as Partial<RequestFacts>);
}

type Shape = 'allow-only' | 'allow-and-deny';

function decide(row: Row, shape: Shape, ifExist: boolean, which: 'good' | 'bad' | 'absent'): string {
  const kind = row.kind ?? 'bucket';
  const resourceText = row.resource && 'service' in row.resource ? '*' : row.resource ? `qcs::cos:ap-guangzhou:uid/${APPID}:${BUCKET}/` : ALL_OBJECTS;
  const statements = shape === 'allow-only'
    ? [{ effect: 'allow' as const, action: row.action, resource: resourceText, condition: condition(row.allow, row.key, ifExist) }]
    : [
      { effect: 'allow' as const, action: row.action, resource: resourceText },
      { effect: 'deny' as const, action: row.action, resource: resourceText, condition: condition(row.deny, row.key, ifExist) },
    ];
  const p = policy(kind, ...statements);
  return evaluate({ policies: [{ source: kind, policy: p }], principal: SUB_A, action: row.action, resource: row.resource ?? object('photo.jpg'), context: contextOf(row, which) }).effect;
}

interface Case {
  readonly name: string;
  readonly shape: Shape;
  readonly ifExist: boolean;
  readonly request: 'good' | 'bad' | 'absent';
  readonly expected: (row: Row) => string;
}

const CASES: readonly Case[] = [
  { name: 'allow, key matches → allow', shape: 'allow-only', ifExist: false, request: 'good', expected: () => 'allow' },
  { name: 'allow, key does not match → implicit deny', shape: 'allow-only', ifExist: false, request: 'bad', expected: () => 'implicit-deny' },
  { name: 'allow, key absent → implicit deny (a missing key fails a plain operator [tencentcloud 436/46206])', shape: 'allow-only', ifExist: false, request: 'absent', expected: () => 'implicit-deny' },
  { name: 'deny matches → explicit deny beats the allow [tencentcloud 436/35240]', shape: 'allow-and-deny', ifExist: false, request: 'bad', expected: () => 'deny' },
  { name: 'deny does not match → allow', shape: 'allow-and-deny', ifExist: false, request: 'good', expected: () => 'allow' },
  { name: 'plain deny, key absent → not denied (missing key is false: docs/cos-behaviour.md "Condition keys")', shape: 'allow-and-deny', ifExist: false, request: 'absent', expected: (r) => (r.plainDenyHoldsWhenAbsent ? 'deny' : 'allow') },
  { name: '_if_exist deny, key absent → denied [tencentcloud 436/46206]', shape: 'allow-and-deny', ifExist: true, request: 'absent', expected: () => 'deny' },
  { name: '_if_exist deny, key present and good → allow', shape: 'allow-and-deny', ifExist: true, request: 'good', expected: () => 'allow' },
  { name: '_if_exist deny, key present and bad → deny', shape: 'allow-and-deny', ifExist: true, request: 'bad', expected: () => 'deny' },
  { name: '_if_exist allow, key absent → allow', shape: 'allow-only', ifExist: true, request: 'absent', expected: () => 'allow' },
  { name: '_if_exist allow, key present and bad → implicit deny', shape: 'allow-only', ifExist: true, request: 'bad', expected: () => 'implicit-deny' },
];

describe('condition keys × allow / deny / _if_exist', () => {
  it('covers the 13 keys cos-local must honour', () => {
    expect(ROWS.map((r) => r.key).sort()).toEqual([
      'cos:content-length', 'cos:content-type', 'cos:prefix', 'cos:response-content-type', 'cos:secure-transport', 'cos:tls-version',
      'cos:versionid', 'cos:x-cos-acl', 'cos:x-cos-forbid-overwrite', 'cos:x-cos-storage-class', 'qcs:ip', 'qcs:request_tag', 'qcs:resource_tag',
    ]);
  });

  it('every fixture policy parses without warnings (the keys apply to the actions used)', () => {
    for (const row of ROWS) {
      for (const ifExist of [false, true]) {
        const kind = row.kind ?? 'bucket';
        const statement = { effect: 'deny', action: row.action, resource: row.resource && 'service' in row.resource ? '*' : ALL_OBJECTS, condition: condition(row.deny, row.key, ifExist), ...(kind === 'bucket' ? { principal: { qcs: [SUB_A] } } : {}) };
        const r = parsePolicy({ version: '2.0', statement: [statement] }, { kind });
        expect(r.ok && r.warnings.filter((w) => w.code !== 'quantifier-single-valued-key')).toEqual([]);
      }
    }
  });

  const table = ROWS.flatMap((row) => CASES.map((c) => [row.key, c.name, row, c] as const));
  it.each(table)('%s: %s', (_key, _name, row, c) => {
    expect(decide(row, c.shape, c.ifExist, c.request)).toBe(c.expected(row));
  });
});

describe('traps of the policy documentation, handled deliberately (docs/cos-behaviour.md)', () => {
  const bucketPolicy = (statement: unknown[]): ReturnType<typeof parsePolicy> => parsePolicy({ version: '2.0', statement });

  it('3: the "upload doc + download doc2" policy is invalid JSON and is refused, not half-read [tencentcloud 436/30580]', () => {
    const text = '{"version":"2.0","statement":[{"action":["name/cos:PutObject"],"effect":"allow","resource":["qcs::cos:ap-beijing:uid/1250000000:examplebucket-1250000000/doc/*"]}],{"action":["name/cos:GetObject"],"effect":"allow","resource":["qcs::cos:ap-beijing:uid/1250000000:examplebucket-1250000000/doc2/*"]}}';
    expect(parsePolicy(text, { kind: 'identity' })).toMatchObject({ ok: false, errors: [{ code: 'invalid-json' }] });
  });

  it('4: "a policy has only one statement" [tencentcloud 436/12469]: an array of several works, a lone object is read with a warning', () => {
    const two = must({ version: '2.0', statement: [{ effect: 'allow', action: GET, resource: ALL_OBJECTS }, { effect: 'allow', action: PUT, resource: ALL_OBJECTS }] }, 'identity');
    expect(two.statements).toHaveLength(2);
    const one = parsePolicy({ version: '2.0', statement: { effect: 'allow', action: GET, resource: ALL_OBJECTS } }, { kind: 'identity' });
    expect(one).toMatchObject({ ok: true, warnings: [{ code: 'single-statement-object' }] });
  });

  it('5: the version id of the prose (Tg0…) is not the one in the JSON (MTg0…): only the JSON\'s is granted [tencentcloud 436/46206]', () => {
    const p = policy('bucket', { effect: 'allow', action: GET, condition: { string_equal: { 'cos:versionid': 'MTg0NDUxNTc1NjIzMTQ1MDAwODg' } } });
    const run = (versionId: string) => evaluate({ policies: [{ source: 'bucket', policy: p }], principal: SUB_A, action: GET, resource: object('a'), context: ctx(GET, { query: { versionId } }) }).effect;
    expect(run('MTg0NDUxNTc1NjIzMTQ1MDAwODg')).toBe('allow');
    expect(run('Tg0NDUxNTc1NjIzMTQ1MDAwODg')).toBe('implicit-deny');
  });

  it('10: the retention-days key written "cos: x-cos-object-lock-remaining-retention-days" is flagged with the real key [tencentcloud 436/46206]', () => {
    const r = bucketPolicy([{ principal: { qcs: [SUB_A] }, effect: 'allow', action: PUT, resource: ALL_OBJECTS, condition: { numeric_greater_than: { 'cos: x-cos-object-lock-remaining-retention-days': 3 } } }]);
    expect(r).toMatchObject({ ok: true, warnings: [{ code: 'condition-key-case', suggestion: 'cos:object-lock-remaining-retention-days' }] });
  });

  it('12: under the console\'s png-only policy a JPEG upload is refused, though the guide\'s demo shows 200 [436/54370 case 3]', () => {
    const p = must({ Statement: [{ Action: [PUT], Effect: 'Allow', Principal: { qcs: [ANYONE] }, Resource: [ALL_OBJECTS], Condition: { 'ForAllValues:StringEquals': { 'cos:content-type': ['image/png'] } } }], version: '2.0' });
    const run = (type: string) => evaluate({ policies: [{ source: 'bucket', policy: p }], principal: ANYONE, action: PUT, resource: object('a.jpg'), context: ctx(PUT, { headers: { 'content-type': type } }) }).effect;
    expect(run('image/jpeg')).toBe('implicit-deny');
    expect(run('image/png')).toBe('allow');
  });

  it('14: in the copy example doc2 is the source (GetObject) and doc the target (PutObject), as the policy says, not the prose [tencentcloud 436/30580]', () => {
    const p = must({ version: '2.0', statement: [
      { effect: 'allow', action: ['name/cos:PutObject'], resource: [`qcs::cos:ap-guangzhou:uid/${APPID}:${BUCKET}/doc/*`] },
      { effect: 'allow', action: ['name/cos:GetObject'], resource: [`qcs::cos:ap-guangzhou:uid/${APPID}:${BUCKET}/doc2/*`] },
    ] }, 'identity');
    const run = (action: string, key: string) => evaluate({ policies: [{ source: 'identity', policy: p }], principal: SUB_A, action, resource: object(key), context: {} }).effect;
    expect(run(GET, 'doc2/a')).toBe('allow');
    expect(run(PUT, 'doc/a')).toBe('allow');
    expect(run(GET, 'doc/a')).toBe('implicit-deny');
    expect(run(PUT, 'doc2/a')).toBe('implicit-deny');
  });

  it('15: Upload Part - Copy is granted by PutObject (API page) or by UploadPartCopy (Sample 3): both names parse and match [tencentcloud 436/30580 vs 436/11714]', () => {
    for (const action of ['name/cos:PutObject', 'name/cos:UploadPartCopy']) {
      const r = parsePolicy({ version: '2.0', statement: [{ effect: 'allow', action: [action], resource: ALL_OBJECTS }] }, { kind: 'identity' });
      expect(r).toMatchObject({ ok: true, warnings: [] });
    }
  });

  it('17: "Effect: Required" is the console\'s mistranslation of Allow; in a document it is refused, never guessed [tencentcloud 436/12514]', () => {
    expect(bucketPolicy([{ principal: { qcs: [SUB_A] }, effect: 'Required', action: GET, resource: ALL_OBJECTS }])).toMatchObject({ ok: false, errors: [{ code: 'bad-effect' }] });
  });
});
