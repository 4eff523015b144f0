// /api/config as the console reads it: the allowed regions (server COS_ALLOWED_REGIONS) when there are
// some; an answer that breaks the contract (src/shared/api/meta.ts) is refused, naming what is wrong.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getConfig } from './console-api';

function answer(body: unknown): void {
  vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }))));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const base = { mode: 'cloud', cos: { domain: '{Bucket}.cos.{Region}.myqcloud.com', protocol: 'https:' }, defaultRegion: 'ap-shanghai' };

describe('getConfig', () => {
  it('reads the allowed regions', async () => {
    answer({ ...base, allowedRegions: ['ap-shanghai', 'ap-guangzhou'] });
    expect(await getConfig()).toEqual({ ...base, allowedRegions: ['ap-shanghai', 'ap-guangzhou'] });
  });

  it('has none when every region is allowed', async () => {
    answer(base);
    expect(await getConfig()).not.toHaveProperty('allowedRegions');
  });

  it.each<[string, unknown, string]>([
    ['a malformed region list', { ...base, allowedRegions: [1] }, '/api/config: /allowedRegions/0 must be string'],
    ['an unknown protocol', { ...base, cos: { ...base.cos, protocol: 'ftp:' } }, '/api/config: /cos/protocol must be one of http:, https:'],
    ['no default region', { mode: base.mode, cos: base.cos }, '/api/config: /defaultRegion is required'],
  ])('refuses %s, saying where', async (_case, body, message) => {
    answer(body);
    await expect(getConfig()).rejects.toMatchObject({ status: 502, code: 'MalformedResponse', message });
  });
});
