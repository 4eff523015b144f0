// The single authorization decision point. For now: a root account may do anything to resources
// of its own APPID, CORS preflights need no identity (436/8288), everything else is denied.
// Sub-user policies, bucket policies and ACLs (DESIGN.md §4) plug in here, fed by the same inputs.
import { CosError } from '../shared/errors/cos-error';
import { camAction, type OpId } from './dispatch';
import type { Principal } from './principal';

export interface ResourceRef {
  /** APPID owning the resource (the bucket name's suffix); undefined for service-level actions. */
  appId?: string;
  bucket?: string;
  region?: string;
  key?: string;
}

export type Decision = { allow: true } | { allow: false; reason: string };

/** `qcs::cos:<region>:uid/<appid>:<bucket>/<key>` — the CAM resource name policies will match. */
export function resourceName(r: ResourceRef): string {
  if (r.bucket === undefined || r.appId === undefined) return '*';
  return `qcs::cos:${r.region ?? ''}:uid/${r.appId}:${r.bucket}/${r.key ?? ''}`;
}

export function authorize(principal: Principal, op: OpId, resource: ResourceRef): Decision {
  if (op === 'OptionsObject') return { allow: true };
  if (principal.kind === 'anonymous') return { allow: false, reason: 'anonymous access is not allowed' };
  if (principal.kind === 'sub') return { allow: false, reason: `sub-user policies are not evaluated yet (${camAction(op)})` };
  if (resource.appId === undefined || resource.appId === principal.account.appId) return { allow: true };
  return { allow: false, reason: `${resourceName(resource)} belongs to another account` };
}

/** Throws AccessDenied unless allowed. */
export function enforce(principal: Principal, op: OpId, resource: ResourceRef): void {
  const d = authorize(principal, op, resource);
  if (!d.allow) throw new CosError('AccessDenied');
}
