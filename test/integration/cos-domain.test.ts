// COS_DOMAIN / COS_SERVICE_DOMAIN reach the server's own COS calls (cos-nodejs-sdk-v5 `Domain` and
// `ServiceDomain`), not only the browser: a gateway with a private-endpoint style template and no `Ip`
// lists, creates and sets CORS through cos-local. Were the templates ignored, the SDK would call the
// default *.myqcloud.com hosts, which this machine cannot reach.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAccounts } from '../../src/cos-local/accounts';
import { startCosLocal, type RunningCosLocal } from '../../src/cos-local/app';
import { createCosGateway } from '../../src/server/cos/cos-gateway';

const SECRET_ID = 'AKIDcosdomaincosdomain000000000001';
const SECRET_KEY = 'cosdomaincosdomaincosdomain00001';
let cosLocal: RunningCosLocal;

beforeAll(async () => {
  cosLocal = await startCosLocal({ memory: true, port: 0, accounts: defaultAccounts(SECRET_ID, SECRET_KEY), log: () => undefined });
});
afterAll(async () => {
  await cosLocal.close();
});

describe('the server SDK with a Domain template', () => {
  it('sends every server-side call to the template\'s endpoint', async () => {
    const endpoint = `http://127.0.0.1:${cosLocal.port}`;
    const gateway = createCosGateway({
      mode: 'cloud', secretId: SECRET_ID, secretKey: SECRET_KEY, protocol: 'http:', defaultRegion: 'ap-guangzhou',
      browserDomain: `${endpoint}/{Bucket}`, serverDomain: `${endpoint}/{Bucket}`, serverServiceDomain: endpoint,
    });
    await gateway.createBucket('templated-1250000000', 'ap-guangzhou');
    expect(await gateway.listBuckets()).toContainEqual(expect.objectContaining({ name: 'templated-1250000000', region: 'ap-guangzhou' }));
    expect(await gateway.ensureConsoleCors('templated-1250000000', 'ap-guangzhou', 'https://console.example.com')).toBe('added');
    expect(await gateway.ensureConsoleCors('templated-1250000000', 'ap-guangzhou', 'https://console.example.com')).toBe('present');
  }, 60_000);
});
