// `npx tsx bench/bundle.ts`: what the browser loads before the first page renders — the entry script
// of dist/index.html and every chunk it imports statically — gzip-compressed, and the lazily loaded
// chunks the bucket settings add (Monaco and its workers, the settings codecs). Run after `npm run
// build`. Not part of `npm test`; the e2e test e2e/policy-loading.spec.ts shows Monaco is not among
// the first page's requests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const assets = join(dist, 'assets');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = /<script[^>]+src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
if (!entry) throw new Error('dist/index.html has no entry script: run `npm run build` first');

const gz = (file: string) => gzipSync(readFileSync(join(assets, file))).length;
const seen = new Set<string>();
const stack = [entry];
while (stack.length > 0) {
  const file = stack.pop() as string;
  if (seen.has(file)) continue;
  seen.add(file);
  const code = readFileSync(join(assets, file), 'utf8');
  // Static imports only (`import … from "./x.js"`, `import "./x.js"`), not `import("./x.js")`.
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^"'()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) if (m[1]) stack.push(m[1]);
}
const initial = [...seen].reduce((n, f) => n + gz(f), 0);
const lazy = (pattern: RegExp) => readdirSync(assets).filter((f) => f.endsWith('.js') && pattern.test(f)).reduce((n, f) => n + gz(f), 0);
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
console.log(`first page: ${kb(initial)} gzip in ${seen.size} files`);
console.log(`Monaco (editor, JSON language, workers), loaded with the policy section: ${kb(lazy(/editor|json\.worker|jsonMode|register/))} gzip`);
console.log(`monaco code in the first page: ${[...seen].some((f) => /editor\.api|worker|jsonMode/.test(f)) ? 'YES' : 'none'}`);
