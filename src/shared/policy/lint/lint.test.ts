import { describe, expect, it } from 'vitest';
import { applyEdits, lintPolicyText, type PolicyFinding, type PolicyFindingCode, type Severity } from '.';
import { LineMap } from './location';

const CTX = { bucket: 'examplebucket-1250000000', region: 'ap-guangzhou', appId: '1250000000' } as const;
const SUB = 'qcs::cam::uin/100000000001:uin/100000000011';
const OBJ = 'qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000/*';
const BKT = 'qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000/';

type Json = Record<string, unknown>;
const stmt = (extra: Json = {}): Json => ({ effect: 'allow', principal: { qcs: [SUB] }, action: ['name/cos:GetObject'], resource: [OBJ], ...extra });
const without = (s: Json, key: string): Json => Object.fromEntries(Object.entries(s).filter(([k]) => k !== key));
/** A policy as the console's editor would show it: two-space indentation, one element per line. */
const doc = (statements: unknown, top: Json = { version: '2.0' }): string => JSON.stringify({ ...top, statement: statements }, null, 2);
/** The text of a statement inside doc()'s array (indented by two levels). */
const inDoc = (s: Json): string => JSON.stringify(s, null, 2).replace(/\n/g, '\n    ');

/** Where a finding must be: the needle's first occurrence (after `from`), or `skip` characters into it, `length` long. */
interface At {
  readonly needle: string;
  readonly from?: string;
  readonly skip?: number;
  readonly length?: number;
}

