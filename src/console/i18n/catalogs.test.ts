import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

/** Every leaf of a catalog as [dotted key, value]. */
function leaves(node: unknown, path = ''): [string, unknown][] {
  if (typeof node !== 'object' || node === null) return [[path, node]];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

const catalogs = { en, 'zh-CN': zhCN };

describe('i18n catalogs', () => {
  it('en and zh-CN have the same keys', () => {
    const keys = (c: unknown) => leaves(c).map(([k]) => k).sort();
    expect(keys(zhCN)).toEqual(keys(en));
  });

  it.each(Object.entries(catalogs))('%s has only non-empty strings', (_lang, catalog) => {
    const bad = leaves(catalog).filter(([, v]) => typeof v !== 'string' || v.trim() === '');
    expect(bad).toEqual([]);
  });

  it.each(Object.entries(catalogs))('%s uses the same {{variables}} per key as en', (_lang, catalog) => {
    const vars = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const enValues = new Map(leaves(en));
    const mismatched = leaves(catalog).filter(([k, v]) => JSON.stringify(vars(v)) !== JSON.stringify(vars(enValues.get(k))));
    expect(mismatched).toEqual([]);
  });

  it('the accessibility names the e2e tests rely on are exact', () => {
    expect([en.app.productName, en.auth.username, en.auth.password, en.auth.signIn, en.auth.signOut, en.buckets.title]).toEqual([
      'COS Console', 'Username', 'Password', 'Sign in', 'Sign out', 'Buckets',
    ]);
    expect([zhCN.app.productName, zhCN.auth.username, zhCN.auth.password, zhCN.auth.signIn, zhCN.auth.signOut, zhCN.buckets.title]).toEqual([
      'COS 控制台', '用户名', '密码', '登录', '退出登录', '存储桶列表',
    ]);
    expect(en.auth.errors.invalidCredentials).toBe('Incorrect username or password');
    expect(zhCN.auth.errors.invalidCredentials).toBe('用户名或密码错误');
    expect([en.objects.breadcrumbLabel, zhCN.objects.breadcrumbLabel]).toEqual(['Breadcrumb', '面包屑导航']);
    expect([en.language.label, zhCN.language.label]).toEqual(['Language / 语言', 'Language / 语言']);
  });
});
