import { describe, expect, it } from 'vitest';
import { buildErrorXml, parseErrorXml } from './error';

describe('Error body', () => {
  it('round-trips and escapes', () => {
    const e = { code: 'NoSuchKey', message: 'a <b> & "c"', resource: 'b-1250000000.cos.ap-guangzhou.myqcloud.com/x&y', requestId: 'r1', traceId: 't1' };
    const xml = buildErrorXml(e);
    expect(xml).toContain('<Code>NoSuchKey</Code>');
    expect(xml).toContain('&lt;b&gt; &amp;');
    expect(parseErrorXml(xml)).toEqual({ ok: true, value: e });
  });
  it.each([
    ['another root', '<Other/>', 'the root element must be Error'],
    ['an empty root', '<Error/>', 'the root element must be Error'],
    ['not XML', 'not xml', expect.stringContaining('is not expected')],
  ])('rejects %s', (_name, xml, reason) => {
    expect(parseErrorXml(xml)).toEqual({ ok: false, reason });
  });
});
