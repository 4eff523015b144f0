// parseXml never throws: whatever the parser refuses is `{ ok: false, reason }` (callers answer
// MalformedXML); DTDs are refused, only the five predefined entities are expanded, and element names
// that are JavaScript object machinery neither pollute prototypes nor crash.
import { describe, expect, it } from 'vitest';
import { parseXml } from './codec';

const LAUGHS = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><Delete><Object><Key>&lol3;</Key></Object></Delete>';
const SYSTEM = '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Delete><Object><Key>&x;</Key></Object></Delete>';

describe('parseXml refusals', () => {
  it.each([
    ['an empty body', '  \n', 'empty body'],
    ['a billion-laughs DTD', LAUGHS, 'DOCTYPE declarations are not allowed'],
    ['an external SYSTEM entity', SYSTEM, 'DOCTYPE declarations are not allowed'],
    ['a DOCTYPE without entities', '<!DOCTYPE Delete><Delete/>', 'DOCTYPE declarations are not allowed'],
    ['a lower-case doctype', '<!doctype Delete><Delete/>', 'DOCTYPE declarations are not allowed'],
    ['a DOCTYPE after a comment', '<!-- c --><!DOCTYPE Delete [<!ENTITY a "b">]><Delete>&a;</Delete>', 'DOCTYPE declarations are not allowed'],
    ['__proto__', '<Delete><__proto__>1</__proto__></Delete>', 'element name __proto__ is reserved'],
    ['constructor', '<Delete><constructor><prototype>1</prototype></constructor></Delete>', 'element name constructor is reserved'],
    ['prototype', '<prototype/>', 'element name prototype is reserved'],
    ['1000 levels of nesting', `${'<a>'.repeat(1000)}${'</a>'.repeat(1000)}`, 'Maximum nested tags exceeded'],
    ['truncated XML', '<Delete><Object><Key>a</Key>', /Delete.*Object/],
    ['text that is not XML', 'not xml at all', "char 'n' is not expected."],
  ])('refuses %s', (_name, xml, reason: string | RegExp) => {
    // The parser's own messages are matched loosely: their wording is the library's.
    expect(parseXml(xml)).toEqual({ ok: false, reason: typeof reason === 'string' ? reason : expect.stringMatching(reason) });
  });

  it('leaves Object.prototype alone', () => {
    parseXml('<Delete><__proto__><polluted>yes</polluted></__proto__></Delete>');
    parseXml('<a><toString>x</toString><hasOwnProperty>y</hasOwnProperty></a>');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(typeof Object.prototype.toString).toBe('function');
  });
});

describe('parseXml entities', () => {
  it('expands the five predefined entities', () => {
    expect(parseXml('<Delete><Object><Key>a&amp;b&lt;c&gt;d&quot;e&apos;f</Key></Object></Delete>')).toEqual({
      ok: true, value: { Delete: { Object: { Key: 'a&b<c>d"e\'f' } } },
    });
  });

  it('leaves HTML entities as they are', () => {
    expect(parseXml('<Key>&nbsp;&copy;</Key>')).toEqual({ ok: true, value: { Key: '&nbsp;&copy;' } });
  });

  it('keeps a DOCTYPE-looking text inside CDATA or a comment', () => {
    expect(parseXml('<!-- <!DOCTYPE x> --><Key><![CDATA[<!DOCTYPE x>]]></Key>')).toEqual({ ok: true, value: { Key: '<!DOCTYPE x>' } });
  });

  it('renames other Object.prototype names harmlessly', () => {
    expect(parseXml('<a><toString>x</toString></a>')).toEqual({ ok: true, value: { a: { __toString: 'x' } } });
  });
});
