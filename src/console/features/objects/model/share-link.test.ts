import { describe, expect, it } from 'vitest';
import { CosClientError } from '../../../cos/cos-error';
import { formatExpiry, isShareSeconds, SHARE_DURATIONS, shareFailureKind } from './share-link';

describe('share link model', () => {
  it('offers 15 min, 1 h and 2 h, the longest being the server maximum (7200 s)', () => {
    expect(SHARE_DURATIONS.map((d) => d.seconds)).toEqual([900, 3600, 7200]);
    expect(isShareSeconds(7200)).toBe(true);
    expect(isShareSeconds(7201)).toBe(false);
    expect(isShareSeconds('900')).toBe(false);
  });

  it('tells a refusal to sign (403) from other failures', () => {
    expect(shareFailureKind(new CosClientError('sign', 'Forbidden', 'needs share', 403))).toBe('forbidden');
    expect(shareFailureKind(new CosClientError('sign', 'Unauthorized', 'x', 401))).toBe('failed');
    expect(shareFailureKind(new CosClientError('network', 'NetworkError', 'x', 0))).toBe('failed');
    expect(shareFailureKind(new Error('x'))).toBe('failed');
  });

  it('formats the expiry to the second', () => {
    const text = formatExpiry(Date.UTC(2026, 10, 23, 14, 5, 9), 'en-US');
    expect(text).toMatch(/2026/);
    expect(text).toMatch(/:09/);
  });
});
