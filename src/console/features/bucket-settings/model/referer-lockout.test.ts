import { describe, expect, it } from 'vitest';
import type { RefererConfiguration } from '../../../../shared/xml/referer';
import { lockoutCheck, type LockoutFix } from './referer-lockout';

const ORIGIN = 'http://127.0.0.1:3412';
const on = (refererType: string, domains: string[], emptyReferConfiguration?: string): RefererConfiguration => ({
  status: 'Enabled', refererType, domains, ...(emptyReferConfiguration ? { emptyReferConfiguration } : {}),
});

describe('lockoutCheck', () => {
  it.each<[string, RefererConfiguration, boolean, boolean, LockoutFix | undefined]>([
    // name, config, console allowed, direct (no Referer) allowed, fix
    ['allow-list without the console, Deny empty', on('White-List', ['allowed.localhost']), false, false, { kind: 'add', entry: '127.0.0.1:3412' }],
    ['allow-list naming the console host (any port)', on('White-List', ['127.0.0.1'], 'Allow'), true, true, undefined],
    ['allow-list naming another port of the console host', on('White-List', ['127.0.0.1:8080'], 'Allow'), false, true, { kind: 'add', entry: '127.0.0.1:3412' }],
    ['allow-list full: nothing can be added', on('White-List', Array.from({ length: 10 }, (_, i) => `d${i}.com`), 'Allow'), false, true, undefined],
    ['block-list naming the console', on('Black-List', ['a.com', '127.0.0.1:3412'], 'Allow'), false, true, { kind: 'remove', index: 1, entry: '127.0.0.1:3412' }],
    ['block-list of others, Deny empty: only direct links fail', on('Black-List', ['evil.com']), true, false, undefined],
    ['off', { ...on('White-List', ['allowed.localhost']), status: 'Disabled' }, true, true, undefined],
  ])('%s', (_name, config, consoleAllowed, directAllowed, fix) => {
    const c = lockoutCheck(config, ORIGIN);
    expect(c.consoleReferer).toBe('http://127.0.0.1:3412/');
    expect(c.console.allowed).toBe(consoleAllowed);
    expect(c.direct.allowed).toBe(directAllowed);
    expect(c.blocks).toBe(!consoleAllowed || !directAllowed);
    expect(c.fix).toEqual(fix);
  });

  it('the added entry lets the console through', () => {
    const config = on('White-List', ['allowed.localhost'], 'Allow');
    const fix = lockoutCheck(config, 'https://Console.Example.com').fix;
    expect(fix).toEqual({ kind: 'add', entry: 'console.example.com' });
    const fixed = { ...config, domains: [...(config.domains ?? []), fix?.kind === 'add' ? fix.entry : ''] };
    expect(lockoutCheck(fixed, 'https://console.example.com').blocks).toBe(false);
  });
});
