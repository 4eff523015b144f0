// One HTTP request to cos-local with a Host header of our choosing: virtual-hosted addressing
// (`<bucket>.cos.<region>.localhost:<port>`, docs/security.md) without DNS — Node's fetch neither
// resolves `*.localhost` nor lets a caller set Host.
import { request } from 'node:http';

export interface CosRequest {
  /** cos-local's port on 127.0.0.1. */
  port: number;
  /** The Host header, e.g. `photos-1250000000.cos.ap-guangzhou.localhost:9000`. */
  host: string;
  method?: string;
  /** Path and query as sent, e.g. `/a%20b.txt?versionId=1`. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface CosAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The `<Code>` of a COS error body, '' otherwise. */
  code: string;
}

export function cosRequest(r: CosRequest): Promise<CosAnswer> {
  return new Promise((resolve, reject) => {
    const body = r.body === undefined ? undefined : Buffer.from(r.body);
    const req = request({
      host: '127.0.0.1', port: r.port, method: r.method ?? 'GET', path: r.path,
      headers: { ...r.headers, host: r.host, ...(body ? { 'content-length': String(body.length) } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? '' });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** `<bucket>.cos.<region>.localhost:<port>`: the virtual-hosted host of a cos-local bucket. */
export const bucketHost = (bucket: string, region: string, port: number): string => `${bucket}.cos.${region}.localhost:${port}`;
