// A cos-js-sdk-v5 instance for one bulk task (uploads into a folder, batch deletes): its requests are
// signed in the browser with the task's temporary keys (POST /api/sts), so a thousand-part upload
// costs one key request, not a thousand /api/sign calls (docs/architecture.md "How a request flows").
// A request the keys do not cover (ListMultipartUploads, task-credentials.ts), or every request of a
// session that cannot get keys (409 StsUnavailable), is signed by /api/sign as the listing client does.
import type COS from 'cos-js-sdk-v5';
import type { SignRequest, SignedAuthorization, TempKeys, TempKeyTask } from '../api/console-api';
import type { CosTask, CosTaskClient, DeleteBatchResult, RunningUpload, UploadInput } from './cos-client';
import { CosClientError, fromSdkError } from './cos-error';
import { toCallbackParams, toSignError } from './sign-callback';
import { coveredByTask, createTempKeySource, tempKeyTaskOf } from './task-credentials';

/** uploadFile sends one PUT up to this size, a multipart upload (parts of this size) above it. */
export const UPLOAD_SLICE_SIZE = 4 * 1024 * 1024;
/** DELETE Multiple Objects takes at most 1000 keys (436/8289). */
export const DELETE_BATCH_SIZE = 1000;

export interface TaskClientOptions {
  domain: string;
  serviceDomain?: string;
  protocol: 'http:' | 'https:';
  task: CosTask;
  requestTempKeys: (task: TempKeyTask) => Promise<TempKeys>;
  sign: (request: SignRequest) => Promise<SignedAuthorization>;
  sliceSize?: number;
}

type AuthCallback = (params: COS.GetAuthorizationCallbackParams) => void;

export function createTaskClient(options: TaskClientOptions): CosTaskClient {
  const { task } = options;
  const keySource = createTempKeySource(() => options.requestTempKeys(tempKeyTaskOf(task)));
  // The SDK only reports "getAuthorization callback params …" when signing fails; keep why, per key
  // (uploads run in parallel), so the caller sees the server's refusal instead.
  const signErrors = new Map<string, CosClientError>();
  let sdk: COS | undefined;
  let loading: Promise<COS> | undefined;

  function signPerRequest(params: COS.GetAuthorizationOptions, callback: AuthCallback): void {
    const { Method, Pathname, Query, Headers, Bucket, Region, Key } = params;
    options.sign({ Method, Pathname, Query, Headers, Bucket, Region, Key }).then(
      (auth) => callback(toCallbackParams(auth)),
      (error: unknown) => fail(params.Key, error, callback),
    );
  }

  function fail(key: string, error: unknown, callback: AuthCallback): void {
    signErrors.set(key, toSignError(error));
    callback(''); // an invalid answer makes the SDK fail this request instead of hanging
  }

  function getAuthorization(params: COS.GetAuthorizationOptions, callback: AuthCallback): void {
    // Scope is the SDK's own declaration of what the request needs; it only picks the credential
    // here — COS (with the keys' policy) and /api/sign (from the signed request) decide.
    const scope = (params.Scope as COS.Scope | undefined) ?? [];
    if (!coveredByTask(scope, task)) return signPerRequest(params, callback);
    keySource.keys().then(
      (keys) => {
        if (!keys) return signPerRequest(params, callback);
        // ScopeLimit: the SDK reuses these keys only for requests with the same Scope and asks
        // again for any other, so a request outside the task still comes back here.
        callback({ ...keys, ScopeLimit: true });
      },
      (error: unknown) => fail(params.Key, error, callback),
    );
  }

  // Loaded on first use, like the listing client (the SDK is ~160 kB).
  function load(): Promise<COS> {
    loading ??= import('cos-js-sdk-v5').then(({ default: Sdk }) => {
      sdk = new Sdk({
        Domain: options.domain,
        ServiceDomain: options.serviceDomain ?? '',
        Protocol: options.protocol,
        getAuthorization,
        // The upload store limits files itself; parts of one file go up three at a time (SDK default).
        FileParallelLimit: 4,
      });
      return sdk;
    });
    return loading;
  }

  function mapError(error: unknown, key: string): CosClientError {
    const mapped = fromSdkError(error);
    if (mapped.source === 'cos' || mapped.source === 'network') return mapped;
    const signError = signErrors.get(key) ?? signErrors.get('');
    if (signError) return signError;
    if (/getAuthorization/.test(mapped.message)) return new CosClientError('sign', 'SignFailed', mapped.message);
    return mapped;
  }

  return {
    task,
    upload(input: UploadInput): RunningUpload {
      let taskId: string | undefined;
      let cancelled = false;
      signErrors.delete(input.key);
      const done = load().then(
        (cos) =>
          new Promise<void>((resolve, reject) => {
            if (cancelled) return;
            cos.uploadFile(
              {
                Bucket: task.bucket,
                Region: task.region,
                Key: input.key,
                Body: input.body,
                SliceSize: options.sliceSize ?? UPLOAD_SLICE_SIZE,
                onTaskReady: (id: string) => {
                  taskId = id;
                },
                onProgress: (p: COS.ProgressInfo) => input.onProgress({ loaded: p.loaded, total: p.total, speed: p.speed }),
              },
              (error) => (error ? reject(mapError(error, input.key)) : resolve()),
            );
          }),
      );
      return {
        done,
        cancel: () => {
          cancelled = true;
          // A cancelled SDK task drops its callback (src/task.js killTask): `done` never settles.
          if (taskId !== undefined) sdk?.cancelTask(taskId);
        },
      };
    },

    async deleteBatch(keys: readonly string[]): Promise<DeleteBatchResult> {
      if (keys.length > DELETE_BATCH_SIZE) throw new Error(`at most ${DELETE_BATCH_SIZE} keys per batch`);
      const cos = await load();
      signErrors.delete('');
      try {
        const result = await cos.deleteMultipleObject({
          Bucket: task.bucket,
          Region: task.region,
          Objects: keys.map((Key) => ({ Key })),
          Quiet: false,
        });
        return {
          deleted: result.Deleted.map((d) => d.Key),
          failed: result.Error.map((e) => ({ key: e.Key, code: e.Code ?? 'Error', message: e.Message ?? '' })),
        };
      } catch (error) {
        throw mapError(error, '');
      }
    },
  };
}
