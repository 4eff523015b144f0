// Unauthenticated endpoints: health (orchestration, tests) and the browser's COS settings.
import { Type, type Static } from '@sinclair/typebox';
import { route, StringEnum } from './schema';

const Mode = StringEnum(['local', 'cloud']);

export const HealthResponse = Type.Object({
  /** 'ok', or 'cos-unavailable' (503) while COS does not answer. */
  status: Type.Optional(Type.String()),
  mode: Type.Optional(Type.String()),
});
export type HealthResponse = Static<typeof HealthResponse>;

export const Health = route('GET', '/api/health', { response: { 200: HealthResponse, 503: HealthResponse } });

export const ConfigResponse = Type.Object({
  mode: Mode,
  /** cos-js-sdk-v5 endpoint settings: `domain` is a `Domain` template ('' = the SDK's default hosts). */
  cos: Type.Object({
    domain: Type.String(),
    serviceDomain: Type.Optional(Type.String()),
    protocol: StringEnum(['http:', 'https:']),
  }),
  defaultRegion: Type.String(),
  /** The only regions this console works in (COS_ALLOWED_REGIONS); absent = every region. */
  allowedRegions: Type.Optional(Type.Array(Type.String())),
});
export type ConfigResponse = Static<typeof ConfigResponse>;

export const GetConfig = route('GET', '/api/config', { response: { 200: ConfigResponse } });
