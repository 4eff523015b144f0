// The console server's HTTP API: every route's request and response schemas, defined once. The
// server registers each route's `schema` as is: Ajv checks requests, and fast-json-stringify writes
// answers with only the properties the response schema names — an allow-list, so a field it does not
// name (a credential, a password hash) cannot leak even if a handler returned it by mistake. The
// console checks every answer against the same objects (src/console/api/http.ts callApi).
import { CreateAccount, ListAccounts, ListAudit, ResetPassword, UpdateAccount } from './admin';
import { CreateBucket, FixConsoleCors, GetConsoleCors, ListBuckets } from './buckets';
import { ConfirmChange, ListHistory, OpenChange } from './history';
import { GetConfig, Health } from './meta';
import { GetSession, Login, Logout } from './session';
import { Sign } from './sign';
import { Sts } from './sts';
import type { ApiRoute } from './schema';

export * from './admin';
export * from './buckets';
export * from './check';
export * from './errors';
export * from './grants';
export * from './history';
export * from './meta';
export * from './schema';
export * from './session';
export * from './sign';
export * from './sts';

/** Every route of the console server's API. */
export const API_ROUTES: readonly ApiRoute[] = [
  Health, GetConfig,
  Login, GetSession, Logout,
  Sign, Sts,
  ListBuckets, CreateBucket, GetConsoleCors, FixConsoleCors,
  OpenChange, ConfirmChange, ListHistory,
  ListAccounts, CreateAccount, UpdateAccount, ResetPassword, ListAudit,
];
