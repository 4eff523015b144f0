// Typed calls to the console server's HTTP API (DESIGN.md §4). Each response is checked for the
// fields the console uses, so a contract drift shows up as one clear error instead of `undefined`s.
import { parseGrants, type Grant } from '../../shared/access/grants';
import { ApiError, apiRequest, isRecord, malformed } from './http';

export interface ConsoleConfig {
  mode: 'local' | 'cloud';
  /** cos-js-sdk-v5 endpoint settings: `domain` is a `Domain` template ('' = the SDK's default hosts). */
  cos: { domain: string; serviceDomain?: string; protocol: 'http:' | 'https:' };
  defaultRegion: string;
  /** The only regions this console works in (server COS_ALLOWED_REGIONS); absent = every region. */
  allowedRegions?: string[];
}

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

export interface KeyCredentials {
  secretId: string;
  secretKey: string;
  token?: string;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export interface BucketSummary {
  name: string;
  region: string;
  creationDate: string;
}

/** What cos-js-sdk-v5 hands to getAuthorization (cos-protocol.md §2.5), forwarded as is. */
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

export interface SignedAuthorization {
  Authorization: string;
  SecurityToken?: string;
}

const str = (v: unknown): v is string => typeof v === 'string';

export async function getConfig(): Promise<ConsoleConfig> {
  const body = await apiRequest('/api/config');
  if (!isRecord(body) || !isRecord(body.cos)) throw malformed('/api/config');
  const { cos } = body;
  if (!str(cos.domain) || (cos.protocol !== 'http:' && cos.protocol !== 'https:')) throw malformed('/api/config');
  return {
    mode: body.mode === 'cloud' ? 'cloud' : 'local',
    cos: { domain: cos.domain, protocol: cos.protocol, ...(str(cos.serviceDomain) ? { serviceDomain: cos.serviceDomain } : {}) },
    defaultRegion: str(body.defaultRegion) ? body.defaultRegion : '',
    ...(Array.isArray(body.allowedRegions) && body.allowedRegions.every(str) ? { allowedRegions: body.allowedRegions } : {}),
  };
}

function parseUser(value: unknown, path: string): SessionUser {
  if (!isRecord(value) || !str(value.name)) throw malformed(path);
  if (value.kind === 'api-key' || value.role === 'api-key') {
    return { name: value.name, role: 'api-key', canListBuckets: value.canListBuckets === true };
  }
  if (value.role === 'admin') return { name: value.name, role: 'admin', canListBuckets: true };
  // A restricted account without readable grants would be shown the whole console and refused at
  // every turn: a contract error, not an empty scope.
  const grants = parseGrants(value.grants);
  if (!grants.ok) throw malformed(path);
  return { name: value.name, role: 'user', canListBuckets: true, grants: grants.value };
}

/** The current session, or null when there is none (401). */
export async function getSession(): Promise<Session | null> {
  try {
    const body = await apiRequest('/api/session');
    if (!isRecord(body) || !str(body.csrfToken)) throw malformed('/api/session');
    return { user: parseUser(body.user, '/api/session'), csrfToken: body.csrfToken };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function login(credentials: { username: string; password: string }): Promise<SessionUser> {
  const body = await apiRequest('/api/login', { method: 'POST', body: credentials });
  return parseUser(isRecord(body) ? body.user : undefined, '/api/login');
}

/** Signs in with a COS API key (SecretId, SecretKey and, for a temporary key, its token). */
export async function loginWithKey(credentials: KeyCredentials): Promise<SessionUser> {
  const body = await apiRequest('/api/login', { method: 'POST', body: credentials });
  return parseUser(isRecord(body) ? body.user : undefined, '/api/login');
}

export async function logout(csrfToken: string): Promise<void> {
  await apiRequest('/api/logout', { method: 'POST', csrfToken });
}

export async function signCosRequest(request: SignRequest, csrfToken: string): Promise<SignedAuthorization> {
  const body = await apiRequest('/api/sign', { method: 'POST', body: request, csrfToken });
  if (!isRecord(body) || !str(body.Authorization)) throw malformed('/api/sign');
  return str(body.SecurityToken) && body.SecurityToken !== ''
    ? { Authorization: body.Authorization, SecurityToken: body.SecurityToken }
    : { Authorization: body.Authorization };
}

export async function listBuckets(): Promise<BucketSummary[]> {
  const body = await apiRequest('/api/buckets');
  if (!isRecord(body) || !Array.isArray(body.buckets)) throw malformed('/api/buckets');
  return body.buckets.map((b: unknown) => {
    if (!isRecord(b) || !str(b.name) || !str(b.region)) throw malformed('/api/buckets');
    return { name: b.name, region: b.region, creationDate: str(b.creationDate) ? b.creationDate : '' };
  });
}

/** A bulk task that temporary keys are asked for (POST /api/sts, src/server/routes/sts.ts). */
export interface TempKeyTask {
  bucket: string;
  region: string;
  /** Key prefix the keys are narrowed to; no leading `/`, no `*`. */
  prefix: string;
  /** Exact CAM actions, `name/cos:PutObject`. */
  actions: string[];
}

/** Temporary keys in the shape cos-js-sdk-v5's getAuthorization accepts (DESIGN.md §4). */
export interface TempKeys {
  TmpSecretId: string;
  TmpSecretKey: string;
  SecurityToken: string;
  /** Unix seconds. */
  StartTime: number;
  ExpiredTime: number;
}

const int = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/**
 * Temporary keys for one task. A 409 `StsUnavailable` (an API-key session whose key cannot call STS)
 * is thrown as an ApiError like any refusal; the caller then signs per request with /api/sign.
 */
export async function requestTempKeys(task: TempKeyTask, csrfToken: string): Promise<TempKeys> {
  const body = await apiRequest('/api/sts', { method: 'POST', body: task, csrfToken });
  if (!isRecord(body)) throw malformed('/api/sts');
  const { TmpSecretId, TmpSecretKey, SecurityToken, StartTime, ExpiredTime } = body;
  if (!str(TmpSecretId) || !str(TmpSecretKey) || !str(SecurityToken) || SecurityToken === '' || !int(StartTime) || !int(ExpiredTime)) {
    throw malformed('/api/sts');
  }
  return { TmpSecretId, TmpSecretKey, SecurityToken, StartTime, ExpiredTime };
}

/** Whether a bucket's CORS rules let this console's origin make its requests (issue 5). */
export interface ConsoleCorsStatus {
  reachable: boolean;
  /** The console's origin, as the server sees it: the one a rule must allow. */
  origin: string;
}

const bucketPath = (bucket: string) => `/api/buckets/${encodeURIComponent(bucket)}/console-cors`;

export async function getConsoleCors(bucket: string, region: string): Promise<ConsoleCorsStatus> {
  const path = `${bucketPath(bucket)}?region=${encodeURIComponent(region)}`;
  const body = await apiRequest(path);
  if (!isRecord(body) || typeof body.reachable !== 'boolean' || !str(body.origin)) throw malformed(bucketPath(bucket));
  return { reachable: body.reachable, origin: body.origin };
}

/** Adds the console's CORS rule to the bucket ('present': a rule already covered the origin). */
export async function allowConsoleCors(bucket: string, region: string, csrfToken: string): Promise<{ status: 'added' | 'present'; origin: string }> {
  const body = await apiRequest(bucketPath(bucket), { method: 'POST', body: { region }, csrfToken });
  if (!isRecord(body) || (body.status !== 'added' && body.status !== 'present') || !str(body.origin)) throw malformed(bucketPath(bucket));
  return { status: body.status, origin: body.origin };
}

/** PUT Bucket through the server (admins): a browser gets no CORS answer for a bucket not yet made. */
export async function createBucket(name: string, region: string, csrfToken: string): Promise<{ name: string; region: string }> {
  const body = await apiRequest('/api/buckets', { method: 'POST', body: { name, region }, csrfToken });
  if (!isRecord(body) || !str(body.name) || !str(body.region)) throw malformed('/api/buckets');
  return { name: body.name, region: body.region };
}
