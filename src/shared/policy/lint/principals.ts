// Principal rules: `qcs::cam::uin/<root>:uin/<sub>` and `qcs::cam::anyone:anyone`
// (https://cloud.tencent.com/document/product/436/12470, https://cloud.tencent.com/document/product/436/18023).
// Trap: several COS examples write `qcs::cam:uin/…` with one colon (docs/cos-behaviour.md "Traps in
// the policy documentation" 1). Anonymous grants: COS asks for least privilege and warns that
// granting everything is a data-security risk (https://cloud.tencent.com/document/product/436/30580, the note at the top).
import { expandAction, type CosActionInfo } from '../action';
import { ANYONE, normalisePrincipal } from '../principal';
import { type Findings, type Message, replaceNode } from './location';
import type { PolicyView } from './view';

const m = (en: string, zh: string): Message => ({ en, zh });

const COLONS = /^qcs:+cam:+/;

/** Writes (objects, ACLs, settings, deletion) by their API name. */
export const isWriteAction = (a: CosActionInfo): boolean => /^name\/cos:(Put|Post|Append|Delete|Initiate|Complete|Abort|Upload)/.test(a.name);
/** Listings: the bucket's objects, versions and uploads. */
export const isListAction = (a: CosActionInfo): boolean =>
  ['name/cos:GetBucket', 'name/cos:GetBucketObjectVersions', 'name/cos:ListMultipartUploads'].includes(a.name);

const isAnyone = (p: string): boolean => p === '*' || p === ANYONE;

export function lintPrincipals(view: PolicyView, f: Findings): void {
  const seen = new Set<number>(); // a policy-level principal is shared by every statement: report it once
  for (const s of view.statements) {
    for (const { value, node } of s.principals ?? []) {
      if (seen.has(node.offset)) continue;
      seen.add(node.offset);
      if (COLONS.test(value) && !value.startsWith('qcs::cam::')) {
        const fixed = value.replace(COLONS, 'qcs::cam::');
        const readAnyway = value.startsWith('qcs::cam:uin/');
        f.at(node, {
          code: 'principal-colon', severity: 'warning',
          message: readAnyway
            ? m(`"${value}" has one colon after "cam"; it is read as "${fixed}", write it so`, `"${value}" 在 "cam" 后只有一个冒号；它会被当作 "${fixed}"，请照此书写`)
            : m(`"${value}" is not a principal COS recognises, so it matches nobody; did you mean "${fixed}"?`, `"${value}" 不是 COS 能识别的身份，不会匹配任何人；是否应为 "${fixed}"？`),
          fix: replaceNode(node, JSON.stringify(fixed), m(`Replace with "${fixed}"`, `替换为 "${fixed}"`)),
        });
        continue;
      }
      const n = normalisePrincipal(value);
      if (n.ok && n.note === 'unrecognised') {
        f.at(node, {
          code: 'principal-unrecognised', severity: 'warning',
          message: m(`"${value}" is neither qcs::cam::uin/<root>:uin/<uin> nor qcs::cam::anyone:anyone; it matches no requester`, `"${value}" 既不是 qcs::cam::uin/<主账号>:uin/<账号>，也不是 qcs::cam::anyone:anyone，不会匹配任何请求者`),
        });
      }
    }
    lintAnonymous(s, f);
  }
}

function lintAnonymous(s: PolicyView['statements'][number], f: Findings): void {
  if (s.effect !== 'allow') return;
  const anyone = (s.principals ?? []).find((p) => isAnyone(p.value));
  if (!anyone) return;
  if (!s.conditionProp) {
    f.at(anyone.node, {
      code: 'public-without-condition', severity: 'security-warning',
      message: m('this statement allows anyone on the Internet, signed or not, with no condition (such as qcs:ip) to narrow it', '该语句允许互联网上的任何人（无论是否签名）访问，且没有任何条件（如 qcs:ip）加以限制'),
    });
  }
  if (s.notAction) return;
  for (const { value, node } of s.actions) {
    const covered = expandAction(value);
    const writes = covered.filter(isWriteAction);
    const lists = covered.filter(isListAction);
    if (writes.length > 0) {
      const names = writes.slice(0, 3).map((a) => a.name.slice(9)).join(', ');
      f.at(node, {
        code: 'public-write', severity: 'security-warning',
        message: m(`anyone may write through "${value}" (${names}${writes.length > 3 ? ', …' : ''}): objects can be overwritten or deleted and traffic billed to you`, `任何人都可以通过 "${value}" 写入（${names}${writes.length > 3 ? '，…' : ''}）：对象可能被覆盖或删除，产生的流量与存储费用由您承担`),
      });
    } else if (lists.length > 0) {
      f.at(node, {
        code: 'public-list', severity: 'security-warning',
        message: m(`anyone may list the bucket through "${value}": every object key becomes public`, `任何人都可以通过 "${value}" 列出存储桶：所有对象键都会公开`),
      });
    }
  }
}
