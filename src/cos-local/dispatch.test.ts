import { describe, expect, it } from 'vitest';
import { OPERATION_TABLE } from '../shared/cos/operations';
import { camAction, dispatch, type DispatchInput } from './dispatch';

const d = (method: string, level: DispatchInput['level'], subresources: string[] = [], copySource = false) =>
  dispatch({ method, level, subresources, copySource });
/** The operation dispatched, or the code of the error it answers. */
const outcome = (f: () => string): string => {
  try {
    return f();
  } catch (e) {
    return (e as { code: string }).code;
  }
};
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
  // Pinned both ways: an operation dropped from IMPLEMENTED, or one added to it before it is really
  // answered, changes this list. These are the COS features cos-local leaves out on purpose (STS is
  // answered before dispatch, src/cos-local/sts).
  it('answers NotImplemented for exactly the operations cos-local leaves out, and dispatches every other one to itself', () => {
    const notImplemented = new Set<string>();
    for (const level of ['service', 'bucket', 'object'] as const) {
      for (const [sub, methods] of Object.entries(OPERATION_TABLE[level])) {
        for (const [method, name] of Object.entries(methods)) {
          const answer = outcome(() => d(method, level, sub === '' ? [] : [sub]));
          if (answer === 'NotImplemented') notImplemented.add(name);
          else expect(answer, `${method} ${level} ?${sub}`).toBe(name);
        }
      }
    }
    expect([...notImplemented].sort()).toEqual([
      'CiProcess', 'DeleteBucketInventory', 'DeleteBucketOrigin', 'GetBucketAccelerate', 'GetBucketIntelligentTiering', 'GetBucketInventory',
      'GetBucketLogging', 'GetBucketOrigin', 'GetFederationToken', 'GetObjectLockConfiguration', 'PostBucketInventory', 'PostObjectRestore',
      'PutBucketAccelerate', 'PutBucketIntelligentTiering', 'PutBucketInventory', 'PutBucketLogging', 'PutBucketOrigin',
      'PutObjectLockConfiguration', 'SelectObjectContent',
    ]);
  });

  it('knows exactly the subresources routing recognises', async () => {
    const { SUBRESOURCE_NAMES } = await import('../shared/cos/operations');
    const { SUBRESOURCES } = await import('./subresources');
    expect([...SUBRESOURCE_NAMES].sort()).toEqual([...SUBRESOURCES].sort());
  });
});