/** Line/column computed independently of LineMap: by splitting the text before the offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

function expected(text: string, at: At): { offset: number; length: number; startLine: number; startColumn: number; endLine: number; endColumn: number } {
  const base = at.from === undefined ? 0 : text.indexOf(at.from);
  expect(base, `"${at.from ?? ''}" in the fixture`).toBeGreaterThanOrEqual(0);
  const found = text.indexOf(at.needle, base);
  expect(found, `"${at.needle}" in the fixture`).toBeGreaterThanOrEqual(0);
  const offset = found + (at.skip ?? 0);
  const length = at.length ?? at.needle.length - (at.skip ?? 0);
  const s = position(text, offset);
  const e = position(text, offset + length);
  return { offset, length, startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
}

const lint = (text: string): PolicyFinding[] => lintPolicyText(text, CTX);
const withCode = (text: string, code: PolicyFindingCode): PolicyFinding[] => lint(text).filter((f) => f.code === code);

interface Case {
  readonly name: string;
  readonly text: string;
  readonly code: PolicyFindingCode;
  readonly severity: Severity;
  readonly at: At;
  readonly path?: readonly (string | number)[];
}

const statementNode = (s: Json): At => ({ needle: inDoc(s) });
const opening = (s: Json): At => ({ needle: inDoc(s), length: 1 });

const bigSid = 'x'.repeat(4200);
const anyone = { qcs: ['qcs::cam::anyone:anyone'] };

const CASES: readonly Case[] = [
  // syntax and schema
  { name: 'trailing comma', text: '{\n  "version": "2.0",\n}', code: 'json-syntax', severity: 'error', at: { needle: '}' } },
  { name: 'comment', text: '{\n  // who may read\n  "version": "2.0"\n}', code: 'json-syntax', severity: 'error', at: { needle: '// who may read' } },
  { name: 'unterminated', text: '{\n  "version": "2.0"', code: 'json-syntax', severity: 'error', at: { needle: '"', from: '"2.0"', skip: 4, length: 1 } },
  { name: 'array at the top', text: '[\n  1\n]', code: 'not-an-object', severity: 'error', at: { needle: '[\n  1\n]' } },
  { name: 'action a number', text: doc([stmt({ action: 5 })]), code: 'type-mismatch', severity: 'error', at: { needle: '5', from: '"action"' }, path: ['statement', 0, 'action'] },
  { name: 'resource entry not a string', text: doc([stmt({ resource: [OBJ, true] })]), code: 'type-mismatch', severity: 'error', at: { needle: 'true' }, path: ['statement', 0, 'resource', 1] },
  { name: 'statement a string', text: doc('allow all'), code: 'type-mismatch', severity: 'error', at: { needle: '"allow all"' } },
  { name: 'empty resource list', text: doc([stmt({ resource: [] })]), code: 'empty-list', severity: 'error', at: { needle: '[]' } },
  { name: 'empty statement list', text: doc([]), code: 'empty-list', severity: 'error', at: { needle: '[]' } },
  { name: 'no version', text: doc([stmt()], {}), code: 'missing-version', severity: 'error', at: { needle: '{', length: 1 } },
  { name: 'version 1.0', text: doc([stmt()], { version: '1.0' }), code: 'bad-version', severity: 'error', at: { needle: '"1.0"' }, path: ['version'] },
  { name: 'version a number', text: '{\n  "version": 2.0,\n  "statement": []\n}', code: 'bad-version', severity: 'error', at: { needle: '2.0' } },
  { name: 'no statement', text: '{\n  "version": "2.0"\n}', code: 'missing-statement', severity: 'error', at: { needle: '{', length: 1 } },
  { name: 'statement an object', text: JSON.stringify({ version: '2.0', statement: stmt() }, null, 2), code: 'statement-not-array', severity: 'warning', at: { needle: JSON.stringify(stmt(), null, 2).replace(/\n/g, '\n  ') } },
  { name: 'no effect', text: doc([without(stmt(), 'effect')]), code: 'missing-effect', severity: 'error', at: opening(without(stmt(), 'effect')) },
  { name: 'effect "permit"', text: doc([stmt({ effect: 'permit' })]), code: 'bad-effect', severity: 'error', at: { needle: '"permit"' }, path: ['statement', 0, 'effect'] },
  { name: 'no action', text: doc([without(stmt(), 'action')]), code: 'missing-action', severity: 'error', at: opening(without(stmt(), 'action')) },
  { name: 'no resource', text: doc([without(stmt(), 'resource')]), code: 'missing-resource', severity: 'error', at: opening(without(stmt(), 'resource')) },
  { name: 'no principal', text: doc([without(stmt(), 'principal')]), code: 'missing-principal', severity: 'error', at: opening(without(stmt(), 'principal')) },
  { name: 'action and not_action', text: doc([stmt({ not_action: ['name/cos:DeleteObject'] })]), code: 'action-and-not-action', severity: 'error', at: { needle: '"not_action"' } },
  { name: 'NotResource', text: doc([stmt({ NotResource: [OBJ] })]), code: 'unknown-element', severity: 'error', at: { needle: '"NotResource"' }, path: ['statement', 0, 'NotResource'] },
  { name: 'Id at the top', text: doc([stmt()], { version: '2.0', Id: 'p1' }), code: 'unknown-top-level-element', severity: 'warning', at: { needle: '"Id"' } },
  { name: 'effect and Effect', text: doc([stmt({ Effect: 'deny' })]), code: 'duplicate-element', severity: 'error', at: { needle: '"Effect"' } },
  { name: 'Statement', text: doc([stmt()]).replace('"statement"', '"Statement"'), code: 'element-case', severity: 'suggestion', at: { needle: '"Statement"' }, path: ['Statement'] },
  { name: 'NotAction', text: doc([without(stmt({ NotAction: ['name/cos:DeleteObject'] }), 'action')]), code: 'element-case', severity: 'suggestion', at: { needle: '"NotAction"' } },
  { name: 'statement over 4095 bytes', text: doc([stmt({ sid: bigSid })]), code: 'statement-too-large', severity: 'error', at: statementNode(stmt({ sid: bigSid })) },
  // actions
  { name: 'name/cos>', text: doc([stmt({ action: ['name/cos>DeleteObject'] })]), code: 'damaged-action', severity: 'error', at: { needle: '"name/cos>DeleteObject"' }, path: ['statement', 0, 'action', 0] },
  { name: 'bare API name', text: doc([stmt({ action: 'GetObject' })]), code: 'bad-action-format', severity: 'error', at: { needle: '"GetObject"' } },
  { name: 'misspelt action', text: doc([stmt({ action: ['name/cos:GetObject', 'name/cos:PutObjekt'] })]), code: 'unknown-action', severity: 'warning', at: { needle: '"name/cos:PutObjekt"' } },
  { name: 'action in the wrong case', text: doc([stmt({ action: ['cos:getobject'] })]), code: 'unknown-action', severity: 'warning', at: { needle: '"cos:getobject"' } },
  { name: 'glob matching nothing', text: doc([stmt({ action: ['name/cos:Frob*'] })]), code: 'unknown-action', severity: 'warning', at: { needle: '"name/cos:Frob*"' } },
  { name: 'name/cos:*', text: doc([stmt({ action: ['name/cos:*'] })]), code: 'wildcard-action', severity: 'security-warning', at: { needle: '"name/cos:*"' } },
  { name: 'action *', text: doc([stmt({ action: '*' })]), code: 'wildcard-action', severity: 'security-warning', at: { needle: '"*"' } },
  // principals
  { name: 'principal of another provider', text: doc([stmt({ principal: { AWS: ['*'] } })]), code: 'bad-principal', severity: 'error', at: { needle: '"AWS"' } },
  { name: 'principal a number', text: doc([stmt({ principal: 7 })]), code: 'bad-principal', severity: 'error', at: { needle: '7', from: '"principal"' } },
  { name: 'qcs:cam::', text: doc([stmt({ principal: { qcs: ['qcs:cam::uin/100000000001:uin/100000000011'] } })]), code: 'principal-colon', severity: 'warning', at: { needle: '"qcs:cam::uin/100000000001:uin/100000000011"' } },
  { name: 'qcs::cam:uin', text: doc([stmt({ principal: { qcs: ['qcs::cam:uin/100000000001:uin/100000000011'] } })]), code: 'principal-colon', severity: 'warning', at: { needle: '"qcs::cam:uin/100000000001:uin/100000000011"' } },
  { name: 'user/ principal', text: doc([stmt({ principal: { qcs: ['qcs::cam::user/alice'] } })]), code: 'principal-unrecognised', severity: 'warning', at: { needle: '"qcs::cam::user/alice"' } },
  { name: 'anonymous upload', text: doc([stmt({ principal: anyone, action: ['name/cos:GetObject', 'name/cos:PutObject'], condition: { ip_equal: { 'qcs:ip': ['203.0.113.0/24'] } } })]), code: 'public-write', severity: 'security-warning', at: { needle: '"name/cos:PutObject"' } },
  { name: 'anonymous listing', text: doc([stmt({ principal: { qcs: '*' }, action: ['name/cos:GetBucket'], resource: [BKT] })]), code: 'public-list', severity: 'security-warning', at: { needle: '"name/cos:GetBucket"' } },
  { name: 'anyone without condition', text: doc([stmt({ principal: '*' })]), code: 'public-without-condition', severity: 'security-warning', at: { needle: '"*"' } },
  // resources
  { name: 'resource not qcs', text: doc([stmt({ resource: ['examplebucket-1250000000/*'] })]), code: 'bad-resource', severity: 'error', at: { needle: '"examplebucket-1250000000/*"' } },
  { name: 'resource with uin/', text: doc([stmt({ resource: [OBJ.replace('uid/', 'uin/')] })]), code: 'bad-resource', severity: 'error', at: { needle: `"${OBJ.replace('uid/', 'uin/')}"` } },
  { name: 'bucket without APPID', text: doc([stmt({ resource: ['qcs::cos:ap-guangzhou:uid/1250000000:examplebucket/*'] })]), code: 'bucket-without-appid', severity: 'error', at: { needle: '"qcs::cos:ap-guangzhou:uid/1250000000:examplebucket/*"' } },
  { name: 'bucket without slash', text: doc([stmt({ resource: [OBJ, BKT.slice(0, -1)] })]), code: 'bucket-without-slash', severity: 'warning', at: { needle: `"${BKT.slice(0, -1)}"` }, path: ['statement', 0, 'resource', 1] },
  { name: 'another bucket', text: doc([stmt({ resource: [OBJ.replace('examplebucket', 'otherbucket')] })]), code: 'resource-outside-bucket', severity: 'error', at: { needle: `"${OBJ.replace('examplebucket', 'otherbucket')}"` } },
  { name: 'another region', text: doc([stmt({ resource: [OBJ.replace('ap-guangzhou', 'ap-beijing')] })]), code: 'resource-outside-bucket', severity: 'error', at: { needle: `"${OBJ.replace('ap-guangzhou', 'ap-beijing')}"` } },
  { name: 'another product', text: doc([stmt({ resource: ['qcs::cvm:ap-guangzhou:uin/100000000001:instance/*'] })]), code: 'resource-outside-bucket', severity: 'error', at: { needle: '"qcs::cvm:ap-guangzhou:uin/100000000001:instance/*"' } },
  { name: 'GetObject on the bucket', text: doc([stmt({ resource: [BKT] })]), code: 'object-action-on-bucket-resource', severity: 'warning', at: { needle: '"name/cos:GetObject"' } },
  { name: 'GetBucket on a prefix', text: doc([stmt({ action: ['name/cos:GetBucket'], resource: [`${BKT}doc/*`] })]), code: 'bucket-action-on-object-resource', severity: 'warning', at: { needle: '"name/cos:GetBucket"' } },
  // statements
  { name: 'deny of Get* over an allow of GetObject', text: doc([stmt(), stmt({ effect: 'deny', action: ['name/cos:Get*'] })]), code: 'deny-shadows-allow', severity: 'warning', at: { needle: '"allow"' }, path: ['statement', 0, 'effect'] },
  { name: 'same statement twice', text: doc([stmt({ sid: 'a' }), stmt({ sid: 'b' })]), code: 'duplicate-statement', severity: 'warning', at: statementNode(stmt({ sid: 'b' })), path: ['statement', 1] },
  { name: 'narrower allow', text: doc([stmt({ resource: [`${BKT}doc/*`] }), stmt({ action: ['name/cos:Get*'] })]), code: 'redundant-statement', severity: 'suggestion', at: statementNode(stmt({ resource: [`${BKT}doc/*`] })), path: ['statement', 0] },
  // conditions
  { name: '_if_exists', text: doc([stmt({ condition: { string_equal_if_exists: { 'cos:versionid': 'v1' } } })]), code: 'unknown-operator', severity: 'error', at: { needle: '"string_equal_if_exists"' } },
  { name: 'numeric value "10MB"', text: doc([stmt({ action: ['name/cos:PutObject'], condition: { numeric_less_than: { 'cos:content-length': '10MB' } } })]), code: 'bad-condition-value', severity: 'error', at: { needle: '"10MB"' } },
  { name: 'bad CIDR', text: doc([stmt({ condition: { ip_equal: { 'qcs:ip': ['10.*.*.10/24'] } } })]), code: 'bad-condition-value', severity: 'error', at: { needle: '"10.*.*.10/24"' } },
  { name: 'unknown key', text: doc([stmt({ condition: { string_equal: { 'cos:referer': 'x' } } })]), code: 'unknown-condition-key', severity: 'warning', at: { needle: '"cos:referer"' } },
  { name: 'key in the wrong case', text: doc([stmt({ condition: { string_equal: { 'Cos:Host': 'x' } } })]), code: 'condition-key-case', severity: 'warning', at: { needle: '"Cos:Host"' } },
  { name: 'content-length on GetObject', text: doc([stmt({ condition: { numeric_less_than: { 'cos:content-length': 10 } } })]), code: 'condition-key-not-applicable', severity: 'warning', at: { needle: '"cos:content-length"' }, path: ['statement', 0, 'condition', 'numeric_less_than', 'cos:content-length'] },
  { name: 'versionid on Get*', text: doc([stmt({ action: ['name/cos:Get*'], condition: { string_equal: { 'cos:versionid': 'v1' } } })]), code: 'condition-on-wildcard-action', severity: 'warning', at: { needle: '"cos:versionid"' } },
  { name: 'private range', text: doc([stmt({ condition: { ip_equal: { 'qcs:ip': ['203.0.113.0/24', '192.168.1.0/24'] } } })]), code: 'private-ip-range', severity: 'warning', at: { needle: '"192.168.1.0/24"' }, path: ['statement', 0, 'condition', 'ip_equal', 'qcs:ip', 1] },
  { name: 'overlapping ranges', text: doc([stmt({ condition: { ip_not_equal: { 'qcs:ip': ['203.0.113.0/24', '198.51.100.7', '203.0.113.128/25'] } } })]), code: 'overlapping-ip-range', severity: 'warning', at: { needle: '"203.0.113.128/25"' } },
];

describe('lintPolicyText: every rule, with its severity and exact location', () => {
  it.each(CASES)('$code: $name', ({ text, code, severity, at, path }) => {
    const found = withCode(text, code);
    const where = expected(text, at);
    expect(found).toContainEqual(expect.objectContaining({ code, severity, ...where, ...(path ? { path } : {}) }));
    const f = found.find((x) => x.offset === where.offset);
    expect(f?.message).toMatch(/\S/);
    expect(f?.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('covers every finding code', () => {
    const codes = new Set(CASES.map((c) => c.code));
    // The union type is checked by the compiler; this list is checked against it here.
    const all: Record<PolicyFindingCode, true> = {
      'json-syntax': true, 'not-an-object': true, 'type-mismatch': true, 'empty-list': true, 'missing-version': true, 'bad-version': true,
      'missing-statement': true, 'statement-not-array': true, 'missing-effect': true, 'bad-effect': true, 'missing-action': true,
      'missing-resource': true, 'missing-principal': true, 'action-and-not-action': true, 'unknown-element': true,
      'unknown-top-level-element': true, 'duplicate-element': true, 'element-case': true, 'statement-too-large': true,
      'damaged-action': true, 'bad-action-format': true, 'unknown-action': true, 'wildcard-action': true,
      'bad-principal': true, 'principal-colon': true, 'principal-unrecognised': true, 'public-write': true, 'public-list': true,
      'public-without-condition': true, 'bad-resource': true, 'bucket-without-appid': true, 'bucket-without-slash': true,
      'resource-outside-bucket': true, 'object-action-on-bucket-resource': true, 'bucket-action-on-object-resource': true,
      'deny-shadows-allow': true, 'duplicate-statement': true, 'redundant-statement': true, 'unknown-operator': true,
      'bad-condition-value': true, 'unknown-condition-key': true, 'condition-key-case': true, 'condition-key-not-applicable': true,
      'condition-on-wildcard-action': true, 'private-ip-range': true, 'overlapping-ip-range': true,
    };
    expect([...codes].sort()).toEqual(Object.keys(all).sort());
  });

  it('reports nothing on a clean policy, PascalCase-free, with a narrow anonymous read', () => {
    expect(lint(doc([stmt()]))).toEqual([]);
    const publicRead = doc([stmt({ principal: anyone, condition: { ip_equal: { 'qcs:ip': ['203.0.113.0/24'] } } })]);
    expect(lint(publicRead)).toEqual([]);
  });

  it('places a finding on the exact line and columns (literal fixture)', () => {
    const text = [
      '{',
      '  "version": "2.0",',
      '  "statement": [{',
      '    "effect": "allow",',
      `    "principal": {"qcs": ["${SUB}"]},`,
      '    "action": ["name/cos>GetObject"],',
      `    "resource": ["${OBJ}"]`,
      '  }]',
      '}',
    ].join('\n');
    const [f] = withCode(text, 'damaged-action');
    expect(f).toMatchObject({ startLine: 6, startColumn: 16, endLine: 6, endColumn: 36, offset: 153, length: 20, path: ['statement', 0, 'action', 0] });
    expect(text.slice(153, 173)).toBe('"name/cos>GetObject"');
  });

  it('counts lines after \\r\\n and a lone \\r as Monaco does', () => {
    const text = '{\r\n  "version": "1.0",\r  "statement": []\r\n}';
    const [f] = withCode(text, 'bad-version');
    expect(f).toMatchObject({ startLine: 2, startColumn: 14, endLine: 2, endColumn: 19 });
    const map = new LineMap('a\r\nb\rc\nd');
    expect([0, 3, 5, 7].map((o) => map.position(o))).toEqual([1, 2, 3, 4].map((line) => ({ line, column: 1 })));
  });

  it('a statement spanning lines has its end on a later line', () => {
    const text = doc([stmt({ sid: 'a' }), stmt({ sid: 'a' })]);
    const [f] = withCode(text, 'duplicate-statement');
    expect(f && f.endLine - f.startLine).toBe(inDoc(stmt({ sid: 'a' })).split('\n').length - 1);
    expect(f?.endColumn).toBe(6); // the closing brace at four spaces of indentation
  });

  it('stops at syntax errors: a broken text gets no schema findings', () => {
    const found = lint('{"statement": [{"effect": "allow",}]}');
    expect(found.map((f) => f.code)).toEqual(['json-syntax']);
  });

  it('sorts findings by position, then severity', () => {
    const found = lint(doc([stmt({ principal: anyone, action: ['name/cos:*'] })]));
    const offsets = found.map((f) => f.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    const onAction = found.filter((f) => f.path.join('/') === 'statement/0/action/0').map((f) => f.code);
    expect(onAction).toEqual(['public-write', 'wildcard-action']);
  });

  it('reports a finding on a policy-level principal once, not once per statement', () => {
    const text = JSON.stringify({ version: '2.0', principal: '*', statement: [without(stmt(), 'principal'), without(stmt({ action: ['name/cos:HeadObject'] }), 'principal')] }, null, 2);
    const found = withCode(text, 'public-without-condition');
    expect(found).toEqual([expect.objectContaining({ ...expected(text, { needle: '"*"' }), path: ['principal'] })]);
  });

  it('a deny with a condition does not shadow; a narrower deny does not either', () => {
    expect(withCode(doc([stmt(), stmt({ effect: 'deny', condition: { ip_equal: { 'qcs:ip': '203.0.113.0/24' } } })]), 'deny-shadows-allow')).toEqual([]);
    expect(withCode(doc([stmt(), stmt({ effect: 'deny', resource: [`${BKT}secret/*`] })]), 'deny-shadows-allow')).toEqual([]);
    expect(withCode(doc([stmt(), stmt({ effect: 'deny', principal: { qcs: [SUB.replace('11', '12')] } })]), 'deny-shadows-allow')).toEqual([]);
  });

  it('public rules leave a named principal and a deny alone', () => {
    const named = doc([stmt({ action: ['name/cos:PutObject', 'name/cos:GetBucket'] })]);
    expect(lint(named).filter((f) => f.severity === 'security-warning')).toEqual([]);
    const deny = doc([stmt({ effect: 'deny', principal: '*', action: ['name/cos:*'] })]);
    expect(lint(deny).filter((f) => f.severity === 'security-warning')).toEqual([]);
  });

  it('a statement slightly over 4095 bytes only in its whitespace offers compaction; one over in content does not', () => {
    const padded = stmt({ resource: Array.from({ length: 40 }, (_, i) => `${BKT}dir${i}/*`) });
    const text = doc([padded]).replace(/\n {8}"/g, `\n${' '.repeat(60)}"`);
    const [f] = withCode(text, 'statement-too-large');
    expect(f?.fix).toBeDefined();
    expect(withCode(doc([stmt({ sid: bigSid })]), 'statement-too-large')[0]?.fix).toBeUndefined();
  });
});

interface FixCase {
  readonly name: string;
  readonly text: string;
  readonly code: PolicyFindingCode;
  /** What the fixed text must contain. */
  readonly contains: string;
}

