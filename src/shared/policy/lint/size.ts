// Size: "请求体中 Statement 的单条策略长度不得超过4095字节" — each statement of a bucket policy is at
// most 4095 bytes (PUT Bucket policy, https://cloud.tencent.com/document/api/436/8282, the note under
// 功能描述). COS documents no limit on the whole document. The statement is measured as written
// (UTF-8, whitespace included), which is what the console sends.
import { getNodeValue } from 'jsonc-parser';
import type { Findings, Message } from './location';
import type { PolicyView } from './view';

const m = (en: string, zh: string): Message => ({ en, zh });

export const STATEMENT_MAX_BYTES = 4095;

const bytes = (s: string): number => new TextEncoder().encode(s).length;

export function lintSize(text: string, view: PolicyView, f: Findings): void {
  for (const s of view.statements) {
    const written = text.slice(s.node.offset, s.node.offset + s.node.length);
    const size = bytes(written);
    if (size <= STATEMENT_MAX_BYTES) continue;
    const compact = JSON.stringify(getNodeValue(s.node));
    const fits = bytes(compact) <= STATEMENT_MAX_BYTES;
    f.at(s.node, {
      code: 'statement-too-large', severity: 'error',
      message: m(`this statement is ${size} bytes; COS accepts at most ${STATEMENT_MAX_BYTES} bytes per statement${fits ? ' (without the whitespace it fits)' : '; split it into several statements'}`,
        `该语句有 ${size} 字节；COS 规定单条语句不超过 ${STATEMENT_MAX_BYTES} 字节${fits ? '（去掉空白后可以满足）' : '；请拆分为多条语句'}`),
      ...(fits ? { fix: { title: 'Remove the whitespace of this statement', titleZh: '去掉该语句中的空白', edits: [{ offset: s.node.offset, length: s.node.length, text: compact }] } } : {}),
    });
  }
}
