// Principals: `qcs::cam::uin/<root>:uin/<sub>` (root: both UINs equal) and `qcs::cam::anyone:anyone`
// (https://www.tencentcloud.com/document/product/436/12470 for the identifiers, https://www.tencentcloud.com/document/product/436/18023
// for `principal`; the forms we accept: docs/cos-behaviour.md "Principals").

export const ANYONE = 'qcs::cam::anyone:anyone';

const KNOWN = /^qcs::cam::uin\/\d+:(uin|groupid|roleName)\/[^\s]+$/;

export type PrincipalNormalisation =
  | { readonly ok: true; readonly principal: string; readonly note?: 'single-colon' | 'unrecognised' }
  | { readonly ok: false; readonly message: string };

/**
 * Normalises one principal string. `qcs::cam:uin/…` (one colon, as several examples in the COS
 * guides write it: docs/cos-behaviour.md "Traps in the policy documentation" 1) becomes
 * `qcs::cam::uin/…`; `*` (qcloud-cos-sts getPolicy writes `{qcs: '*'}`) is anyone. Unrecognised
 * strings are kept as given (principals not in the accounts file are stored and returned as given:
 * docs/cos-behaviour.md "How fidelity is judged") and match only themselves.
 */
export function normalisePrincipal(raw: string): PrincipalNormalisation {
  const s = raw.trim();
  if (s === '') return { ok: false, message: 'empty principal' };
  if (s === '*' || s === ANYONE) return { ok: true, principal: ANYONE };
  if (s.startsWith('qcs::cam:uin/')) return { ok: true, principal: `qcs::cam::${s.slice('qcs::cam:'.length)}`, note: 'single-colon' };
  return KNOWN.test(s) ? { ok: true, principal: s } : { ok: true, principal: s, note: 'unrecognised' };
}

/** `qcs::cam::uin/R:uin/R` for a root account. */
export function rootPrincipal(uin: string): string {
  return `qcs::cam::uin/${uin}:uin/${uin}`;
}

/** `qcs::cam::uin/R:uin/S` for a sub-user S of root R. */
export function subPrincipal(rootUin: string, uin: string): string {
  return `qcs::cam::uin/${rootUin}:uin/${uin}`;
}

/** The root principal a sub-user principal belongs to, or undefined (anonymous, root, other forms). */
export function accountRootOf(principal: string): string | undefined {
  const m = /^qcs::cam::uin\/(\d+):uin\/(\d+)$/.exec(principal);
  return m && m[1] !== m[2] ? rootPrincipal(m[1] ?? '') : undefined;
}

/**
 * Does a statement's principal list name the requester? `anyone` covers everybody, anonymous
 * included. A root principal covers the root only: COS's docs never say a root principal covers its
 * sub-users in the same account, so we do not let it (fail closed). The one documented exception is
 * cross-account delegation (tencentcloud 436/35240, 436/32971): a grant to
 * root B reaches B's sub-user B0 when B also authorises B0 — `viaAccountRoot` turns that on, and
 * `authorize` uses it only for a sub-user of another account.
 */
export function principalMatches(statementPrincipals: readonly string[], requester: string, viaAccountRoot = false): boolean {
  const req = normalisePrincipal(requester);
  const who = req.ok ? req.principal : requester;
  const root = viaAccountRoot ? accountRootOf(who) : undefined;
  return statementPrincipals.some((p) => p === ANYONE || p === who || (root !== undefined && p === root));
}
