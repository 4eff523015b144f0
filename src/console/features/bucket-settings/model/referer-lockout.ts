// Would a hotlink configuration refuse this console's own previews, downloads and share links?
// They are pre-signed URLs, and hotlink protection judges pre-signed URLs by their Referer (only
// requests signed in the Authorization header are exempt: docs/cos-behaviour.md "Hotlink protection
// (referer)"). The console's pages send their origin as the Referer (Referrer-Policy strict-origin,
// src/server/security-headers.ts), so a preview carries `<console origin>/`; a share link opened from
// the address bar, a chat app or a mail client carries none. Both are judged with the evaluator
// cos-local enforces (src/shared/referer/explain.ts).
import { explainReferer, type RefererExplanation } from '../../../../shared/referer/explain';
import type { RefererConfiguration } from '../../../../shared/xml/referer';
import { MAX_REFERER_DOMAINS } from './referer-form';

export type LockoutFix =
  /** Allow-list without the console: add its host (with its port, so only this console is let through). */
  | { kind: 'add'; entry: string }
  /** Block-list naming the console: remove the entry that blocks it. */
  | { kind: 'remove'; index: number; entry: string };

export interface LockoutCheck {
  /** The Referer the console's previews and downloads send. */
  consoleReferer: string;
  console: RefererExplanation;
  /** A share link opened with no Referer. */
  direct: RefererExplanation;
  /** Whether anything the console relies on would be refused. */
  blocks: boolean;
  /** What would let the console's own requests through, when they are refused by the domain list. */
  fix?: LockoutFix;
}

/** The lock-out check of `config` for a console served at `origin` (e.g. `https://console.example.com`). */
export function lockoutCheck(config: RefererConfiguration, origin: string): LockoutCheck {
  const consoleReferer = `${origin.replace(/\/+$/, '')}/`;
  const console = explainReferer(config, consoleReferer);
  const direct = explainReferer(config, undefined);
  let fix: LockoutFix | undefined;
  if (!console.allowed) {
    const decided = console.decidedBy;
    if (decided.kind === 'domain' && config.refererType === 'Black-List') fix = { kind: 'remove', index: decided.index, entry: decided.entry };
    else if (decided.kind === 'no-domain-hit' && (config.domains ?? []).length < MAX_REFERER_DOMAINS) fix = { kind: 'add', entry: hostOf(origin) };
  }
  return { consoleReferer, console, direct, blocks: !console.allowed || !direct.allowed, ...(fix ? { fix } : {}) };
}

/** `host[:port]` of an origin, lower-cased; the origin itself when it is not a URL. */
function hostOf(origin: string): string {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return origin.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
  }
}
