import { describe, expect, it } from 'vitest';
import type { DomainConfiguration, DomainRule } from '../../../../shared/xml/domain';
import { cnameTarget, curlLine, domainNameProblem, keyPath, localhostUrl, templatePort, withDomain, withoutDomain, type DomainProblem } from './domains';

const rule = (name: string, extra: Partial<DomainRule> = {}): DomainRule => ({ status: 'ENABLED', name, type: 'REST', ...extra });

describe('domainNameProblem', () => {
  const existing = [rule('Files.Example.com')];
  it.each<[string, DomainProblem | undefined]>([
    ['static.example.com', undefined],
    ['  cdn.example.com.  ', undefined],
    ['files-abc.localhost', undefined],
    ['xn--fiqs8s.example.cn', undefined],
    ['', 'empty'],
    ['   ', 'empty'],
    ['https://files.example.com', 'scheme'],
    ['files.example.com/a', 'path'],
    ['files.example.com:8080', 'port'],
    ['*.example.com', 'wildcard'],
    [`${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(9)}.com`, 'tooLong'],
    ['localhost', 'invalid'],
    ['under_score.example.com', 'invalid'],
    ['-lead.example.com', 'invalid'],
    ['a..b.com', 'invalid'],
    [`${'x'.repeat(64)}.com`, 'invalid'],
    ['files.example.com', 'duplicate'],
    ['FILES.EXAMPLE.COM', 'duplicate'],
  ])('%j → %s', (input, expected) => {
    expect(domainNameProblem(input, existing)).toBe(expected);
  });
});

describe('withDomain / withoutDomain', () => {
  const saved: DomainConfiguration = { rules: [rule('a.example.com', { forcedReplacement: 'CNAME' }), rule('b.example.com', { type: 'WEBSITE' })] };
  it.each<[string, DomainConfiguration | null, Parameters<typeof withDomain>[1], DomainConfiguration]>([
    ['first rule', null, { name: ' new.example.com. ', origin: 'REST' }, { rules: [rule('new.example.com')] }],
    [
      'appended; older rules lose their ForcedReplacement',
      saved,
      { name: 'c.example.com', origin: 'WEBSITE', forcedReplacement: 'TXT' },
      { rules: [rule('a.example.com'), rule('b.example.com', { type: 'WEBSITE' }), rule('c.example.com', { type: 'WEBSITE', forcedReplacement: 'TXT' })] },
    ],
  ])('%s', (_, config, added, expected) => {
    expect(withDomain(config, added)).toEqual(expected);
  });

  it.each<[string, DomainConfiguration | null, string, DomainConfiguration | null]>([
    ['one of two, case-insensitively', saved, 'A.EXAMPLE.COM', { rules: [rule('b.example.com', { type: 'WEBSITE' })] }],
    ['the last one: delete the configuration', { rules: [rule('a.example.com')] }, 'a.example.com', null],
    ['an unknown name changes nothing', { rules: [rule('a.example.com')] }, 'z.example.com', { rules: [rule('a.example.com')] }],
    ['nothing configured', null, 'a.example.com', null],
  ])('%s', (_, config, name, expected) => {
    expect(withoutDomain(config, name)).toEqual(expected);
  });
});

describe('cnameTarget', () => {
  it.each<[string, string]>([
    ['REST', 'photos-1250000000.cos.ap-guangzhou.myqcloud.com'],
    ['WEBSITE', 'photos-1250000000.cos-website.ap-guangzhou.myqcloud.com'],
    ['ACCELERATE', 'photos-1250000000.cos.accelerate.myqcloud.com'],
  ])('%s', (type, expected) => {
    expect(cnameTarget('photos-1250000000', 'ap-guangzhou', type)).toBe(expected);
  });
});

describe('templatePort', () => {
  it.each<[string, number | undefined]>([
    ['{Bucket}.cos.{Region}.localhost:9414', 9414],
    ['http://127.0.0.1:9000/{Bucket}', 9000],
    ['https://{Bucket}.cos.{Region}.example.com', undefined],
    ['', undefined],
  ])('%j → %s', (template, expected) => {
    expect(templatePort(template)).toBe(expected);
  });
});

describe('keyPath, curlLine and localhostUrl', () => {
  it.each<[string, string]>([
    ['a.txt', 'a.txt'],
    ['dir/a b+c.txt', 'dir/a%20b%2Bc.txt'],
    ['中文/#?.txt', '%E4%B8%AD%E6%96%87/%23%3F.txt'],
  ])('keyPath(%j)', (key, expected) => {
    expect(keyPath(key)).toBe(expected);
  });

  it.each<[string, number, string, string]>([
    ['files.example.com', 9000, 'hello.txt', `curl -H 'Host: files.example.com' 'http://127.0.0.1:9000/hello.txt'`],
    ['files.example.com', 9414, 'a b/it\'s.txt', `curl -H 'Host: files.example.com' 'http://127.0.0.1:9414/a%20b/it'\\''s.txt'`],
  ])('curlLine(%j, %d, %j)', (domain, port, key, expected) => {
    expect(curlLine(domain, port, key)).toBe(expected);
  });

  it.each<[string, string, string | undefined]>([
    ['files-x.localhost', 'a.txt', 'http://files-x.localhost:9000/a.txt'],
    ['Files.LocalHost', '', 'http://files.localhost:9000/'],
    ['files.example.com', 'a.txt', undefined],
    ['localhost.example.com', 'a.txt', undefined],
  ])('localhostUrl(%j, %j)', (domain, key, expected) => {
    expect(localhostUrl(domain, 9000, key)).toBe(expected);
  });
});
