// The repository explains itself: code, tests and docs cite only what a reader can open — a public COS
// documentation page, an SDK file at a named version, or a section of docs/ (docs/cos-behaviour.md
// says how to read the short forms). Working notes that never shipped with the repository (line
// numbers into source documents, a design note and the digests made from them) must not be cited.
// This test walks the tracked text and lists every such citation as file:line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** Where citations could hide: the sources, tests, scripts and docs, and the root's text files. */
const ROOTS = ['src', 'test', 'e2e', 'scripts', 'bench', 'docs', 'README.md', 'eslint.config.js', 'vite.config.ts', 'index.html', '.ci'];
const SKIP_DIRS = new Set(['node_modules', 'dist', '.tmp', 'test-results', '.git']);
const BINARY = /\.(png|jpe?g|gif|ico|webp|woff2?|ttf|otf|zip|gz|sqlite|db|pdf)$/i;

// Built from pieces so that this file does not match itself.
const FORBIDDEN = new RegExp([
  'se' + 'ed [0-9]{3}', // a line reference into a source document
  '\\[[0-9]{3} ' + 'L[0-9]', // the same, short form
  'DES' + 'IGN\\.md',
  'cos-' + 'protocol',
  'seed' + '-digest',
  'shared\\/(refer' + 'ence|se' + 'eds)',
  '\\b(code-' + 'models|tool' + 'chain|anch' + 'ors)\\.md', // the other notes of the same folder
  '\\b[Ii]ss' + 'ue [0-9]+', // an issue tracker the repository does not ship with
  '\\b[Ii]ss' + 'ue "', // the same, by the title
].join('|'));

function* textFiles(path: string): Generator<string> {
  let st;
  try {
    st = statSync(path);
  } catch {
    return; // a root that does not exist (yet) holds nothing
  }
  if (st.isFile()) {
    if (!BINARY.test(path)) yield path;
    return;
  }
  for (const name of readdirSync(path).sort()) {
    if (SKIP_DIRS.has(name)) continue;
    yield* textFiles(join(path, name));
  }
}

function citations(): string[] {
  const found: string[] = [];
  for (const r of ROOTS) {
    for (const file of textFiles(join(root, r))) {
      const text = readFileSync(file, 'utf8');
      if (text.includes('\u0000')) continue;
      text.split('\n').forEach((line, i) => {
        if (FORBIDDEN.test(line)) found.push(`${relative(root, file)}:${i + 1}: ${line.trim().slice(0, 160)}`);
      });
    }
  }
  return found;
}

describe('citations', () => {
  it('the pattern catches each form it is meant for (so an empty result means something)', () => {
    const samples = [
      `see [${'seed'} 000 L2992-3058]`, `[${'000'} L1689]`, `(${'DESIGN'}.md §4)`, `${'cos'}-protocol.md §2.5`,
      `${'seed'}-digest §1.5`, `/work/shared/${'seeds'}/000.txt`, `${'toolchain'}.md §6`,
      `the audit log (${'issue'} 5)`, `// ${'Issue'} 12, Done when 2`, `bad parameters (${'issue'} "Bad input")`,
    ];
    expect(samples.filter((s) => !FORBIDDEN.test(s))).toEqual([]);
    expect(FORBIDDEN.test('https://www.tencentcloud.com/document/product/436/46206, fuzz seed 12')).toBe(false);
    expect(FORBIDDEN.test('one issue: 5 retries at most; two issues 3 ways')).toBe(false);
  });

  it('nothing cites material a reader of the repository cannot open', () => {
    expect(citations(), 'cite a public COS page, an SDK file at a version or a section of docs/ instead (docs/cos-behaviour.md)').toEqual([]);
  });
});
