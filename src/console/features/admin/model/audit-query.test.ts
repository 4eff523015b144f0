import { describe, expect, it } from 'vitest';
import { auditParams, nextPage, parseAuditParams, previousPage, toApiQuery, withFilters, type AuditView } from './audit-query';

const parse = (qs: string) => parseAuditParams(new URLSearchParams(qs));

describe('parseAuditParams', () => {
  it.each([
    ['', { trail: [] }],
    ['actor=alice&event=login&outcome=failed', { actor: 'alice', event: 'login', outcome: 'failed', trail: [] }],
    ['actor=api-key%3AAKIDx', { actor: 'api-key:AKIDx', trail: [] }],
    ['outcome=maybe', { trail: [] }],
    ['actor=%20%20', { trail: [] }],
    [`actor=${'a'.repeat(301)}`, { trail: [] }],
    [`event=${'e'.repeat(65)}`, { trail: [] }],
    ['before=120&trail=0,300', { before: 120, trail: [0, 300] }],
    ['before=0', { trail: [] }],
    ['before=-3', { trail: [] }],
    ['before=1.5', { trail: [] }],
    ['before=abc', { trail: [] }],
    // A trail without a page is meaningless; a broken trail falls back to "previous = first page".
    ['trail=0,300', { trail: [] }],
    ['before=120&trail=x,3', { before: 120, trail: [0] }],
    ['before=120', { before: 120, trail: [] }],
  ])('%s', (qs, expected) => {
    expect(parse(qs)).toEqual(expected);
  });
});

describe('auditParams', () => {
  it('round-trips through the URL', () => {
    const view: AuditView = { actor: 'a b&c', event: 'user.update', outcome: 'refused', before: 42, trail: [0, 90] };
    const params = new URLSearchParams(Object.entries(auditParams(view)).flatMap(([k, v]) => (v === undefined ? [] : [[k, v]])));
    expect(parseAuditParams(params)).toEqual(view);
  });

  it('leaves out what is not set', () => {
    expect(auditParams({ trail: [] })).toEqual({ actor: undefined, event: undefined, outcome: undefined, before: undefined, trail: undefined });
  });
});

describe('paging', () => {
  it('goes forward and back to where it started', () => {
    const first: AuditView = { outcome: 'ok', trail: [] };
    const second = nextPage(first, 200);
    const third = nextPage(second, 100);
    expect(second).toEqual({ outcome: 'ok', before: 200, trail: [0] });
    expect(third).toEqual({ outcome: 'ok', before: 100, trail: [0, 200] });
    expect(previousPage(third)).toEqual(second);
    expect(previousPage(second)).toEqual(first);
    expect(previousPage(first)).toBeUndefined();
  });

  it('a page opened from a link without a trail goes back to the first page', () => {
    expect(previousPage(parse('before=50&actor=x'))).toEqual({ actor: 'x', trail: [] });
  });
});

describe('toApiQuery', () => {
  it('sends the filters, the cursor and the page size', () => {
    expect(toApiQuery({ actor: 'a', outcome: 'failed', before: 9, trail: [0] }, 25)).toEqual({ actor: 'a', outcome: 'failed', before: 9, limit: 25 });
    expect(toApiQuery({ trail: [] })).toEqual({ limit: 50 });
  });
});

describe('withFilters', () => {
  it('starts from the newest entry and drops empty filters', () => {
    expect(withFilters({ actor: ' alice ', event: '', outcome: 'ok' })).toEqual({ actor: 'alice', outcome: 'ok', trail: [] });
  });
});
