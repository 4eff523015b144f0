// Hotlink protection: does a Referer hit a configured domain entry, and does the bucket's
// RefererConfiguration let the request through. Rules, from "Hotlink Protection Practice"
// (https://www.tencentcloud.com/document/product/436/32466), "Setting Hotlink Protection" (436/13319) and PUT
// Bucket referer (436/32492, 436/31423):
// - entries are domain names or IPs, optionally with a port and a path, one per entry; the match is a
//   prefix match that ignores the scheme: `example.com` hits `https://example.com`,
//   `http://example.com` and `example.com/123`;
// - an entry without a port hits every port (`example.com` hits `example.com:8080`); an entry with a
//   port hits only that port (`example.com:8080` does not hit `example.com`);
// - `*` is a wildcard; `*.example.com` hits `example.com`, `b.example.com` and `a.b.example.com`
//   (all three: tencentcloud 436/32466); a path in the entry (`www.qq.com/example`, 436/31423) is a
//   prefix of the Referer's path;
// - Black-List refuses a hit, White-List refuses a miss (403, 436/13319); an empty Referer (direct
//   navigation sends none, tencentcloud 436/32466) is decided by EmptyReferConfiguration, default
//   Deny (436/31423).
// Hosts compare case-insensitively and as whole labels (`example.com` does not hit
// `example.com.evil.org`): every documented example is host-based.
import type { RefererConfiguration } from '../xml/referer';

interface Address {
  host: string;
  port?: string;
  /** From the first `/` on ('' when none); query and fragment dropped. */
  path: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

function parseAddress(text: string): Address {
  const rest = text.trim().replace(SCHEME, '');
  const end = rest.search(/[/?#]/);
  const authority = end < 0 ? rest : rest.slice(0, end);
  const tail = end < 0 ? '' : rest.slice(end);
  const path = tail.startsWith('/') ? tail.replace(/[?#].*$/, '') : '';
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1).toLowerCase();
  if (hostPort.startsWith('[')) {
    // IPv6 literal: [::1]:8080
    const close = hostPort.indexOf(']');
    const after = hostPort.slice(close + 1);
    const host = hostPort.slice(0, close + 1);
    return after.startsWith(':') && after.length > 1 ? { host, port: after.slice(1), path } : { host, path };
  }
  const colon = hostPort.lastIndexOf(':');
  if (colon < 0) return { host: hostPort, path };
  const port = hostPort.slice(colon + 1);
  return port === '' ? { host: hostPort.slice(0, colon), path } : { host: hostPort.slice(0, colon), port, path };
}

const escapeRegExp = (s: string): string => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** `*.` at the start also matches no label (the apex); any other `*` matches within the host. */
function hostPattern(pattern: string): RegExp {
  const apex = pattern.startsWith('*.');
  const body = (apex ? pattern.slice(2) : pattern).split('*').map(escapeRegExp).join('[^/:]*');
  return new RegExp(`^${apex ? '(?:[^/:]*\\.)?' : ''}${body}$`);
}

/** Whether a non-empty Referer hits one domain entry. */
export function refererHits(entry: string, referer: string): boolean {
  const want = parseAddress(entry);
  if (want.host === '') return false;
  const got = parseAddress(referer);
  if (!hostPattern(want.host).test(got.host)) return false;
  if (want.port !== undefined && want.port !== got.port) return false;
  return got.path.startsWith(want.path);
}

export type RefererVerdict = 'allow' | 'empty-denied' | 'black-listed' | 'not-white-listed';

/** What decided a verdict. */
export type RefererDecider =
  /** Status is not Enabled: hotlink protection is off. */
  | { kind: 'disabled' }
  /** No Referer: EmptyReferConfiguration decides (`defaulted` when it was not set, meaning Deny). */
  | { kind: 'empty-referer'; setting: 'Allow' | 'Deny'; defaulted: boolean }
  /** The first domain entry the Referer hits (a blocklist refuses it, an allowlist lets it through). */
  | { kind: 'domain'; index: number; entry: string }
  /** The Referer hits no entry (a blocklist lets it through, an allowlist refuses it). */
  | { kind: 'no-domain-hit' };

export interface RefererJudgement {
  verdict: RefererVerdict;
  decidedBy: RefererDecider;
}

/** The verdict on a request carrying `referer` (undefined or '' = none), with what decided it. */
export function judgeRefererDetailed(config: RefererConfiguration, referer: string | undefined): RefererJudgement {
  if (config.status !== 'Enabled') return { verdict: 'allow', decidedBy: { kind: 'disabled' } };
  const value = referer?.trim() ?? '';
  if (value === '') {
    const allow = config.emptyReferConfiguration === 'Allow';
    const decidedBy: RefererDecider = { kind: 'empty-referer', setting: allow ? 'Allow' : 'Deny', defaulted: config.emptyReferConfiguration === undefined };
    return { verdict: allow ? 'allow' : 'empty-denied', decidedBy };
  }
  const domains = config.domains ?? [];
  const index = domains.findIndex((d) => refererHits(d, value));
  const hit = index >= 0;
  const decidedBy: RefererDecider = hit ? { kind: 'domain', index, entry: domains[index] ?? '' } : { kind: 'no-domain-hit' };
  if (config.refererType === 'Black-List') return { verdict: hit ? 'black-listed' : 'allow', decidedBy };
  return { verdict: hit ? 'allow' : 'not-white-listed', decidedBy };
}

/** What the configuration says of a request carrying `referer` (undefined or '' = none). */
export function judgeReferer(config: RefererConfiguration, referer: string | undefined): RefererVerdict {
  return judgeRefererDetailed(config, referer).verdict;
}
