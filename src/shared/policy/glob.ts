// A hand-written `*` glob (no RegExp, so no metacharacter can leak, and every star counts — a naive
// `replace("*", …)` handles only the first). `*` matches any run of characters, `/` included (`a*`
// covers every key starting with `a`: the `allowPrefix` examples of https://www.tencentcloud.com/document/product/436/14048).
// `?` is a literal: no COS or CAM page uses it as a wildcard, and object keys may contain it.

/** True when `text` matches `pattern`, where every `*` stands for any (possibly empty) run. */
export function globMatch(pattern: string, text: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const t = ignoreCase ? text.toLowerCase() : text;
  let pi = 0;
  let ti = 0;
  // Position of the last `*` seen and the text index it is currently assumed to cover up to.
  let star = -1;
  let mark = 0;
  while (ti < t.length) {
    if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = ti;
    } else if (pi < p.length && p[pi] === t[ti]) {
      pi++;
      ti++;
    } else if (star >= 0) {
      // Backtrack: let the last star swallow one more character.
      pi = star + 1;
      ti = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** True when the pattern contains a wildcard. */
export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*');
}
