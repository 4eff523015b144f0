import { describe, expect, it } from 'vitest';
import type { Grant } from './grants';
import { settingAccess } from './setting-access';

const B = 'photos-1250000000';
const g = (bucket: string, prefix: string, ...permissions: Grant['permissions']): Grant => ({ bucket, prefix, permissions });

describe('settingAccess', () => {
  it.each([
    ['an administrator or API key', undefined, 'cors', 'write'],
    ['settings on the whole bucket', [g(B, '', 'settings')], 'policy', 'write'],
    ['list on the whole bucket: read-only', [g(B, '', 'list', 'read')], 'cors', 'read'],
    ['list on the whole bucket: not the policy', [g(B, '', 'list')], 'policy', 'none'],
    ['list on the whole bucket: not the ACL', [g(B, '', 'list')], 'acl', 'none'],
    ['settings on a prefix only', [g(B, 'a/', 'settings', 'list')], 'cors', 'none'],
    ['settings on another bucket', [g('other-1250000000', '', 'settings')], 'website', 'none'],
    ['no grants', [], 'versioning', 'none'],
  ] as const)('%s', (_name, grants, setting, kind) => {
    expect(settingAccess(grants, B, setting).kind).toBe(kind);
  });

  it('names the missing permission', () => {
    expect(settingAccess([g(B, '', 'list')], B, 'cors')).toEqual({ kind: 'read', missing: 'settings' });
    expect(settingAccess([], B, 'cors')).toEqual({ kind: 'none', missing: 'settings' });
  });
});
