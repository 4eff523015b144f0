// The lifecycle section's rule form: one rule as the fields a person edits (all strings, as typed), its
// conversion to and from the codec's LifecycleRule, and the checks that name the field at fault.
// What COS accepts is PUT Bucket lifecycle (https://cloud.tencent.com/document/product/436/8280); the
// whole configuration is finally checked by src/shared/lifecycle/validate.ts, whose reason is shown
// when the form's own checks find nothing (so the form never sends what cos-local or COS would refuse).
//
// Dates: COS takes an ISO 8601 date-time at midnight Beijing time (`2019-05-24T00:00:00+08:00`, 436/8280).
// The form takes a calendar date `YYYY-MM-DD` and sends that midnight; a rule read from COS with another
// date-time keeps it verbatim (shown and accepted as typed), so editing a rule does not move its date.
import { dayCount, isIsoDateTime, validateLifecycle, type LifecycleProblem } from '../../../../shared/lifecycle/validate';
import type { LifecycleConfiguration, LifecycleFilter, LifecycleRule, LifecycleTag, LifecycleTime } from '../../../../shared/xml/lifecycle';

/** Classes a transition can go to (436/8280 Transition.StorageClass; STANDARD is where objects start). */
export const TRANSITION_CLASSES = [
  'STANDARD_IA', 'INTELLIGENT_TIERING', 'ARCHIVE', 'DEEP_ARCHIVE', 'MAZ_STANDARD_IA', 'MAZ_INTELLIGENT_TIERING', 'MAZ_ARCHIVE',
] as const;

export type FilterKind = 'all' | 'prefix' | 'tags' | 'prefixTags';
export type TimeMode = 'days' | 'date';
export type ExpirationMode = 'none' | 'days' | 'date' | 'deleteMarkers';

export interface TransitionRow {
  mode: TimeMode;
  days: string;
  date: string;
  storageClass: string;
}

export interface NoncurrentTransitionRow {
  days: string;
  storageClass: string;
}

export interface LifecycleRuleForm {
  id: string;
  enabled: boolean;
  filterKind: FilterKind;
  prefix: string;
  tags: LifecycleTag[];
  transitions: TransitionRow[];
  expirationMode: ExpirationMode;
  expirationDays: string;
  expirationDate: string;
  noncurrentTransitions: NoncurrentTransitionRow[];
  /** Empty: noncurrent versions are not deleted. */
  noncurrentExpirationDays: string;
  /** Empty: incomplete multipart uploads are left alone. */
  abortDays: string;
}

export type LifecycleFieldProblem =
  | 'idTooLong' | 'idDuplicate' | 'prefixEmpty' | 'tagsNeeded' | 'tagKeyEmpty'
  | 'daysNonNegative' | 'daysPositive' | 'dateInvalid' | 'storageClassInvalid'
  | 'noAction' | 'mixedDaysDate' | 'tagFilterDeleteMarkers' | 'tagFilterAbort';

/**
 * Problems by field path: `id`, `prefix`, `tags`, `tags.<i>.key`, `transitions.<i>.days|date|storageClass`,
 * `expiration`, `noncurrentTransitions.<i>.days|storageClass`, `noncurrentExpiration`, `abort`, and `rule`
 * for what concerns the rule as a whole.
 */
export type LifecycleFormProblems = Record<string, LifecycleFieldProblem>;

export type LifecycleFormResult =
  | { ok: true; rule: LifecycleRule }
  | { ok: false; problems: LifecycleFormProblems; cos?: LifecycleProblem };

export const MAX_RULE_ID = 255;

export function newTransitionRow(): TransitionRow {
  return { mode: 'days', days: '', date: '', storageClass: 'STANDARD_IA' };
}

export function newRuleForm(): LifecycleRuleForm {
  return {
    id: '', enabled: true, filterKind: 'all', prefix: '', tags: [], transitions: [], expirationMode: 'none',
    expirationDays: '', expirationDate: '', noncurrentTransitions: [], noncurrentExpirationDays: '', abortDays: '',
  };
}

const BEIJING_MIDNIGHT = /^(\d{4}-\d{2}-\d{2})T00:00:00(\.0+)?\+08:00$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date of a rule as the form shows it: the calendar date of a Beijing midnight, else verbatim. */
export function dateToField(date: string): string {
  return BEIJING_MIDNIGHT.exec(date)?.[1] ?? date;
}

/** A date field as COS takes it: a calendar date is that day's Beijing midnight; anything else as typed. */
export function fieldToDate(field: string): string {
  const d = field.trim();
  return CALENDAR_DATE.test(d) ? `${d}T00:00:00+08:00` : d;
}

