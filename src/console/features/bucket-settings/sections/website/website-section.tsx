import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, Input, Radio, Switch } from 'tdesign-react';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import { useInnerInputAttributes } from '../../../../components/use-inner-input-attributes';
import type { BucketTarget } from '../../../../cos/cos-client';
import { configQueries } from '../../../../cos/config-queries';
import type { WebsiteConfiguration } from '../../../../../shared/xml/website';
import { SectionFrame } from '../../components/section-frame';
import { SettingError } from '../../components/setting-error';
import { useSetting, type SettingState } from '../../hooks/use-setting';
import { websiteEndpoint, type WebsiteEndpoint } from '../../model/website-endpoint';
import {
  applySpaPreset, formToWebsite, hasProblems, isSpaPreset, moveRule, newRule, validateWebsiteForm, websiteToForm,
  type RuleProblems, type UrlRedirectChoice, type WebsiteForm, type WebsiteRuleForm,
} from '../../model/website-form';
import { RedirectTester } from './redirect-tester';
import './website-section.css';

/**
 * The static website (PUT/GET/DELETE Bucket website, https://cloud.tencent.com/document/product/436/31930):
 * on/off (off deletes the configuration), index and error documents, the single-page-app preset,
 * AutoAddressing, redirect-all to HTTPS, redirect rules, the endpoint as a link and a redirect tester.
 */
export function WebsiteSection({ target }: { target: BucketTarget }) {
  const { t } = useTranslation();
  const state = useSetting(target, 'website');
  const config = useQuery(configQueries.current());
  const endpoint = config.data ? websiteEndpoint(config.data, target.bucket, target.region) : undefined;
  return (
    <SectionFrame target={target} setting="website" state={state} intro={t('bucketSettings.website.intro')}>
      {(value, readOnly) => (
        <>
          <EndpointLink endpoint={endpoint} known={config.isSuccess} on={value !== null} />
          {readOnly ? (
            <>
              <WebsiteSummary value={value} />
              {value ? <RedirectTester target={target} config={value} endpoint={endpoint} draft={false} /> : null}
            </>
          ) : (
            // Remounted when COS's value changes (after a save): the draft starts from what is stored.
            <WebsiteEditor key={JSON.stringify(value)} target={target} value={value} state={state} endpoint={endpoint} />
          )}
        </>
      )}
    </SectionFrame>
  );
}

function EndpointLink({ endpoint, known, on }: { endpoint: WebsiteEndpoint | undefined; known: boolean; on: boolean }) {
  const { t } = useTranslation();
  if (!known) return null;
  return (
    <div className="website-endpoint">
      <span className="website-label">{t('bucketSettings.website.endpoint')}</span>
      {endpoint ? (
        <>
          <a href={endpoint.url} target="_blank" rel="noreferrer" aria-label={t('bucketSettings.website.endpointOpen', { url: endpoint.url })} className="website-endpoint__url">
            {endpoint.url}
          </a>
          {on ? null : <span className="website-hint">{t('bucketSettings.website.endpointOff')}</span>}
        </>
      ) : (
        <span className="website-hint">{t('bucketSettings.website.endpointUnknown')}</span>
      )}
    </div>
  );
}

/** Read-only: what is configured, in words, with no control that could change it. */
function WebsiteSummary({ value }: { value: WebsiteConfiguration | null }) {
  const { t } = useTranslation();
  const { t: w } = useTranslation(undefined, { keyPrefix: 'bucketSettings.website' });
  if (!value) return <p>{w('off')}</p>;
  const form = websiteToForm(value);
  return (
    <dl className="website-summary">
      <dt>{w('enabled')}</dt>
      <dd>{w('on')}{isSpaPreset(form) ? ` · ${w('spaActive')}` : ''}</dd>
      <dt>{w('index')}</dt>
      <dd>{form.indexSuffix}</dd>
      <dt>{w('errorDocument')}</dt>
      <dd>{form.errorKey === '' ? t('bucketSettings.common.none') : `${form.errorKey} · ${w(form.errorStatus === 'ok' ? 'errorStatusOk' : 'errorStatusOriginal')}`}</dd>
      <dt>{w('autoAddressing')}</dt>
      <dd>{t(`bucketSettings.common.${form.autoAddressing ? 'enabled' : 'disabled'}`)}</dd>
      <dt>{w('redirectAll')}</dt>
      <dd>{t(`bucketSettings.common.${form.redirectAllHttps ? 'enabled' : 'disabled'}`)}</dd>
      <dt>{w('rules.title')}</dt>
      <dd>
        {form.rules.length === 0 ? w('rules.none') : (
          <ol className="website-summary__rules">
            {form.rules.map((r) => <li key={r.id}>{ruleSummary(r, w)}</li>)}
          </ol>
        )}
      </dd>
    </dl>
  );
}

