// Typed calls to the console server's HTTP API. Requests and answers are the shared
// contract's (src/shared/api); callApi checks every answer against the route's response schema, so
// a contract drift shows up as one clear error instead of `undefined`s.
import {
  CreateBucket, FixConsoleCors, GetConfig, GetConsoleCors, GetSession, ListBuckets, Login, Logout, Sign, Sts,
  type AccountLogin, type BucketSummary, type ConfigResponse, type ConsoleCorsFix, type ConsoleCorsStatus, type CreatedBucket, type Grant,
  type KeyLogin, type SessionUser as WireSessionUser, type SignBody, type SignResponse, type StsBody, type StsResponse,
} from '../../shared/api';
import { ApiError, callApi } from './http';

export type ConsoleConfig = ConfigResponse;
export type { BucketSummary, ConsoleCorsStatus };

/** The signed-in person as the console uses it, from the session user the server sends. */
export interface SessionUser {
  /** The username, or the SecretId of an API-key session. */
  name: string;
  role: 'admin' | 'user' | 'api-key';
  /** False for an API key COS refused GET Service: the console then opens buckets by name. */
  canListBuckets: boolean;
  /**
   * A restricted console account's grants (role 'user'): where the console sends it and which actions
   * it offers. Absent for admins and API keys, which the console does not restrict (COS decides).
   */
  grants?: Grant[];
}

/** A COS API key to sign in with: SecretId, SecretKey and, for a temporary key, its token. */
export type KeyCredentials = KeyLogin;

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

/** What cos-js-sdk-v5 hands to getAuthorization (1.10.1 src/base.js getAuthorizationAsync), forwarded as is. */
export interface SignRequest {
  Method: string;
  Pathname: string;
  Query: Record<string, unknown>;
  Headers: Record<string, unknown>;
  Bucket: string;
  Region: string;
  Key: string;
  /** Share links only: the link's lifetime in seconds (the server picks the key time from it). */
  Expires?: number;
}

export type SignedAuthorization = SignResponse;

export async function getConfig(): Promise<ConsoleConfig> {
  return callApi(GetConfig);
}

function userOf(user: WireSessionUser): SessionUser {
  switch (user.role) {
    case 'api-key': return { name: user.name, role: 'api-key', canListBuckets: user.canListBuckets };
    case 'admin': return { name: user.name, role: 'admin', canListBuckets: true };
    case 'user': return { name: user.name, role: 'user', canListBuckets: true, grants: user.grants };
  }
}

/** The current session, or null when there is none (401). */
export async function getSession(): Promise<Session | null> {
  try {
    const { user, csrfToken } = await callApi(GetSession);
    return { user: userOf(user), csrfToken };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function login(credentials: AccountLogin): Promise<SessionUser> {
  return userOf((await callApi(Login, { body: credentials })).user);
}

/** Signs in with a COS API key (SecretId, SecretKey and, for a temporary key, its token). */
export async function loginWithKey(credentials: KeyCredentials): Promise<SessionUser> {
  return userOf((await callApi(Login, { body: credentials })).user);
}

export async function logout(csrfToken: string): Promise<void> {
  await callApi(Logout, { csrfToken });
}

export async function signCosRequest(request: SignRequest, csrfToken: string): Promise<SignedAuthorization> {
  // The SDK's parameters go as they are; the server checks them against the same schema.
  const body = await callApi(Sign, { body: request as SignBody, csrfToken });
  // An empty token is no token: cos-js-sdk-v5 would send an empty x-cos-security-token header.
  return body.SecurityToken !== undefined && body.SecurityToken !== ''
    ? { Authorization: body.Authorization, SecurityToken: body.SecurityToken }
    : { Authorization: body.Authorization };
}

export async function listBuckets(): Promise<BucketSummary[]> {
  return (await callApi(ListBuckets)).buckets;
}

/** A bulk task that temporary keys are asked for (POST /api/sts, src/server/routes/sts.ts). */
export type TempKeyTask = Pick<StsBody, 'bucket' | 'region' | 'prefix' | 'actions'>;

/** Temporary keys in the shape cos-js-sdk-v5's getAuthorization accepts (1.10.1 src/base.js getAuthorizationAsync). */
export type TempKeys = StsResponse;

/**
 * Temporary keys for one task. A 409 `StsUnavailable` (an API-key session whose key cannot call STS)
 * is thrown as an ApiError like any refusal; the caller then signs per request with /api/sign.
 */
export async function requestTempKeys(task: TempKeyTask, csrfToken: string): Promise<TempKeys> {
  return callApi(Sts, { body: task, csrfToken });
}

/** Whether a bucket's CORS rules let this console's origin make its requests (docs/cos-behaviour.md "CORS"). */
export async function getConsoleCors(bucket: string, region: string): Promise<ConsoleCorsStatus> {
  return callApi(GetConsoleCors, { params: { bucket }, query: { region } });
}

/** Adds the console's CORS rule to the bucket ('present': a rule already covered the origin). */
export async function allowConsoleCors(bucket: string, region: string, csrfToken: string): Promise<ConsoleCorsFix> {
  return callApi(FixConsoleCors, { params: { bucket }, body: { region }, csrfToken });
}

/** PUT Bucket through the server (admins): a browser gets no CORS answer for a bucket not yet made. */
export async function createBucket(name: string, region: string, csrfToken: string): Promise<CreatedBucket> {
  return callApi(CreateBucket, { body: { name, region }, csrfToken });
}
