import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Switch, Tag } from 'tdesign-react';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import type { BucketTarget } from '../../../../cos/cos-client';
import { reachesConsole, withConsoleRule } from '../../../../../shared/cors/console-rule';
import { stableJson } from '../../../../../shared/settings/codecs';
import { MAX_CORS_RULES, type CorsConfiguration } from '../../../../../shared/xml/cors';
import { SectionFrame } from '../../components/section-frame';
import { SettingError } from '../../components/setting-error';
import { useSetting, type SettingState } from '../../hooks/use-setting';
import {
  configToDraft, draftIsValid, draftToConfig, duplicateRuleDraft, emptyRuleDraft, moveRule, ruleProblems, ruleToDraft,
  type CorsDraft, type CorsRuleDraft,
} from '../../model/cors-form';
import { CorsRuleCard } from './cors-rule-card';
import { CorsTester } from './cors-tester';
import './cors-section.css';

/** The bucket's CORS rules (PUT/DELETE Bucket cors, https://cloud.tencent.com/document/product/436/8279): an ordered list, edited as a draft and saved whole. */
export function CorsSection({ target }: { target: BucketTarget }) {
  const { t } = useTranslation();
  const state = useSetting(target, 'cors');
  return (
    <SectionFrame target={target} setting="cors" state={state} intro={t('bucketSettings.cors.intro')}>
      {(value, readOnly) => <CorsEditor value={value} readOnly={readOnly} save={state.save} />}
    </SectionFrame>
  );
}

type Confirming = { kind: 'break'; value: CorsConfiguration } | { kind: 'removeAll' } | null;

const same = (a: CorsConfiguration | null, b: CorsConfiguration | null): boolean => stableJson(a) === stableJson(b);

