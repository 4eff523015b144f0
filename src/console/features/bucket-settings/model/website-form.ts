// The static-website editor's form: the WebsiteConfiguration (src/shared/xml/website.ts) as the
// section edits it, its validation with a reason per field, and the conversion both ways.
// What COS accepts is PUT Bucket website (https://cloud.tencent.com/document/product/436/30617, Chinese
// https://cloud.tencent.com/document/product/436/31930): IndexDocument Suffix required and without "/";
// RedirectAllRequestsTo and Redirect Protocol "only https"; a RoutingRule has exactly one condition
// (KeyPrefixEquals or a 4xx HttpErrorCodeReturnedEquals) and exactly one of ReplaceKeyWith /
// ReplaceKeyPrefixWith, the latter only with KeyPrefixEquals; at most 100 rules. Rules apply in
// document order (docs/cos-behaviour.md "Static website"), so the form also refuses a rule an earlier
// one always shadows and a prefix redirect that would send the browser round in a loop.
import type { WebsiteConfiguration, WebsiteRoutingRule } from '../../../../shared/xml/website';

export const MAX_ROUTING_RULES = 100;

export type RuleConditionKind = 'prefix' | 'error';
export type RuleRedirectKind = 'key' | 'prefix';
/** URLRedirect (Chinese page only): absent, Enabled or Disabled. */
export type UrlRedirectChoice = '' | 'Enabled' | 'Disabled';

export interface WebsiteRuleForm {
  /** A stable id for React keys (not sent to COS). */
  id: string;
  condition: RuleConditionKind;
  keyPrefix: string;
  errorCode: string;
  redirect: RuleRedirectKind;
  replaceKeyWith: string;
  replaceKeyPrefixWith: string;
  /** Redirect Protocol https; false keeps the request's scheme (the element is left out). */
  https: boolean;
  urlRedirect: UrlRedirectChoice;
}

export interface WebsiteForm {
  enabled: boolean;
  indexSuffix: string;
  /** '' = no error document. */
  errorKey: string;
  /** `original`: the error's own status (OriginalHttpStatus Enabled or absent); `ok`: 200 (Disabled). */
  errorStatus: 'original' | 'ok';
  autoAddressing: boolean;
  /** RedirectAllRequestsTo Protocol https: every plain-HTTP request is redirected to HTTPS. */
  redirectAllHttps: boolean;
  rules: WebsiteRuleForm[];
  /** What the form does not edit but keeps as it was read, so a save does not drop it. */
  kept: { autoAddressingElement: boolean; originalHttpStatusElement: boolean; charity404?: string };
}

let nextId = 0;
const newId = (): string => `rule-${++nextId}`;

export function newRule(): WebsiteRuleForm {
  return { id: newId(), condition: 'prefix', keyPrefix: '', errorCode: '404', redirect: 'prefix', replaceKeyWith: '', replaceKeyPrefixWith: '', https: false, urlRedirect: '' };
}

/** The form for a bucket without a website (what "enable" starts from). */
export function emptyWebsiteForm(): WebsiteForm {
  return {
    enabled: false, indexSuffix: 'index.html', errorKey: '', errorStatus: 'original', autoAddressing: false, redirectAllHttps: false, rules: [],
    kept: { autoAddressingElement: false, originalHttpStatusElement: false },
  };
}

/**
 * The single-page-app preset: every path the app routes itself (no object behind it) answers the
 * app's `index.html` with status 200, the error document with OriginalHttpStatus Disabled
 * (436/31930; docs/cos-behaviour.md "Static website").
 */
export function applySpaPreset(form: WebsiteForm): WebsiteForm {
  return { ...form, enabled: true, indexSuffix: 'index.html', errorKey: 'index.html', errorStatus: 'ok' };
}

export function isSpaPreset(form: WebsiteForm): boolean {
  return form.indexSuffix === 'index.html' && form.errorKey === 'index.html' && form.errorStatus === 'ok';
}

