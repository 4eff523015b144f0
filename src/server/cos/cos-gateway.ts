// Server-side COS calls, only where a browser cannot make them: real COS sends no CORS headers on the
// service endpoint (cos-protocol.md §2.10), so listing buckets happens here. Uses the official Node
// SDK; in local mode its `Ip` option sends requests to cos-local with production Host headers.
import COS from 'cos-nodejs-sdk-v5';
import type { CosTarget } from '../config';

export interface BucketSummary {
  name: string;
  region: string;
  creationDate: string;
}

export interface CosGateway {
  listBuckets(): Promise<BucketSummary[]>;
}

export function createCosGateway(target: CosTarget): CosGateway {
  const cos = new COS({
    SecretId: target.secretId,
    SecretKey: target.secretKey,
    Protocol: target.protocol,
    ...(target.ip ? { Ip: target.ip } : {}),
    Timeout: 15_000,
  });
  return {
    async listBuckets() {
      const result = await cos.getService({});
      return (result.Buckets ?? []).map((b) => ({ name: b.Name, region: b.Location, creationDate: b.CreationDate }));
    },
  };
}
