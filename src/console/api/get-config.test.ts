// /api/config as the console reads it: the allowed regions (server COS_ALLOWED_REGIONS) when there are some.
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

  it('has none when every region is allowed, or when the field is malformed', async () => {
    answer(base);
    expect(await getConfig()).not.toHaveProperty('allowedRegions');
    answer({ ...base, allowedRegions: [1] });
    expect(await getConfig()).not.toHaveProperty('allowedRegions');
  });
});
