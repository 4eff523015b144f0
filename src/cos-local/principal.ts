// Who a request comes from, and the key lookup auth uses: the permanent keys of the accounts file,
// and temporary (STS) keys, resolved statelessly from their security token (sts/token.ts). A
// temporary key acts for its parent (root account or sub-user) limited by its session policy;
// authorization intersects the two.
import type { Account, AccountsFile, SubUser } from './accounts';
import { CosError } from '../shared/errors/cos-error';
import { deriveTmpSecretKey, readToken, verifyToken } from './sts/token';

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'root'; account: Account }
  | { kind: 'sub'; account: Account; user: SubUser }
  | {
      kind: 'temporary';
      account: Account;
      /** Set when the parent key was a sub-user's. */
      user?: SubUser;
      /** The policy JSON object the token was issued with. */
      sessionPolicy: unknown;
      /** Epoch ms. */
      expiresAt: number;
    };

export interface KeyEntry {
  secretKey: string;
  principal: Principal & { kind: 'root' | 'sub' | 'temporary' };
}

/** A permanent key of the accounts file. */
interface PermanentKey {
  secretKey: string;
  principal: Principal & { kind: 'root' | 'sub' };
}

// A temporary key that cannot be resolved is refused like an unknown SecretId: the COS diagnostic
// tool reports that answer as "签名中 SECRETID 不存在，或使用的临时密钥已过期" (the SecretId does not
// exist, or the temporary key has expired; tencentyun/cos-go-sdk-v5#318), and 436/40105 says an
// incorrect SecretId gets InvalidAccessKeyId. AccessDenied "Request has expired" is not used: the
// SDKs take it for clock skew and retry (cos-js-sdk-v5 1.10.1 src/base.js allowRetry).
const refuse = (message: string): CosError => new CosError('InvalidAccessKeyId', { message });

export class AccountRegistry {
  private readonly keys = new Map<string, PermanentKey>();
  private readonly byAppId = new Map<string, Account>();
  private readonly byUin = new Map<string, Account>();

  constructor(file: AccountsFile) {
    for (const account of file.accounts) {
      this.byAppId.set(account.appId, account);
      this.byUin.set(account.uin, account);
      this.keys.set(account.secretId, { secretKey: account.secretKey, principal: { kind: 'root', account } });
      for (const user of account.subUsers) {
        this.keys.set(user.secretId, { secretKey: user.secretKey, principal: { kind: 'sub', account, user } });
      }
    }
  }

  /** A permanent key (root account or sub-user). */
  findKey(secretId: string): KeyEntry | undefined {
    return this.keys.get(secretId);
  }

  /**
   * A temporary key, from the security token that came with it: the token must be intact, issued
   * for this SecretId from a key still in the accounts file, and unexpired. Throws InvalidAccessKeyId.
   */
  findTemporaryKey(secretId: string, securityToken: string, nowMs: number): KeyEntry {
    const claims = readToken(securityToken);
    if (!claims) throw refuse('The security token you provided is malformed.');
    if (claims.tmpSecretId !== secretId) throw refuse('The security token you provided was not issued for this SecretId.');
    const parent = this.keys.get(claims.parentSecretId);
    if (!parent || !verifyToken(securityToken, parent.secretKey)) throw refuse('The security token you provided is invalid.');
    const expiresAt = claims.exp * 1000;
    if (nowMs >= expiresAt) throw refuse(`The temporary key expired at ${new Date(expiresAt).toISOString()}.`);
    let sessionPolicy: unknown;
    try {
      sessionPolicy = JSON.parse(claims.policy);
    } catch {
      throw refuse('The security token you provided is invalid.'); // checked when issued: cannot happen
    }
    const p = parent.principal;
    const principal: KeyEntry['principal'] = p.kind === 'sub'
      ? { kind: 'temporary', account: p.account, user: p.user, sessionPolicy, expiresAt }
      : { kind: 'temporary', account: p.account, sessionPolicy, expiresAt };
    return { secretKey: deriveTmpSecretKey(parent.secretKey, secretId), principal };
  }

  accountOf(appId: string): Account | undefined {
    return this.byAppId.get(appId);
  }

  /** The account whose root UIN this is (a replication Role names its owner by UIN). */
  accountByUin(uin: string): Account | undefined {
    return this.byUin.get(uin);
  }
}

/** CAM owner id as COS shows it: `qcs::cam::uin/<owner>:uin/<owner>`. */
export function ownerId(account: Account): string {
  return `qcs::cam::uin/${account.uin}:uin/${account.uin}`;
}
