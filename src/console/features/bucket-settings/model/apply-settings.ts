// Settings as code, the parts without a browser: the exported document of a bucket, the order a plan
// (src/shared/settings/plan.ts) is written to COS in, what else deserves a warning, running the writes
// one after the other, and adding up the results per bucket.
import { reachesConsole } from '../../../../shared/cors/console-rule';
import { codecOf } from '../../../../shared/settings/codecs';
import {
  parseSettingsDocument, SETTING_NAMES, SETTINGS_FORMAT, SETTINGS_VERSION,
  type BucketSettingsDocument, type DocumentSettings, type PathError, type SettingName, type Settings,
} from '../../../../shared/settings/document';
import type { SettingChange, SettingsPlan } from '../../../../shared/settings/plan';
import type { CorsConfiguration } from '../../../../shared/xml/cors';

/**
 * The document of a bucket's settings as read. A setting it has none of is exported as `null`
 * ("delete it") where COS can delete it, so that applying the export makes another bucket the same;
 * referer and versioning have no "none" to apply (document.ts) and are left out then. Settings that
 * could not be read are left out too ("leave alone").
 */
export function exportDocument(read: Partial<Settings>): BucketSettingsDocument {
  const settings: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) {
    const value = read[name];
    if (value === undefined) continue;
    if (value === null || (name === 'tagging' && Array.isArray(value) && value.length === 0)) {
      if (codecOf(name).deletable) settings[name] = null;
      continue;
    }
    settings[name] = value;
  }
  return { format: SETTINGS_FORMAT, version: SETTINGS_VERSION, settings: settings as DocumentSettings };
}

export type DocumentTextParse = { ok: true; value: BucketSettingsDocument } | { ok: false; errors: PathError[] };

/** A pasted or uploaded document: JSON first (its syntax error at path ''), then the document's checks. */
export function parseDocumentText(text: string): DocumentTextParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ path: '', reason: (e as Error).message }] };
  }
  return parseSettingsDocument(json);
}

export interface ApplyStep {
  setting: SettingName;
  action: 'put' | 'delete';
  /** The value to PUT; null for a delete. */
  value: Settings[SettingName];
}

/**
 * The writes of a plan, in the order they can succeed in. COS accepts a replication configuration only
 * on a bucket whose versioning is enabled (PUT Bucket replication,
 * https://cloud.tencent.com/document/product/436/19223), so versioning is written before replication is
 * put, and a replication being deleted goes first, before versioning may be suspended. CORS is written
 * last: the console reaches the bucket from the browser only through a CORS rule
 * (docs/cos-behaviour.md "CORS"), and a document without the console's rule would fail every write after it.
 */
export function applySteps(plan: SettingsPlan): ApplyStep[] {
  const writes = plan.changes.filter((c): c is SettingChange & { action: 'put' | 'delete' } => c.action !== 'unchanged');
  const rank = (c: SettingChange): number => {
    if (c.setting === 'replication' && c.action === 'delete') return -1;
    if (c.setting === 'cors') return SETTING_NAMES.length;
    return SETTING_NAMES.indexOf(c.setting);
  };
  return [...writes]
    .sort((a, b) => rank(a) - rank(b))
    .map((c) => ({ setting: c.setting, action: c.action, value: c.action === 'delete' ? null : (c.after ?? null) }));
}

/** A write that cannot succeed once another of the same bucket failed. */
const NEEDS: Partial<Record<SettingName, SettingName>> = { replication: 'versioning' };

export type StepResult =
  | { setting: SettingName; action: 'put' | 'delete'; status: 'ok' }
  | { setting: SettingName; action: 'put' | 'delete'; status: 'failed'; code: string; message: string }
  /** Not tried: the write it needs (`after`) failed. */
  | { setting: SettingName; action: 'put' | 'delete'; status: 'skipped'; after: SettingName };

/**
 * Runs a bucket's steps one at a time (each is recorded in the history around its write, and the
 * order matters): a failure is recorded and the next step runs, except a step whose prerequisite failed.
 */
export async function runSteps(
  steps: readonly ApplyStep[],
  write: (step: ApplyStep) => Promise<void>,
  describeError: (error: unknown) => { code: string; message: string },
  onResult?: (result: StepResult) => void,
): Promise<StepResult[]> {
  const results: StepResult[] = [];
  const failed = new Set<SettingName>();
  for (const step of steps) {
    const needs = NEEDS[step.setting];
    let result: StepResult;
    if (needs !== undefined && failed.has(needs) && step.action === 'put') {
      result = { setting: step.setting, action: step.action, status: 'skipped', after: needs };
    } else {
      try {
        await write(step);
        result = { setting: step.setting, action: step.action, status: 'ok' };
      } catch (e) {
        failed.add(step.setting);
        result = { setting: step.setting, action: step.action, status: 'failed', ...describeError(e) };
      }
    }
    results.push(result);
    onResult?.(result);
  }
  return results;
}

export type BucketOutcome = 'nothing' | 'ok' | 'partial' | 'failed';

/** One bucket's outcome: nothing to do, every write done, some, or none. */
export function bucketOutcome(results: readonly StepResult[]): BucketOutcome {
  if (results.length === 0) return 'nothing';
  const ok = results.filter((r) => r.status === 'ok').length;
  if (ok === results.length) return 'ok';
  return ok === 0 ? 'failed' : 'partial';
}

/** The counts over every bucket of an application. */
export function applyTotals(all: readonly (readonly StepResult[])[]): { ok: number; failed: number; skipped: number } {
  const totals = { ok: 0, failed: 0, skipped: 0 };
  for (const results of all) for (const r of results) totals[r.status] += 1;
  return totals;
}

export type ConsoleWarningCode = 'cors-locks-out-console';

/**
 * What plan.ts does not know: whether the bucket's CORS after the change still lets this console
 * (its origin) reach the bucket from the browser (docs/cos-behaviour.md "CORS"). When it does not,
 * the console can no longer read or change the bucket's settings or files.
 */
export function consoleWarnings(plan: SettingsPlan, consoleOrigin: string): ConsoleWarningCode[] {
  const cors = plan.changes.find((c) => c.setting === 'cors');
  if (!cors || cors.action === 'unchanged') return [];
  const after = cors.after as CorsConfiguration | null | undefined;
  return reachesConsole(after ?? undefined, consoleOrigin) ? [] : ['cors-locks-out-console'];
}
