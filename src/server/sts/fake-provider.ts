// For server unit tests: an StsProvider that records what it is asked and hands out numbered keys, or
// fails as told. (Integration tests use cos-local's real STS.)
import { StsFailure, type FederationTokenRequest, type StsProvider, type TemporaryKey } from './types';

export interface FakeStsProvider extends StsProvider {
  calls: FederationTokenRequest[];
  /** Make the next calls fail with this (until set back to undefined). */
  failWith?: StsFailure;
}

export function fakeStsProvider(now: () => number = Date.now): FakeStsProvider {
  const fake: FakeStsProvider = {
    calls: [],
    async getFederationToken(request) {
      fake.calls.push(request);
      if (fake.failWith) throw fake.failWith;
      const start = Math.floor(now() / 1000);
      const n = fake.calls.length;
      const key: TemporaryKey = {
        tmpSecretId: `AKIDtmp${n}`, tmpSecretKey: `tmp-secret-key-${n}`, sessionToken: `token-${n}`,
        startTime: start, expiredTime: start + request.durationSeconds,
      };
      return key;
    },
  };
  return fake;
}

export { StsFailure };
