// Two COS rules about a bucket policy document that go beyond its grammar:
// - PUT: "Resource 字段里面的 region、appid、bucket，需要和请求的 host 匹配" — every resource must name
//   the bucket it is put on (COS's error-code spec for Put Policy, tencentyun/qcloud-documents
//   product/存储与CDN/_Drafts/V1.1.0/错误码梳理/acl&policy.md);
// - GET: the document comes back as it was put, except that its top-level statement key is spelled
//   `Statement`: the GET Bucket policy samples (436/8276) show `"Statement": […], "version": "2.0"`,
//   and cos-nodejs-sdk-v5's own suite puts `{ version, principal, statement: [{ resource }] }` and
//   reads `data.Policy.Statement[0].resource` back (test/test.js group 'BucketPolicy').
//   Only that one key is rewritten, in place: every other byte is the client's.
import type { Policy } from './model';
import { globMatch } from './glob';
import { parseResource } from './resource';

export interface PolicyBucket {
  readonly name: string;
  readonly appId: string;
  readonly region: string;
}

/** The resources of the policy that do not lie in the bucket (`*` is allowed). */
export function resourcesOutsideBucket(policy: Policy, bucket: PolicyBucket): string[] {
  const outside = new Set<string>();
  for (const s of policy.statements) {
    for (const raw of s.resources) {
      const r = parseResource(raw);
      if (!r.ok || r.pattern.kind === 'any') continue;
      const p = r.pattern;
      if (p.kind === 'foreign') {
        outside.add(raw);
        continue;
      }
      const bucketPart = p.path.split('/')[0] ?? '';
      const ok = p.appId === bucket.appId && (p.region === '' || globMatch(p.region, bucket.region)) && globMatch(bucketPart, bucket.name);
      if (!ok) outside.add(raw);
    }
  }
  return [...outside];
}

/** Index just past the JSON string starting at `i` (a `"`). */
function skipString(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** The policy text GET Bucket policy returns for the text that was put (see the top comment). */
export function policyGetForm(text: string): string {
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const end = skipString(text, i);
      if (depth === 1 && expectKey && text.slice(i, end) === '"statement"' && /^\s*:/.test(text.slice(end))) {
        return `${text.slice(0, i)}"Statement"${text.slice(end)}`;
      }
      i = end - 1;
      expectKey = false;
    } else if (ch === '{' || ch === '[') {
      depth++;
      expectKey = ch === '{' && depth === 1;
    } else if (ch === '}' || ch === ']') {
      depth--;
    } else if (ch === ',' && depth === 1) {
      expectKey = true;
    }
  }
  return text;
}