function validDateField(field: string): boolean {
  const d = field.trim();
  if (CALENDAR_DATE.test(d)) {
    // 2025-02-30 parses in some engines by rolling over: compare the round trip.
    const parsed = new Date(`${d}T00:00:00Z`);
    return Number.isFinite(parsed.getTime()) && parsed.toISOString().slice(0, 10) === d;
  }
  return isIsoDateTime(d);
}

/** The form of a rule read from COS. */
export function ruleToForm(rule: LifecycleRule): LifecycleRuleForm {
  const form = newRuleForm();
  form.id = rule.id ?? '';
  form.enabled = rule.status !== 'Disabled';
  const f = rule.filter;
  if (f.kind === 'prefix' && f.prefix !== '') {
    form.filterKind = 'prefix';
    form.prefix = f.prefix;
  } else if (f.kind === 'tag') {
    form.filterKind = 'tags';
    form.tags = [{ ...f.tag }];
  } else if (f.kind === 'and') {
    form.filterKind = f.prefix ? 'prefixTags' : 'tags';
    form.prefix = f.prefix ?? '';
    form.tags = f.tags.map((t) => ({ ...t }));
  }
  form.transitions = rule.transitions.map((t) => ({
    mode: t.date !== undefined ? 'date' : 'days', days: t.days ?? '', date: t.date === undefined ? '' : dateToField(t.date), storageClass: t.storageClass,
  }));
  const e = rule.expiration;
  if (e?.days !== undefined) {
    form.expirationMode = 'days';
    form.expirationDays = e.days;
  } else if (e?.date !== undefined) {
    form.expirationMode = 'date';
    form.expirationDate = dateToField(e.date);
  } else if (e?.expiredObjectDeleteMarker?.toLowerCase() === 'true') {
    form.expirationMode = 'deleteMarkers';
  }
  form.noncurrentTransitions = rule.noncurrentVersionTransitions.map((t) => ({ days: t.noncurrentDays, storageClass: t.storageClass }));
  form.noncurrentExpirationDays = rule.noncurrentVersionExpiration?.noncurrentDays ?? '';
  form.abortDays = rule.abortIncompleteMultipartUpload?.daysAfterInitiation ?? '';
  return form;
}

function filterOf(form: LifecycleRuleForm): LifecycleFilter {
  const tags = form.tags.map((t) => ({ key: t.key.trim(), value: t.value }));
  switch (form.filterKind) {
    case 'all':
      return { kind: 'all' };
    case 'prefix':
      return { kind: 'prefix', prefix: form.prefix };
    case 'tags': {
      const [only] = tags;
      return tags.length === 1 && only ? { kind: 'tag', tag: only } : { kind: 'and', tags };
    }
    case 'prefixTags':
      return { kind: 'and', prefix: form.prefix, tags };
  }
}

/** The rule the form describes, as typed (no checks: see checkRuleForm). */
export function formToRule(form: LifecycleRuleForm): LifecycleRule {
  const rule: LifecycleRule = {
    filter: filterOf(form),
    status: form.enabled ? 'Enabled' : 'Disabled',
    transitions: form.transitions.map((t) =>
      t.mode === 'days' ? { days: t.days.trim(), storageClass: t.storageClass } : { date: fieldToDate(t.date), storageClass: t.storageClass }),
    noncurrentVersionTransitions: form.noncurrentTransitions.map((t) => ({ noncurrentDays: t.days.trim(), storageClass: t.storageClass })),
  };
  const id = form.id.trim();
  if (id !== '') rule.id = id;
  if (form.expirationMode === 'days') rule.expiration = { days: form.expirationDays.trim() };
  else if (form.expirationMode === 'date') rule.expiration = { date: fieldToDate(form.expirationDate) };
  else if (form.expirationMode === 'deleteMarkers') rule.expiration = { expiredObjectDeleteMarker: 'true' };
  if (form.noncurrentExpirationDays.trim() !== '') rule.noncurrentVersionExpiration = { noncurrentDays: form.noncurrentExpirationDays.trim() };
  if (form.abortDays.trim() !== '') rule.abortIncompleteMultipartUpload = { daysAfterInitiation: form.abortDays.trim() };
  return rule;
}

const isTransitionClass = (c: string): boolean => (TRANSITION_CLASSES as readonly string[]).includes(c.toUpperCase());

/**
 * The rule, or what is wrong with it. `others` are the configuration's other rules (the rule replaces
 * none of them): IDs are unique across the configuration (436/8280), and the whole configuration must
 * pass validateLifecycle.
 */