function ruleSummary(r: WebsiteRuleForm, w: TFunction<'translation', 'bucketSettings.website'>): string {
  const when = r.condition === 'prefix' ? w('rules.summaryPrefix', { prefix: r.keyPrefix }) : w('rules.summaryError', { code: r.errorCode });
  const to = r.redirect === 'prefix' ? w('rules.summaryToPrefix', { to: r.replaceKeyPrefixWith }) : w('rules.summaryToKey', { to: r.replaceKeyWith });
  return `${when} → ${to}${r.https ? ` (${w('rules.summaryHttps')})` : ''}`;
}

interface EditorProps {
  target: BucketTarget;
  value: WebsiteConfiguration | null;
  state: SettingState<'website'>;
  endpoint: WebsiteEndpoint | undefined;
}

function WebsiteEditor({ target, value, state, endpoint }: EditorProps) {
  const { t } = useTranslation();
  const { t: w } = useTranslation(undefined, { keyPrefix: 'bucketSettings.website' });
  const [initial] = useState(() => websiteToForm(value));
  const [form, setForm] = useState<WebsiteForm>(initial);
  const [submitted, setSubmitted] = useState(false);
  const [confirmOff, setConfirmOff] = useState(false);
  const problems = validateWebsiteForm(form);
  const invalid = hasProblems(problems);
  const show = submitted ? problems : { rules: form.rules.map((): RuleProblems => ({})) };
  const draft = invalid ? undefined : formToWebsite(form);
  const dirty = JSON.stringify(formToWebsite(form)) !== JSON.stringify(value);
  const save = state.save;
  const title = w('title');

  const patch = (change: Partial<WebsiteForm>) => setForm((f) => ({ ...f, ...change }));
  const patchRule = (id: string, change: Partial<WebsiteRuleForm>) => setForm((f) => ({ ...f, rules: f.rules.map((r) => (r.id === id ? { ...r, ...change } : r)) }));

  const write = async (next: WebsiteConfiguration | null) => {
    try {
      await save.mutateAsync({ value: next });
    } catch {
      // shown from save.error below
    }
  };
  const onSave = () => {
    setSubmitted(true);
    if (invalid) return;
    const next = formToWebsite(form);
    if (next === null && value !== null) setConfirmOff(true);
    else void write(next);
  };

  const enabledId = useId();
  return (
    <div className="website-editor">
      <div className="website-row">
        <span id={enabledId} className="website-label">{w('enabled')}</span>
        <Switch aria-labelledby={enabledId} aria-checked={form.enabled} value={form.enabled} onChange={(v) => patch({ enabled: Boolean(v) })} />
        <span aria-hidden="true">{form.enabled ? w('on') : w('off')}</span>
      </div>
      {form.enabled ? (
        <>
          <div className="website-preset">
            <Button tag="button" variant="outline" onClick={() => setForm((f) => applySpaPreset(f))} disabled={isSpaPreset(form)}>
              {w('spaPreset')}
            </Button>
            <span className="website-hint">{isSpaPreset(form) ? `${w('spaActive')} ✓ ` : ''}{w('spaPresetHint')}</span>
          </div>
          <TextField label={w('index')} hint={w('indexHint')} value={form.indexSuffix} onChange={(v) => patch({ indexSuffix: v })} error={show.indexSuffix ? w(`errors.${show.indexSuffix}`) : undefined} placeholder="index.html" />
          <TextField label={w('errorDocument')} hint={w('errorDocumentHint')} value={form.errorKey} onChange={(v) => patch({ errorKey: v })} error={show.errorKey ? w(`errors.${show.errorKey}`) : undefined} placeholder="404.html" />
          <Choice
            label={w('errorStatus')}
            value={form.errorStatus}
            onChange={(v) => patch({ errorStatus: v === 'ok' ? 'ok' : 'original' })}
            options={[['original', w('errorStatusOriginal')], ['ok', w('errorStatusOk')]]}
          />
          <Checkbox checked={form.autoAddressing} onChange={(v) => patch({ autoAddressing: v })}>{w('autoAddressing')}</Checkbox>
          <Checkbox checked={form.redirectAllHttps} onChange={(v) => patch({ redirectAllHttps: v })}>{w('redirectAll')}</Checkbox>
          <RulesEditor rules={form.rules} problems={show.rules} onChange={(rules) => patch({ rules })} onPatch={patchRule} />
          {show.tooManyRules ? <div className="website-error" role="alert">{w('errors.tooManyRules')}</div> : null}
        </>
      ) : null}
      <div className="settings-section__actions">
        <Button tag="button" theme="primary" onClick={onSave} loading={save.isPending} disabled={!dirty}>
          {save.isPending ? t('bucketSettings.common.saving') : t('bucketSettings.common.save')}
        </Button>
        <Button tag="button" variant="outline" onClick={() => { setForm(initial); setSubmitted(false); }} disabled={!dirty}>
          {t('bucketSettings.common.reset')}
        </Button>
      </div>
      <div role="status" className="website-status">
        {submitted && invalid ? t('bucketSettings.common.invalid') : dirty ? t('bucketSettings.common.unsaved') : save.isSuccess ? (value ? t('bucketSettings.common.saved', { setting: title }) : t('bucketSettings.common.deleted', { setting: title })) : ''}
      </div>
      {save.isError ? <SettingError title={t('bucketSettings.common.saveFailed', { setting: title })} error={save.error} /> : null}
      {form.enabled ? (
        draft ? <RedirectTester target={target} config={draft} endpoint={endpoint} draft /> : <Alert theme="info" message={w('tester.fixFirst')} />
      ) : null}
      <ConfirmDialog
        visible={confirmOff}
        title={w('removeTitle')}
        confirmLabel={w('removeConfirm')}
        cancelLabel={t('bucketSettings.common.cancel')}
        onCancel={() => setConfirmOff(false)}
        onConfirm={() => { setConfirmOff(false); void write(null); }}
      >
        <p>{w('removeBody')}</p>
      </ConfirmDialog>
    </div>
  );
}

