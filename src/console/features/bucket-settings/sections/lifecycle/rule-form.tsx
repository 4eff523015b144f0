import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Radio, Switch } from 'tdesign-react';
import type { LifecycleRule, LifecycleTag } from '../../../../../shared/xml/lifecycle';
import {
  checkRuleForm, formToRule, newRuleForm, newTransitionRow, ruleToForm, TRANSITION_CLASSES,
  type ExpirationMode, type FilterKind, type LifecycleFieldProblem, type LifecycleFormProblems, type LifecycleRuleForm, type TimeMode,
} from '../../model/lifecycle-form';
import { summariseLifecycleRule } from '../../model/lifecycle-summary';
import { SelectField, TextField } from './form-controls';

export interface RuleFormProps {
  title: string;
  /** The rule edited, or undefined for a new one. */
  rule: LifecycleRule | undefined;
  /** The configuration's other rules (for unique IDs and the whole configuration's check). */
  others: LifecycleRule[];
  saving: boolean;
  onCancel: () => void;
  onSave: (rule: LifecycleRule) => Promise<void>;
}

const FILTER_KINDS: FilterKind[] = ['all', 'prefix', 'tags', 'prefixTags'];
const EXPIRATION_MODES: ExpirationMode[] = ['none', 'days', 'date', 'deleteMarkers'];

