import { describe, expect, it } from 'vitest';
import { hostBinding, type HostBinding } from './host-binding';

const B = 'photos-1250000000';

describe('hostBinding', () => {
  const cases: [host: string, bucket: string, expected: HostBinding][] = [
    [`${B}.cos.ap-guangzhou.myqcloud.com`, B, 'bucket'],
    [`${B}.cos.ap-guangzhou.localhost:9000`, B, 'bucket'],
    [`${B.toUpperCase()}.COS.AP-GUANGZHOU.MYQCLOUD.COM`, B, 'bucket'],
    [`${B}.cos.ap-guangzhou.myqcloud.com.`, B, 'bucket'],
    [`${B}.cos-internal.ap-shanghai.tencentcos.cn`, B, 'bucket'],
    [`docs-1250000000.cos.ap-guangzhou.myqcloud.com`, B, 'unbound'],
    [`${B}x.cos.ap-guangzhou.myqcloud.com`, B, 'unbound'],
    [`x${B}.cos.ap-guangzhou.myqcloud.com`, B, 'unbound'],
    ['127.0.0.1:9000', B, 'unbound'],
    ['localhost:9000', B, 'unbound'],
    ['cos.example.internal', B, 'unbound'],
    [`${B}.localhost`, B, 'unbound'],
    [`${B}`, B, 'unbound'],
    ['[::1]:9000', B, 'unbound'],
    ['', B, 'unbound'],
    ['service.cos.myqcloud.com', '', 'service'],
    ['cos.ap-guangzhou.myqcloud.com', '', 'service'],
    ['service.cos.localhost:9000', '', 'service'],
    ['127.0.0.1:9000', '', 'unbound'],
    [`${B}.cos.ap-guangzhou.myqcloud.com`, '', 'unbound'],
  ];
  it.each(cases)('%s for "%s" is %s', (host, bucket, expected) => {
    expect(hostBinding(host, bucket)).toBe(expected);
  });
});