interface TextFieldProps {
  label: string;
  hint?: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  placeholder?: string;
  className?: string;
}

/** A TDesign Input with its visible label and its hint or problem tied to the <input>. */
function TextField({ label, hint, value, onChange, error, placeholder, className }: TextFieldProps) {
  const id = useId();
  const describedBy = useId();
  const ref = useInnerInputAttributes({ id, autocomplete: 'off', spellcheck: 'false', 'aria-invalid': error ? 'true' : 'false', 'aria-describedby': describedBy });
  return (
    <div className={`website-field ${className ?? ''}`}>
      <label htmlFor={id} className="website-label">{label}</label>
      <Input ref={ref} value={value} onChange={(v) => onChange(String(v))} status={error ? 'error' : 'default'} {...(placeholder ? { placeholder } : {})} />
      <div id={describedBy} className={error ? 'website-error' : 'website-hint'}>{error ?? hint ?? ''}</div>
    </div>
  );
}

function Choice({ label, value, onChange, options }: { label: string; value: string; onChange: (v: string) => void; options: Array<[string, string]> }) {
  const labelId = useId();
  return (
    <div className="website-field">
      <span id={labelId} className="website-label">{label}</span>
      <div role="radiogroup" aria-labelledby={labelId}>
        <Radio.Group value={value} onChange={(v) => onChange(String(v))}>
          {options.map(([v, text]) => <Radio key={v} value={v}>{text}</Radio>)}
        </Radio.Group>
      </div>
    </div>
  );
}

interface RulesEditorProps {
  rules: WebsiteRuleForm[];
  problems: RuleProblems[];
  onChange: (rules: WebsiteRuleForm[]) => void;
  onPatch: (id: string, change: Partial<WebsiteRuleForm>) => void;
}

function RulesEditor({ rules, problems, onChange, onPatch }: RulesEditorProps) {
  const { t: w } = useTranslation(undefined, { keyPrefix: 'bucketSettings.website' });
  const titleId = useId();
  return (
    <section className="website-rules" aria-labelledby={titleId}>
      <h3 id={titleId} className="website-rules__title">{w('rules.title')}</h3>
      <p className="website-hint">{w('rules.intro')}</p>
      {rules.length === 0 ? <p>{w('rules.none')}</p> : null}
      {rules.map((rule, i) => (
        <RuleFields
          key={rule.id}
          n={i + 1}
          count={rules.length}
          rule={rule}
          problems={problems[i] ?? {}}
          onPatch={(change) => onPatch(rule.id, change)}
          onMove={(by) => onChange(moveRule(rules, i, by))}
          onRemove={() => onChange(rules.filter((r) => r.id !== rule.id))}
        />
      ))}
      <div>
        <Button tag="button" variant="dashed" onClick={() => onChange([...rules, newRule()])}>{w('rules.add')}</Button>
      </div>
    </section>
  );
}

