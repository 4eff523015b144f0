// scripts/sdk-suite/run-node-suite.ts's command line (README: `run-node-suite.ts <test.js> [--all] [--trace FILE] [-- mocha args]`).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cos-local/cli-args';
import { parseSuiteArgs } from '../../scripts/sdk-suite/args';

const SUITE = resolve('sdk/test/test.js');
const BASE = { help: false, suite: SUITE, all: false, keep: false, mocha: [] };

describe('run-node-suite command line', () => {
  it.each([
    [['sdk/test/test.js'], BASE],
    [['sdk/test/test.js', '--all'], { ...BASE, all: true }],
    [['--all', 'sdk/test/test.js'], { ...BASE, all: true }],
    [['sdk/test/test.js', '--trace', 'trace.jsonl'], { ...BASE, trace: resolve('trace.jsonl') }],
    [['sdk/test/test.js', '--trace=trace.jsonl', '--keep'], { ...BASE, trace: resolve('trace.jsonl'), keep: true }],
    [['sdk/test/test.js', '--', '--grep', 'putObject', '--bail'], { ...BASE, mocha: ['--grep', 'putObject', '--bail'] }],
    [['sdk/test/test.js', '--all', '--', '--all'], { ...BASE, all: true, mocha: ['--all'] }],
    [['sdk/test/test.js', '--'], BASE],
    [['--help'], { help: true }],
    [['-h', 'sdk/test/test.js'], { help: true }],
  ])('%j', (argv, expected) => {
    expect(parseSuiteArgs(argv)).toEqual(expected);
  });

  it.each([
    [[], "give the path of the suite's test/test.js"],
    [['--all'], "give the path of the suite's test/test.js"],
    [['--', 'sdk/test/test.js'], "give the path of the suite's test/test.js"],
    [['sdk/test/test.js', '--grep', 'x'], 'unknown option --grep'],
    [['sdk/test/test.js', '--trace'], '--trace needs a value'],
    [['sdk/test/test.js', '--trace', '--all'], '--trace needs a value (a value starting with "-" is written --trace=-…)'],
    [['sdk/test/test.js', '--trace='], '--trace needs a file'],
    [['sdk/test/test.js', '--all=yes'], '--all takes no value'],
    [['sdk/test/test.js', 'other.js'], 'unexpected argument "other.js" (one suite at a time; mocha\'s arguments go after --)'],
  ])('%j → %s', (argv, message) => {
    expect(() => parseSuiteArgs(argv)).toThrow(new UsageError(message));
  });
});
