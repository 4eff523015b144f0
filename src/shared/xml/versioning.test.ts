import { describe, expect, it } from 'vitest';
import { buildVersioningXml, parseVersioningXml } from './versioning';

describe('versioning codec', () => {
  it.each(['Enabled', 'Suspended'] as const)('round-trips %s', (status) => {
    expect(parseVersioningXml(buildVersioningXml(status))).toEqual({ ok: true, value: status });
  });

  it('builds the empty root of a never-configured bucket (436/19888)', () => {
    expect(buildVersioningXml(undefined)).toContain('<VersioningConfiguration></VersioningConfiguration>');
  });

  it.each([
    ['<VersioningConfiguration><Status>On</Status></VersioningConfiguration>', 'Status must be Enabled or Suspended'],
    ['<VersioningConfiguration/>', 'Status must be Enabled or Suspended'],
    ['<Other><Status>Enabled</Status></Other>', 'the root element must be VersioningConfiguration'],
    ['<VersioningConfiguration><Status>Enabled', expect.stringMatching(/VersioningConfiguration.*Status/)],
  ])('refuses %s', (xml, reason) => {
    expect(parseVersioningXml(xml)).toEqual({ ok: false, reason });
  });
});