interface RuleFieldsProps {
  n: number;
  count: number;
  rule: WebsiteRuleForm;
  problems: RuleProblems;
  onPatch: (change: Partial<WebsiteRuleForm>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

function RuleFields({ n, count, rule, problems, onPatch, onMove, onRemove }: RuleFieldsProps) {
  const { t } = useTranslation();
  const { t: w } = useTranslation(undefined, { keyPrefix: 'bucketSettings.website' });
  type Problem = NonNullable<RuleProblems[Exclude<keyof RuleProblems, 'by'>]>;
  const err = (p: Problem | undefined) => (p ? w(`errors.${p}`, { by: problems.by ?? 0 }) : undefined);
  const isUrlRedirect = (v: string): v is UrlRedirectChoice => v === '' || v === 'Enabled' || v === 'Disabled';
  return (
    <fieldset className="website-rule">
      <legend className="website-rule__legend">{w('rules.rule', { n })}</legend>
      <div className="website-rule__grid">
        <Choice
          label={w('rules.condition', { n })}
          value={rule.condition}
          onChange={(v) => onPatch(v === 'error' ? { condition: 'error', redirect: 'key' } : { condition: 'prefix' })}
          options={[['prefix', w('rules.conditionPrefix')], ['error', w('rules.conditionError')]]}
        />
        {rule.condition === 'prefix' ? (
          <TextField label={w('rules.keyPrefix', { n })} value={rule.keyPrefix} onChange={(v) => onPatch({ keyPrefix: v })} error={err(problems.keyPrefix)} placeholder="old/" />
        ) : (
          <TextField label={w('rules.errorCode', { n })} value={rule.errorCode} onChange={(v) => onPatch({ errorCode: v })} error={err(problems.errorCode)} placeholder="404" />
        )}
        <Choice
          label={w('rules.redirect', { n })}
          value={rule.redirect}
          onChange={(v) => onPatch({ redirect: v === 'prefix' ? 'prefix' : 'key' })}
          options={rule.condition === 'prefix' ? [['prefix', w('rules.redirectPrefix')], ['key', w('rules.redirectKey')]] : [['key', w('rules.redirectKey')]]}
        />
        {rule.redirect === 'prefix' ? (
          <TextField label={w('rules.replaceKeyPrefixWith', { n })} value={rule.replaceKeyPrefixWith} onChange={(v) => onPatch({ replaceKeyPrefixWith: v })} error={err(problems.replaceKeyPrefixWith ?? problems.redirect)} placeholder="new/" />
        ) : (
          <TextField label={w('rules.replaceKeyWith', { n })} value={rule.replaceKeyWith} onChange={(v) => onPatch({ replaceKeyWith: v })} error={err(problems.replaceKeyWith)} placeholder="index.html" />
        )}
      </div>
      <Checkbox checked={rule.https} onChange={(v) => onPatch({ https: v })}>{w('rules.https')}</Checkbox>
      <Choice
        label={w('rules.urlRedirect', { n })}
        value={rule.urlRedirect}
        onChange={(v) => onPatch({ urlRedirect: isUrlRedirect(v) ? v : '' })}
        options={[['', w('rules.urlRedirectDefault')], ['Enabled', w('rules.urlRedirectEnabled')], ['Disabled', w('rules.urlRedirectDisabled')]]}
      />
      <div className="website-rule__actions">
        <Button tag="button" variant="text" onClick={() => onMove(-1)} disabled={n === 1} aria-label={`${t('bucketSettings.common.moveUp')} (${w('rules.rule', { n })})`}>{t('bucketSettings.common.moveUp')}</Button>
        <Button tag="button" variant="text" onClick={() => onMove(1)} disabled={n === count} aria-label={`${t('bucketSettings.common.moveDown')} (${w('rules.rule', { n })})`}>{t('bucketSettings.common.moveDown')}</Button>
        <Button tag="button" variant="text" theme="danger" onClick={onRemove} aria-label={`${t('bucketSettings.common.remove')} (${w('rules.rule', { n })})`}>{t('bucketSettings.common.remove')}</Button>
      </div>
    </fieldset>
  );
}
