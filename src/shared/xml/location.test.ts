import { describe, expect, it } from 'vitest';
import { buildLocationXml, parseLocationXml } from './location';

describe('location codec', () => {
  it('builds the text-only root and reads it back', () => {
    const xml = buildLocationXml('ap-guangzhou');
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint>ap-guangzhou</LocationConstraint>');
    expect(parseLocationXml(xml)).toEqual({ ok: true, value: 'ap-guangzhou' });
  });

  it.each([
    ['another root', '<Location>ap-guangzhou</Location>', 'the root element must be LocationConstraint with the region'],
    ['an empty root', '<LocationConstraint/>', 'the root element must be LocationConstraint with the region'],
    ['not XML', 'ap-guangzhou', expect.stringContaining('is not expected')],
  ])('refuses %s', (_name, xml, reason) => {
    expect(parseLocationXml(xml)).toEqual({ ok: false, reason });
  });
});
