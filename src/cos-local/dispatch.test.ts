import { describe, expect, it } from 'vitest';
import { camAction, dispatch, type DispatchInput } from './dispatch';

const d = (method: string, level: DispatchInput['level'], subresources: string[] = [], copySource = false) =>
  dispatch({ method, level, subresources, copySource });
const code = (f: () => unknown): string => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('dispatch', () => {
  it.each([
    ['GET', 'service', [], 'GetService'],
    ['PUT', 'bucket', [], 'PutBucket'],
    ['HEAD', 'bucket', [], 'HeadBucket'],
    ['GET', 'bucket', [], 'GetBucket'],
    ['DELETE', 'bucket', [], 'DeleteBucket'],
    ['PUT', 'bucket', ['cors'], 'PutBucketCors'],
    ['GET', 'bucket', ['cors'], 'GetBucketCors'],
    ['DELETE', 'bucket', ['cors'], 'DeleteBucketCors'],
    ['PUT', 'object', [], 'PutObject'],
    ['GET', 'object', [], 'GetObject'],
    ['HEAD', 'object', [], 'HeadObject'],
    ['DELETE', 'object', [], 'DeleteObject'],
    ['OPTIONS', 'object', [], 'OptionsObject'],
    ['POST', 'bucket', [], 'PostObject'],
    ['OPTIONS', 'bucket', ['lifecycle'], 'OptionsObject'],
  ] as const)('%s %s %j → %s', (method, level, subs, op) => {
    expect(d(method, level, [...subs])).toBe(op);
  });

  it.each([
    ['a known bucket subresource', 'GET', 'bucket', ['logging'], 'NotImplemented'],
    ['STS on the service endpoint', 'POST', 'service', [], 'NotImplemented'],
    ['image processing', 'GET', 'object', ['ci-process'], 'NotImplemented'],
    ['PUT on the service', 'PUT', 'service', [], 'MethodNotAllowed'],
    ['POST on an object', 'POST', 'object', [], 'MethodNotAllowed'],
    ['HEAD ?cors', 'HEAD', 'bucket', ['cors'], 'MethodNotAllowed'],
    ['a bucket-only subresource on an object', 'GET', 'object', ['cors'], 'MethodNotAllowed'],
    ['PATCH', 'PATCH', 'object', [], 'MethodNotAllowed'],
    ['two subresources', 'GET', 'bucket', ['cors', 'acl'], 'InvalidArgument'],
  ] as const)('%s → %s', (_name, method, level, subs, expected, copy?: boolean) => {
    expect(code(() => d(method, level, [...subs], copy ?? false))).toBe(expected);
  });

  it('turns PUT Object with x-cos-copy-source into PUT Object - Copy', () => {
    expect(d('PUT', 'object', [], true)).toBe('PutObjectCopy');
    expect(camAction('PutObjectCopy')).toBe('name/cos:PutObject');
  });

  it('names CAM actions', () => {
    expect(camAction('PutBucketCors')).toBe('name/cos:PutBucketCORS');
    expect(camAction('GetObject')).toBe('name/cos:GetObject');
  });
});

describe('the shared operation table', () => {
  it('knows exactly the subresources routing recognises', async () => {
    const { SUBRESOURCE_NAMES } = await import('../shared/cos/operations');
    const { SUBRESOURCES } = await import('./subresources');
    expect([...SUBRESOURCE_NAMES].sort()).toEqual([...SUBRESOURCES].sort());
  });
});
