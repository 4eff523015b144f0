import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CosTarget } from './config';
import { contentSecurityPolicy, cosSources, securityHeaders, templateSource } from './security-headers';

const local: CosTarget = {
  mode: 'local', secretId: 'AKID', secretKey: 'k', ip: '127.0.0.1:9000', browserDomain: 'http://127.0.0.1:9000/{Bucket}',
  browserServiceDomain: 'http://127.0.0.1:9000', protocol: 'http:', defaultRegion: 'ap-guangzhou',
};
const cloud: CosTarget = { mode: 'cloud', secretId: 'AKID', secretKey: 'k', browserDomain: '', protocol: 'https:', defaultRegion: 'ap-guangzhou' };

describe('COS sources of the CSP', () => {
  it.each([
    ['local mode', local, ['http://127.0.0.1:9000', 'http://*.localhost:9000']],
    ['cloud mode', cloud, ['https://*.myqcloud.com', 'https://*.tencentcos.cn']],
    ['cloud mode behind production hostnames mapped to cos-local', { ...cloud, ip: '127.0.0.1:9443' }, ['https://*.myqcloud.com', 'https://*.tencentcos.cn', 'https://127.0.0.1:9443', 'https://*.localhost:9443']],
    // COS_DOMAIN replaces the default hosts: the CSP allows exactly what the template produces.
    ['a custom domain template', { ...cloud, browserDomain: 'https://{Bucket}.files.example.com' }, ['https://*.files.example.com']],
    ['the internal endpoint template', { ...cloud, browserDomain: '{Bucket}.cos-internal.{Region}.tencentcos.cn' }, ['https://*.tencentcos.cn']],
    ['a template with allowed regions', { ...cloud, browserDomain: '{Bucket}.cos-internal.{Region}.tencentcos.cn', allowedRegions: ['ap-guangzhou', 'ap-shanghai'] },
      ['https://*.cos-internal.ap-guangzhou.tencentcos.cn', 'https://*.cos-internal.ap-shanghai.tencentcos.cn']],
    ['a private endpoint and service domain', { ...cloud, browserDomain: 'https://cos.example.internal/{Bucket}', browserServiceDomain: 'https://cos.example.internal', allowedRegions: ['ap-guangzhou'] },
      ['https://cos.example.internal']],
    ['an http private endpoint (COS_ALLOW_HTTP)', { ...cloud, browserDomain: 'http://cos.example.internal:8080/{Bucket}' }, ['http://cos.example.internal:8080']],
    ['the default hosts with allowed regions', { ...cloud, allowedRegions: ['ap-guangzhou', 'cn-south'] }, ['https://*.cos.ap-guangzhou.myqcloud.com', 'https://*.cn-south.myqcloud.com']],
  ])('%s', (_case, target, expected) => {
    expect(cosSources(target)).toEqual(expected);
  });

  it.each([
    ['http://127.0.0.1:9000/{Bucket}', 'http:', 'http://127.0.0.1:9000'],
    ['{Bucket}.cos.{Region}.myqcloud.com', 'https:', 'https://*.myqcloud.com'],
    ['https://cdn.example.com', 'http:', 'https://cdn.example.com'],
    // Never wider than two fixed labels: `*.com` would allow the whole TLD.
    ['https://{Bucket}.com', 'https:', ''],
    ['{Bucket}', 'https:', ''],
    ['', 'https:', ''],
  ] as const)('template %s → %s', (template, protocol, expected) => {
    expect(templateSource(template, protocol)).toBe(expected);
  });
});

describe('the policy', () => {
  it('allows no inline or foreign script, no framing, no plugins', () => {
    const csp = contentSecurityPolicy(cloud);
    const directives = new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(directives.get('connect-src')).toEqual(["'self'", 'https://*.myqcloud.com', 'https://*.tencentcos.cn']);
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('allows in connect-src, img-src and media-src only the template\'s hosts', () => {
    const csp = contentSecurityPolicy({ ...cloud, browserDomain: '{Bucket}.cos.{Region}.myqcloud.com', allowedRegions: ['ap-shanghai'] });
    for (const directive of ['connect-src', 'img-src', 'media-src']) {
      const sources = csp.split('; ').find((d) => d.startsWith(`${directive} `))?.split(' ') ?? [];
      expect(sources).toContain('https://*.cos.ap-shanghai.myqcloud.com');
      expect(sources.filter((x) => /myqcloud|tencentcos/.test(x))).toEqual(['https://*.cos.ap-shanghai.myqcloud.com']);
    }
  });

  it('sends HSTS only over HTTPS', () => {
    expect(securityHeaders(local, { https: false })['strict-transport-security']).toBeUndefined();
    expect(securityHeaders(local, { https: true })['strict-transport-security']).toBe('max-age=31536000');
  });
});

// The CSP forbids inline script, so the SPA's page must have none. Vite builds dist/index.html from
// the root index.html and emits module files only, so the source is checked here (always present,
// also in a fresh clone before the build); e2e/security.spec.ts checks the built page for CSP
// violations in Chromium.
const root = resolve(import.meta.dirname, '../..');
describe('the SPA page (index.html)', () => {
  it('has no inline <script>, inline event handler or javascript: URL', () => {
    for (const page of [join(root, 'index.html'), ...(existsSync(join(root, 'dist', 'index.html')) ? [join(root, 'dist', 'index.html')] : [])]) {
      const html = readFileSync(page, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes = '', body = ''] of scripts) {
        expect(attributes, page).toMatch(/\bsrc=/);
        expect(body.trim(), page).toBe('');
      }
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/javascript:/i);
    }
  });
});
