// ESLint rule `allowed-imports`: each zone (a folder of src/) says what its files MAY import — which
// folders, and which packages — and everything else is an error (docs/import-rules.md).
// Written here because eslint-plugin-import-x depends on native resolver bindings that the npm
// registry reachable from these machines does not serve for every platform, which breaks `npm ci`.
// Our imports are relative or package names, so resolving them needs only path arithmetic.
//
// A zone: { target, allow, packages?, testPackages?, message }
//   target        folder (from the repository root) whose files the zone governs; `a/b/*` makes
//                 every direct sub-folder of a/b a zone of its own, which `<self>` in allow names.
//   allow         folders (or files) that relative imports may reach.
//   packages      bare specifiers allowed: `name` (and its sub-paths `name/...`), or `prefix/*`.
//                 Omitted: any package. `node:*` built-ins are bare specifiers like any other.
//   testPackages  packages allowed in addition in *.test.ts(x) files (e.g. vitest).
// Every zone containing a file applies; an import must satisfy all of them. The widest zone that
// refuses an import is the one reported (console importing the server: the console's rule, not the
// rule of the console folder it was written in).
//
// Checked: import/export ... from, `import type`, import(), `import x = require()`, require(),
// `typeof import('...')` types, `declare module '...'` and `/// <reference types|path>`. An import()
// whose specifier is not a plain string cannot be checked, so it is refused in governed files.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const inside = (file, folder) => {
  const rel = relative(folder, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};
const isTestFile = (file) => /\.test\.[cm]?[jt]sx?$/.test(file);

/** The concrete folder a zone governs for `file`, or undefined when the zone does not apply. */
function zoneFolder(zone, file) {
  if (!zone.target.endsWith('/*')) {
    const folder = resolve(root, zone.target);
    return inside(file, folder) ? folder : undefined;
  }
  const parent = resolve(root, zone.target.slice(0, -2));
  const rel = relative(parent, file);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  const parts = rel.split(sep);
  return parts.length > 1 ? resolve(parent, parts[0]) : undefined; // files directly in the parent: no sub-folder
}

const packageAllowed = (specifier, entries) =>
  entries.some((e) => (e.endsWith('/*') ? specifier.startsWith(e.slice(0, -1)) : specifier === e || specifier.startsWith(`${e}/`)));

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder of src/ imports only the folders and packages its zone allows.' },
    schema: [
      {
        type: 'object',
        properties: {
          zones: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                target: { type: 'string' },
                allow: { type: 'array', items: { type: 'string' } },
                packages: { type: 'array', items: { type: 'string' } },
                testPackages: { type: 'array', items: { type: 'string' } },
                message: { type: 'string' },
              },
              required: ['target', 'allow'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      notAllowed: '"{{path}}" may not be imported here. {{message}}',
      dynamic: 'An import() whose specifier is not a plain string cannot be checked against the import rules. {{message}}',
    },
  },
  create(context) {
    const file = context.filename;
    const test = isTestFile(file);
    const active = (context.options[0]?.zones ?? [])
      .map((zone) => ({ zone, folder: zoneFolder(zone, file) }))
      .filter((z) => z.folder !== undefined)
      .sort((a, b) => a.folder.length - b.folder.length); // widest first
    if (active.length === 0) return {};

    const allows = ({ zone, folder }, specifier) => {
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const path = specifier.replace(/[?#].*$/, ''); // Vite suffixes such as ?raw
        // A leading '/' is the project root to Vite (and an absolute path to Node): either way it
        // is judged by where it lands under the root.
        const target = path.startsWith('/') ? (inside(path, root) ? path : resolve(root, `.${path}`)) : resolve(dirname(file), path);
        return zone.allow.some((a) => inside(target, a === '<self>' ? folder : resolve(root, a)));
      }
      if (zone.packages === undefined) return true;
      return packageAllowed(specifier, test ? [...zone.packages, ...(zone.testPackages ?? [])] : zone.packages);
    };

    const check = (node, specifier) => {
      if (typeof specifier !== 'string') {
        context.report({ node, messageId: 'dynamic', data: { message: active[0].zone.message ?? '' } });
        return;
      }
      const refused = active.find((z) => !allows(z, specifier));
      if (refused) context.report({ node, messageId: 'notAllowed', data: { path: specifier, message: refused.zone.message ?? '' } });
    };
    const staticString = (node) => {
      if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
      if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
      return undefined;
    };

    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const m = comment.type === 'Line' && /^\/\s*<reference\s+(types|path)\s*=\s*["']([^"']+)["']/.exec(comment.value);
          if (m) check(comment, m[1] === 'path' && !m[2].startsWith('.') ? `./${m[2]}` : m[2]);
        }
      },
      ImportDeclaration: (n) => check(n.source, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n.source, n.source.value),
      ExportAllDeclaration: (n) => check(n.source, n.source.value),
      ImportExpression: (n) => check(n.source, staticString(n.source)),
      TSExternalModuleReference: (n) => check(n.expression, staticString(n.expression)),
      TSImportType: (n) => {
        const source = n.source ?? n.argument?.literal;
        if (source) check(source, staticString(source));
      },
      TSModuleDeclaration: (n) => n.id.type === 'Literal' && check(n.id, n.id.value),
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments.length > 0) check(n.arguments[0], staticString(n.arguments[0]));
      },
    };
  },
};

export const boundaries = { rules: { 'allowed-imports': rule } };
