// CosClient on cos-js-sdk-v5. The browser calls COS (or cos-local) directly; the console server only
// signs each request (POST /api/sign) and never relays COS traffic (DESIGN.md §2).
import type COS from 'cos-js-sdk-v5';
import type { SignRequest, SignedAuthorization } from '../api/console-api';
import { ApiError } from '../api/http';
import type { CosClient, ListObjectsInput, ListObjectsPage } from './cos-client';
import { CosClientError, fromSdkError } from './cos-error';
import { mapListResult } from './map-list-result';

export interface SdkCosClientOptions {
  /** cos-js-sdk-v5 `Domain` template from /api/config, e.g. 'http://127.0.0.1:9000/{Bucket}'; '' = COS hosts. */
  domain: string;
  serviceDomain?: string;
  protocol: 'http:' | 'https:';
  sign: (request: SignRequest) => Promise<SignedAuthorization>;
}

type AuthCallback = (params: COS.GetAuthorizationCallbackParams) => void;

// The SDK accepts `{ Authorization, SecurityToken }` (src/base.js getAuthorizationAsync), but its
// typings only describe the STS-key object; a bare string is typed, so use it when there is no token.
function toCallbackParams(auth: SignedAuthorization): COS.GetAuthorizationCallbackParams {
  return auth.SecurityToken === undefined ? auth.Authorization : (auth as COS.Credentials);
}

function toSignError(error: unknown): CosClientError {
  if (error instanceof ApiError) return new CosClientError('sign', error.code, error.message, error.status);
  return new CosClientError('sign', 'SignFailed', error instanceof Error ? error.message : String(error));
}

export function createSdkCosClient(options: SdkCosClientOptions): CosClient {
  let sdk: Promise<COS> | undefined;
  // The SDK cannot be told why getAuthorization failed: it only reports "getAuthorization callback
  // params …". It calls getAuthorization synchronously inside the API call, so call() opens this
  // sink around the call and the callback reports into the sink that was open when it started.
  let signErrorSink: CosClientError[] | undefined;

  function getAuthorization(params: COS.GetAuthorizationOptions, callback: AuthCallback): void {
    const sink = signErrorSink;
    const { Method, Pathname, Query, Headers, Bucket, Region, Key } = params;
    options.sign({ Method, Pathname, Query, Headers, Bucket, Region, Key }).then(
      (auth) => callback(toCallbackParams(auth)),
      (error: unknown) => {
        sink?.push(toSignError(error));
        callback(''); // an invalid answer makes the SDK fail this request instead of hanging
      },
    );
  }

  // Loaded on first use so the login page and the shell do not carry the SDK (~160 kB).
  function load(): Promise<COS> {
    sdk ??= import('cos-js-sdk-v5').then(
      ({ default: Sdk }) =>
        new Sdk({
          Domain: options.domain,
          ServiceDomain: options.serviceDomain ?? '',
          Protocol: options.protocol,
          getAuthorization,
        }),
    );
    return sdk;
  }

  async function call<T>(start: (cos: COS) => Promise<T>): Promise<T> {
    const cos = await load();
    const signErrors: CosClientError[] = [];
    let pending: Promise<T>;
    signErrorSink = signErrors;
    try {
      pending = start(cos);
    } finally {
      signErrorSink = undefined;
    }
    try {
      return await pending;
    } catch (error) {
      const signError = signErrors[0];
      if (signError) throw signError;
      const mapped = fromSdkError(error);
      // A signing failure the sink missed (e.g. on an SDK retry) still is one.
      if (/getAuthorization/.test(mapped.message)) throw new CosClientError('sign', 'SignFailed', mapped.message);
      throw mapped;
    }
  }

  return {
    listObjects: (input: ListObjectsInput): Promise<ListObjectsPage> =>
      call(async (cos) => {
        const result = await cos.getBucket({
          Bucket: input.bucket,
          Region: input.region,
          Prefix: input.prefix,
          ...(input.delimiter ? { Delimiter: input.delimiter } : {}),
          ...(input.marker ? { Marker: input.marker } : {}),
          ...(input.maxKeys ? { MaxKeys: input.maxKeys } : {}),
        });
        return mapListResult(result);
      }),
  };
}
