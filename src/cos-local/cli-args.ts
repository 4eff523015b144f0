// Command lines: node:util parseArgs with the options declared, and its refusals worded the same way
// for every command of the repository (cos-local here; scripts/ and bench/ use parseCommandLine too).
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line that cannot be run: the message names the option or argument at fault. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The first quoted name in one of parseArgs' messages (`Unknown option '--foo'` → `--foo`). */
function quoted(message: string): string {
  return /'([^']*)'/.exec(message)?.[1]?.replace(/ <value>$/, '') ?? '';
}

function usageMessage(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  const message = e instanceof Error ? e.message : String(e);
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted(message)}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument "${quoted(message)}"`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = quoted(message);
      if (/does not take an argument/.test(message)) return `${option} takes no value`;
      if (/ambiguous/.test(message)) return `${option} needs a value (a value starting with "-" is written ${option}=-…)`;
      return `${option} needs a value`;
    }
    default:
      return undefined;
  }
}

/** parseArgs (strict), its errors thrown as UsageError with a short message naming the option. */
export function parseCommandLine<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    const message = usageMessage(e);
    if (message === undefined) throw e;
    throw new UsageError(message);
  }
}

/** For a command's start: what `parse` returns, or on a UsageError the message and usage printed and exit code 2. */
export function commandLineOrExit<T>(name: string, usage: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`${name}: ${e.message}\n\n${usage}`);
    return process.exit(2);
  }
}

/** A command that takes no arguments but -h/--help: prints the usage and exits on --help, refuses anything else. */
export function noArguments(name: string, usage: string): void {
  const { values } = commandLineOrExit(name, usage, () => parseCommandLine({ options: { help: { type: 'boolean', short: 'h' } } }));
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
}

export const COS_LOCAL_USAGE = `usage: npm run cos-local -- [--port N] [--host H] [--https-port N] [--data DIR | --memory] [--accounts FILE]

  --port N          HTTP port (default 9000; 0 picks a free one)
  --host H          address to listen on (default 127.0.0.1)
  --https-port N    also serve HTTPS on port N, with a self-signed certificate
  --data DIR        keep buckets and objects in DIR (default ./data/cos-local)
  --memory          keep everything in memory instead (gone on exit)
  --accounts FILE   accounts and keys from FILE (default: one account, its key kept in DIR/account.json)
  -h, --help        show this help`;

export type CosLocalCommand =
  | { readonly help: true }
  | {
    readonly help: false;
    readonly port: number;
    readonly host: string;
    readonly httpsPort: number | undefined;
    /** undefined with --memory; relative as given. */
    readonly dataDir: string | undefined;
    readonly accountsFile: string | undefined;
  };

function port(option: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new UsageError(`${option} must be a port number from 0 to 65535, not "${value}"`);
  return n;
}

/** cos-local's command line (arguments after the script's name). */
export function parseCosLocalArgs(args: readonly string[]): CosLocalCommand {
  const { values } = parseCommandLine({
    args: [...args],
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'https-port': { type: 'string' },
      data: { type: 'string' },
      memory: { type: 'boolean' },
      accounts: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true };
  if (values.memory && values.data !== undefined) throw new UsageError('--data and --memory exclude each other');
  for (const option of ['host', 'data', 'accounts'] as const) {
    if (values[option] === '') throw new UsageError(`--${option} needs a value`);
  }
  return {
    help: false,
    port: port('--port', values.port, 9000),
    host: values.host ?? '127.0.0.1',
    httpsPort: values['https-port'] === undefined ? undefined : port('--https-port', values['https-port'], 0),
    dataDir: values.memory ? undefined : values.data ?? 'data/cos-local',
    accountsFile: values.accounts,
  };
}
