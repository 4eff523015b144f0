import { describe, expect, it } from 'vitest';
import { parseRange } from './range';

describe('parseRange (size 10)', () => {
  it.each([
    [undefined, { kind: 'none' }],
    ['bytes=0-4', { kind: 'range', range: { start: 0, end: 4 } }],
    ['bytes=5-', { kind: 'range', range: { start: 5, end: 9 } }],
    ['bytes=-3', { kind: 'range', range: { start: 7, end: 9 } }],
    ['bytes=-30', { kind: 'range', range: { start: 0, end: 9 } }],
    ['bytes=8-100', { kind: 'range', range: { start: 8, end: 9 } }],
    ['bytes=9-9', { kind: 'range', range: { start: 9, end: 9 } }],
    ['bytes=10-', { kind: 'unsatisfiable' }],
    ['bytes=10-20', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['bytes=5-2', { kind: 'none' }],
    ['bytes=0-1,3-4', { kind: 'none' }],
    ['items=0-1', { kind: 'none' }],
    ['bytes=-', { kind: 'none' }],
  ])('%s', (header, expected) => {
    expect(parseRange(header, 10)).toEqual(expected);
  });

  it('nothing is satisfiable in an empty object', () => {
    expect(parseRange('bytes=0-0', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-1', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});
