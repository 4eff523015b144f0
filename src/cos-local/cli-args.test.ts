import { describe, expect, it } from 'vitest';
import { parseCommandLine, parseCosLocalArgs, UsageError } from './cli-args';

const DEFAULTS = { help: false, port: 9000, host: '127.0.0.1', httpsPort: undefined, dataDir: 'data/cos-local', accountsFile: undefined };

describe('cos-local command line (README: [--port 9000] [--host 127.0.0.1] [--https-port 9443] [--data DIR | --memory] [--accounts FILE])', () => {
  it.each([
    [[], DEFAULTS],
    [['--port', '9100'], { ...DEFAULTS, port: 9100 }],
    [['--port=0'], { ...DEFAULTS, port: 0 }],
    [['--host', '0.0.0.0'], { ...DEFAULTS, host: '0.0.0.0' }],
    [['--https-port', '9443'], { ...DEFAULTS, httpsPort: 9443 }],
    [['--https-port', '0'], { ...DEFAULTS, httpsPort: 0 }],
    [['--data', './data/cos-local'], { ...DEFAULTS, dataDir: './data/cos-local' }],
    [['--memory'], { ...DEFAULTS, dataDir: undefined }],
    [['--accounts', 'accounts.json'], { ...DEFAULTS, accountsFile: 'accounts.json' }],
    [['--memory', '--port', '0', '--https-port', '0', '--host', '::1', '--accounts', 'a.json'],
      { help: false, port: 0, host: '::1', httpsPort: 0, dataDir: undefined, accountsFile: 'a.json' }],
    [['--port', '1', '--port', '2'], { ...DEFAULTS, port: 2 }],
    [['--help'], { help: true }],
    [['-h'], { help: true }],
    [['--port', 'nope', '--help'], { help: true }],
  ])('%j', (argv, expected) => {
    expect(parseCosLocalArgs(argv)).toEqual(expected);
  });

  it.each([
    [['--prot', '9000'], 'unknown option --prot'],
    [['-p', '9000'], 'unknown option -p'],
    [['--mem'], 'unknown option --mem'],
    [['9000'], 'unexpected argument "9000"'],
    [['--port'], '--port needs a value'],
    [['--port', '--memory'], '--port needs a value (a value starting with "-" is written --port=-…)'],
    [['--memory=yes'], '--memory takes no value'],
    [['--port', '65536'], '--port must be a port number from 0 to 65535, not "65536"'],
    [['--port', '-1'], '--port needs a value (a value starting with "-" is written --port=-…)'],
    [['--port=-1'], '--port must be a port number from 0 to 65535, not "-1"'],
    [['--port', ''], '--port must be a port number from 0 to 65535, not ""'],
    [['--port', '80.5'], '--port must be a port number from 0 to 65535, not "80.5"'],
    [['--port', '0x50'], '--port must be a port number from 0 to 65535, not "0x50"'],
    [['--https-port', 'https'], '--https-port must be a port number from 0 to 65535, not "https"'],
    [['--data', 'd', '--memory'], '--data and --memory exclude each other'],
    [['--data', ''], '--data needs a value'],
    [['--host='], '--host needs a value'],
    [['--accounts', ''], '--accounts needs a value'],
  ])('%j → %s', (argv, message) => {
    expect(() => parseCosLocalArgs(argv)).toThrow(new UsageError(message));
  });
});

describe('parseCommandLine', () => {
  it('returns parseArgs’ result, positionals included when allowed', () => {
    const r = parseCommandLine({ args: ['a', '--all', 'b'], options: { all: { type: 'boolean' } }, allowPositionals: true });
    expect(r.values).toEqual({ all: true });
    expect(r.positionals).toEqual(['a', 'b']);
  });

  it('throws a UsageError naming the option', () => {
    expect(() => parseCommandLine({ args: ['--nope'], options: {} })).toThrow(UsageError);
    expect(() => parseCommandLine({ args: ['--nope'], options: {} })).toThrow('unknown option --nope');
  });
});