export function checkRuleForm(form: LifecycleRuleForm, others: readonly LifecycleRule[]): LifecycleFormResult {
  const problems: LifecycleFormProblems = {};
  const id = form.id.trim();
  if (id.length > MAX_RULE_ID) problems['id'] = 'idTooLong';
  else if (id !== '' && others.some((r) => r.id === id)) problems['id'] = 'idDuplicate';
  const usesPrefix = form.filterKind === 'prefix' || form.filterKind === 'prefixTags';
  const usesTags = form.filterKind === 'tags' || form.filterKind === 'prefixTags';
  if (usesPrefix && form.prefix === '') problems['prefix'] = 'prefixEmpty';
  if (usesTags) {
    if (form.tags.length === 0) problems['tags'] = 'tagsNeeded';
    form.tags.forEach((t, i) => {
      if (t.key.trim() === '') problems[`tags.${i}.key`] = 'tagKeyEmpty';
    });
  }
  const days = (path: string, value: string, min: 0 | 1) => {
    if (dayCount(value.trim(), min) === undefined) problems[path] = min === 1 ? 'daysPositive' : 'daysNonNegative';
  };
  const date = (path: string, value: string) => {
    if (!validDateField(value)) problems[path] = 'dateInvalid';
  };
  form.transitions.forEach((t, i) => {
    if (t.mode === 'days') days(`transitions.${i}.days`, t.days, 0);
    else date(`transitions.${i}.date`, t.date);
    if (!isTransitionClass(t.storageClass)) problems[`transitions.${i}.storageClass`] = 'storageClassInvalid';
  });
  if (form.expirationMode === 'days') days('expiration', form.expirationDays, 1);
  if (form.expirationMode === 'date') date('expiration', form.expirationDate);
  form.noncurrentTransitions.forEach((t, i) => {
    days(`noncurrentTransitions.${i}.days`, t.days, 0);
    if (!isTransitionClass(t.storageClass)) problems[`noncurrentTransitions.${i}.storageClass`] = 'storageClassInvalid';
  });
  if (form.noncurrentExpirationDays.trim() !== '') days('noncurrentExpiration', form.noncurrentExpirationDays, 1);
  if (form.abortDays.trim() !== '') days('abort', form.abortDays, 1);

  const rule = formToRule(form);
  const timed: LifecycleTime[] = [...rule.transitions, ...(rule.expiration ? [rule.expiration] : [])];
  const actions = rule.transitions.length + rule.noncurrentVersionTransitions.length
    + [rule.expiration, rule.noncurrentVersionExpiration, rule.abortIncompleteMultipartUpload].filter((a) => a !== undefined).length;
  if (actions === 0) problems['rule'] = 'noAction';
  // "Days and Date cannot be both specified in the same lifecycle rule" (436/8280).
  else if (timed.some((t) => t.days !== undefined) && timed.some((t) => t.date !== undefined)) problems['rule'] = 'mixedDaysDate';
  // Delete markers and multipart uploads carry no tags, so a tag filter cannot select them.
  else if (usesTags && form.expirationMode === 'deleteMarkers') problems['rule'] = 'tagFilterDeleteMarkers';
  else if (usesTags && rule.abortIncompleteMultipartUpload) problems['rule'] = 'tagFilterAbort';

  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const cos = validateLifecycle({ rules: [...others, rule] });
  return cos ? { ok: false, problems, cos } : { ok: true, rule };
}

/** The configuration with rule `index` replaced (or, with index = rules.length, added). */
export function withRule(config: LifecycleConfiguration | null, index: number, rule: LifecycleRule): LifecycleConfiguration {
  const rules = [...(config?.rules ?? [])];
  rules.splice(index, index < rules.length ? 1 : 0, rule);
  return { rules };
}

/**
 * The configuration without rule `index`: null when none is left, because COS has no empty lifecycle
 * configuration (a PUT needs at least one Rule, 436/8280) — removing the last rule is a DELETE.
 */
export function withoutRule(config: LifecycleConfiguration, index: number): LifecycleConfiguration | null {
  const rules = config.rules.filter((_, i) => i !== index);
  return rules.length === 0 ? null : { rules };
}

/** The configuration with rule `index` enabled or disabled, the rest unchanged. */
export function withRuleStatus(config: LifecycleConfiguration, index: number, enabled: boolean): LifecycleConfiguration {
  return { rules: config.rules.map((r, i) => (i === index ? { ...r, status: enabled ? 'Enabled' : 'Disabled' } : r)) };
}
