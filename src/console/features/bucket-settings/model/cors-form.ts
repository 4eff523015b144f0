// The CORS section's editable draft ↔ the configuration COS keeps (PUT Bucket cors,
// https://cloud.tencent.com/document/product/436/8279), and the problem of each field, named so the
// editor can show the reason next to it. Lists are edited one value per line; a value is kept exactly
// as typed (trimmed), in its order, so what is read back is what was entered.
import { CORS_METHODS, allowedHeaderProblem, exposeHeaderProblem, maxAgeProblem, originProblem } from '../../../../shared/cors/validate';
import { MAX_CORS_RULES, type CorsConfiguration, type CorsRule } from '../../../../shared/xml/cors';

export interface CorsRuleDraft {
  /** Stable React key; never sent. */
  key: string;
  id: string;
  /** One value per line. */
  origins: string;
  methods: string[];
  allowedHeaders: string;
  exposeHeaders: string;
  maxAge: string;
}

export interface CorsDraft {
  rules: CorsRuleDraft[];
  /** ResponseVary=true: COS adds `Vary: Origin` (436/8279; absent means false). */
  vary: boolean;
  /** ResponseVary as read, so an untouched configuration is written back as it was (absent stays absent). */
  varyAsRead?: string;
}

/** i18n keys under `bucketSettings.cors.problems`. */
export type CorsFieldProblemCode =
  | 'originsRequired' | 'originSpace' | 'originStars' | 'originScheme' | 'originPath'
  | 'methodsRequired'
  | 'headerName' | 'headerStars' | 'exposeWildcard'
  | 'maxAgeInteger';

export interface CorsFieldProblem {
  code: CorsFieldProblemCode;
  /** The offending line (1-based) and its value, for the list fields. */
  line?: number;
  value?: string;
}

export interface CorsRuleProblems {
  origins?: CorsFieldProblem;
  methods?: CorsFieldProblem;
  allowedHeaders?: CorsFieldProblem;
  exposeHeaders?: CorsFieldProblem;
  maxAge?: CorsFieldProblem;
}

export type CorsRuleField = keyof CorsRuleProblems;

let nextKey = 0;
const newKey = (): string => `cors-rule-${++nextKey}`;

/** A list field's values: one per line, trimmed, empty lines dropped. */
export function lines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
}

export function ruleToDraft(rule: CorsRule): CorsRuleDraft {
  return {
    key: newKey(),
    id: rule.id ?? '',
    origins: rule.allowedOrigins.join('\n'),
    methods: [...rule.allowedMethods],
    allowedHeaders: rule.allowedHeaders.join('\n'),
    exposeHeaders: rule.exposeHeaders.join('\n'),
    maxAge: rule.maxAgeSeconds ?? '',
  };
}

/** A new rule: GET from nowhere yet, the most common start. */
export function emptyRuleDraft(): CorsRuleDraft {
  return { key: newKey(), id: '', origins: '', methods: ['GET'], allowedHeaders: '', exposeHeaders: '', maxAge: '' };
}

/** A copy of a rule (new key), placed after it by the editor. */
export function duplicateRuleDraft(rule: CorsRuleDraft): CorsRuleDraft {
  return { ...rule, key: newKey(), methods: [...rule.methods] };
}

export function configToDraft(config: CorsConfiguration | null | undefined): CorsDraft {
  const draft: CorsDraft = { rules: (config?.rules ?? []).map(ruleToDraft), vary: config?.responseVary?.toLowerCase() === 'true' };
  if (config?.responseVary !== undefined) draft.varyAsRead = config.responseVary;
  return draft;
}

export function draftToRule(d: CorsRuleDraft): CorsRule {
  const rule: CorsRule = {
    allowedOrigins: lines(d.origins),
    allowedMethods: [...d.methods],
    allowedHeaders: lines(d.allowedHeaders),
    exposeHeaders: lines(d.exposeHeaders),
  };
  const id = d.id.trim();
  if (id !== '') rule.id = id;
  const maxAge = d.maxAge.trim();
  if (maxAge !== '') rule.maxAgeSeconds = maxAge;
  return rule;
}

/** The configuration to PUT; null when no rule is left (COS refuses an empty one: it is deleted instead). */
export function draftToConfig(draft: CorsDraft): CorsConfiguration | null {
  if (draft.rules.length === 0) return null;
  const config: CorsConfiguration = { rules: draft.rules.map(draftToRule) };
  const asRead = draft.varyAsRead;
  const unchanged = (asRead?.toLowerCase() === 'true') === draft.vary;
  if (unchanged && asRead !== undefined) config.responseVary = asRead;
  else if (!unchanged) config.responseVary = draft.vary ? 'true' : 'false';
  return config;
}

function firstLineProblem(text: string, check: (value: string) => CorsFieldProblemCode | undefined): CorsFieldProblem | undefined {
  const all = text.split(/\r?\n/);
  for (let i = 0; i < all.length; i++) {
    const value = (all[i] ?? '').trim();
    if (value === '') continue;
    const code = check(value);
    if (code) return { code, line: i + 1, value };
  }
  return undefined;
}

/** Every field's first problem (an empty object when the rule can be saved). */
export function ruleProblems(d: CorsRuleDraft): CorsRuleProblems {
  const out: CorsRuleProblems = {};
  const origins = lines(d.origins).length === 0 ? { code: 'originsRequired' as const } : firstLineProblem(d.origins, originProblem);
  if (origins) out.origins = origins;
  if (!d.methods.some((m) => CORS_METHODS.includes(m.toUpperCase()))) out.methods = { code: 'methodsRequired' };
  const allowed = firstLineProblem(d.allowedHeaders, allowedHeaderProblem);
  if (allowed) out.allowedHeaders = allowed;
  const exposed = firstLineProblem(d.exposeHeaders, exposeHeaderProblem);
  if (exposed) out.exposeHeaders = exposed;
  const maxAge = d.maxAge.trim();
  const maxAgeCode = maxAge === '' ? undefined : maxAgeProblem(maxAge);
  if (maxAgeCode) out.maxAge = { code: maxAgeCode };
  return out;
}

/** Methods as ticked, in the order COS documents them (436/8279), whatever order they were ticked in. */
export function canonicalMethods(ticked: readonly string[]): string[] {
  const upper = ticked.map((m) => m.toUpperCase());
  return CORS_METHODS.filter((m) => upper.includes(m));
}

export function hasProblems(p: CorsRuleProblems): boolean {
  return Object.keys(p).length > 0;
}

/** Whether the draft can be written: every rule valid, and no more rules than COS keeps. */
export function draftIsValid(draft: CorsDraft): boolean {
  return draft.rules.length <= MAX_CORS_RULES && draft.rules.every((r) => !hasProblems(ruleProblems(r)));
}

/** The rules with the one at `index` moved by `delta` (-1 up, +1 down); unchanged at the ends. */
export function moveRule<T>(rules: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  const out = [...rules];
  const moved = out[index];
  const other = out[to];
  if (moved === undefined || other === undefined) return out;
  out[to] = moved;
  out[index] = other;
  return out;
}
