// Cloud mode: qcloud-cos-sts getCredential (GetFederationToken over HTTPS, qcloud-cos-sts 3.1.3 sdk/sts.js). `host`
// is configurable (COS_STS_HOST) so tests can point it at cos-local's HTTPS port.
import STS from 'qcloud-cos-sts';
import { StsFailure, type StsProvider } from './types';

export function cloudStsProvider(host: string): StsProvider {
  return {
    async getFederationToken(request) {
      try {
        const data = await STS.getCredential({
          secretId: request.credential.secretId,
          secretKey: request.credential.secretKey,
          policy: request.policy,
          durationSeconds: request.durationSeconds,
          region: request.region,
          host,
        });
        const c = data.credentials;
        return { tmpSecretId: c.tmpSecretId, tmpSecretKey: c.tmpSecretKey, sessionToken: c.sessionToken, startTime: data.startTime, expiredTime: data.expiredTime };
      } catch (e) {
        // API errors come back as `{ Code, Message, RequestId }`; anything else is a transport error.
        const err = e as { Code?: unknown; Message?: unknown; message?: unknown };
        if (typeof err.Code === 'string') throw new StsFailure('refused', err.Code, typeof err.Message === 'string' ? err.Message : err.Code);
        throw new StsFailure('unreachable', 'Unreachable', `STS at ${host} did not answer: ${typeof err.message === 'string' ? err.message : String(e)}`);
      }
    },
  };
}
