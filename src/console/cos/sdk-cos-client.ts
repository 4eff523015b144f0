// CosClient on cos-js-sdk-v5. The browser calls COS (or cos-local) directly; the console server only
// signs each request (POST /api/sign), or issues temporary keys for bulk tasks (forTask, task-client.ts),
// and never relays COS traffic (docs/architecture.md "How a request flows").
import type COS from 'cos-js-sdk-v5';
import type { SignRequest, SignedAuthorization, TempKeys, TempKeyTask } from '../api/console-api';
import { ApiError } from '../api/http';
import type { CosClient, CosTask, CosTaskClient, ListObjectsInput, ListObjectsPage, ShareLink, ShareLinkInput } from './cos-client';
import { CosClientError, fromSdkError } from './cos-error';
import { mapListResult } from './map-list-result';
import { toCallbackParams, toSignError } from './sign-callback';
import { createTaskClient } from './task-client';
import { keyTimeOfUrl } from './share-expiry';

export interface SdkCosClientOptions {
  /** cos-js-sdk-v5 `Domain` template from /api/config, e.g. 'http://127.0.0.1:9000/{Bucket}'; '' = COS hosts. */
  domain: string;
  serviceDomain?: string;
  protocol: 'http:' | 'https:';
  sign: (request: SignRequest) => Promise<SignedAuthorization>;
  /** POST /api/sts: temporary keys for bulk tasks (forTask); without it they sign per request. */
  requestTempKeys?: (task: TempKeyTask) => Promise<TempKeys>;
}

const settingRequests = () => import('./setting-requests');

type AuthCallback = (params: COS.GetAuthorizationCallbackParams) => void;

const noTempKeys = (): Promise<TempKeys> => Promise.reject(new ApiError(409, 'StsUnavailable', 'No temporary keys: sign each request.'));

export function createSdkCosClient(options: SdkCosClientOptions): CosClient {
  let sdk: Promise<COS> | undefined;
  // The SDK cannot be told why getAuthorization failed: it only reports "getAuthorization callback
  // params …". It calls getAuthorization synchronously inside the API call, so call() opens this
  // sink around the call and the callback reports into the sink that was open when it started.
  let signErrorSink: CosClientError[] | undefined;
  // getObjectUrl does not hand its Expires to getAuthorization (src/base.js getAuthorizationAsync), yet
  // the server must know it to sign a share link for that long: shareLink() sets this around the
  // synchronous part of the call, the same way as the sink above.
  let shareExpires: number | undefined;

  function getAuthorization(params: COS.GetAuthorizationOptions, callback: AuthCallback): void {
    const sink = signErrorSink;
    const expires = shareExpires;
    const { Method, Pathname, Query, Headers, Bucket, Region, Key } = params;
    options.sign({ Method, Pathname, Query, Headers, Bucket, Region, Key, ...(expires !== undefined ? { Expires: expires } : {}) }).then(
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

  /** getObjectUrl with the signature's lifetime passed on to the server (see shareExpires). */
  function signedUrl(cos: COS, input: ShareLinkInput): Promise<string> {
    shareExpires = input.expiresSeconds;
    try {
      return new Promise((resolve, reject) => {
        cos.getObjectUrl(
          { Bucket: input.bucket, Region: input.region, Key: input.key, Sign: true, Expires: input.expiresSeconds },
          (err, data) => (err ? reject(err) : resolve(data.Url)),
        );
      });
    } finally {
      shareExpires = undefined;
    }
  }

  // One task client per folder and kind, so its SDK instance and temporary keys are reused by every
  // upload into that folder (the keys are cached until they near expiry, task-credentials.ts).
  const taskClients = new Map<string, CosTaskClient>();
  function forTask(task: CosTask): CosTaskClient {
    const id = JSON.stringify([task.kind, task.region, task.bucket, task.prefix]);
    let client = taskClients.get(id);
    if (!client) {
      client = createTaskClient({ domain: options.domain, serviceDomain: options.serviceDomain, protocol: options.protocol, task, sign: options.sign, requestTempKeys: options.requestTempKeys ?? noTempKeys });
      taskClients.set(id, client);
    }
    return client;
  }

  return {
    forTask,
    // The settings' codecs load with the first settings request, not with the file browser.
    getSetting: async (target, name) => {
      const { readSetting } = await settingRequests();
      return call((cos) => readSetting(cos, target, name));
    },
    putSetting: async (target, name, value) => {
      const { writeSetting } = await settingRequests();
      return call((cos) => writeSetting(cos, target, name, value));
    },
    deleteSetting: async (target, name) => {
      const { deleteSetting } = await settingRequests();
      return call((cos) => deleteSetting(cos, target, name));
    },
    headObject: async (target, key) => {
      const { headObject } = await settingRequests();
      return call((cos) => headObject(cos, target, key));
    },
    getObjectAcl: async (target, key) => {
      const { readObjectAcl } = await settingRequests();
      return call((cos) => readObjectAcl(cos, target, key));
    },
    putObjectAcl: async (target, key, acl) => {
      const { writeObjectAcl } = await settingRequests();
      return call((cos) => writeObjectAcl(cos, target, key, acl));
    },
    replicationProgress: async (target) => {
      const { readReplicationProgress } = await settingRequests();
      return call((cos) => readReplicationProgress(cos, target));
    },
    shareLink: (input: ShareLinkInput): Promise<ShareLink> =>
      call(async (cos) => {
        const url = await signedUrl(cos, input);
        const keyTime = keyTimeOfUrl(url);
        if (!keyTime) throw new CosClientError('client', 'UnsignedUrl', 'The share link came back without a signature time.');
        return { url, expiresAt: keyTime.end * 1000 };
      }),
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
