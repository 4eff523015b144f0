// The settings history (docs/architecture.md "Settings history"): rows in the server database, one per
// change the console made to a bucket setting. A row is opened (value before, read from COS) before the
// browser writes to COS, and confirmed (value after, read back) once it has; only confirmed rows are
// listed. Values are stored as JSON text of the shared codec types (src/shared/settings/codecs.ts).
import type { Db } from '../db/database';
import type { HistoryEntry, HistoryKind } from '../../shared/api/history';
import { sameSetting, type TrackedSetting } from '../../shared/settings/codecs';

interface Row {
  id: number;
  bucket: string;
  region: string;
  setting: TrackedSetting;
  actor: string;
  at: number;
  kind: HistoryKind;
  rollback_of: number | null;
  state: 'pending' | 'confirmed';
  before_json: string;
  after_json: string | null;
  changed: number | null;
}

function toEntry(r: Row): HistoryEntry {
  const entry: HistoryEntry = {
    id: r.id, bucket: r.bucket, region: r.region, setting: r.setting, actor: r.actor, at: r.at, kind: r.kind, state: r.state,
    before: JSON.parse(r.before_json) as unknown,
  };
  if (r.rollback_of !== null) entry.rollbackOf = r.rollback_of;
  if (r.after_json !== null) entry.after = JSON.parse(r.after_json) as unknown;
  if (r.changed !== null) entry.changed = r.changed === 1;
  return entry;
}

export interface OpenInput {
  bucket: string;
  region: string;
  setting: TrackedSetting;
  actor: string;
  kind: HistoryKind;
  rollbackOf?: number;
  before: unknown;
}

/** At most this many entries per listing (newest first). */
export const HISTORY_LIMIT = 500;

export class HistoryStore {
  constructor(private readonly db: Db, private readonly now: () => number = Date.now) {}

  open(input: OpenInput): HistoryEntry {
    const info = this.db.prepare(
      `INSERT INTO settings_history (bucket, region, setting, actor, at, kind, rollback_of, state, before_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
    ).run(input.bucket, input.region, input.setting, input.actor, this.now(), input.kind, input.rollbackOf ?? null, JSON.stringify(input.before ?? null));
    const entry = this.get(Number(info.lastInsertRowid));
    if (!entry) throw new Error('the history entry just written is missing');
    return entry;
  }

  get(id: number): HistoryEntry | undefined {
    const row = this.db.prepare('SELECT * FROM settings_history WHERE id = ?').get(id) as Row | undefined;
    return row ? toEntry(row) : undefined;
  }

  /** Records the value read back after the write; `changed` compares it with the value before. */
  confirm(id: number, after: unknown): HistoryEntry {
    const entry = this.get(id);
    if (!entry) throw new Error(`no history entry ${id}`);
    const changed = !sameSetting(entry.setting, entry.before, after);
    this.db.prepare(`UPDATE settings_history SET state = 'confirmed', after_json = ?, changed = ?, confirmed_at = ? WHERE id = ?`)
      .run(JSON.stringify(after ?? null), changed ? 1 : 0, this.now(), id);
    const out = this.get(id);
    if (!out) throw new Error(`no history entry ${id}`);
    return out;
  }

  /** Confirmed entries of a bucket (one setting, or those in `settings`), newest first. */
  list(bucket: string, region: string, settings: readonly TrackedSetting[]): HistoryEntry[] {
    if (settings.length === 0) return [];
    const marks = settings.map(() => '?').join(', ');
    const rows = this.db.prepare(
      `SELECT * FROM settings_history WHERE bucket = ? AND region = ? AND state = 'confirmed' AND setting IN (${marks})
       ORDER BY id DESC LIMIT ${HISTORY_LIMIT}`,
    ).all(bucket, region, ...settings) as Row[];
    return rows.map(toEntry);
  }
}
