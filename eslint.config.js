// Flat config. Enforces the import rules of DESIGN.md §3: shared imports no other part; console,
// server and cos-local import only shared and themselves; cos-local never imports the server;
// inside the console a feature never imports another feature.
import { existsSync, readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { boundaries } from './scripts/eslint-boundaries.js';

const src = (p) => `./src/${p}`;
const parts = ['shared', 'console', 'server', 'cos-local'];
// Every folder under console/features is a feature; new ones are covered without editing this file.
const featuresDir = new URL('./src/console/features/', import.meta.url);
const features = existsSync(featuresDir) ? readdirSync(featuresDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];

// The boundaries rule resolves every relative import to a path, so these zones cannot be dodged
// by a clever path.
const zones = [
  ...parts.flatMap((target) =>
    parts
      .filter((from) => from !== target && from !== 'shared')
      .map((from) => ({ target: src(target), from: src(from), message: `DESIGN.md §3: src/${target} may not import src/${from}.` })),
  ),
  ...features.map((f) => ({
    target: src(`console/features/${f}`),
    from: src('console/features'),
    except: [`./${f}`],
    message: 'DESIGN.md §3: a console feature never imports another feature.',
  })),
  { target: src('console/cos'), from: src('console/features'), message: 'console/cos is below the features.' },
  { target: src('console/components'), from: src('console/features'), message: 'console/components is below the features.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { local: boundaries },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'local/no-restricted-paths': ['error', { zones }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'react', 'react-dom', 'fastify', 'better-sqlite3'],
          message: 'src/shared is pure and isomorphic: no Node, DOM, I/O or framework imports.' }],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'Buffer', 'process', 'localStorage', 'fetch'],
    },
  },
  {
    files: ['src/console/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
