import { describe, expect, it } from 'vitest';
import { bucketEndpoint, replicationDestinations, replicationTarget, websiteEndpoint, type EndpointConfig, type ReplicationTarget } from './endpoints';

const B = 'photos-1250000000';
const R = 'ap-guangzhou';

describe('bucketEndpoint and websiteEndpoint', () => {
  it.each<[string, EndpointConfig, string, string | undefined]>([
    ['COS default hosts', { domain: '', protocol: 'https:' }, `https://${B}.cos.${R}.myqcloud.com`, `https://${B}.cos-website.${R}.myqcloud.com`],
    ['cos-local', { domain: '{Bucket}.cos.{Region}.localhost:9414', protocol: 'http:' }, `http://${B}.cos.${R}.localhost:9414`, `http://${B}.cos-website.${R}.localhost:9414`],
    ['a template with its scheme', { domain: 'https://{Bucket}.cos.{Region}.tencentcos.cn', protocol: 'http:' }, `https://${B}.cos.${R}.tencentcos.cn`, `https://${B}.cos-website.${R}.tencentcos.cn`],
    ['path-style private endpoint', { domain: 'http://127.0.0.1:9000/{Bucket}', protocol: 'http:' }, `http://127.0.0.1:9000/${B}`, undefined],
    ['internal endpoint', { domain: '{Bucket}.cos-internal.{Region}.tencentcos.cn', protocol: 'https:' }, `https://${B}.cos-internal.${R}.tencentcos.cn`, undefined],
  ])('%s', (_, config, rest, website) => {
    expect(bucketEndpoint(config, B, R)).toBe(rest);
    expect(websiteEndpoint(config, B, R)).toBe(website);
  });
});

describe('replicationTarget', () => {
  it.each<[string, ReplicationTarget | undefined]>([
    ['qcs::cos:ap-shanghai::backup-1250000000', { region: 'ap-shanghai', bucket: 'backup-1250000000' }],
    ['qcs:id/0:cos:ap-beijing:appid/1250000000:backup', { region: 'ap-beijing', bucket: 'backup-1250000000' }],
    ['qcs:id/0:cos:ap-beijing:appid/1250000000:backup-1250000000', { region: 'ap-beijing', bucket: 'backup-1250000000' }],
    ['backup-1250000000', undefined],
    ['qcs::cos:ap-shanghai::a/b', undefined],
  ])('%s', (resource, expected) => {
    expect(replicationTarget(resource)).toEqual(expected);
  });
});

describe('replicationDestinations', () => {
  const to = (bucket: string) => ({ destination: { bucket } });
  it.each<[string, { destination: { bucket: string } }[], string[]]>([
    ['none', [], []],
    ['two rules to one bucket count once', [to('qcs::cos:ap-shanghai::b-1250000000'), to('qcs::cos:ap-shanghai::b-1250000000')], ['b-1250000000 (ap-shanghai)']],
    ['an unknown form is kept', [to('qcs::cos:ap-beijing::c-1250000000'), to('odd')], ['c-1250000000 (ap-beijing)', 'odd']],
  ])('%s', (_, rules, expected) => {
    expect(replicationDestinations(rules)).toEqual(expected);
  });
});
