// Demo data for local mode, created on first start through the COS API itself (cos-nodejs-sdk-v5
// against cos-local), so the seed exercises the same path users do. Every bucket gets a CORS rule
// for the console's origins: the browser's COS requests are real cross-origin requests.
import COS from 'cos-nodejs-sdk-v5';

export interface SeedTarget {
  secretId: string;
  secretKey: string;
  /** `127.0.0.1:<port>` of cos-local. */
  ip: string;
  appId: string;
  consoleOrigins: string[];
}

// Headers the SDK and the console read from responses (docs/cos-behaviour.md "CORS").
const EXPOSE_HEADERS = ['ETag', 'Content-Length', 'Content-Type', 'Date', 'Last-Modified', 'x-cos-request-id', 'x-cos-version-id',
  'x-cos-delete-marker', 'x-cos-acl', 'x-cos-hash-crc64ecma', 'x-cos-storage-class', 'x-cos-server-side-encryption', 'x-cos-tagging-count'];

// A 1×1 PNG, so image previews have something real to show.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/eL9GtQAAAABJRU5ErkJggg==', 'base64');

interface SeedObject { key: string; body: string | Buffer; contentType: string }

function demoBuckets(appId: string): { name: string; region: string; objects: SeedObject[] }[] {
  const text = (key: string, body: string, contentType = 'text/plain; charset=utf-8'): SeedObject => ({ key, body, contentType });
  const logs: SeedObject[] = [];
  for (let i = 0; i < 1200; i++) {
    logs.push(text(`app/part-${String(i).padStart(5, '0')}.log`, `line ${i}: request served in ${(i * 7) % 250} ms\n`));
  }
  logs.push(text('README.txt', 'Application logs: 1,200 objects under app/ to exercise paging.\n'));
  return [
    {
      name: `photos-${appId}`,
      region: 'ap-guangzhou',
      objects: [
        { key: '2024/spring/cherry-blossom.png', body: PNG, contentType: 'image/png' },
        { key: '2024/spring/river.png', body: PNG, contentType: 'image/png' },
        { key: '2025/summer/beach.png', body: PNG, contentType: 'image/png' },
        { key: '2025/summer/日落 sunset.png', body: PNG, contentType: 'image/png' },
        text('README.md', '# Photos\n\nDemo bucket with folders by year and season.\n', 'text/markdown; charset=utf-8'),
      ],
    },
    {
      name: `documents-${appId}`,
      region: 'ap-beijing',
      objects: [
        text('reports/2025/q1.csv', 'region,revenue\nnorth,100\nsouth,120\n', 'text/csv'),
        text('reports/2025/q2.csv', 'region,revenue\nnorth,110\nsouth,125\n', 'text/csv'),
        text('notes/中文笔记.txt', '这是一个中文文件名的示例。\n'),
        text('notes/a+b (1) #draft?.txt', 'A key with + space ( ) # and ? in it.\n'),
        text('config/settings.json', JSON.stringify({ theme: 'light', retries: 3 }, null, 2), 'application/json'),
        text('index.html', '<!doctype html><title>Docs</title><h1>Documents</h1>', 'text/html; charset=utf-8'),
      ],
    },
    { name: `logs-${appId}`, region: 'ap-shanghai', objects: logs },
  ];
}

/** Runs tasks with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  });
  await Promise.all(workers);
}

export async function seedDemo(target: SeedTarget): Promise<{ buckets: number; objects: number }> {
  const cos = new COS({ SecretId: target.secretId, SecretKey: target.secretKey, Protocol: 'http:', Ip: target.ip });
  let objects = 0;
  const buckets = demoBuckets(target.appId);
  for (const b of buckets) {
    await cos.putBucket({ Bucket: b.name, Region: b.region });
    await cos.putBucketCors({
      Bucket: b.name,
      Region: b.region,
      CORSRules: [{
        AllowedOrigin: target.consoleOrigins,
        AllowedMethod: ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'],
        AllowedHeader: ['*'],
        ExposeHeader: EXPOSE_HEADERS,
        MaxAgeSeconds: 600,
      }],
    });
    await pool(b.objects, 16, async (o) => {
      await cos.putObject({ Bucket: b.name, Region: b.region, Key: o.key, Body: o.body, ContentType: o.contentType });
      objects++;
    });
  }
  return { buckets: buckets.length, objects };
}
