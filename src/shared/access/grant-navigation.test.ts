import { describe, expect, it } from 'vitest';
import { allows, browseScopeOf, folderActions, landingPrefixes, shareCheck, UNRESTRICTED, type BrowseScope } from './grant-navigation';
import type { Grant } from './grants';

const PHOTOS = 'photos-1250000000';
const DOCS = 'documents-1250000000';

const grants: Grant[] = [
  { bucket: PHOTOS, prefix: '2025/', permissions: ['list', 'read'] },
  { bucket: PHOTOS, prefix: 'team/', permissions: ['list', 'read', 'write', 'delete', 'share'] },
  // Inside team/: reachable from it, so not offered on its own.
  { bucket: PHOTOS, prefix: 'team/inbox/', permissions: ['list'] },
  // Upload-only: a drop box cannot be listed, so it is no entry point.
  { bucket: PHOTOS, prefix: 'dropbox/', permissions: ['write'] },
  { bucket: DOCS, prefix: '', permissions: ['list', 'read', 'write'] },
];
const restricted = browseScopeOf(grants);

describe('browseScopeOf', () => {
  it.each<[string, Grant[] | undefined, BrowseScope]>([
    ['no grants at all (admin, API key): unrestricted', undefined, UNRESTRICTED],
    ['an empty list: restricted to nothing', [], { kind: 'grants', grants: [] }],
    ['grants', grants, { kind: 'grants', grants }],
  ])('%s', (_case, input, scope) => {
    expect(browseScopeOf(input)).toEqual(scope);
  });
});

describe('landingPrefixes', () => {
  it.each<[string, BrowseScope, string, string[]]>([
    ['unrestricted: the bucket root', UNRESTRICTED, PHOTOS, ['']],
    ['listable grants, sorted, the nested and unlistable left out', restricted, PHOTOS, ['2025/', 'team/']],
    ['a whole-bucket grant', restricted, DOCS, ['']],
    ['a bucket without grants', restricted, 'logs-1250000000', []],
    ['no grants', browseScopeOf([]), PHOTOS, []],
    ['the whole bucket swallows every prefix', browseScopeOf([{ bucket: PHOTOS, prefix: 'a/', permissions: ['list'] }, { bucket: PHOTOS, prefix: '', permissions: ['list'] }]), PHOTOS, ['']],
    ['the same prefix twice', browseScopeOf([{ bucket: PHOTOS, prefix: 'a/', permissions: ['list'] }, { bucket: PHOTOS, prefix: 'a/', permissions: ['list', 'read'] }]), PHOTOS, ['a/']],
    // 'a/' does not lead 'ab/': both are entry points.
    ['siblings sharing characters', browseScopeOf([{ bucket: PHOTOS, prefix: 'ab/', permissions: ['list'] }, { bucket: PHOTOS, prefix: 'a/', permissions: ['list'] }]), PHOTOS, ['a/', 'ab/']],
  ])('%s', (_case, scope, bucket, expected) => {
    expect(landingPrefixes(scope, bucket)).toEqual(expected);
  });
});

describe('allows', () => {
  it.each<[string, string, string, 'list' | 'read' | 'write', boolean]>([
    ['the granted prefix itself', PHOTOS, '2025/', 'list', true],
    ['a folder below it', PHOTOS, '2025/summer/', 'list', true],
    ['the bucket root above it', PHOTOS, '', 'list', false],
    ['the prefix without its slash', PHOTOS, '2025', 'list', false],
    ['a permission the grant lacks', PHOTOS, '2025/', 'write', false],
    ['another grant of the bucket gives it', PHOTOS, 'team/x.txt', 'write', true],
    ['a grant of another bucket does not count', 'logs-1250000000', '2025/', 'list', false],
    ['a whole-bucket grant covers the root', DOCS, '', 'write', true],
  ])('%s', (_case, bucket, path, permission, expected) => {
    expect(allows(restricted, bucket, path, permission)).toBe(expected);
    expect(allows(UNRESTRICTED, bucket, path, permission)).toBe(true);
  });
});

describe('folderActions', () => {
  it.each<[string, string, string, ReturnType<typeof folderActions>]>([
    ['read-only folder: no upload, no delete', PHOTOS, '2025/summer/',
      { list: { allowed: true }, upload: { allowed: false, missing: 'write' }, delete: { allowed: false, missing: 'delete' } }],
    ['a folder with every permission', PHOTOS, 'team/',
      { list: { allowed: true }, upload: { allowed: true }, delete: { allowed: true } }],
    ['a nested grant adds nothing the outer one lacks, and takes nothing away', PHOTOS, 'team/inbox/',
      { list: { allowed: true }, upload: { allowed: true }, delete: { allowed: true } }],
    ['outside every grant', PHOTOS, '',
      { list: { allowed: false, missing: 'list' }, upload: { allowed: false, missing: 'write' }, delete: { allowed: false, missing: 'delete' } }],
    ['a drop box: upload without listing', PHOTOS, 'dropbox/',
      { list: { allowed: false, missing: 'list' }, upload: { allowed: true }, delete: { allowed: false, missing: 'delete' } }],
    ['whole bucket with list, read, write', DOCS, 'any/',
      { list: { allowed: true }, upload: { allowed: true }, delete: { allowed: false, missing: 'delete' } }],
  ])('%s', (_case, bucket, prefix, expected) => {
    expect(folderActions(restricted, bucket, prefix)).toEqual(expected);
  });

  it('allows everything to an unrestricted scope', () => {
    expect(folderActions(UNRESTRICTED, PHOTOS, '')).toEqual({ list: { allowed: true }, upload: { allowed: true }, delete: { allowed: true } });
  });
});

describe('shareCheck', () => {
  it.each<[string, string, ReturnType<typeof shareCheck>]>([
    ['a file under a grant with share', 'team/report.pdf', { allowed: true }],
    ['a file under a grant without it', '2025/summer/beach.png', { allowed: false, missing: 'share' }],
    ['a file outside every grant', 'README.md', { allowed: false, missing: 'share' }],
  ])('%s', (_case, key, expected) => {
    expect(shareCheck(restricted, PHOTOS, key)).toEqual(expected);
    expect(shareCheck(UNRESTRICTED, PHOTOS, key)).toEqual({ allowed: true });
  });
});
