// What a console account may do with one bucket setting, decided the way /api/sign decides it
// (request-scope.ts SIGN_RULES): changing needs `settings` on the whole bucket; reading needs
// `settings`, or `list` on the whole bucket for every setting but the policy and the ACL. The console
// shows a section editable, read-only, or says which permission is missing; the server refuses the
// signature whatever the page shows.
import { SENSITIVE_SETTINGS, type TrackedSetting } from '../settings/names';
import type { Grant, Permission } from './grants';

export type SettingAccess =
  | { kind: 'write' }
  | { kind: 'read'; missing: 'settings' }
  | { kind: 'none'; missing: Permission };

const wholeBucket = (grants: readonly Grant[], bucket: string, permission: Permission): boolean =>
  grants.some((g) => g.bucket === bucket && g.prefix === '' && g.permissions.includes(permission));

/**
 * `grants` undefined: an administrator or an API-key session, which the console does not restrict
 * (COS decides for an API key, and its refusal is shown).
 */
export function settingAccess(grants: readonly Grant[] | undefined, bucket: string, setting: TrackedSetting): SettingAccess {
  if (grants === undefined) return { kind: 'write' };
  if (wholeBucket(grants, bucket, 'settings')) return { kind: 'write' };
  if (!SENSITIVE_SETTINGS.has(setting) && wholeBucket(grants, bucket, 'list')) return { kind: 'read', missing: 'settings' };
  return { kind: 'none', missing: 'settings' };
}
