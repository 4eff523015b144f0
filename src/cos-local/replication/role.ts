// The identity a replication rule writes as: its Role, `qcs::cam::uin/<OwnerUin>:uin/<SubUin>`
// (436/19223 "request initiator identifier"), resolved in the accounts file (the root account when both
// UINs are equal, else that account's sub-user). Whether it may write the destination is the same
// decision a request of that identity would get (authorize.ts `decide`: its CAM policies, the
// destination's bucket policy and ACL) — for PutObject of a replica, DeleteObject of a delete marker.
// A copy has no client: no source IP and no TLS, so conditions on those do not match.
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { parseRole } from '../../shared/replication/validate';
import { decide } from '../authorize';
import type { Services } from '../context';
import type { Principal } from '../principal';
import { RequestQuery } from '../query';
import type { Route } from '../route';
import type { BucketRecord } from '../store/types';

/** The principal a Role names, if it is in the accounts file. */
export function rolePrincipal(services: Pick<Services, 'accounts'>, role: string): (Principal & { kind: 'root' | 'sub' }) | undefined {
  const parsed = parseRole(role);
  const account = parsed && services.accounts.accountByUin(parsed.ownerUin);
  if (!parsed || !account) return undefined;
  if (parsed.uin === parsed.ownerUin) return { kind: 'root', account };
  const user = account.subUsers.find((u) => u.uin === parsed.uin);
  return user && { kind: 'sub', account, user };
}

/** Whether the Role may do `op` on `key` of the destination bucket. */
export function roleMay(services: Services, role: string, op: 'PutObject' | 'DeleteObject', dest: BucketRecord, key: string): boolean {
  const principal = rolePrincipal(services, role);
  if (!principal) return false;
  const route: Route = {
    style: 'virtual-hosted', level: 'object', host: '', bucket: dest.name, region: dest.region, key, rawPath: '', query: RequestQuery.EMPTY,
    subresources: [], signaturePaths: [],
  };
  const req = new IncomingMessage(new Socket());
  const resource = { appId: dest.appId, bucket: dest.name, region: dest.region, key };
  return decide({ ...services, req, route, principal, op, bucket: dest }, resource).effect === 'allow';
}
