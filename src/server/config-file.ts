// The console's configuration file (`CONSOLE_CONFIG=<path>`): one JSON object whose keys mirror the
// environment variables (README "Configuration"). It is validated once, at start: an unknown key or a
// value of the wrong type is an error naming the key and the file, so a typo never silently falls
// back to a default. Values are never echoed (the file holds secrets). Relative paths in it
// (dataDir, tls.*File, cosLocal.accountsFile) are relative to the file, so it works from any cwd.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from './config-error';

/** What a key holds. `path`: a string resolved against the file's directory. */
type Kind = 'string' | 'path' | 'integer' | 'boolean' | 'string[]' | 'trustProxy';
interface Shape { readonly [key: string]: Kind | Shape }

/** Every key the file may have; nested objects group related settings. */
export const FILE_SHAPE = {
  port: 'integer',
  host: 'string',
  dataDir: 'path',
  adminPassword: 'string',
  consoleSecret: 'string',
  signSeconds: 'integer',
  stsSeconds: 'integer',
  secureCookies: 'boolean',
  trustProxy: 'trustProxy',
  logRequests: 'boolean',
  session: { idleSeconds: 'integer', absoluteSeconds: 'integer' },
  cosLocal: { port: 'integer', accountsFile: 'path' },
  cos: {
    secretId: 'string',
    secretKey: 'string',
    region: 'string',
    allowedRegions: 'string[]',
    domain: 'string',
    serviceDomain: 'string',
    allowHttp: 'boolean',
    stsHost: 'string',
    endpointIp: 'string',
  },
  tls: { certFile: 'path', keyFile: 'path' },
} as const satisfies Shape;

export type FileValue = string | number | boolean | readonly string[];

/** The file's settings by dotted key (`cos.region`), values type-checked. */
export interface ConfigFile {
  path: string;
  values: ReadonlyMap<string, FileValue>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function describeKind(kind: Kind): string {
  switch (kind) {
    case 'string': case 'path': return 'a string';
    case 'integer': return 'an integer';
    case 'boolean': return 'true or false';
    case 'string[]': return 'an array of strings';
    case 'trustProxy': return 'true, false, a hop count, or an array of addresses/CIDRs';
  }
}

function fits(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case 'string': case 'path': return typeof value === 'string';
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'boolean': return typeof value === 'boolean';
    case 'string[]': return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'trustProxy':
      return typeof value === 'boolean' || typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value))
        || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
  }
}

/** Validates a parsed file against FILE_SHAPE; throws on the first unknown key or wrong type. */
export function validateConfigObject(data: unknown, file: string): ConfigFile {
  const values = new Map<string, FileValue>();
  const dir = dirname(resolve(file));
  const walk = (obj: unknown, shape: Shape, prefix: string): void => {
    if (!isRecord(obj)) throw new ConfigError(`${prefix === '' ? 'the file' : prefix} in ${file} must be a JSON object`);
    for (const [key, value] of Object.entries(obj)) {
      const name = prefix === '' ? key : `${prefix}.${key}`;
      const kind = Object.hasOwn(shape, key) ? shape[key] : undefined;
      if (kind === undefined) {
        const known = Object.keys(shape).map((k) => (prefix === '' ? k : `${prefix}.${k}`)).join(', ');
        throw new ConfigError(`unknown key "${name}" in ${file} (known here: ${known})`);
      }
      if (typeof kind === 'object') {
        walk(value, kind, name);
        continue;
      }
      if (!fits(kind, value)) throw new ConfigError(`${name} in ${file} must be ${describeKind(kind)}`);
      values.set(name, kind === 'path' ? resolve(dir, value as string) : value as FileValue);
    }
  };
  walk(data, FILE_SHAPE, '');
  return { path: file, values };
}

/** Reads and validates the file; unreadable files and invalid JSON are errors naming the file only. */
export function readConfigFile(file: string, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): ConfigFile {
  let text: string;
  try {
    text = read(file);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    throw new ConfigError(`CONSOLE_CONFIG: cannot read ${file}${typeof code === 'string' ? ` (${code})` : ''}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // V8's message quotes the text around the error, which may be a secret: report the line only.
    const position = /position (\d+)/.exec(e instanceof Error ? e.message : '')?.[1];
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
    throw new ConfigError(`CONSOLE_CONFIG: ${file} is not valid JSON${line === undefined ? '' : ` (line ${line})`}`);
  }
  return validateConfigObject(data, file);
}
