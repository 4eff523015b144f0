import { describe, expect, it } from 'vitest';
import type { WebsiteConfiguration } from '../xml/website';
import { autoAddressed, errorRule, indexTarget, keyPath, prefixRule, replacedKey } from './rules';

const config: WebsiteConfiguration = {
  indexDocument: { suffix: 'index.html' },
  autoAddressing: { status: 'Enabled' },
  routingRules: [
    { condition: { httpErrorCodeReturnedEquals: '403' }, redirect: { replaceKeyWith: 'pages/403.html' } },
    { condition: { keyPrefixEquals: 'article/' }, redirect: { protocol: 'https', replaceKeyPrefixWith: 'archived/' } },
    { condition: { keyPrefixEquals: 'art' }, redirect: { replaceKeyWith: 'art.html' } },
    { condition: { httpErrorCodeReturnedEquals: '404' }, redirect: { replaceKeyWith: 'pages/404.html' } },
  ],
};

describe('website rules (436/30617)', () => {
  it.each([
    ['', 'index.html'],
    ['dir/', 'dir/index.html'],
    ['a/b/', 'a/b/index.html'],
    ['dir', 'dir'],
    ['page.html', 'page.html'],
  ])('index target of %j is %j', (key, target) => {
    expect(indexTarget(key, 'index.html')).toBe(target);
  });

  it.each([
    ['about', 'about.html'],
    ['dir/about', 'dir/about.html'],
    ['about.html', undefined],
    ['dir/', undefined],
    ['', undefined],
  ])('AutoAddressing maps %j to %j', (key, target) => {
    expect(autoAddressed(config, key)).toBe(target);
    expect(autoAddressed({ ...config, autoAddressing: { status: 'Disabled' } }, key)).toBeUndefined();
  });

  it('takes the first prefix rule in document order, and error rules by status', () => {
    expect(prefixRule(config, 'article/2020/x.html')?.redirect.replaceKeyPrefixWith).toBe('archived/');
    expect(prefixRule(config, 'artwork.png')?.redirect.replaceKeyWith).toBe('art.html');
    expect(prefixRule(config, 'blog/x')).toBeUndefined();
    expect(errorRule(config, 404)?.redirect.replaceKeyWith).toBe('pages/404.html');
    expect(errorRule(config, 403)?.redirect.replaceKeyWith).toBe('pages/403.html');
    expect(errorRule({ indexDocument: { suffix: 'i' } }, 404)).toBeUndefined();
  });

  it('replaces the whole key or just the matched prefix', () => {
    const [byCode, byPrefix] = config.routingRules ?? [];
    if (!byCode || !byPrefix) throw new Error('fixture');
    expect(replacedKey(byPrefix, 'article/2020/x.html')).toBe('archived/2020/x.html');
    expect(replacedKey(byCode, 'anything')).toBe('pages/403.html');
  });

  it('encodes keys as URL paths segment by segment', () => {
    expect(keyPath('dir/a b/中.html')).toBe('/dir/a%20b/%E4%B8%AD.html');
    expect(keyPath('')).toBe('/');
  });
});
