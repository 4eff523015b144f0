// JSON syntax. COS reads a policy as strict JSON (RFC 8259): no comments, no trailing commas; the
// guides' examples with `//` comments (436/30580) must have them removed before they are put.
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Findings, Message } from './location';

const m = (en: string, zh: string): Message => ({ en, zh });

const TEXT: Readonly<Record<string, Message>> = {
  InvalidSymbol: m('unexpected character', '意外的字符'),
  InvalidNumberFormat: m('invalid number', '数字格式无效'),
  PropertyNameExpected: m('a property name in double quotes is expected', '此处应为带双引号的属性名'),
  ValueExpected: m('a value is expected', '此处应为一个值'),
  ColonExpected: m('":" is expected', '此处应为 ":"'),
  CommaExpected: m('"," is expected', '此处应为 ","'),
  CloseBraceExpected: m('"}" is expected', '此处应为 "}"'),
  CloseBracketExpected: m('"]" is expected', '此处应为 "]"'),
  EndOfFileExpected: m('nothing may follow the policy object', '策略对象之后不能再有内容'),
  InvalidCommentToken: m('JSON has no comments; remove it', 'JSON 不支持注释，请删除'),
  UnexpectedEndOfComment: m('unterminated comment', '注释未结束'),
  UnexpectedEndOfString: m('unterminated string', '字符串未结束'),
  UnexpectedEndOfNumber: m('unterminated number', '数字未结束'),
  InvalidUnicode: m('invalid \\u escape', '\\u 转义无效'),
  InvalidEscapeCharacter: m('invalid escape character', '转义字符无效'),
  InvalidCharacter: m('invalid character in a string (control characters must be escaped)', '字符串中含有无效字符（控制字符须转义）'),
};

/** Parses strictly; reports every syntax error and returns the tree only when there is none. */
export function parseStrict(text: string, f: Findings): Node | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const reported = new Set<number>();
  for (const e of errors) {
    // jsonc-parser may report several errors at one place (`,}` → name expected, value expected): keep the first.
    if (reported.has(e.offset)) continue;
    reported.add(e.offset);
    const name = printParseErrorCode(e.error);
    const msg = TEXT[name] ?? m(name, name);
    // A zero-width error (at a missing token) is widened to the character there (the last one at the
    // end of the text), so that an editor can show it.
    let { offset, length } = e;
    if (length === 0 && offset < text.length) length = 1;
    else if (length === 0 && text.length > 0) [offset, length] = [text.length - 1, 1];
    f.span(offset, length, [], {
      code: 'json-syntax', severity: 'error',
      message: m(`JSON syntax error: ${msg.en}`, `JSON 语法错误：${msg.zh}`),
    });
  }
  return errors.length === 0 ? root : undefined;
}
