// ESLint rule `no-restricted-paths`: forbids imports from one folder into another (DESIGN.md §3).
// Written here because eslint-plugin-import-x depends on native resolver bindings that the npm
// registry reachable from these machines does not serve for every platform, which breaks `npm ci`.
// Our imports are relative or package names, so resolving them needs only path arithmetic.
import { dirname, relative, resolve } from 'node:path';

const root = dirname(new URL(import.meta.url).pathname).replace(/\/scripts$/, '');
const inside = (file, folder) => {
  const rel = relative(resolve(root, folder), file);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith('/'));
};

const rule = {
  meta: {
    type: 'problem',
    schema: [{ type: 'object', properties: { zones: { type: 'array' } }, additionalProperties: false }],
    messages: { restricted: 'Unexpected path "{{path}}" imported in restricted zone. {{message}}' },
  },
  create(context) {
    const zones = context.options[0]?.zones ?? [];
    const file = context.filename;
    const active = zones.filter((z) => inside(file, z.target));
    if (active.length === 0) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = resolve(dirname(file), source);
      for (const z of active) {
        if (!inside(target, z.from)) continue;
        if ((z.except ?? []).some((e) => inside(target, resolve(root, z.from, e)))) continue;
        context.report({ node, messageId: 'restricted', data: { path: source, message: z.message ?? '' } });
      }
    };
    return {
      ImportDeclaration: (n) => check(n.source, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n.source, n.source.value),
      ExportAllDeclaration: (n) => check(n.source, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n.source, n.source.value),
    };
  },
};

export const boundaries = { rules: { 'no-restricted-paths': rule } };
