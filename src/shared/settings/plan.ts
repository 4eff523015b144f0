// What applying a settings document to one bucket would change: per setting a put, a delete or nothing,
// decided on canonical values (key order ignored; list order ignored only for the lists COS treats as
// sets, see SETTING_SHAPES: CORS rules and lifecycle rules stay ordered, the first match wins), plus
// warnings for the changes that are easy to regret.
import type { CorsConfiguration } from '../xml/cors';
import type { RefererConfiguration } from '../xml/referer';
import type { ReplicationConfiguration } from '../xml/replication';
import { SETTING_NAMES, SETTING_SHAPES, type DocumentSettings, type SettingName, type Settings } from './document';
import { normalize } from './shape';

export type SettingAction = 'put' | 'delete' | 'unchanged';

export interface SettingChange<K extends SettingName = SettingName> {
  setting: K;
  action: SettingAction;
  /** The bucket's value; undefined when it was not read, null when none is configured. */
  before: Settings[K] | undefined;
  /** The value once applied (before, for 'unchanged'; null for 'delete'). */
  after: Settings[K] | undefined;
}

export type SettingsWarningCode = 'versioning-suspended-with-replication' | 'cors-removed' | 'referer-enabled';

export interface SettingsWarning {
  code: SettingsWarningCode;
  setting: SettingName;
  message: string;
}

export interface SettingsPlan {
  /** One entry per setting, in SETTING_NAMES order. */
  changes: SettingChange[];
  warnings: SettingsWarning[];
}

/** The value compared: null for "none", and an empty rule list counts as none (COS keeps no empty CORS). */
function canonical(name: SettingName, value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (name === 'cors' && (value as CorsConfiguration).rules.length === 0) return 'null';
  if (name === 'tagging' && (value as unknown[]).length === 0) return 'null';
  return JSON.stringify(normalize(value, SETTING_SHAPES[name], true));
}

function change<K extends SettingName>(setting: K, before: Settings[K] | undefined, wanted: Settings[K] | undefined): SettingChange<K> {
  if (wanted === undefined) return { setting, action: 'unchanged', before, after: before };
  const wantedNone = canonical(setting, wanted) === 'null';
  if (before !== undefined && canonical(setting, before) === canonical(setting, wanted)) {
    return { setting, action: 'unchanged', before, after: before };
  }
  if (wantedNone) {
    // Nothing to delete when the bucket is known to have none.
    if (before === null) return { setting, action: 'unchanged', before, after: before };
    return { setting, action: 'delete', before, after: null };
  }
  return { setting, action: 'put', before, after: wanted };
}

const hasReplication = (r: ReplicationConfiguration | null | undefined): boolean => !!r && r.rules.length > 0;

/**
 * The plan to bring a bucket from `current` (what was read of it; a missing setting is unknown) to the
 * document's `wanted` settings. Settings the document does not name are 'unchanged'.
 */
export function planSettings(current: Partial<Settings>, wanted: DocumentSettings): SettingsPlan {
  const changes = SETTING_NAMES.map((name) => change(name, current[name], wanted[name] as Settings[typeof name] | undefined));
  const byName = <K extends SettingName>(k: K): SettingChange<K> => changes.find((c) => c.setting === k) as SettingChange<K>;
  const warnings: SettingsWarning[] = [];

  const versioning = byName('versioning');
  if (versioning.action === 'put' && versioning.after === 'Suspended' && (hasReplication(current.replication) || hasReplication(wanted.replication))) {
    warnings.push({
      code: 'versioning-suspended-with-replication',
      setting: 'versioning',
      message: 'Versioning is suspended on a bucket with replication rules: replication needs versioning, so new writes would stop being replicated.',
    });
  }
  const cors = byName('cors');
  if (cors.action === 'delete') {
    warnings.push({
      code: 'cors-removed',
      setting: 'cors',
      message: 'Every CORS rule is removed: browsers on other origins will no longer be able to call this bucket.',
    });
  }
  const referer = byName('referer');
  const enabled = (r: RefererConfiguration | null | undefined): boolean => r?.status === 'Enabled';
  if (referer.action === 'put' && enabled(referer.after) && !enabled(referer.before)) {
    warnings.push({
      code: 'referer-enabled',
      setting: 'referer',
      message: 'Hotlink protection is switched on: requests whose Referer does not pass the list will be refused.',
    });
  }
  return { changes, warnings };
}
