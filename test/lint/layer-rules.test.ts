// Proves the import rules (docs/import-rules.md): each case plants a file in a folder of src/ and lints
// it with the repository's own eslint.config.js. A violation must be reported by the rule that owns
// it, with the message of the zone it breaks; a compliant file must lint clean. The planted files
// exist only in memory (lintText), so the cases also cover folders that do not exist yet.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root }); // eslint.config.js of the repository, loaded once
});

interface Problem {
  rule: string | null;
  message: string;
}
async function lint(file: string, code: string): Promise<Problem[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => ({ rule: m.ruleId, message: m.message }));
}

const IMPORTS = 'local/allowed-imports';
// The message of each zone, enough of it to tell which zone refused.
const SHARED = 'src/shared is pure and isomorphic';
const CONSOLE = 'src/console may import only';
const SERVER = 'src/server may import only';
const COS_LOCAL = 'src/cos-local may import only';
const FEATURE = 'A console feature never imports another feature';
const FEATURES = 'A feature is below console/app';
const API = 'console/api (the HTTP client of the console server)';
const I18N = 'console/i18n may import only';
const COMPONENTS = 'console/components is below the features';
const COS = 'console/cos (the COS client)';
const SESSION = 'console/session (the signed-in session)';
const NAVIGATION = 'console/navigation (URL building)';

interface Violation {
  name: string;
  file: string;
  code: string;
  rule: string;
  /** Part of the expected message (for import rules: the refusing zone's message). */
  says: string;
}

