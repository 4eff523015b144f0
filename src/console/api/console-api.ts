// Typed calls to the console server's HTTP API (DESIGN.md §4). Each response is checked for the
// fields the console uses, so a contract drift shows up as one clear error instead of `undefined`s.
import { ApiError, apiRequest, isRecord, malformed } from './http';

export interface ConsoleConfig {
  mode: 'local' | 'cloud';
  /** cos-js-sdk-v5 endpoint settings: `domain` is a `Domain` template ('' = the SDK's default hosts). */
  cos: { domain: string; serviceDomain?: string; protocol: 'http:' | 'https:' };
  defaultRegion: string;
}

export interface SessionUser {
  /** The username, or the SecretId of an API-key session. */
  name: string;
  role: 'admin' | 'user' | 'api-key';
  /** False for an API key COS refused GET Service: the console then opens buckets by name. */
  canListBuckets: boolean;
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
  };
}

function parseUser(value: unknown, path: string): SessionUser {
  if (!isRecord(value) || !str(value.name)) throw malformed(path);
  if (value.kind === 'api-key' || value.role === 'api-key') {
    return { name: value.name, role: 'api-key', canListBuckets: value.canListBuckets === true };
  }
  return { name: value.name, role: value.role === 'admin' ? 'admin' : 'user', canListBuckets: true };
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
