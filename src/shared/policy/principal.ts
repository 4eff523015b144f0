// Principals: `qcs::cam::uin/<root>:uin/<sub>` (root: both UINs equal) and `qcs::cam::anyone:anyone`
// [seed 000 L200, L9683]; seed-digest §0.1 and §1.3 "Principal formats seen".

export const ANYONE = 'qcs::cam::anyone:anyone';

const KNOWN = /^qcs::cam::uin\/\d+:(uin|groupid|roleName)\/[^\s]+$/;

export type PrincipalNormalisation =
  | { readonly ok: true; readonly principal: string; readonly note?: 'single-colon' | 'unrecognised' }
  | { readonly ok: false; readonly message: string };

/**
 * Normalises one principal string. `qcs::cam:uin/…` (one colon, §12 quirk 1, e.g. [seed 000 L405,
 * L2360]) becomes `qcs::cam::uin/…`; `*` (qcloud-cos-sts getPolicy writes `{qcs: '*'}`) is anyone.
 * Unrecognised strings are kept as given (DESIGN.md §4: principals not in the accounts file are stored
 * and returned as given) and match only themselves.
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
 * cross-account delegation (tencentcloud 436/35240, 436/32971; [seed 000 L3708-3776]): a grant to
 * root B reaches B's sub-user B0 when B also authorises B0 — `viaAccountRoot` turns that on, and
 * `authorize` uses it only for a sub-user of another account.
 */
export function principalMatches(statementPrincipals: readonly string[], requester: string, viaAccountRoot = false): boolean {
  const req = normalisePrincipal(requester);
  const who = req.ok ? req.principal : requester;
  const root = viaAccountRoot ? accountRootOf(who) : undefined;
  return statementPrincipals.some((p) => p === ANYONE || p === who || (root !== undefined && p === root));
}
