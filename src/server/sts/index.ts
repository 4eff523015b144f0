// Picks the STS provider for the COS target: cos-local's plain port in local mode, qcloud-cos-sts in
// cloud mode.
import type { CosTarget } from '../config';
import { cloudStsProvider } from './cloud';
import { localStsProvider } from './local';
import type { StsProvider } from './types';

export const DEFAULT_STS_HOST = 'sts.tencentcloudapi.com';

export function createStsProvider(target: CosTarget): StsProvider {
  if (target.mode === 'local') {
    // cos-local answers STS on the port it serves COS on (`ip`) when no endpoint is configured.
    const endpoint = target.stsEndpoint ?? (target.ip ? `http://${target.ip}/` : undefined);
    if (!endpoint) throw new Error('local mode needs cos-local\'s STS endpoint (CosTarget.stsEndpoint or ip)');
    return localStsProvider(endpoint);
  }
  return cloudStsProvider(target.stsEndpoint ?? DEFAULT_STS_HOST);
}

export { StsFailure, mayNotCallSts, type StsProvider, type TemporaryKey, type StsCredential } from './types';
