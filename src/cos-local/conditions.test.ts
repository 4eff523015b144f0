import { describe, expect, it } from 'vitest';
import { evaluateConditions } from './conditions';

const etag = '"0cc175b9c0f1b6a831c399e269772661"';
const lm = Date.UTC(2024, 0, 2, 3, 4, 5);
const before = new Date(lm - 1000).toUTCString();
const at = new Date(lm).toUTCString();

describe('evaluateConditions', () => {
  it.each([
    ['no condition', {}, 'proceed'],
    ['If-Match equal', { 'if-match': etag }, 'proceed'],
    ['If-Match unquoted', { 'if-match': '0cc175b9c0f1b6a831c399e269772661' }, 'proceed'],
    ['If-Match other', { 'if-match': '"x"' }, 'precondition-failed'],
    ['If-Match *', { 'if-match': '*' }, 'proceed'],
    ['If-Unmodified-Since before', { 'if-unmodified-since': before }, 'precondition-failed'],
    ['If-Unmodified-Since at', { 'if-unmodified-since': at }, 'proceed'],
    ['If-None-Match equal', { 'if-none-match': `"x", ${etag}` }, 'not-modified'],
    ['If-None-Match other', { 'if-none-match': '"x"' }, 'proceed'],
    ['If-Modified-Since at', { 'if-modified-since': at }, 'not-modified'],
    ['If-Modified-Since before', { 'if-modified-since': before }, 'proceed'],
    ['If-None-Match wins over If-Modified-Since', { 'if-none-match': '"x"', 'if-modified-since': at }, 'proceed'],
    ['unparsable date is ignored', { 'if-modified-since': 'yesterday' }, 'proceed'],
  ])('%s → %s', (_name, headers, expected) => {
    expect(evaluateConditions(headers, etag, lm)).toBe(expected);
  });
});
