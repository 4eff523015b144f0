import { describe, expect, it } from 'vitest';
import { applyDocEdit, editDraft, readDoc, writeDoc, type DocEdit, type JsonObject } from './policy-doc';

const R = 'qcs::cos:ap-guangzhou:uid/1250000000:photos-1250000000';
const ALICE = 'qcs::cam::uin/100000000001:uin/100000000011';

/** A policy with everything the generator does not model: sid, unknown keys, PascalCase, lone strings, numbers. */
const RICH: { Version: string; comment: string; Statement: JsonObject[]; zzz: boolean } = {
  Version: '2.0',
  comment: 'kept',
  Statement: [
    {
      Sid: 'first',
      Effect: 'Allow',
      Principal: { qcs: 'qcs::cam::anyone:anyone' },
      Action: 'name/cos:GetObject',
      Resource: [`${R}/public/*`],
      extra: { nested: [1, 2] },
    },
    {
      sid: 'second',
      effect: 'deny',
      principal: { qcs: [ALICE] },
      action: ['name/cos:PutObject'],
      resource: `${R}/alice/*`,
      condition: { numeric_greater_than: { 'cos:content-length': 10 }, string_equal: { 'cos:x-cos-storage-class': ['STANDARD'] } },
    },
  ],
  zzz: true,
};
const RICH_TEXT = writeDoc(RICH);

describe('readDoc', () => {
  it.each([
    ['', true, 0],
    ['{"version":"2.0","statement":[]}', true, 0],
    [RICH_TEXT, true, 2],
    ['{"statement": {"effect":"allow","action":"x","resource":"*"}}', true, 1],
  ])('reads %j', (text, ok, count) => {
    const v = readDoc(text);
    expect(v.ok).toBe(ok);
    if (v.ok) expect(v.statements).toHaveLength(count);
  });

  it.each([
    ['{', 'invalid-json'],
    ['[1]', 'not-an-object'],
    ['{"statement": 3}', 'statement-not-list'],
  ])('refuses %j', (text, reason) => {
    const v = readDoc(text);
    expect(v.ok ? '' : v.reason).toBe(reason);
  });

  it('models both spellings, lone strings and numeric condition values', () => {
    const v = readDoc(RICH_TEXT);
    if (!v.ok) throw new Error('expected ok');
    expect(v.statements[0]).toMatchObject({ sid: 'first', effect: 'allow', principals: ['qcs::cam::anyone:anyone'], actions: ['name/cos:GetObject'], resources: [`${R}/public/*`] });
    expect(v.statements[1]?.conditions).toEqual([
      { operator: 'numeric_greater_than', key: 'cos:content-length', values: ['10'] },
      { operator: 'string_equal', key: 'cos:x-cos-storage-class', values: ['STANDARD'] },
    ]);
  });
});

