// The hotlink-protection editor's state ↔ the bucket's RefererConfiguration (PUT Bucket referer,
// https://cloud.tencent.com/document/product/436/32492; GET 436/32493), with the rules of COS's own
// console checked per entry ("设置防盗链", https://cloud.tencent.com/document/product/436/13319):
// at most 10 entries, each a domain or an IP, optionally with a port, `*` as a wildcard
// (`*.example.com` also covers `example.com`); no scheme (the match ignores it, so `https://` would
// suggest a restriction that does not exist). The matching itself is src/shared/referer/match.ts.
// COS has no DELETE for this setting: "off" is Status Disabled, and the list is kept so that the
// protection can be switched on again (docs/cos-behaviour.md "Hotlink protection (referer)").
import type { RefererConfiguration } from '../../../../shared/xml/referer';

export type ListType = 'White-List' | 'Black-List';
export type EmptyRefererChoice = 'Allow' | 'Deny';

export interface RefererDomainRow {
  /** Stable React key for the row; never sent. */
  id: string;
  value: string;
}

export interface RefererForm {
  enabled: boolean;
  listType: ListType;
  domains: RefererDomainRow[];
  emptyReferer: EmptyRefererChoice;
}

/** The COS console's limit (436/13319: "支持设置最多10条域名"). */
export const MAX_REFERER_DOMAINS = 10;

/** i18n keys under `bucketSettings.hotlink.errors`. */
export type DomainProblem = 'empty' | 'scheme' | 'path' | 'space' | 'port' | 'host' | 'ip' | 'duplicate';
export type ListProblem = 'tooMany' | 'noDomains';

export interface RefererFormProblems {
  /** Same order as the form's rows; undefined where the row is fine. */
  domains: (DomainProblem | undefined)[];
  list?: ListProblem;
}

let nextRowId = 0;
export function newDomainRow(value = ''): RefererDomainRow {
  nextRowId += 1;
  return { id: `referer-row-${nextRowId}`, value };
}

/** The editor's state for what COS holds (null: never configured, shown as off with an empty allow-list). */
export function formFromConfig(config: RefererConfiguration | null): RefererForm {
  if (!config) return { enabled: false, listType: 'White-List', domains: [], emptyReferer: 'Deny' };
  return {
    enabled: config.status === 'Enabled',
    listType: config.refererType === 'Black-List' ? 'Black-List' : 'White-List',
    domains: (config.domains ?? []).map((d) => newDomainRow(d)),
    // Absent means Deny (436/32492: "默认值为 Deny").
    emptyReferer: config.emptyReferConfiguration === 'Allow' ? 'Allow' : 'Deny',
  };
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const LABEL = /^[a-z0-9*]([a-z0-9*-]*[a-z0-9*])?$/i;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Why one entry would not be accepted, or undefined when it is a valid entry. */
export function domainProblem(raw: string): DomainProblem | undefined {
  const entry = raw.trim();
  if (entry === '') return 'empty';
  if (SCHEME.test(entry) || entry.includes('://')) return 'scheme';
  if (/\s/.test(entry)) return 'space';
  // An entry may end in a path, which the Referer's path must start with (`www.qq.com/example`, PUT
  // Bucket referer 436/31423; src/shared/referer/match.ts); a query or fragment never matches.
  if (/[?#]/.test(entry) || entry.startsWith('/')) return 'path';
  const slash = entry.indexOf('/');
  const hostPort = slash < 0 ? entry : entry.slice(0, slash);
  let port: string | undefined;
  if (hostPort.startsWith('[')) {
    // An IPv6 literal, as a Referer carries it: [2001:db8::1]:8080.
    const close = hostPort.indexOf(']');
    if (close < 0 || !/^\[[0-9a-f:.]+\]$/i.test(hostPort.slice(0, close + 1))) return 'ip';
    const after = hostPort.slice(close + 1);
    if (after !== '') {
      if (!after.startsWith(':')) return 'host';
      port = after.slice(1);
    }
  } else {
    const colon = hostPort.indexOf(':');
    const host = colon >= 0 ? hostPort.slice(0, colon) : hostPort;
    if (colon >= 0) port = hostPort.slice(colon + 1);
    if (IPV4.test(host)) {
      if (host.split('.').some((octet) => Number(octet) > 255)) return 'ip';
    } else {
      // Domain names: labels of letters, digits and hyphens; `*` anywhere is the wildcard.
      const labels = host.split('.');
      if (host === '' || labels.some((l) => !LABEL.test(l))) return 'host';
    }
  }
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) return 'port';
  return undefined;
}

/** Every problem of the form as it stands; `ok` when it can be saved. */
export function formProblems(form: RefererForm): RefererFormProblems & { ok: boolean } {
  const seen = new Set<string>();
  const domains = form.domains.map((row): DomainProblem | undefined => {
    const problem = domainProblem(row.value);
    if (problem) return problem;
    const key = row.value.trim().toLowerCase();
    if (seen.has(key)) return 'duplicate';
    seen.add(key);
    return undefined;
  });
  let list: ListProblem | undefined;
  if (form.domains.length > MAX_REFERER_DOMAINS) list = 'tooMany';
  // COS refuses Status Enabled without a domain (tencentcloud 436/32466; src/shared/xml/referer.ts).
  else if (form.enabled && form.domains.length === 0) list = 'noDomains';
  const ok = list === undefined && domains.every((p) => p === undefined);
  return { domains, ...(list ? { list } : {}), ok };
}

/**
 * The configuration the form stands for, whether or not it is valid (the tester and the lock-out
 * check judge the draft as it is typed): entries trimmed, blank ones left out. Where the form leaves
 * a value as it was — EmptyReferConfiguration absent and still Deny — it stays absent, so an
 * unchanged form gives back exactly what COS holds.
 */
export function draftConfig(form: RefererForm, original: RefererConfiguration | null): RefererConfiguration {
  const domains = form.domains.map((r) => r.value.trim()).filter((d) => d !== '');
  const config: RefererConfiguration = { status: form.enabled ? 'Enabled' : 'Disabled', refererType: form.listType };
  // An empty DomainList is refused as malformed; with no entry (possible only while off) leave it out.
  if (domains.length > 0) config.domains = domains;
  const keepAbsent = original !== null && original.emptyReferConfiguration === undefined && form.emptyReferer === 'Deny';
  if (!keepAbsent) config.emptyReferConfiguration = form.emptyReferer;
  return config;
}

export type ConfigResult = { ok: true; value: RefererConfiguration } | { ok: false; problems: RefererFormProblems };

/** The configuration to PUT, or the problems that keep the form from being saved. */
export function configFromForm(form: RefererForm, original: RefererConfiguration | null): ConfigResult {
  const { ok, ...problems } = formProblems(form);
  return ok ? { ok: true, value: draftConfig(form, original) } : { ok: false, problems };
}

/** Whether the form differs from what COS holds (nothing to save otherwise); a blank new row counts. */
export function formChanged(form: RefererForm, original: RefererConfiguration | null): boolean {
  const a = draftConfig(form, original);
  const rows = JSON.stringify(form.domains.map((r) => r.value.trim()));
  if (original === null) return form.enabled || form.domains.length > 0 || form.emptyReferer !== 'Deny' || form.listType !== 'White-List';
  return (
    a.status !== original.status ||
    a.refererType !== original.refererType ||
    a.emptyReferConfiguration !== original.emptyReferConfiguration ||
    rows !== JSON.stringify(original.domains ?? [])
  );
}
