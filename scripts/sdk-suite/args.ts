// run-node-suite.ts's command line: `<checkout>/test/test.js [--all] [--trace FILE] [--keep] [-- <mocha args>]`.
import { resolve } from 'node:path';
import { parseCommandLine, UsageError } from '../../src/cos-local/cli-args';

export const SUITE_USAGE = `usage: npx tsx scripts/sdk-suite/run-node-suite.ts <cos-nodejs-sdk-v5 checkout>/test/test.js [--all] [--trace FILE] [--keep] [-- <mocha args>]

  --all          also run the groups that need Tencent-side services
  --trace FILE   write one JSON line per COS request (its test, request line, status) to FILE
  --keep         keep the work folder the suite runs in
  -- <args>      everything after -- goes to mocha (e.g. -- --grep putObject)
  -h, --help     show this help`;

export interface SuiteArgs {
  readonly help: false;
  /** Absolute. */
  readonly suite: string;
  readonly all: boolean;
  /** Absolute. */
  readonly trace?: string;
  readonly keep: boolean;
  readonly mocha: readonly string[];
}

/** The arguments after the script's name; paths are resolved against the working folder. */
export function parseSuiteArgs(argv: readonly string[]): SuiteArgs | { readonly help: true } {
  const dash = argv.indexOf('--');
  const own = dash < 0 ? [...argv] : argv.slice(0, dash);
  const mocha = dash < 0 ? [] : argv.slice(dash + 1);
  const { values, positionals } = parseCommandLine({
    args: own,
    allowPositionals: true,
    options: {
      all: { type: 'boolean' },
      trace: { type: 'string' },
      keep: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true };
  const [suite, ...extra] = positionals;
  if (suite === undefined) throw new UsageError("give the path of the suite's test/test.js");
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" (one suite at a time; mocha's arguments go after --)`);
  if (values.trace === '') throw new UsageError('--trace needs a file');
  return {
    help: false,
    suite: resolve(suite),
    all: values.all ?? false,
    keep: values.keep ?? false,
    mocha,
    ...(values.trace === undefined ? {} : { trace: resolve(values.trace) }),
  };
}