describe('applyDocEdit: only the edited part changes', () => {
  const doc: JsonObject = RICH;
  const cases: { name: string; edit: DocEdit; expectStatement: (s: JsonObject[]) => void }[] = [
    {
      name: 'effect keeps the PascalCase key and its spelling style',
      edit: { kind: 'statement', index: 0, edit: { kind: 'effect', effect: 'deny' } },
      expectStatement: (s) => expect(s[0]).toEqual({ ...RICH.Statement[0], Effect: 'Deny' }),
    },
    {
      name: 'an action added to a lone string becomes a list',
      edit: { kind: 'statement', index: 0, edit: { kind: 'actions', actions: ['name/cos:GetObject', 'name/cos:HeadObject'] } },
      expectStatement: (s) => expect(s[0]?.['Action']).toEqual(['name/cos:GetObject', 'name/cos:HeadObject']),
    },
    {
      name: 'a resource edit keeps a lone string a lone string',
      edit: { kind: 'statement', index: 1, edit: { kind: 'resources', resources: [`${R}/bob/*`] } },
      expectStatement: (s) => expect(s[1]?.['resource']).toBe(`${R}/bob/*`),
    },
    {
      name: 'principals edit keeps the qcs object',
      edit: { kind: 'statement', index: 1, edit: { kind: 'principals', principals: [ALICE, 'qcs::cam::uin/100000000001:uin/100000000001'] } },
      expectStatement: (s) => expect(s[1]?.['principal']).toEqual({ qcs: [ALICE, 'qcs::cam::uin/100000000001:uin/100000000001'] }),
    },
    {
      name: 'a condition value changed: the other condition keeps its number',
      edit: { kind: 'statement', index: 1, edit: { kind: 'conditions', conditions: [
        { operator: 'numeric_greater_than', key: 'cos:content-length', values: ['10'] },
        { operator: 'string_equal', key: 'cos:x-cos-storage-class', values: ['STANDARD_IA'] },
      ] } },
      expectStatement: (s) => expect(s[1]?.['condition']).toEqual({ numeric_greater_than: { 'cos:content-length': 10 }, string_equal: { 'cos:x-cos-storage-class': ['STANDARD_IA'] } }),
    },
    {
      name: 'removing every condition drops the element',
      edit: { kind: 'statement', index: 1, edit: { kind: 'conditions', conditions: [] } },
      expectStatement: (s) => expect(Object.keys(s[1] ?? {})).toEqual(['sid', 'effect', 'principal', 'action', 'resource']),
    },
    {
      name: 'a condition on a new key lands in the Pascal statement as `Condition`',
      edit: { kind: 'statement', index: 0, edit: { kind: 'conditions', conditions: [{ operator: 'ip_equal', key: 'qcs:ip', values: ['10.0.0.0/8'] }] } },
      expectStatement: (s) => expect(s[0]?.['Condition']).toEqual({ ip_equal: { 'qcs:ip': ['10.0.0.0/8'] } }),
    },
    {
      name: 'a statement added at the end',
      edit: { kind: 'add', statements: [{ effect: 'allow', action: ['name/cos:GetObject'], resource: [`${R}/*`] }] },
      expectStatement: (s) => expect(s).toHaveLength(3),
    },
    {
      name: 'a statement removed, the others in order',
      edit: { kind: 'remove', index: 0 },
      expectStatement: (s) => expect(s.map((x) => x['sid'])).toEqual(['second']),
    },
  ];

  it.each(cases)('$name', ({ edit, expectStatement }) => {
    const out = applyDocEdit(doc, edit);
    // Unmodelled top-level fields and key order survive.
    expect(Object.keys(out)).toEqual(['Version', 'comment', 'Statement', 'zzz']);
    expect(out['comment']).toBe('kept');
    const statements = out['Statement'] as JsonObject[];
    expectStatement(statements);
    // The statement not edited is the very same object.
    if (edit.kind === 'statement') {
      const other = edit.index === 0 ? 1 : 0;
      expect(statements[other]).toBe(RICH.Statement[other]);
      const keys = Object.keys(RICH.Statement[edit.index] ?? {});
      // Keys keep their positions (new ones are appended).
      expect(Object.keys(statements[edit.index] ?? {}).slice(0, keys.length).filter((k) => keys.includes(k))).toEqual(keys.filter((k) => k in (statements[edit.index] ?? {})));
    }
    // The input is never mutated.
    expect(writeDoc(doc)).toBe(RICH_TEXT);
  });

  it('an edit that changes nothing gives back the same text', () => {
    expect(editDraft(RICH_TEXT, { kind: 'statement', index: 0, edit: { kind: 'effect', effect: 'allow' } })).toBe(RICH_TEXT);
    expect(editDraft(RICH_TEXT, { kind: 'statement', index: 0, edit: { kind: 'actions', actions: ['name/cos:GetObject'] } })).toBe(RICH_TEXT);
  });

  it('an empty draft becomes a version 2.0 policy with the added statement', () => {
    const out = editDraft('', { kind: 'add', statements: [{ effect: 'allow' }] });
    expect(JSON.parse(out ?? '')).toEqual({ version: '2.0', statement: [{ effect: 'allow' }] });
  });

  it('a draft that is not JSON is never rewritten', () => {
    expect(editDraft('{"version": ', { kind: 'remove', index: 0 })).toBeUndefined();
  });

  it('a single statement object stays a single object when edited', () => {
    const text = writeDoc({ version: '2.0', statement: { effect: 'allow', action: 'x', resource: '*' } });
    const out = JSON.parse(editDraft(text, { kind: 'statement', index: 0, edit: { kind: 'effect', effect: 'deny' } }) ?? '') as JsonObject;
    expect(out['statement']).toEqual({ effect: 'deny', action: 'x', resource: '*' });
  });

  it('not_action is edited where it is', () => {
    const text = writeDoc({ statement: [{ effect: 'deny', not_action: ['name/cos:GetObject'], resource: '*' }] });
    const v = readDoc(text);
    expect(v.ok && v.statements[0]?.actionMode).toBe('not_action');
    const out = JSON.parse(editDraft(text, { kind: 'statement', index: 0, edit: { kind: 'actions', actions: ['name/cos:HeadObject'] } }) ?? '') as { statement: JsonObject[] };
    expect(out.statement[0]).toEqual({ effect: 'deny', not_action: ['name/cos:HeadObject'], resource: '*' });
  });
});