const violations: Violation[] = [
  // src/shared: imports
  { name: 'shared imports node:fs', file: 'src/shared/policy/planted.ts', code: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n", rule: IMPORTS, says: SHARED },
  { name: 'shared imports fs (no node: prefix)', file: 'src/shared/policy/planted.ts', code: "import fs from 'fs';\nexport default fs;\n", rule: IMPORTS, says: SHARED },
  { name: 'shared imports react', file: 'src/shared/planted.ts', code: "import { useState } from 'react';\nexport const use = useState;\n", rule: IMPORTS, says: SHARED },
  { name: 'shared imports an unlisted package', file: 'src/shared/xml/planted.ts', code: "import pad from 'left-pad';\nexport default pad;\n", rule: IMPORTS, says: SHARED },
  { name: 'shared imports a package that only shares a prefix with a listed one', file: 'src/shared/xml/planted.ts', code: "import x from 'fast-xml-parser-extra';\nexport default x;\n", rule: IMPORTS, says: SHARED },
  { name: 'shared imports vitest outside a test file', file: 'src/shared/xml/planted.ts', code: "import { expect } from 'vitest';\nexport default expect;\n", rule: IMPORTS, says: SHARED },
  { name: 'shared imports ../../server/x', file: 'src/shared/policy/planted.ts', code: "import { x } from '../../server/x';\nexport default x;\n", rule: IMPORTS, says: SHARED },
  { name: 'shared reaches the server by a detour', file: 'src/shared/policy/planted.ts', code: "import { x } from '../../shared/../server/x';\nexport default x;\n", rule: IMPORTS, says: SHARED },
  { name: 'shared imports the server by a root path', file: 'src/shared/policy/planted.ts', code: "import { x } from '/src/server/x';\nexport default x;\n", rule: IMPORTS, says: SHARED },
  { name: 'shared imports a type from the console', file: 'src/shared/policy/planted.ts', code: "import type { Session } from '../../console/api/console-api';\nexport type S = Session;\n", rule: IMPORTS, says: SHARED },
  { name: 'shared names a server type inline', file: 'src/shared/policy/planted.ts', code: "export type S = import('../../server/x').S;\n", rule: IMPORTS, says: SHARED },
  { name: 'shared re-exports cos-local', file: 'src/shared/planted.ts', code: "export * from '../cos-local/app';\n", rule: IMPORTS, says: SHARED },
  { name: 'shared loads the server lazily', file: 'src/shared/planted.ts', code: "export const load = () => import('../server/app');\n", rule: IMPORTS, says: SHARED },
  { name: 'shared imports a computed specifier', file: 'src/shared/planted.ts', code: "export const load = (m: string) => import(m);\n", rule: IMPORTS, says: 'cannot be checked' },
  { name: 'shared references Node types', file: 'src/shared/planted.ts', code: '/// <reference types="node" />\nexport const a = 1;\n', rule: IMPORTS, says: SHARED },
  // src/shared: runtime globals
  { name: 'shared uses window', file: 'src/shared/planted.ts', code: 'export const href = window.location.href;\n', rule: 'no-undef', says: "'window' is not defined" },
  { name: 'shared uses document', file: 'src/shared/planted.ts', code: 'export const title = document.title;\n', rule: 'no-undef', says: "'document' is not defined" },
  { name: 'shared uses process', file: 'src/shared/planted.ts', code: 'export const env = process.env.HOME;\n', rule: 'no-undef', says: "'process' is not defined" },
  { name: 'shared uses Buffer', file: 'src/shared/planted.ts', code: "export const b = Buffer.from('x');\n", rule: 'no-undef', says: "'Buffer' is not defined" },
  { name: 'shared uses setTimeout', file: 'src/shared/planted.ts', code: 'export const later = (f: () => void) => setTimeout(f, 1);\n', rule: 'no-undef', says: "'setTimeout' is not defined" },
  { name: 'shared uses queueMicrotask', file: 'src/shared/planted.ts', code: 'export const soon = (f: () => void) => queueMicrotask(f);\n', rule: 'no-undef', says: "'queueMicrotask' is not defined" },
  { name: 'shared uses fetch', file: 'src/shared/planted.ts', code: "export const get = () => fetch('/x');\n", rule: 'no-undef', says: "'fetch' is not defined" },
  { name: 'shared uses localStorage', file: 'src/shared/planted.ts', code: "export const lang = () => localStorage.getItem('lang');\n", rule: 'no-undef', says: "'localStorage' is not defined" },
  { name: 'shared uses console', file: 'src/shared/planted.ts', code: "export const log = () => console.log('x');\n", rule: 'no-undef', says: "'console' is not defined" },
  { name: 'shared uses crypto', file: 'src/shared/planted.ts', code: 'export const random = () => crypto.randomUUID();\n', rule: 'no-undef', says: "'crypto' is not defined" },
  { name: 'shared names a DOM type', file: 'src/shared/planted.ts', code: 'export type E = HTMLElement;\n', rule: 'no-undef', says: "'HTMLElement' is not defined" },
  { name: 'shared goes through globalThis', file: 'src/shared/planted.ts', code: 'export const g = globalThis;\n', rule: 'no-restricted-globals', says: 'globalThis' },
  { name: 'shared declares a runtime global', file: 'src/shared/planted.ts', code: 'declare const window: { name: string };\nexport const n = window.name;\n', rule: 'no-restricted-syntax', says: 'ambient' },
  { name: 'shared declares global augmentations', file: 'src/shared/planted.ts', code: 'declare global {\n  interface Planted { x: number }\n}\nexport {};\n', rule: 'no-restricted-syntax', says: 'may not declare globals' },

  // the parts
  { name: 'server imports cos-local', file: 'src/server/planted.ts', code: "import { x } from '../cos-local/app';\nexport default x;\n", rule: IMPORTS, says: SERVER },
  { name: 'server imports the console', file: 'src/server/routes/planted.ts', code: "import { x } from '../../console/api/http';\nexport default x;\n", rule: IMPORTS, says: SERVER },
  { name: 'cos-local imports the server', file: 'src/cos-local/ops/planted.ts', code: "import { x } from '../../server/app';\nexport default x;\n", rule: IMPORTS, says: COS_LOCAL },
  { name: 'cos-local requires the server', file: 'src/cos-local/planted.ts', code: "export const app = require('../server/app');\n", rule: IMPORTS, says: COS_LOCAL },
  { name: 'console imports the server', file: 'src/console/app/planted.ts', code: "import { x } from '../../server/app';\nexport default x;\n", rule: IMPORTS, says: CONSOLE },
  { name: 'console imports cos-local', file: 'src/console/planted.ts', code: "import { x } from '../cos-local/app';\nexport default x;\n", rule: IMPORTS, says: CONSOLE },
  { name: 'console imports a Node built-in', file: 'src/console/cos/planted.ts', code: "import { readFile } from 'node:fs/promises';\nexport default readFile;\n", rule: IMPORTS, says: CONSOLE },
  { name: 'console imports a server library', file: 'src/console/app/planted.ts', code: "import Fastify from 'fastify';\nexport default Fastify;\n", rule: IMPORTS, says: CONSOLE },
  { name: 'console imports a folder not placed in the rules', file: 'src/console/features/buckets/planted.ts', code: "import { x } from '../../utils/x';\nexport default x;\n", rule: IMPORTS, says: CONSOLE },

  // inside the console
  { name: 'console/api imports a feature', file: 'src/console/api/planted.ts', code: "import { useLogin } from '../features/auth/hooks/use-login';\nexport default useLogin;\n", rule: IMPORTS, says: API },
  { name: 'console/api imports the app', file: 'src/console/api/planted.ts', code: "import { paths } from '../app/router';\nexport default paths;\n", rule: IMPORTS, says: API },
  { name: 'console/api imports cos', file: 'src/console/api/planted.ts', code: "import { x } from '../cos/cos-client';\nexport default x;\n", rule: IMPORTS, says: API },
  { name: 'console/api imports components', file: 'src/console/api/planted.ts', code: "import { x } from '../components/error-alert';\nexport default x;\n", rule: IMPORTS, says: API },
  { name: 'console/api imports the session', file: 'src/console/api/planted.ts', code: "import { x } from '../session/session-queries';\nexport default x;\n", rule: IMPORTS, says: API },
  { name: 'console/api imports React', file: 'src/console/api/planted.ts', code: "import { useState } from 'react';\nexport default useState;\n", rule: IMPORTS, says: API },
  { name: 'console/api imports React Query', file: 'src/console/api/planted.ts', code: "import { useQuery } from '@tanstack/react-query';\nexport default useQuery;\n", rule: IMPORTS, says: API },
  { name: 'a feature imports another feature', file: 'src/console/features/buckets/components/planted.tsx', code: "import { x } from '../../objects/model/object-rows';\nexport default x;\n", rule: IMPORTS, says: FEATURE },
  { name: 'a feature re-exports another feature', file: 'src/console/features/admin/planted.ts', code: "export { useLogin } from '../auth/hooks/use-login';\n", rule: IMPORTS, says: FEATURE },
  { name: 'a new feature imports another feature', file: 'src/console/features/not-yet-written/planted.ts', code: "import { x } from '../buckets/model/new-bucket';\nexport default x;\n", rule: IMPORTS, says: FEATURE },
  { name: 'a feature imports app/', file: 'src/console/features/auth/hooks/planted.ts', code: "import { x } from '../../../app/router';\nexport default x;\n", rule: IMPORTS, says: FEATURES },
  { name: 'a file loose in features/ imports app/', file: 'src/console/features/planted.ts', code: "import { x } from '../app/app';\nexport default x;\n", rule: IMPORTS, says: FEATURES },
  { name: 'i18n imports a feature', file: 'src/console/i18n/planted.ts', code: "import { x } from '../features/auth/model/login-error';\nexport default x;\n", rule: IMPORTS, says: I18N },
  { name: 'i18n imports components', file: 'src/console/i18n/planted.ts', code: "import { x } from '../components/language-select';\nexport default x;\n", rule: IMPORTS, says: I18N },
  { name: 'i18n imports tdesign-react beyond its locales', file: 'src/console/i18n/planted.ts', code: "import { Button } from 'tdesign-react';\nexport default Button;\n", rule: IMPORTS, says: I18N },
  { name: 'components import a feature', file: 'src/console/components/planted.tsx', code: "import { x } from '../features/buckets/components/bucket-table';\nexport default x;\n", rule: IMPORTS, says: COMPONENTS },
  { name: 'components import the app', file: 'src/console/components/planted.tsx', code: "import { x } from '../app/router';\nexport default x;\n", rule: IMPORTS, says: COMPONENTS },
  { name: 'cos imports a feature', file: 'src/console/cos/planted.ts', code: "import { x } from '../features/objects/hooks/upload-store';\nexport default x;\n", rule: IMPORTS, says: COS },
  { name: 'cos imports the session', file: 'src/console/cos/planted.ts', code: "import { x } from '../session/session-queries';\nexport default x;\n", rule: IMPORTS, says: COS },
  { name: 'session imports the auth feature (the old cycle)', file: 'src/console/session/planted.ts', code: "import { useLogin } from '../features/auth/hooks/use-login';\nexport default useLogin;\n", rule: IMPORTS, says: SESSION },
  { name: 'session imports the app', file: 'src/console/session/planted.ts', code: "import { x } from '../app/query-client';\nexport default x;\n", rule: IMPORTS, says: SESSION },
  { name: 'navigation imports the api', file: 'src/console/navigation/planted.ts', code: "import { x } from '../api/http';\nexport default x;\n", rule: IMPORTS, says: NAVIGATION },
];

interface Compliant {
  name: string;
  file: string;
  code: string;
}

const compliant: Compliant[] = [
  {
    name: 'shared: itself, the pure packages and ECMAScript/isomorphic globals',
    file: 'src/shared/policy/planted.ts',
    code: [
      "import { hmac } from '@noble/hashes/hmac.js';",
      "import { XMLParser } from 'fast-xml-parser';",
      "import { Type } from '@sinclair/typebox';",
      "import { parsePolicy } from './parse';",
      "import type { Grant } from '../access/grants';",
      'export const parts = [hmac, XMLParser, Type, parsePolicy];',
      'export type G = Grant;',
      "export const bytes: Uint8Array = new TextEncoder().encode('x');",
      'export const text = new TextDecoder().decode(bytes);',
      'export const m = new Map<string, Promise<number>>([["a", Promise.resolve(JSON.parse("1") as number)]]);',
      'export const u = encodeURIComponent(String(Math.max(1, Number.NaN)));',
      '',
    ].join('\n'),
  },
  { name: 'shared: a test file imports vitest', file: 'src/shared/policy/planted.test.ts', code: "import { expect, it } from 'vitest';\nit('runs', () => expect(1).toBe(1));\n" },
  { name: 'server: shared, Node and its libraries', file: 'src/server/routes/planted.ts', code: "import { readFileSync } from 'node:fs';\nimport Fastify from 'fastify';\nimport { x } from '../../shared/x';\nimport { y } from '../y';\nexport default [readFileSync, Fastify, x, y, process.env];\n" },
  { name: 'cos-local: shared and itself', file: 'src/cos-local/ops/planted.ts', code: "import { x } from '../../shared/x';\nimport { y } from '../store/y';\nexport default [x, y, Buffer];\n" },
  { name: 'console/api: shared and itself', file: 'src/console/api/planted.ts', code: "import { x } from '../../shared/access/grants';\nimport { y } from './http';\nimport { Type } from '@sinclair/typebox';\nexport default [x, y, Type];\n" },
  { name: 'console/api: a test file imports vitest', file: 'src/console/api/planted.test.ts', code: "import { expect, it } from 'vitest';\nit('runs', () => expect(1).toBe(1));\n" },
  { name: 'i18n: itself, i18next and tdesign locales', file: 'src/console/i18n/planted.ts', code: "import i18n from 'i18next';\nimport { initReactI18next } from 'react-i18next';\nimport enUS from 'tdesign-react/es/locale/en_US';\nimport { en } from './en';\nexport default [i18n, initReactI18next, enUS, en];\n" },
  {
    name: 'a feature: itself and everything below it',
    file: 'src/console/features/buckets/components/planted.tsx',
    code: [
      "import { useQuery } from '@tanstack/react-query';",
      "import { Button } from 'tdesign-react';",
      "import { a } from '../model/new-bucket';",
      "import { b } from '../../../components/error-alert';",
      "import { c } from '../../../cos/bucket-queries';",
      "import { d } from '../../../api/console-api';",
      "import { e } from '../../../i18n/format-date';",
      "import { f } from '../../../session/use-current-session';",
      "import { g } from '../../../navigation/paths';",
      "import { h } from '../../../../shared/cos/bucket-name';",
      'export default [useQuery, Button, a, b, c, d, e, f, g, h];',
      '',
    ].join('\n'),
  },
  {
    name: 'app: features and everything below them',
    file: 'src/console/app/planted.tsx',
    code: [
      "import { LoginPage } from '../features/auth/components/login-page';",
      "import { b } from '../components/app-shell';",
      "import { c } from '../cos/cos-client';",
      "import { d } from '../api/http';",
      "import { e } from '../i18n/i18n';",
      "import { f } from '../session/session-queries';",
      "import { g } from '../navigation/paths';",
      "import { h } from '../../shared/access/grant-navigation';",
      "export const lazy = () => import('../features/objects/components/object-list-page');",
      'export default [LoginPage, b, c, d, e, f, g, h];',
      '',
    ].join('\n'),
  },
  { name: 'session: itself, api, shared and React Query', file: 'src/console/session/planted.ts', code: "import { useQuery } from '@tanstack/react-query';\nimport { getSession } from '../api/console-api';\nimport { x } from './session-queries';\nexport default [useQuery, getSession, x];\n" },
  { name: 'components: i18n and navigation', file: 'src/console/components/planted.tsx', code: "import { x } from '../i18n/language';\nimport { paths } from '../navigation/paths';\nexport default [x, paths];\n" },
];

describe('import rules: each violation is refused by its rule', () => {
  it.each(violations)('$name', async ({ file, code, rule, says }) => {
    expect(await lint(file, code)).toContainEqual({ rule, message: expect.stringContaining(says) });
  });
});

describe('import rules: compliant files lint clean', () => {
  it.each(compliant)('$name', async ({ file, code }) => {
    expect(await lint(file, code)).toEqual([]);
  });
});

