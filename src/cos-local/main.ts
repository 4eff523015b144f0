// `npm run cos-local -- [--port N] [--host H] [--https-port N] [--data DIR | --memory] [--accounts FILE]`
// (README "cos-local on its own"). Without --accounts, the default account's key is generated once and kept in
// <data>/account.json (ephemeral with --memory); the SecretKey is printed only when generated.
// With --https-port the line `certificate: <path>` comes first, before any port accepts
// connections, then the endpoints with their actual ports (port 0 picks free ones).
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { defaultAccounts, generateKeyPair, loadAccountsFile, type AccountsFile } from './accounts';
import { startCosLocal } from './app';
import { commandLineOrExit, COS_LOCAL_USAGE, parseCosLocalArgs } from './cli-args';

async function resolveAccounts(file: string | undefined, dataDir: string | undefined): Promise<{ accounts: AccountsFile; fresh: boolean }> {
  if (file !== undefined) return { accounts: await loadAccountsFile(file), fresh: false };
  if (dataDir === undefined) {
    const key = generateKeyPair();
    return { accounts: defaultAccounts(key.secretId, key.secretKey), fresh: true };
  }
  const saved = join(dataDir, 'account.json');
  if (existsSync(saved)) return { accounts: await loadAccountsFile(saved), fresh: false };
  const key = generateKeyPair();
  const accounts = defaultAccounts(key.secretId, key.secretKey);
  await mkdir(dataDir, { recursive: true });
  await writeFile(saved, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
  return { accounts, fresh: true };
}

async function main(): Promise<void> {
  const command = commandLineOrExit('cos-local', COS_LOCAL_USAGE, () => parseCosLocalArgs(process.argv.slice(2)));
  if (command.help) {
    console.log(COS_LOCAL_USAGE);
    return;
  }
  const dataDir = command.dataDir === undefined ? undefined : resolve(command.dataDir);
  const { accounts, fresh } = await resolveAccounts(command.accountsFile, dataDir);
  const common = {
    port: command.port, host: command.host, accounts,
    ...(command.httpsPort === undefined ? {} : { httpsPort: command.httpsPort, onCertificate: (path: string) => console.log(`certificate: ${path}`) }),
  };
  const running = await startCosLocal(dataDir === undefined ? { ...common, memory: true } : { ...common, dataDir });

  const lines = [`cos-local is running`, `endpoint: ${running.url}`];
  if (running.httpsUrl !== undefined) lines.push(`https endpoint: ${running.httpsUrl}`);
  lines.push(`data: ${dataDir ?? '(in memory; gone on exit)'}`);
  for (const a of accounts.accounts) {
    lines.push(`account: UIN ${a.uin}, APPID ${a.appId}, SecretId ${a.secretId}`);
    if (fresh) lines.push(`         SecretKey ${a.secretKey}  (generated now${dataDir ? `, saved in ${join(dataDir, 'account.json')}` : ''})`);
    for (const u of a.subUsers) lines.push(`  sub-user ${u.name}: UIN ${u.uin}, SecretId ${u.secretId}`);
  }
  lines.push('Press Ctrl-C to stop.');
  console.log(lines.join('\n'));

  const stop = (signal: string): void => {
    console.log(`\n${signal}: stopping cos-local…`);
    running.close().then(() => process.exit(0), (e: unknown) => {
      console.error(e);
      process.exit(1);
    });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