function CorsEditor({ value, readOnly, save }: { value: CorsConfiguration | null; readOnly: boolean; save: SettingState<'cors'>['save'] }) {
  const { t } = useTranslation();
  // The page's own origin is what the browser sends as Origin to COS (docs/cos-behaviour.md "CORS").
  const origin = window.location.origin;
  const [base, setBase] = useState<CorsConfiguration | null>(value);
  const [draft, setDraft] = useState<CorsDraft>(() => configToDraft(value));
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const varyId = useId();
  const varyHintId = useId();
  // TDesign's Switch is a <button role="switch"> without aria-checked; it passes extra props to the
  // button, so the label's `for`, the hint and the state reach it.
  const varyA11y = { id: varyId, 'aria-describedby': varyHintId, 'aria-checked': draft.vary };

  const next = useMemo(() => draftToConfig(draft), [draft]);
  const dirty = !same(next, base);

  // A new value from COS (after a save, or a refetch): taken over unless there is unsaved work.
  useEffect(() => {
    if (same(value, base)) return;
    setBase(value);
    if (same(draftToConfig(draft), base)) {
      setDraft(configToDraft(value));
      setExpanded(new Set());
    }
    // Only a new value from COS triggers this; draft and base are read as they are then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const problems = draft.rules.map(ruleProblems);
  const valid = draftIsValid(draft);
  const canAdd = draft.rules.length < MAX_CORS_RULES;
  const consoleReached = reachesConsole(next ?? undefined, origin);

  const edit = (change: (d: CorsDraft) => CorsDraft) => {
    setSavedNote(null);
    save.reset();
    setDraft(change);
  };
  const setRules = (rules: (rs: CorsRuleDraft[]) => CorsRuleDraft[]) => edit((d) => ({ ...d, rules: rules(d.rules) }));
  const expand = (key: string, open: boolean) =>
    setExpanded((s) => {
      const n = new Set(s);
      if (open) n.add(key);
      else n.delete(key);
      return n;
    });

  const addRule = () => {
    const rule = emptyRuleDraft();
    setRules((rs) => [...rs, rule]);
    expand(rule.key, true);
  };
  const addConsoleRule = () => {
    const added = withConsoleRule(next ?? undefined, origin).rules.at(-1);
    if (added) setRules((rs) => [...rs, ruleToDraft(added)]);
  };

  const write = async (v: CorsConfiguration | null) => {
    setConfirming(null);
    try {
      await save.mutateAsync({ value: v });
    } catch {
      return; // save.error is shown
    }
    setBase(v);
    setDraft(configToDraft(v));
    setExpanded(new Set());
    setSavedNote(v === null ? t('bucketSettings.common.deleted', { setting: t('bucketSettings.cors.title') }) : t('bucketSettings.common.saved', { setting: t('bucketSettings.cors.title') }));
  };

  const onSave = () => {
    if (!valid) return;
    if (next === null) {
      setConfirming({ kind: 'removeAll' });
      return;
    }
    // Saving a change that takes away this console's rule cuts this console off from the bucket.
    if (reachesConsole(base ?? undefined, origin) && !reachesConsole(next, origin)) {
      setConfirming({ kind: 'break', value: next });
      return;
    }
    void write(next);
  };

  const discard = () => {
    setDraft(configToDraft(base));
    setExpanded(new Set());
    save.reset();
  };

  return (
    <div className="cors-editor">
      {!consoleReached ? (
        <div role="note">
          <Alert
            theme="warning"
            message={t('bucketSettings.cors.consoleMissing', { origin })}
            {...(readOnly ? {} : { operation: <Button tag="button" size="small" variant="outline" onClick={addConsoleRule} disabled={!canAdd}>{t('bucketSettings.cors.consoleMissingAdd')}</Button> })}
          />
        </div>
      ) : null}

      <section className="cors-rules" aria-labelledby="cors-rules-title">
        <div className="cors-rules__head">
          <h3 id="cors-rules-title" className="cors-rules__title">{t('bucketSettings.cors.rulesTitle')}</h3>
          {dirty ? <Tag theme="warning" variant="light">{t('bucketSettings.cors.unsavedBadge')}</Tag> : null}
        </div>
        <p className="cors-rules__order">{t('bucketSettings.cors.firstMatchWins')}</p>
        {draft.rules.length === 0 ? <p className="cors-rules__empty">{t('bucketSettings.cors.noRules')}</p> : null}
        <ol className="cors-rules__list">
          {draft.rules.map((rule, i) => (
            <CorsRuleCard
              key={rule.key}
              index={i}
              count={draft.rules.length}
              rule={rule}
              problems={problems[i] ?? {}}
              readOnly={readOnly}
              expanded={expanded.has(rule.key)}
              canAdd={canAdd}
              onChange={(change) => setRules((rs) => rs.map((r) => (r.key === rule.key ? { ...r, ...change } : r)))}
              onToggle={() => expand(rule.key, !expanded.has(rule.key))}
              onDuplicate={() => {
                const copy = duplicateRuleDraft(rule);
                setRules((rs) => rs.flatMap((r) => (r.key === rule.key ? [r, copy] : [r])));
                expand(copy.key, true);
              }}
              onMove={(delta) => setRules((rs) => moveRule(rs, rs.findIndex((r) => r.key === rule.key), delta))}
              onDelete={() => setRules((rs) => rs.filter((r) => r.key !== rule.key))}
            />
          ))}
        </ol>
        {readOnly ? null : (
          <div>
            <Button tag="button" variant="dashed" onClick={addRule} disabled={!canAdd}>
              {t('bucketSettings.cors.addRule')}
            </Button>
            {canAdd ? null : <span className="cors-field__hint"> {t('bucketSettings.cors.tooManyRules', { max: MAX_CORS_RULES })}</span>}
          </div>
        )}
      </section>

      <div className="cors-vary">
        <Switch {...varyA11y} value={draft.vary} disabled={readOnly} onChange={(v) => edit((d) => ({ ...d, vary: Boolean(v) }))} />
        <label htmlFor={varyId} className="cors-vary__label">{t('bucketSettings.cors.vary.label')}</label>
        <div id={varyHintId} className="cors-field__hint cors-vary__hint">{t('bucketSettings.cors.vary.hint')}</div>
      </div>

      {readOnly ? null : (
        <div className="cors-save">
          {draft.rules.length === 0 && base !== null ? <Alert theme="warning" message={t('bucketSettings.cors.noRulesLeftSave')} /> : null}
          {!valid ? <Alert theme="error" message={t('bucketSettings.common.invalid')} /> : null}
          {save.isError ? <SettingError title={t('bucketSettings.common.saveFailed', { setting: t('bucketSettings.cors.title') })} error={save.error} /> : null}
          <div className="settings-section__actions">
            <Button tag="button" theme="primary" onClick={onSave} disabled={!dirty || !valid} loading={save.isPending}>
              {save.isPending ? t('bucketSettings.common.saving') : t('bucketSettings.common.save')}
            </Button>
            <Button tag="button" variant="outline" onClick={discard} disabled={!dirty || save.isPending}>
              {t('bucketSettings.common.reset')}
            </Button>
            <Button tag="button" variant="outline" theme="danger" onClick={() => setConfirming({ kind: 'removeAll' })} disabled={base === null || save.isPending}>
              {t('bucketSettings.cors.removeAll')}
            </Button>
            {dirty ? <span className="cors-save__unsaved">{t('bucketSettings.common.unsaved')}</span> : null}
          </div>
          <div role="status" className="cors-save__status">{savedNote}</div>
        </div>
      )}

      <CorsTester config={next} />

      <ConfirmDialog
        visible={confirming !== null}
        title={confirming?.kind === 'break' ? t('bucketSettings.cors.breakTitle') : t('bucketSettings.cors.removeAllTitle')}
        confirmLabel={confirming?.kind === 'break' ? t('bucketSettings.cors.breakConfirm') : t('bucketSettings.cors.removeAllConfirm')}
        cancelLabel={t('bucketSettings.common.cancel')}
        onCancel={() => setConfirming(null)}
        onConfirm={() => void write(confirming?.kind === 'break' ? confirming.value : null)}
      >
        {confirming?.kind === 'break' ? (
          <p>{t('bucketSettings.cors.breakBody', { origin })}</p>
        ) : (
          <>
            <p>{t('bucketSettings.cors.removeAllBody')}</p>
            {reachesConsole(base ?? undefined, origin) ? <p>{t('bucketSettings.cors.removeAllConsole')}</p> : null}
          </>
        )}
      </ConfirmDialog>
    </div>
  );
}
