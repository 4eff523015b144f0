// Accounts of cos-local: CAM in miniature (docs/cos-behaviour.md "Accounts").
// `--accounts FILE` replaces the default single account with this JSON:
// { "accounts": [ { "uin", "appId", "secretId", "secretKey", "subUsers": [ { "uin", "name",
//   "secretId", "secretKey", "policies": [ … ] } ] } ] }
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export interface SubUser {
  uin: string;
  name: string;
  secretId: string;
  secretKey: string;
  /** CAM policy documents, kept as given (evaluated by the policy engine, later). */
  policies: readonly unknown[];
}

export interface Account {
  uin: string;
  appId: string;
  secretId: string;
  secretKey: string;
  subUsers: SubUser[];
}

export interface AccountsFile {
  accounts: Account[];
}

export const DEFAULT_UIN = '100000000001';
export const DEFAULT_APPID = '1250000000';

/** The default single-account file: root UIN 100000000001, APPID 1250000000. */
export function defaultAccounts(secretId: string, secretKey: string): AccountsFile {
  return { accounts: [{ uin: DEFAULT_UIN, appId: DEFAULT_APPID, secretId, secretKey, subUsers: [] }] };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomText(length: number): string {
  // 248 = 62 * 4: rejecting bytes ≥ 248 keeps the alphabet uniform.
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) if (b < 248 && out.length < length) out += ALNUM[b % 62];
  }
  return out;
}

/** A fresh key pair shaped like Tencent Cloud's (`AKID` + 32, and 32 characters). */
export function generateKeyPair(): { secretId: string; secretKey: string } {
  return { secretId: `AKID${randomText(32)}`, secretKey: randomText(32) };
}

export type AccountsResult = { ok: true; value: AccountsFile } | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function str(o: Obj, key: string, where: string, errors: string[], pattern?: RegExp): string {
  const v = o[key];
  if (typeof v !== 'string' || v === '') errors.push(`${where}.${key} must be a non-empty string`);
  else if (pattern && !pattern.test(v)) errors.push(`${where}.${key} must match ${String(pattern)}`);
  return typeof v === 'string' ? v : '';
}

function parseSubUser(v: unknown, where: string, errors: string[]): SubUser {
  if (!isObj(v)) {
    errors.push(`${where} must be an object`);
    return { uin: '', name: '', secretId: '', secretKey: '', policies: [] };
  }
  const policies = v['policies'] ?? [];
  if (!Array.isArray(policies)) errors.push(`${where}.policies must be an array`);
  return {
    uin: str(v, 'uin', where, errors, /^\d+$/),
    name: str(v, 'name', where, errors),
    secretId: str(v, 'secretId', where, errors),
    secretKey: str(v, 'secretKey', where, errors),
    policies: Array.isArray(policies) ? (policies as unknown[]) : [],
  };
}

function parseAccount(v: unknown, where: string, errors: string[]): Account {
  if (!isObj(v)) {
    errors.push(`${where} must be an object`);
    return { uin: '', appId: '', secretId: '', secretKey: '', subUsers: [] };
  }
  const subs = v['subUsers'] ?? [];
  if (!Array.isArray(subs)) errors.push(`${where}.subUsers must be an array`);
  return {
    uin: str(v, 'uin', where, errors, /^\d+$/),
    appId: str(v, 'appId', where, errors, /^\d+$/),
    secretId: str(v, 'secretId', where, errors),
    secretKey: str(v, 'secretKey', where, errors),
    subUsers: Array.isArray(subs) ? subs.map((s, i) => parseSubUser(s, `${where}.subUsers[${i}]`, errors)) : [],
  };
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => v !== '' && (seen.has(v) ? true : (seen.add(v), false)));
}

/** Validates the accounts JSON: shapes, and unique UINs, APPIDs and SecretIds. */
export function parseAccounts(json: unknown): AccountsResult {
  const errors: string[] = [];
  if (!isObj(json) || !Array.isArray(json['accounts'])) return { ok: false, errors: ['the file must be { "accounts": [ … ] }'] };
  const accounts = json['accounts'].map((a, i) => parseAccount(a, `accounts[${i}]`, errors));
  if (accounts.length === 0) errors.push('at least one account is required');
  const users = accounts.flatMap((a) => a.subUsers);
  for (const d of duplicates([...accounts.map((a) => a.uin), ...users.map((u) => u.uin)])) errors.push(`UIN ${d} is used twice`);
  for (const d of duplicates(accounts.map((a) => a.appId))) errors.push(`APPID ${d} is used twice`);
  for (const d of duplicates([...accounts.map((a) => a.secretId), ...users.map((u) => u.secretId)])) errors.push(`SecretId ${d} is used twice`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { accounts } };
}

/** Reads and validates an accounts file; throws with every problem listed. */
export async function loadAccountsFile(path: string): Promise<AccountsFile> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read accounts file ${path}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const parsed = parseAccounts(json);
  if (!parsed.ok) throw new Error(`invalid accounts file ${path}:\n  ${parsed.errors.join('\n  ')}`);
  return parsed.value;
}