function ruleToForm(rule: WebsiteRoutingRule): WebsiteRuleForm {
  const c = rule.condition;
  const r = rule.redirect;
  return {
    id: newId(),
    condition: c.httpErrorCodeReturnedEquals !== undefined ? 'error' : 'prefix',
    keyPrefix: c.keyPrefixEquals ?? '',
    errorCode: c.httpErrorCodeReturnedEquals ?? '404',
    redirect: r.replaceKeyPrefixWith !== undefined ? 'prefix' : 'key',
    replaceKeyWith: r.replaceKeyWith ?? '',
    replaceKeyPrefixWith: r.replaceKeyPrefixWith ?? '',
    https: r.protocol !== undefined && r.protocol.toLowerCase() === 'https',
    urlRedirect: r.urlRedirect === 'Enabled' || r.urlRedirect === 'Disabled' ? r.urlRedirect : '',
  };
}

/** The form for the configuration COS holds (null: no website). */
export function websiteToForm(config: WebsiteConfiguration | null): WebsiteForm {
  if (!config) return emptyWebsiteForm();
  const e = config.errorDocument;
  return {
    enabled: true,
    indexSuffix: config.indexDocument.suffix,
    errorKey: e?.key ?? '',
    errorStatus: e?.originalHttpStatus === 'Disabled' ? 'ok' : 'original',
    autoAddressing: config.autoAddressing?.status === 'Enabled',
    redirectAllHttps: config.redirectAllRequestsTo !== undefined,
    rules: (config.routingRules ?? []).map(ruleToForm),
    kept: {
      autoAddressingElement: config.autoAddressing !== undefined,
      originalHttpStatusElement: e?.originalHttpStatus !== undefined,
      ...(e?.charity404 !== undefined ? { charity404: e.charity404 } : {}),
    },
  };
}

function ruleToConfig(rule: WebsiteRuleForm): WebsiteRoutingRule {
  const condition: WebsiteRoutingRule['condition'] = rule.condition === 'prefix' ? { keyPrefixEquals: rule.keyPrefix } : { httpErrorCodeReturnedEquals: rule.errorCode.trim() };
  const redirect: WebsiteRoutingRule['redirect'] = {};
  if (rule.https) redirect.protocol = 'https';
  if (rule.redirect === 'key') redirect.replaceKeyWith = rule.replaceKeyWith;
  else redirect.replaceKeyPrefixWith = rule.replaceKeyPrefixWith;
  if (rule.urlRedirect !== '') redirect.urlRedirect = rule.urlRedirect;
  return { condition, redirect };
}

/** The configuration to PUT, or null to DELETE (the website switched off). Validate first. */
export function formToWebsite(form: WebsiteForm): WebsiteConfiguration | null {
  if (!form.enabled) return null;
  const config: WebsiteConfiguration = { indexDocument: { suffix: form.indexSuffix.trim() } };
  if (form.redirectAllHttps) config.redirectAllRequestsTo = { protocol: 'https' };
  if (form.autoAddressing) config.autoAddressing = { status: 'Enabled' };
  else if (form.kept.autoAddressingElement) config.autoAddressing = { status: 'Disabled' };
  const errorKey = form.errorKey.trim();
  if (errorKey !== '') {
    const doc: NonNullable<WebsiteConfiguration['errorDocument']> = { key: errorKey };
    if (form.kept.charity404 !== undefined) doc.charity404 = form.kept.charity404;
    if (form.errorStatus === 'ok') doc.originalHttpStatus = 'Disabled';
    else if (form.kept.originalHttpStatusElement) doc.originalHttpStatus = 'Enabled';
    config.errorDocument = doc;
  }
  if (form.rules.length > 0) config.routingRules = form.rules.map(ruleToConfig);
  return config;
}

