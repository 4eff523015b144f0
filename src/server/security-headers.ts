// Security headers on every response of the console server, so a page cannot be framed, run
// injected script or talk to anything but this server and COS.
//
// CSP: no inline script and nothing from another origin except COS, which the browser calls directly
// (listing, object operations, uploads, previews: docs/architecture.md "How a request flows"). Inline
// *styles* are allowed because
// the UI library (TDesign) positions popups and sets sizes through style attributes; that does not
// allow running code. `worker-src 'self' blob:` leaves room for Monaco's workers, loaded from our own
// bundle (nothing is loaded from a CDN: docs/architecture.md "Rules the code keeps"). Vite's build has
// no inline <script>
// (security-headers.test.ts checks dist/index.html when it exists).
//
// Referrer-Policy is `strict-origin`: a request from the console to COS carries the console's origin
// only — never its path, which holds bucket names and prefixes — and nothing on an HTTPS→HTTP
// downgrade. `no-referrer` would make every pre-signed download or preview look like "no referer" to
// COS hotlink protection (docs/cos-behaviour.md "Hotlink protection"), so admins would have to allow
// empty referers on
// protected buckets, weakening them for everyone; with the origin they can allow just the console.
import type { CosTarget } from './config';

/** Regions whose default bucket host has no `cos.` label (cos-js-sdk-v5 1.10.1 src/base.js getUrl). */
const LEGACY_REGIONS = new Set(['cn-south', 'cn-south-2', 'cn-north', 'cn-east', 'cn-southwest', 'sg']);

/** The COS origins the browser talks to, as CSP sources. */
export function cosSources(cos: CosTarget): string[] {
  const out = new Set<string>();
  const regions = cos.allowedRegions;
  if (cos.mode === 'cloud' && cos.browserDomain === '') {
    if (regions) {
      // The SDK's default bucket host of each allowed region, nothing wider (src/base.js getUrl).
      for (const r of regions) out.add(LEGACY_REGIONS.has(r) ? `https://*.${r}.myqcloud.com` : `https://*.cos.${r}.myqcloud.com`);
    } else {
      // Default COS hosts: <bucket>.cos.<region>.myqcloud.com, service.cos.myqcloud.com, and the newer
      // tencentcos.cn domain the SDKs switch to (cos-js-sdk-v5 1.10.1 src/base.js, AutoSwitchHost).
      out.add('https://*.myqcloud.com');
      out.add('https://*.tencentcos.cn');
    }
  }
  if (cos.ip) {
    const port = cos.ip.split(':').at(-1) ?? '';
    const suffix = /^\d+$/.test(port) ? `:${port}` : '';
    // cos-local: path-style on the address itself, or virtual-hosted `<bucket>.cos.<region>.localhost`,
    // which Chromium resolves to loopback (docs/cos-behaviour.md "Addressing and endpoints").
    out.add(`${cos.protocol}//${cos.ip}`);
    out.add(`${cos.protocol}//*.localhost${suffix}`);
  }
  for (const template of [cos.browserDomain, cos.browserServiceDomain]) {
    for (const source of templateSources(template ?? '', cos.protocol, regions)) out.add(source);
  }
  return [...out];
}

/**
 * A template's sources; with allowed regions, `{Region}` is filled with each of them, so
 * `{Bucket}.cos.{Region}.myqcloud.com` allows `https://*.cos.ap-guangzhou.myqcloud.com`, not all of
 * myqcloud.com.
 */
export function templateSources(template: string, protocol: CosTarget['protocol'], regions?: readonly string[]): string[] {
  const filled = regions && template.includes('{Region}') ? regions.map((r) => template.replaceAll('{Region}', r)) : [template];
  return [...new Set(filled.map((t) => templateSource(t, protocol)).filter((s) => s !== ''))];
}

/**
 * A cos-js-sdk-v5 `Domain` template (`http://127.0.0.1:9000/{Bucket}`,
 * `{Bucket}.cos.{Region}.example.com`) as a CSP source: placeholders in the host become a leading
 * wildcard, the only kind CSP has. '' when there is no usable host (config-domain.ts refuses such
 * templates at start).
 */
export function templateSource(template: string, protocol: CosTarget['protocol']): string {
  if (template === '') return '';
  const withProtocol = /^https?:\/\//.test(template) ? template : `${protocol}//${template}`;
  const match = /^(https?:)\/\/([^/?#]+)/.exec(withProtocol);
  if (!match) return '';
  const [, scheme, hostPort = ''] = match;
  const labels = hostPort.split('.');
  let last = -1;
  labels.forEach((label, i) => {
    if (label.includes('{')) last = i;
  });
  if (last === -1) return `${scheme}//${hostPort}`;
  const rest = labels.slice(last + 1);
  // Never widen to `*.com`-like sources: a template must keep at least two fixed labels.
  if (rest.length < 2 || rest.some((l) => l.includes('}'))) return '';
  return `${scheme}//*.${rest.join('.')}`;
}

export function contentSecurityPolicy(cos: CosTarget): string {
  const cosList = cosSources(cos).join(' ');
  const directives: [string, string][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['worker-src', "'self' blob:"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['frame-ancestors', "'none'"],
    ['form-action', "'self'"],
    ['img-src', `'self' data: blob: ${cosList}`],
    ['media-src', `'self' blob: ${cosList}`],
    ['connect-src', `'self' ${cosList}`],
    ['style-src', "'self' 'unsafe-inline'"],
    ['font-src', "'self' data:"],
  ];
  return directives.map(([name, value]) => `${name} ${value.trim()}`).join('; ');
}

export function securityHeaders(cos: CosTarget, options: { https: boolean }): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(cos),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    // Only when the console is served over HTTPS (its own TLS listener, or SECURE_COOKIES behind a
    // TLS-terminating proxy): over plain HTTP the header is ignored anyway, and sending it from a
    // test setup would be misleading.
    ...(options.https ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  };
}
