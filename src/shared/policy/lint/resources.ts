// Resource rules: `qcs::cos:<region>:uid/<appid>:<bucket>-<appid>/<key>` (the resource column of
// https://cloud.tencent.com/document/product/436/30580; bucket-level APIs use `<bucket>/`, object APIs
// `<bucket>/<key>`). A bucket policy may only name its own bucket: PUT Bucket policy refuses a
// resource whose region, appid or bucket differs from the request's host (bucket-policy-doc.ts).
import { expandAction } from '../action';
import { globMatch } from '../glob';
import type { ParsedResource } from '../resource';
import { type Findings, type Message, replaceNode } from './location';
import { isAllCosActions } from './actions';
import type { LintContext } from './types';
import type { PolicyView } from './view';

const m = (en: string, zh: string): Message => ({ en, zh });

/** Can the resource match an object request (`<bucket>/<key>`, key non-empty)? */
export function coversObjects(r: ParsedResource): boolean {
  if (!r.ok) return false;
  const p = r.pattern;
  if (p.kind !== 'cos') return p.kind === 'any';
  const slash = p.path.indexOf('/');
  return p.path === '*' || (slash >= 0 && p.path.slice(slash + 1) !== '');
}

/** Can the resource match the bucket itself (`<bucket>/`)? */
export function coversBucket(r: ParsedResource): boolean {
  if (!r.ok) return false;
  const p = r.pattern;
  if (p.kind !== 'cos') return p.kind === 'any';
  const slash = p.path.indexOf('/');
  return p.path === '*' || (slash >= 0 && /^\**$/.test(p.path.slice(slash + 1)));
}

export function lintResources(view: PolicyView, ctx: LintContext, f: Findings): void {
  for (const s of view.statements) {
    for (const { value, node, parsed } of s.resources) {
      if (!parsed.ok) {
        const fixed = parsed.suggestion;
        f.at(node, {
          code: 'bad-resource', severity: 'error',
          message: m(`"${value}": ${parsed.reason}`, `"${value}" 不是有效的资源：应为 "*" 或 qcs::cos:<地域>:uid/<APPID>:<存储桶名-APPID>/<路径>`),
          ...(fixed ? { fix: replaceNode(node, JSON.stringify(fixed), m(`Replace with "${fixed}"`, `替换为 "${fixed}"`)) } : {}),
        });
        continue;
      }
      const p = parsed.pattern;
      if (p.kind === 'any') continue;
      if (p.kind === 'foreign') {
        f.at(node, {
          code: 'resource-outside-bucket', severity: 'error',
          message: m(`"${value}" is not a COS resource; a bucket policy may only name ${ctx.bucket}`, `"${value}" 不是 COS 资源；存储桶策略只能指定 ${ctx.bucket}`),
        });
        continue;
      }
      lintCosResource(value, node, p, ctx, f);
    }
    lintLevels(s, f);
  }
}

function lintCosResource(value: string, node: Parameters<Findings['at']>[0], p: { region: string; appId: string; path: string }, ctx: LintContext, f: Findings): void {
  const slash = p.path.indexOf('/');
  const bucket = slash < 0 ? p.path : p.path.slice(0, slash);
  if (slash < 0 && p.path !== '*') {
    f.at(node, {
      code: 'bucket-without-slash', severity: 'warning',
      message: m(`"${p.path}" has no "/", so it matches neither the bucket nor its objects: write "${p.path}/" for the bucket or "${p.path}/*" for both`, `"${p.path}" 缺少 "/"，既不匹配存储桶也不匹配对象：存储桶本身写 "${p.path}/"，存储桶及其对象写 "${p.path}/*"`),
    });
  }
  if (bucket !== '*' && !bucket.includes('*') && !bucket.endsWith(`-${p.appId}`)) {
    const full = `${bucket}-${p.appId}`;
    const fixed = full === ctx.bucket ? value.replace(`:${bucket}`, `:${full}`) : undefined;
    // A bucket is always named "<BucketName-APPID>" (the Host of https://cloud.tencent.com/document/api/436/8282); without it nothing matches.
    f.at(node, {
      code: 'bucket-without-appid', severity: 'error',
      message: m(`bucket "${bucket}" lacks its "-${p.appId}" suffix; resources name the full bucket "<name>-<APPID>"`, `存储桶 "${bucket}" 缺少 "-${p.appId}" 后缀；资源中须写完整的存储桶名 "<名称>-<APPID>"`),
      ...(fixed ? { fix: replaceNode(node, JSON.stringify(fixed), m(`Use "${full}"`, `改为 "${full}"`)) } : {}),
    });
    return;
  }
  const otherRegion = p.region !== '' && !globMatch(p.region, ctx.region);
  const otherAppId = p.appId !== ctx.appId;
  const otherBucket = !globMatch(bucket, ctx.bucket);
  if (!otherRegion && !otherAppId && !otherBucket) return;
  const what = otherBucket || otherAppId
    ? m(`another bucket ("${bucket}", APPID ${p.appId})`, `另一个存储桶（"${bucket}"，APPID ${p.appId}）`)
    : m(`another region ("${p.region}")`, `另一个地域（"${p.region}"）`);
  const onlyRegion = otherRegion && !otherAppId && !otherBucket;
  const fixed = onlyRegion ? value.replace(`qcs::cos:${p.region}:`, `qcs::cos:${ctx.region}:`) : undefined;
  f.at(node, {
    code: 'resource-outside-bucket', severity: 'error',
    message: m(`"${value}" names ${what.en}; a policy of ${ctx.bucket} (${ctx.region}) may only name that bucket, and COS refuses the policy otherwise`, `"${value}" 指向${what.zh}；${ctx.bucket}（${ctx.region}）的策略只能指定该存储桶，否则 COS 会拒绝该策略`),
    ...(fixed ? { fix: replaceNode(node, JSON.stringify(fixed), m(`Use region ${ctx.region}`, `改为地域 ${ctx.region}`)) } : {}),
  });
}

function lintLevels(s: PolicyView['statements'][number], f: Findings): void {
  if (s.notAction || s.resources.length === 0 || s.resources.some((r) => !r.parsed.ok)) return;
  const objects = s.resources.some((r) => coversObjects(r.parsed));
  const bucket = s.resources.some((r) => coversBucket(r.parsed));
  for (const { value, node } of s.actions) {
    if (isAllCosActions(value)) continue;
    const covered = expandAction(value);
    if (covered.length === 0) continue;
    if (!objects && covered.every((a) => a.level === 'object')) {
      f.at(node, {
        code: 'object-action-on-bucket-resource', severity: 'warning',
        message: m(`"${value}" acts on objects, but every resource of this statement is a bucket ("…/" without a key), so it never applies; add "<bucket>/*" or a key prefix`, `"${value}" 作用于对象，但该语句的资源都只是存储桶本身（"…/" 后没有对象键），因此永不生效；请添加 "<存储桶>/*" 或对象前缀`),
      });
    } else if (!bucket && covered.every((a) => a.level === 'bucket')) {
      f.at(node, {
        code: 'bucket-action-on-object-resource', severity: 'warning',
        message: m(`"${value}" acts on the bucket itself, but every resource of this statement names objects, so it never applies; add "<bucket>/" (or use "<bucket>/*")`, `"${value}" 作用于存储桶本身，但该语句的资源都是对象，因此永不生效；请添加 "<存储桶>/"（或使用 "<存储桶>/*"）`),
      });
    }
  }
}