const FIXES: readonly FixCase[] = [
  { name: 'version 1.0 → 2.0', text: doc([stmt()], { version: '1.0' }), code: 'bad-version', contains: '"version": "2.0"' },
  { name: 'add version', text: doc([stmt()], {}), code: 'missing-version', contains: '"version": "2.0"' },
  { name: 'add version to {}', text: '{}', code: 'missing-version', contains: '{"version": "2.0"}' },
  { name: 'Statement → statement', text: doc([stmt()]).replace('"statement"', '"Statement"'), code: 'element-case', contains: '"statement": [' },
  { name: 'NotAction → not_action', text: doc([without(stmt({ NotAction: ['name/cos:DeleteObject'] }), 'action')]), code: 'element-case', contains: '"not_action"' },
  { name: 'wrap statement in []', text: JSON.stringify({ version: '2.0', statement: stmt() }, null, 2), code: 'statement-not-array', contains: '"statement": [{' },
  { name: 'name/cos> → name/cos:', text: doc([stmt({ action: ['name/cos>DeleteObject'] })]), code: 'damaged-action', contains: '"name/cos:DeleteObject"' },
  { name: 'GetObject → name/cos:GetObject', text: doc([stmt({ action: 'GetObject' })]), code: 'bad-action-format', contains: '"action": "name/cos:GetObject"' },
  { name: 'PutObjekt → PutObject', text: doc([stmt({ action: ['name/cos:GetObject', 'name/cos:PutObjekt'] })]), code: 'unknown-action', contains: '"name/cos:PutObject"' },
  { name: 'cos:getobject → cos:GetObject', text: doc([stmt({ action: ['cos:getobject'] })]), code: 'unknown-action', contains: '"cos:GetObject"' },
  { name: 'qcs:cam:: → qcs::cam::', text: doc([stmt({ principal: { qcs: ['qcs:cam::uin/100000000001:uin/100000000011'] } })]), code: 'principal-colon', contains: `"${SUB}"` },
  { name: 'qcs::cam:uin → qcs::cam::uin', text: doc([stmt({ principal: { qcs: ['qcs::cam:uin/100000000001:uin/100000000011'] } })]), code: 'principal-colon', contains: `"${SUB}"` },
  { name: 'uin/ → uid/ in a resource', text: doc([stmt({ resource: [OBJ.replace('uid/', 'uin/')] })]), code: 'bad-resource', contains: `"${OBJ}"` },
  { name: 'add -APPID to the bucket', text: doc([stmt({ resource: ['qcs::cos:ap-guangzhou:uid/1250000000:examplebucket/*'] })]), code: 'bucket-without-appid', contains: `"${OBJ}"` },
  { name: 'region of the bucket', text: doc([stmt({ resource: [OBJ.replace('ap-guangzhou', 'ap-beijing')] })]), code: 'resource-outside-bucket', contains: `"${OBJ}"` },
  { name: 'remove the duplicate (last)', text: doc([stmt({ sid: 'a' }), stmt({ sid: 'b' })]), code: 'duplicate-statement', contains: '"sid": "a"' },
  { name: 'remove the duplicate (middle)', text: doc([stmt({ sid: 'a' }), stmt({ sid: 'b' }), stmt({ sid: 'c', effect: 'deny', action: ['name/cos:DeleteObject'] })]), code: 'duplicate-statement', contains: '"sid": "c"' },
  { name: 'remove the redundant (first)', text: doc([stmt({ resource: [`${BKT}doc/*`] }), stmt({ action: ['name/cos:Get*'] })]), code: 'redundant-statement', contains: '"name/cos:Get*"' },
  { name: '_if_exists → _if_exist', text: doc([stmt({ condition: { string_equal_if_exists: { 'cos:versionid': 'v1' } } })]), code: 'unknown-operator', contains: '"string_equal_if_exist"' },
  { name: 'Cos:Host → cos:host', text: doc([stmt({ condition: { string_equal: { 'Cos:Host': 'x' } } })]), code: 'condition-key-case', contains: '"cos:host"' },
  {
    name: 'compact an oversized statement',
    text: doc([stmt({ resource: Array.from({ length: 40 }, (_, i) => `${BKT}dir${i}/*`) })]).replace(/\n {8}"/g, `\n${' '.repeat(60)}"`),
    code: 'statement-too-large', contains: `"resource":["${BKT}dir0/*"`,
  },
];

describe('quick fixes: applying the edits removes the finding', () => {
  it.each(FIXES)('$code: $name', ({ text, code, contains }) => {
    const before = withCode(text, code);
    expect(before).toHaveLength(1);
    const fix = before[0]?.fix;
    expect(fix?.title).toMatch(/\S/);
    expect(fix?.titleZh).toMatch(/[\u4e00-\u9fff"]/);
    const fixed = applyEdits(text, fix?.edits ?? []);
    expect(fixed).toContain(contains);
    expect(() => JSON.parse(fixed) as unknown).not.toThrow();
    expect(withCode(fixed, code)).toEqual([]);
  });
});
