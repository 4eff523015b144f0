// Who a request comes from, and the key lookup auth uses. Temporary (STS) keys will register here
// too, with their security token and policy.
import type { Account, AccountsFile, SubUser } from './accounts';

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'root'; account: Account }
  | { kind: 'sub'; account: Account; user: SubUser };

export interface KeyEntry {
  secretKey: string;
  principal: Principal & { kind: 'root' | 'sub' };
}

export class AccountRegistry {
  private readonly keys = new Map<string, KeyEntry>();
  private readonly byAppId = new Map<string, Account>();

  constructor(file: AccountsFile) {
    for (const account of file.accounts) {
      this.byAppId.set(account.appId, account);
      this.keys.set(account.secretId, { secretKey: account.secretKey, principal: { kind: 'root', account } });
      for (const user of account.subUsers) {
        this.keys.set(user.secretId, { secretKey: user.secretKey, principal: { kind: 'sub', account, user } });
      }
    }
  }

  findKey(secretId: string): KeyEntry | undefined {
    return this.keys.get(secretId);
  }

  accountOf(appId: string): Account | undefined {
    return this.byAppId.get(appId);
  }
}

/** CAM owner id as COS shows it: `qcs::cam::uin/<owner>:uin/<owner>`. */
export function ownerId(account: Account): string {
  return `qcs::cam::uin/${account.uin}:uin/${account.uin}`;
}