// Problems are i18n keys under bucketSettings.website.errors.
export type IndexProblem = 'indexRequired' | 'indexSlash';
export type ErrorKeyProblem = 'errorKeySlash' | 'errorStatusNeedsDocument';
export interface RuleProblems {
  keyPrefix?: 'prefixRequired' | 'shadowed';
  errorCode?: 'errorCode4xx' | 'duplicateErrorCode';
  replaceKeyWith?: 'replaceKeyRequired' | 'loops';
  replaceKeyPrefixWith?: 'loops';
  redirect?: 'prefixNeedsPrefixCondition';
  /** The rule number (1-based) that shadows or duplicates this one. */
  by?: number;
}
export interface WebsiteFormProblems {
  indexSuffix?: IndexProblem;
  errorKey?: ErrorKeyProblem;
  rules: RuleProblems[];
  tooManyRules?: boolean;
}

function ruleProblems(rules: readonly WebsiteRuleForm[], i: number): RuleProblems {
  const rule = rules[i];
  if (!rule) return {};
  const earlier = rules.slice(0, i);
  if (rule.condition === 'prefix') {
    // An empty KeyPrefixEquals matches every key: the whole site would redirect.
    if (rule.keyPrefix === '') return { keyPrefix: 'prefixRequired' };
    // The first KeyPrefixEquals rule that starts the key decides: a later, longer prefix never applies.
    const shadow = earlier.findIndex((r) => r.condition === 'prefix' && r.keyPrefix !== '' && rule.keyPrefix.startsWith(r.keyPrefix));
    if (shadow >= 0) return { keyPrefix: 'shadowed', by: shadow + 1 };
    // A target that still starts with the prefix matches the same rule again: the browser loops.
    if (rule.redirect === 'prefix' && rule.replaceKeyPrefixWith.startsWith(rule.keyPrefix)) return { replaceKeyPrefixWith: 'loops' };
    if (rule.redirect === 'key' && rule.replaceKeyWith !== '' && rule.replaceKeyWith.startsWith(rule.keyPrefix)) return { replaceKeyWith: 'loops' };
  } else {
    if (!/^4\d\d$/.test(rule.errorCode.trim())) return { errorCode: 'errorCode4xx' };
    const dup = earlier.findIndex((r) => r.condition === 'error' && r.errorCode.trim() === rule.errorCode.trim());
    if (dup >= 0) return { errorCode: 'duplicateErrorCode', by: dup + 1 };
    if (rule.redirect === 'prefix') return { redirect: 'prefixNeedsPrefixCondition' };
  }
  if (rule.redirect === 'key' && rule.replaceKeyWith === '') return { replaceKeyWith: 'replaceKeyRequired' };
  return {};
}

export function validateWebsiteForm(form: WebsiteForm): WebsiteFormProblems {
  const problems: WebsiteFormProblems = { rules: form.rules.map((_, i) => ruleProblems(form.rules, i)) };
  if (!form.enabled) return { rules: [] };
  const suffix = form.indexSuffix.trim();
  if (suffix === '') problems.indexSuffix = 'indexRequired';
  else if (suffix.includes('/')) problems.indexSuffix = 'indexSlash';
  const errorKey = form.errorKey.trim();
  // A key is a path without the leading slash: `/404.html` names an object COS would never find.
  if (errorKey.startsWith('/')) problems.errorKey = 'errorKeySlash';
  else if (errorKey === '' && form.errorStatus === 'ok') problems.errorKey = 'errorStatusNeedsDocument';
  if (form.rules.length > MAX_ROUTING_RULES) problems.tooManyRules = true;
  return problems;
}

export function hasProblems(p: WebsiteFormProblems): boolean {
  return p.indexSuffix !== undefined || p.errorKey !== undefined || p.tooManyRules === true || p.rules.some((r) => Object.keys(r).length > 0);
}

/** Moves the rule at `from` one place up (-1) or down (+1); order decides which rule applies. */
export function moveRule(rules: readonly WebsiteRuleForm[], from: number, by: -1 | 1): WebsiteRuleForm[] {
  const to = from + by;
  const moved = rules[from];
  if (!moved || to < 0 || to >= rules.length) return [...rules];
  const out = rules.filter((_, i) => i !== from);
  out.splice(to, 0, moved);
  return out;
}
