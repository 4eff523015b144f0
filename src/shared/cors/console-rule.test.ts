import { describe, expect, it } from 'vitest';
import { consoleCorsRule, reachesConsole, withConsoleRule } from './console-rule';

const origin = 'https://console.example.com';

describe('the console CORS rule', () => {
  it('is missing from no configuration, and present once added', () => {
    expect(reachesConsole(undefined, origin)).toBe(false);
    const added = withConsoleRule(undefined, origin);
    expect(added.rules).toEqual([consoleCorsRule(origin)]);
    expect(reachesConsole(added, origin)).toBe(true);
    expect(reachesConsole(added, 'https://other.example.com')).toBe(false);
  });

  it.each([
    [{ allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'], allowedHeaders: ['*'], exposeHeaders: ['ETag'] }, true],
    [{ allowedOrigins: [origin], allowedMethods: ['GET', 'HEAD'], allowedHeaders: ['*'], exposeHeaders: ['ETag'] }, false],
    [{ allowedOrigins: [origin], allowedMethods: ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'], allowedHeaders: ['*'], exposeHeaders: [] }, false],
    [{ allowedOrigins: [origin], allowedMethods: ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'], allowedHeaders: ['content-type'], exposeHeaders: ['etag'] }, false],
  ])('judges an existing rule %#', (rule, expected) => {
    expect(reachesConsole({ rules: [rule] }, origin)).toBe(expected);
  });

  it('keeps existing rules first and ResponseVary as it was', () => {
    const existing = { rules: [{ allowedOrigins: ['https://a'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }], responseVary: 'true' };
    const added = withConsoleRule(existing, origin);
    expect(added.rules[0]).toEqual(existing.rules[0]);
    expect(added.responseVary).toBe('true');
  });
});
