import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('cloud mode configuration', () => {
  it('is on with both keys, with the default region and STS host', () => {
    const config = loadConfig({ COS_SECRET_ID: 'AKIDx', COS_SECRET_KEY: 'k' });
    expect(config.cloud).toEqual({ secretId: 'AKIDx', secretKey: 'k', stsHost: 'sts.tencentcloudapi.com' });
    expect(config.region).toBe('ap-guangzhou');
    expect(loadConfig({}).cloud).toBeUndefined();
    expect(() => loadConfig({ COS_SECRET_ID: 'AKIDx' })).toThrow(ConfigError);
  });

  it('takes the test-only COS_ENDPOINT_IP as <host>:<port>, and COS_STS_HOST', () => {
    const c = loadConfig({ COS_SECRET_ID: 'AKIDx', COS_SECRET_KEY: 'k', COS_ENDPOINT_IP: '127.0.0.1:9243', COS_STS_HOST: '127.0.0.1:9243' }).cloud;
    expect(c).toMatchObject({ endpointIp: '127.0.0.1:9243', stsHost: '127.0.0.1:9243' });
    expect(() => loadConfig({ COS_SECRET_ID: 'AKIDx', COS_SECRET_KEY: 'k', COS_ENDPOINT_IP: 'http://127.0.0.1' })).toThrow(/COS_ENDPOINT_IP/);
  });
});
