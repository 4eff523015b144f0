import { describe, expect, it } from 'vitest';
import { buildErrorXml, parseErrorXml } from './error';

describe('Error body', () => {
  it('round-trips and escapes', () => {
    const e = { code: 'NoSuchKey', message: 'a <b> & "c"', resource: 'b-1250000000.cos.ap-guangzhou.myqcloud.com/x&y', requestId: 'r1', traceId: 't1' };
    const xml = buildErrorXml(e);
    expect(xml).toContain('<Code>NoSuchKey</Code>');
    expect(xml).toContain('&lt;b&gt; &amp;');
    expect(parseErrorXml(xml)).toEqual(e);
  });
  it('rejects what is not an Error document', () => {
    expect(parseErrorXml('<Other/>')).toBeUndefined();
    expect(parseErrorXml('not xml')).toBeUndefined();
  });
});
