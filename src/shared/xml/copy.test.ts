import { describe, expect, it } from 'vitest';
import { buildCopyResultXml, parseCopyResultXml } from './copy';

describe('copy result codec (436/10881, 436/8287)', () => {
  it('round-trips CopyObjectResult with version and CRC64', () => {
    const r = { etag: '"ee8de918d05640145b18f70f4c3aa602"', lastModified: '2019-12-13T14:40:21.000Z', versionId: 'v1', crc64: '16749565679157681890' };
    expect(parseCopyResultXml(buildCopyResultXml('CopyObjectResult', r))).toEqual({ ok: true, value: r });
  });

  it('round-trips CopyPartResult', () => {
    const r = { etag: '"a"', lastModified: '2019-12-13T14:40:21.000Z' };
    const xml = buildCopyResultXml('CopyPartResult', r);
    expect(xml).toContain('<CopyPartResult>');
    expect(parseCopyResultXml(xml)).toEqual({ ok: true, value: r });
  });

  it('refuses another root', () => {
    expect(parseCopyResultXml('<Error/>')).toEqual({ ok: false, reason: 'the root element must be CopyObjectResult or CopyPartResult' });
  });
});
