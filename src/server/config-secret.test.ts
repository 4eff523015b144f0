import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('CONSOLE_SECRET', () => {
  it('is read as the base64 of 32 bytes', () => {
    const key = randomBytes(32);
    expect(loadConfig({ CONSOLE_SECRET: key.toString('base64') }).consoleSecret?.equals(key)).toBe(true);
    expect(loadConfig({}).consoleSecret).toBeUndefined();
  });

  it('refuses anything else at start, rather than running with a key it cannot use', () => {
    expect(() => loadConfig({ CONSOLE_SECRET: randomBytes(16).toString('base64') })).toThrow(ConfigError);
    expect(() => loadConfig({ CONSOLE_SECRET: 'correct horse battery staple' })).toThrow(/base64 of 32 random bytes/);
  });
});
