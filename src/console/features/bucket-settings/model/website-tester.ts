// The redirect tester: what the website endpoint answers for a path under the draft configuration,
// decided by routeWebsite (src/shared/website/route.ts), the same code cos-local's website host serves
// with. routeWebsite asks whether keys exist and whether an anonymous reader may read them; the
// tester learns existence from HEAD Object (signed with the console user's authority, so it says
// nothing about anonymous access) and takes readability from the user's own statement ("objects are
// public-read"), because the ACL and policy evaluation behind an anonymous read is not the console's
// to repeat (docs/cos-behaviour.md "Static website": website reads are anonymous GET Object).
import { routeWebsite, type WebsiteDecision, type WebsiteObjectState, type WebsiteScheme } from '../../../../shared/website/route';
import type { WebsiteConfiguration } from '../../../../shared/xml/website';

export interface TesterRequest {
  /** The path as typed: `/docs/a.html`, `docs/a.html`, `/` (a query or fragment is ignored). */
  path: string;
  host: string;
  scheme: WebsiteScheme;
}

/** The path as a request: percent-encoded as a browser would send it, and the key it names. */
export function testerPathRequest(req: TesterRequest): { key: string; rawPath: string; host: string; scheme: WebsiteScheme } {
  const bare = req.path.trim().split(/[?#]/)[0] ?? '';
  const withSlash = bare.startsWith('/') ? bare : `/${bare}`;
  let key: string;
  try {
    key = decodeURIComponent(withSlash).slice(1);
  } catch {
    key = withSlash.slice(1);
  }
  const rawPath = `/${key.split('/').map(encodeURIComponent).join('/')}`;
  return { key, rawPath, host: req.host, scheme: req.scheme };
}

/** What the tester knows of a key: its existence from HEAD Object (undefined: not asked yet). */
export type KnownKeys = ReadonlyMap<string, boolean>;

export type TesterResult =
  | { kind: 'decided'; decision: WebsiteDecision }
  /** The decision needs these keys' existence first. */
  | { kind: 'needs'; keys: string[] };

/**
 * Evaluates the draft with what is known; when routeWebsite asks about a key not yet known, returns
 * the keys to look up (the caller HEADs them and evaluates again: at most a few rounds, one per
 * lookup routeWebsite makes).
 */
export function evaluateTester(config: WebsiteConfiguration, req: TesterRequest, known: KnownKeys, publicRead: boolean): TesterResult {
  const missing: string[] = [];
  const lookup = (key: string): WebsiteObjectState => {
    const exists = known.get(key);
    if (exists === undefined) {
      if (!missing.includes(key)) missing.push(key);
      return { exists: false, readable: true };
    }
    // A private bucket refuses an anonymous read whether or not the key exists (403 before 404).
    return { exists, readable: publicRead };
  };
  const decision = routeWebsite(config, testerPathRequest(req), lookup);
  return missing.length > 0 ? { kind: 'needs', keys: missing } : { kind: 'decided', decision };
}
