// The root key of the local cos-local account: from COS_LOCAL_SECRET_ID/KEY, else generated once and
// kept in DATA_DIR (mode 0600), and reported as generated so it is printed only that once.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPair } from '../src/cos-local/accounts';

export interface LocalKey { secretId: string; secretKey: string; generated: boolean }

export function localKey(dataDir: string, env: NodeJS.ProcessEnv): LocalKey {
  const id = env['COS_LOCAL_SECRET_ID'];
  const key = env['COS_LOCAL_SECRET_KEY'];
  if (id && key) return { secretId: id, secretKey: key, generated: false };
  if (id || key) throw new Error('Set both COS_LOCAL_SECRET_ID and COS_LOCAL_SECRET_KEY, or neither.');
  const file = join(dataDir, 'local-account-key.json');
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { secretId: string; secretKey: string };
    return { ...saved, generated: false };
  }
  const generated = generateKeyPair();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
  return { ...generated, generated: true };
}