/** One lifecycle rule's fields, its live summary, and the reason it cannot be saved (if any). */
export function RuleForm({ title, rule, others, saving, onCancel, onSave }: RuleFormProps) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<LifecycleRuleForm>(() => (rule ? ruleToForm(rule) : newRuleForm()));
  const [submitted, setSubmitted] = useState(false);
  const titleId = useId();
  const enabledId = useId();
  const scopeLabelId = useId();
  const expirationLabelId = useId();
  const set = (change: Partial<LifecycleRuleForm>) => setForm((f) => ({ ...f, ...change }));
  const result = checkRuleForm(form, others);
  const problems: LifecycleFormProblems = submitted && !result.ok ? result.problems : {};
  const problem = (path: string): string | undefined => {
    const p: LifecycleFieldProblem | undefined = problems[path];
    return p ? t(`bucketSettings.lifecycle.form.problems.${p}`) : undefined;
  };
  const classOptions = TRANSITION_CLASSES.map((c) => ({ value: c as string, label: t(`storageClass.${c}`) }));
  const modeOptions: { value: TimeMode; label: string }[] = [
    { value: 'days', label: t('bucketSettings.lifecycle.form.afterDays') },
    { value: 'date', label: t('bucketSettings.lifecycle.form.onDate') },
  ];
  const usesPrefix = form.filterKind === 'prefix' || form.filterKind === 'prefixTags';
  const usesTags = form.filterKind === 'tags' || form.filterKind === 'prefixTags';
  const dateHint = t('bucketSettings.lifecycle.form.dateHint');
  const emptyKeeps = t('bucketSettings.lifecycle.form.emptyKeeps');

  const setTags = (tags: LifecycleTag[]) => set({ tags });
  const submit = () => {
    setSubmitted(true);
    if (!result.ok || saving) return;
    onSave(result.rule).catch(() => undefined);
  };

  return (
    <form
      className="lifecycle-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3 id={titleId} className="lifecycle-form__title">{title}</h3>
      <div className="lifecycle-form__row">
        <TextField className="settings-field--class" label={t('bucketSettings.lifecycle.form.id')} value={form.id} onChange={(id) => set({ id })} error={problem('id')} hint={t('bucketSettings.lifecycle.form.idHint')} />
        <div className="settings-editor__switch lifecycle-form__enabled">
          <Switch {...{ id: enabledId, 'aria-checked': form.enabled }} value={form.enabled} onChange={(v) => set({ enabled: Boolean(v) })} />
          <label htmlFor={enabledId}>{t('bucketSettings.lifecycle.form.enabled')}</label>
        </div>
      </div>

      <fieldset className="lifecycle-form__group">
        <legend className="lifecycle-form__legend" id={scopeLabelId}>{t('bucketSettings.lifecycle.form.scope')}</legend>
        <div role="radiogroup" aria-labelledby={scopeLabelId}>
          <Radio.Group value={form.filterKind} onChange={(v) => set({ filterKind: FILTER_KINDS.find((k) => k === v) ?? 'all' })}>
            {FILTER_KINDS.map((k) => (
              <Radio key={k} value={k}>{t(`bucketSettings.lifecycle.form.${scopeKey(k)}`)}</Radio>
            ))}
          </Radio.Group>
        </div>
        {usesPrefix ? (
          <TextField className="settings-field--class" label={t('bucketSettings.lifecycle.form.prefix')} value={form.prefix} onChange={(prefix) => set({ prefix })} error={problem('prefix')} hint={t('bucketSettings.lifecycle.form.prefixHint')} />
        ) : null}
        {usesTags ? (
          <>
            <p className="settings-editor__para admin-form__hint">{t('bucketSettings.lifecycle.form.tagsHint')}</p>
            {form.tags.map((tag, i) => (
              <div className="lifecycle-form__row" key={i}>
                <TextField label={t('bucketSettings.lifecycle.form.tagKey', { n: i + 1 })} value={tag.key} error={problem(`tags.${i}.key`)}
                  onChange={(key) => setTags(form.tags.map((x, j) => (j === i ? { ...x, key } : x)))} />
                <TextField label={t('bucketSettings.lifecycle.form.tagValue', { n: i + 1 })} value={tag.value}
                  onChange={(v) => setTags(form.tags.map((x, j) => (j === i ? { ...x, value: v } : x)))} />
                <RemoveButton label={t('bucketSettings.lifecycle.form.removeTag', { n: i + 1 })} onClick={() => setTags(form.tags.filter((_, j) => j !== i))} />
              </div>
            ))}
            {problem('tags') ? <div className="admin-form__error">{problem('tags')}</div> : null}
            <div>
              <Button tag="button" variant="dashed" onClick={() => setTags([...form.tags, { key: '', value: '' }])}>{t('bucketSettings.lifecycle.form.addTag')}</Button>
            </div>
          </>
        ) : null}
      </fieldset>

      <fieldset className="lifecycle-form__group">
        <legend className="lifecycle-form__legend">{t('bucketSettings.lifecycle.form.current')}</legend>
        <Subheading>{t('bucketSettings.lifecycle.form.transitions')}</Subheading>
        {form.transitions.length === 0 ? <p className="settings-editor__empty">{t('bucketSettings.lifecycle.form.transitionsNone')}</p> : null}
        {form.transitions.map((tr, i) => {
          const n = i + 1;
          const change = (c: Partial<typeof tr>) => set({ transitions: form.transitions.map((x, j) => (j === i ? { ...x, ...c } : x)) });
          return (
            <div className="lifecycle-form__row" key={i}>
              <SelectField className="settings-field--narrow" label={t('bucketSettings.lifecycle.form.when', { n })} value={tr.mode} options={modeOptions} onChange={(mode) => change({ mode })} />
              {tr.mode === 'days' ? (
                <TextField className="settings-field--narrow" inputMode="numeric" label={t('bucketSettings.lifecycle.form.transitionDays', { n })} value={tr.days} onChange={(days) => change({ days })} error={problem(`transitions.${i}.days`)} />
              ) : (
                <TextField className="settings-field--class" label={t('bucketSettings.lifecycle.form.transitionDate', { n })} value={tr.date} placeholder="YYYY-MM-DD" onChange={(date) => change({ date })} error={problem(`transitions.${i}.date`)} hint={dateHint} />
              )}
              <SelectField className="settings-field--class" label={t('bucketSettings.lifecycle.form.transitionClass', { n })} value={tr.storageClass} options={classOptions} onChange={(storageClass) => change({ storageClass })} error={problem(`transitions.${i}.storageClass`)} />
              <RemoveButton label={t('bucketSettings.lifecycle.form.removeTransition', { n })} onClick={() => set({ transitions: form.transitions.filter((_, j) => j !== i) })} />
            </div>
          );
        })}
        <div>
          <Button tag="button" variant="dashed" onClick={() => set({ transitions: [...form.transitions, newTransitionRow()] })}>{t('bucketSettings.lifecycle.form.addTransition')}</Button>
        </div>
        <Subheading id={expirationLabelId}>{t('bucketSettings.lifecycle.form.expiration')}</Subheading>
        <div role="radiogroup" aria-labelledby={expirationLabelId}>
          <Radio.Group value={form.expirationMode} onChange={(v) => set({ expirationMode: EXPIRATION_MODES.find((m) => m === v) ?? 'none' })}>
            {EXPIRATION_MODES.map((m) => (
              <Radio key={m} value={m}>{t(`bucketSettings.lifecycle.form.${expirationKey(m)}`)}</Radio>
            ))}
          </Radio.Group>
        </div>
        {form.expirationMode === 'days' ? (
          <TextField className="settings-field--class" inputMode="numeric" label={t('bucketSettings.lifecycle.form.expirationDays')} value={form.expirationDays} onChange={(expirationDays) => set({ expirationDays })} error={problem('expiration')} />
        ) : form.expirationMode === 'date' ? (
          <TextField className="settings-field--class" label={t('bucketSettings.lifecycle.form.expirationDate')} placeholder="YYYY-MM-DD" value={form.expirationDate} onChange={(expirationDate) => set({ expirationDate })} error={problem('expiration')} hint={dateHint} />
        ) : null}
      </fieldset>

      <fieldset className="lifecycle-form__group">
        <legend className="lifecycle-form__legend">{t('bucketSettings.lifecycle.form.noncurrent')}</legend>
        {form.noncurrentTransitions.length === 0 ? <p className="settings-editor__empty">{t('bucketSettings.lifecycle.form.noncurrentNone')}</p> : null}
        {form.noncurrentTransitions.map((tr, i) => {
          const n = i + 1;
          const change = (c: Partial<typeof tr>) => set({ noncurrentTransitions: form.noncurrentTransitions.map((x, j) => (j === i ? { ...x, ...c } : x)) });
          return (
            <div className="lifecycle-form__row" key={i}>
              <TextField className="settings-field--class" inputMode="numeric" label={t('bucketSettings.lifecycle.form.noncurrentDays', { n })} value={tr.days} onChange={(days) => change({ days })} error={problem(`noncurrentTransitions.${i}.days`)} />
              <SelectField className="settings-field--class" label={t('bucketSettings.lifecycle.form.noncurrentClass', { n })} value={tr.storageClass} options={classOptions} onChange={(storageClass) => change({ storageClass })} error={problem(`noncurrentTransitions.${i}.storageClass`)} />
              <RemoveButton label={t('bucketSettings.lifecycle.form.removeNoncurrentTransition', { n })} onClick={() => set({ noncurrentTransitions: form.noncurrentTransitions.filter((_, j) => j !== i) })} />
            </div>
          );
        })}
        <div>
          <Button tag="button" variant="dashed" onClick={() => set({ noncurrentTransitions: [...form.noncurrentTransitions, { days: '', storageClass: 'STANDARD_IA' }] })}>
            {t('bucketSettings.lifecycle.form.addNoncurrentTransition')}
          </Button>
        </div>
        <TextField className="settings-field--class" inputMode="numeric" label={t('bucketSettings.lifecycle.form.noncurrentExpiration')} value={form.noncurrentExpirationDays} onChange={(noncurrentExpirationDays) => set({ noncurrentExpirationDays })} error={problem('noncurrentExpiration')} hint={emptyKeeps} />
      </fieldset>

      <div className="lifecycle-form__group">
        <TextField className="settings-field--class" inputMode="numeric" label={t('bucketSettings.lifecycle.form.abort')} value={form.abortDays} onChange={(abortDays) => set({ abortDays })} error={problem('abort')} hint={emptyKeeps} />
      </div>

      <div className="lifecycle-form__group">
        <Subheading>{t('bucketSettings.lifecycle.form.preview')}</Subheading>
        <p className="lifecycle-form__preview lifecycle-summary" data-testid="lifecycle-preview" aria-live="polite">
          {summariseLifecycleRule(formToRule(form), t, { lang: i18n.language })}
        </p>
      </div>
      {problem('rule') ? <Alert theme="error" message={problem('rule')} /> : null}
      {submitted && !result.ok && result.cos ? (
        <Alert theme="error" message={t('bucketSettings.lifecycle.form.cosRefused', { code: result.cos.code, message: result.cos.message })} />
      ) : null}
      {submitted && !result.ok && !problem('rule') && !result.cos ? <p className="admin-form__error" role="alert">{t('bucketSettings.common.invalid')}</p> : null}
      <div className="settings-section__actions">
        <Button tag="button" type="submit" theme="primary" disabled={saving} loading={saving}>
          {saving ? t('bucketSettings.common.saving') : t('bucketSettings.lifecycle.form.saveRule')}
        </Button>
        <Button tag="button" variant="outline" disabled={saving} onClick={onCancel}>{t('bucketSettings.common.cancel')}</Button>
      </div>
    </form>
  );
}

function Subheading({ id, children }: { id?: string; children: ReactNode }) {
  return <h4 id={id} className="lifecycle-form__subheading">{children}</h4>;
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button tag="button" variant="text" theme="danger" aria-label={label} onClick={onClick} className="lifecycle-form__remove">
      {t('bucketSettings.common.remove')}
    </Button>
  );
}

function scopeKey(k: FilterKind): 'scopeAll' | 'scopePrefix' | 'scopeTags' | 'scopePrefixTags' {
  return k === 'all' ? 'scopeAll' : k === 'prefix' ? 'scopePrefix' : k === 'tags' ? 'scopeTags' : 'scopePrefixTags';
}

function expirationKey(m: ExpirationMode): 'expireNone' | 'expireDays' | 'expireDate' | 'expireMarkers' {
  return m === 'none' ? 'expireNone' : m === 'days' ? 'expireDays' : m === 'date' ? 'expireDate' : 'expireMarkers';
}
