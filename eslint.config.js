// Flat config. The import rules (docs/import-rules.md) are allow-lists: every folder of src/ says
// which folders and packages it may import, and anything else is an error. test/lint/layer-rules.test.ts
// plants a violation of each rule and expects this config to report it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { boundaries } from './scripts/eslint-boundaries.js';

// Packages src/shared may import: pure code that runs unchanged in a browser and in Node (no I/O,
// no runtime globals). Adding one is a deliberate decision, made here.
const purePackages = ['@noble/hashes', 'fast-xml-parser', '@sinclair/typebox', 'ipaddr.js', 'jsonc-parser', 'diff'];
// What test files may import in addition, wherever they live.
const testPackages = ['vitest'];
// Packages the browser SPA may import: the browser-safe dependencies (no node:*, no server libraries).
const consolePackages = [
  'react',
  'react-dom',
  'react-router',
  '@tanstack/react-query',
  'tdesign-react',
  'i18next',
  'react-i18next',
  'cos-js-sdk-v5',
  'monaco-editor',
  ...purePackages,
];

// Every folder of the console, with what it may import besides itself. A folder missing here cannot
// be imported at all (the console zone below lists only these), so a new one must be placed first.
const c = (folder) => `src/console/${folder}`;
const below = { features: ['components', 'cos', 'api', 'i18n', 'session', 'navigation'] };
const consoleZones = [
  {
    target: c('app'),
    allow: [c('app'), c('features'), ...below.features.map(c), 'src/shared'],
    message: 'console/app (router, providers) sits on top: it may import the features and everything below them.',
  },
  {
    target: c('features'),
    allow: [c('features'), ...below.features.map(c), 'src/shared'],
    message: 'A feature is below console/app and may not import it.',
  },
  {
    target: c('features/*'),
    allow: ['<self>', ...below.features.map(c), 'src/shared'],
    message: `A console feature never imports another feature (nor console/app); it may import itself, console/{${below.features.join(',')}} and src/shared.`,
  },
  {
    target: c('components'),
    allow: [c('components'), c('i18n'), c('navigation'), 'src/shared'],
    message: 'console/components is below the features: it may import only itself, console/i18n, console/navigation and src/shared.',
  },
  {
    target: c('cos'),
    allow: [c('cos'), c('api'), 'src/shared'],
    message: 'console/cos (the COS client) may import only itself, console/api and src/shared.',
  },
  {
    target: c('session'),
    allow: [c('session'), c('api'), 'src/shared'],
    packages: ['react', '@tanstack/react-query'],
    testPackages,
    message: 'console/session (the signed-in session) may import only itself, console/api, src/shared, react and @tanstack/react-query.',
  },
  {
    target: c('navigation'),
    allow: [c('navigation'), 'src/shared'],
    packages: [],
    testPackages,
    message: 'console/navigation (URL building) is plain code: it may import only itself and src/shared.',
  },
  {
    target: c('api'),
    allow: [c('api'), 'src/shared'],
    packages: purePackages,
    testPackages,
    message: `console/api (the HTTP client of the console server) may import only itself, src/shared and ${purePackages.join(', ')}: no features, app, cos, components or React.`,
  },
  {
    target: c('i18n'),
    allow: [c('i18n')],
    packages: ['i18next', 'react-i18next', 'tdesign-react/es/locale/*'],
    testPackages,
    message: 'console/i18n may import only itself, i18next, react-i18next and tdesign-react locale files.',
  },
];
const consoleFolders = ['main.tsx', 'app', 'features', ...below.features];

const zones = [
  {
    target: 'src/shared',
    allow: ['src/shared'],
    packages: purePackages,
    testPackages,
    message: `src/shared is pure and isomorphic: it may import only src/shared and ${purePackages.join(', ')}.`,
  },
  {
    target: 'src/console',
    allow: [...consoleFolders.map(c), 'src/shared'],
    packages: consolePackages,
    testPackages,
    message: `src/console may import only src/shared and its own folders (${consoleFolders.join(', ')}; a new folder is added to eslint.config.js first), and the browser-safe packages ${consolePackages.join(', ')}.`,
  },
  { target: 'src/server', allow: ['src/server', 'src/shared'], message: 'src/server may import only src/server and src/shared.' },
  { target: 'src/cos-local', allow: ['src/cos-local', 'src/shared'], message: 'src/cos-local may import only src/cos-local and src/shared (never the server).' },
  ...consoleZones,
];

// Globals src/shared may use besides the ECMAScript built-ins: Web APIs that Node >= 20 and every
// supported browser both provide as globals, with the same behaviour.
// (crypto.subtle is left out on purpose: hashing goes through @noble/hashes, synchronously.)
const isomorphicGlobals = {
  TextEncoder: 'readonly', // UTF-8 bytes of a string (WHATWG Encoding): byte lengths, signatures
  TextDecoder: 'readonly', // and back
};

export default tseslint.config(
  // The same folders .gitignore leaves out (build output, data, reports, scratch).
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results*/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // src/shared gets no runtime globals at all (below).
    ignores: ['src/shared/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    plugins: { local: boundaries },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'local/allowed-imports': ['error', { zones }],
    },
  },
  {
    // Only ECMAScript built-ins and the isomorphic globals above are defined, and no-undef (which
    // typescript-eslint turns off for TypeScript) is back on: window, document, process, Buffer,
    // fetch, setTimeout, require... are all undefined here. `lib` keeps DOM and Node types out too.
    files: ['src/shared/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.es2024, ...isomorphicGlobals }, parserOptions: { lib: ['es2023'] } },
    rules: {
      'no-undef': 'error',
      'no-restricted-globals': ['error', { name: 'globalThis', message: 'src/shared may not reach runtime globals through globalThis.' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSModuleDeclaration[kind="global"]', message: 'src/shared may not declare globals.' },
        { selector: ':matches(VariableDeclaration, FunctionDeclaration, ClassDeclaration)[declare=true]', message: 'src/shared may not declare ambient (runtime-provided) values.' },
      ],
    },
  },
  {
    files: ['src/console/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
