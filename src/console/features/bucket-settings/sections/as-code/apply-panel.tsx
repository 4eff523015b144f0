import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, Tag, Textarea } from 'tdesign-react';
import { bucketQueries } from '../../../../cos/bucket-queries';
import type { BucketTarget } from '../../../../cos/cos-client';
import { useCosClient } from '../../../../cos/cos-client-context';
import { settingQueries } from '../../../../cos/setting-queries';
import { SETTING_NAMES, type BucketSettingsDocument, type SettingName, type Settings } from '../../../../../shared/settings/document';
import { planSettings, type SettingsPlan } from '../../../../../shared/settings/plan';
import { DiffView } from '../../components/diff-view';
import { describeWriteError, useRecordedWrite } from '../../hooks/use-recorded-write';
import {
  applySteps, applyTotals, bucketOutcome, consoleWarnings, parseDocumentText, runSteps,
  type ApplyStep, type ConsoleWarningCode, type StepResult,
} from '../../model/apply-settings';
import { sectionOfSetting } from '../../model/sections';

const keyOf = (b: BucketTarget): string => `${b.region}/${b.bucket}`;

interface BucketPreview {
  target: BucketTarget;
  plan: SettingsPlan;
  steps: ApplyStep[];
  readErrors: { setting: SettingName; code: string }[];
  consoleWarnings: ConsoleWarningCode[];
}

interface Preview {
  /** The document text and bucket selection it was made for: any change makes it stale. */
  basis: string;
  buckets: BucketPreview[];
}

/** The settings a plan needs read from a bucket: those the document names, and replication for versioning's warning. */
function settingsToRead(doc: BucketSettingsDocument): SettingName[] {
  const named = SETTING_NAMES.filter((n) => doc.settings[n] !== undefined);
  if (named.includes('versioning') && !named.includes('replication')) named.push('replication');
  return named;
}

/** A settings document, pasted or uploaded, previewed per bucket and applied with a result per setting. */
export function ApplyPanel({ target, exported }: { target: BucketTarget; exported: string | undefined }) {
  const { t } = useTranslation();
  const cos = useCosClient();
  const queryClient = useQueryClient();
  const write = useRecordedWrite();
  const settingTitle = (s: SettingName) => t(`bucketSettings.${sectionOfSetting(s).i18n}.title`);
  const titleId = useId();
  const textId = useId();
  const bucketsLabelId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [fileError, setFileError] = useState<string | undefined>();
  const [selected, setSelected] = useState<string[]>([keyOf(target)]);
  const [preview, setPreview] = useState<Preview | undefined>();
  const [previewing, setPreviewing] = useState(false);
  const [acknowledged, setAcknowledged] = useState(false);
  const [results, setResults] = useState<Record<string, StepResult[]> | undefined>();
  const [applying, setApplying] = useState(false);
  const [applied, setApplied] = useState(false);

  const buckets = useQuery(bucketQueries.list());
  const choices: BucketTarget[] = useMemo(() => {
    const listed = (buckets.data ?? []).map((b) => ({ bucket: b.name, region: b.region }));
    return listed.some((b) => keyOf(b) === keyOf(target)) ? listed : [target, ...listed];
  }, [buckets.data, target]);

  const parsed = useMemo(() => (text.trim() === '' ? undefined : parseDocumentText(text)), [text]);
  const doc = parsed?.ok ? parsed.value : undefined;
  const basis = `${text}\n${[...selected].sort().join(',')}`;
  const stale = preview !== undefined && preview.basis !== basis;
  const warningCount = preview ? preview.buckets.reduce((n, b) => n + b.plan.warnings.length + b.consoleWarnings.length, 0) : 0;
  const stepCount = preview ? preview.buckets.reduce((n, b) => n + b.steps.length, 0) : 0;
  const canApply = !!preview && !stale && !applied && !applying && stepCount > 0 && (warningCount === 0 || acknowledged);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    try {
      setText(await file.text());
      setFileError(undefined);
    } catch {
      setFileError(t('bucketSettings.asCode.apply.fileReadFailed', { name: file.name }));
    }
  };

  const runPreview = async () => {
    if (!doc) return;
    setPreviewing(true);
    setResults(undefined);
    setApplied(false);
    setAcknowledged(false);
    try {
      const targets = choices.filter((c) => selected.includes(keyOf(c)));
      const names = settingsToRead(doc);
      const previews = await Promise.all(targets.map(async (b): Promise<BucketPreview> => {
        const current: Partial<Record<SettingName, unknown>> = {};
        const readErrors: BucketPreview['readErrors'] = [];
        await Promise.all(names.map(async (name) => {
          try {
            current[name] = await cos.getSetting(b, name);
          } catch (e) {
            readErrors.push({ setting: name, code: describeWriteError(e).code });
          }
        }));
        const plan = planSettings(current as Partial<Settings>, doc.settings);
        return { target: b, plan, steps: applySteps(plan), readErrors, consoleWarnings: consoleWarnings(plan, window.location.origin) };
      }));
      setPreview({ basis, buckets: previews });
    } finally {
      setPreviewing(false);
    }
  };

  const runApply = async () => {
    if (!preview) return;
    setApplying(true);
    const all: Record<string, StepResult[]> = {};
    setResults({});
    try {
      // One bucket after the other, each setting in order (apply-settings.ts applySteps).
      for (const b of preview.buckets) {
        const key = keyOf(b.target);
        all[key] = [];
        await runSteps(
          b.steps,
          async (step) => {
            await write({ target: b.target, setting: step.setting, value: step.value, kind: 'apply' });
          },
          describeWriteError,
          (r) => {
            all[key] = [...(all[key] ?? []), r];
            setResults({ ...all });
          },
        );
        await queryClient.invalidateQueries({ queryKey: settingQueries.all(b.target) });
      }
    } finally {
      setApplying(false);
      setApplied(true);
    }
  };

  const toggle = (key: string, on: boolean) => setSelected((s) => (on ? [...s.filter((k) => k !== key), key] : s.filter((k) => k !== key)));

  return (
    <section className="as-code__panel" aria-labelledby={titleId}>
      <h3 id={titleId} className="as-code__panel-title">{t('bucketSettings.asCode.apply.title')}</h3>
      <p className="as-code__hint">{t('bucketSettings.asCode.apply.intro')}</p>

      <div className="as-code__field">
        <label htmlFor={textId} className="as-code__label">{t('bucketSettings.asCode.apply.documentLabel')}</label>
        <Textarea
          id={textId}
          value={text}
          onChange={(v) => setText(String(v))}
          autosize={{ minRows: 6, maxRows: 20 }}
          spellCheck={false}
          className="as-code__textarea"
          status={parsed && !parsed.ok ? 'error' : 'default'}
        />
        <div className="settings-section__actions">
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            tabIndex={-1}
            aria-label={t('bucketSettings.asCode.apply.uploadLabel')}
            onChange={(e) => {
              void upload(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          <Button variant="outline" onClick={() => fileInput.current?.click()}>{t('bucketSettings.asCode.apply.upload')}</Button>
          <Button variant="outline" tag="button" disabled={!exported} onClick={() => exported && setText(exported)}>
            {t('bucketSettings.asCode.apply.useExport')}
          </Button>
        </div>
        {fileError ? <Alert theme="error" message={fileError} /> : null}
        <div aria-live="polite">
          {parsed && !parsed.ok ? (
            <div className="as-code__errors" role="group" aria-label={t('bucketSettings.asCode.apply.errorsTitle')}>
              <p className="as-code__errors-title">{t('bucketSettings.asCode.apply.errorsTitle')}</p>
              <ul>
                {parsed.errors.map((e, i) => (
                  <li key={i}>
                    <code>{e.path === '' ? t('bucketSettings.asCode.apply.root') : e.path}</code>: {e.reason}
                  </li>
                ))}
              </ul>
            </div>
          ) : doc ? (
            <p className="as-code__valid">
              {Object.keys(doc.settings).length === 0
                ? t('bucketSettings.asCode.apply.validEmpty')
                : t('bucketSettings.asCode.apply.valid', { settings: SETTING_NAMES.filter((n) => doc.settings[n] !== undefined).map(settingTitle).join(', ') })}
            </p>
          ) : null}
        </div>
      </div>

      <div role="group" aria-labelledby={bucketsLabelId} className="as-code__field">
        <span id={bucketsLabelId} className="as-code__label">{t('bucketSettings.asCode.apply.buckets')}</span>
        {buckets.isError ? <Alert theme="warning" message={t('bucketSettings.asCode.apply.bucketsLoadFailed')} /> : null}
        <div className="as-code__buckets">
          {choices.map((b) => {
            const key = keyOf(b);
            return (
              <LabelledCheckbox
                key={key}
                label={key === keyOf(target) ? t('bucketSettings.asCode.apply.current', { bucket: b.bucket }) : b.bucket}
                checked={selected.includes(key)}
                onChange={(on) => toggle(key, on)}
              />
            );
          })}
        </div>
        {selected.length === 0 ? <p className="as-code__hint">{t('bucketSettings.asCode.apply.noBucket')}</p> : null}
      </div>

      <div className="settings-section__actions">
        <Button theme="primary" tag="button" disabled={!doc || selected.length === 0 || previewing || applying} loading={previewing} onClick={() => void runPreview()}>
          {previewing ? t('bucketSettings.asCode.apply.previewing') : t('bucketSettings.asCode.apply.preview')}
        </Button>
      </div>

      {preview ? (
        <section className="as-code__preview" aria-label={t('bucketSettings.asCode.apply.previewTitle')}>
          <h4 className="as-code__subtitle">{t('bucketSettings.asCode.apply.previewTitle')}</h4>
          {stale ? <Alert theme="warning" message={t('bucketSettings.asCode.apply.stale')} /> : null}
          {preview.buckets.map((b) => (
            <BucketPreviewView key={keyOf(b.target)} preview={b} results={results?.[keyOf(b.target)]} />
          ))}
          {warningCount > 0 && !applied ? (
            <LabelledCheckbox label={t('bucketSettings.asCode.apply.acknowledge')} checked={acknowledged} onChange={setAcknowledged} />
          ) : null}
          <div className="settings-section__actions">
            <Button theme="primary" tag="button" disabled={!canApply} loading={applying} onClick={() => void runApply()}>
              {applying ? t('bucketSettings.asCode.apply.applying') : t('bucketSettings.asCode.apply.apply', { n: preview.buckets.length })}
            </Button>
          </div>
          {results && applied ? (
            <div role="status" className="as-code__totals">
              {t('bucketSettings.asCode.apply.totals', applyTotals(Object.values(results)))}
            </div>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}

/**
 * A named TDesign Checkbox reachable by keyboard: TDesign 1.18 puts the focus on its <label> (which
 * ignores Space) and takes the <input> out of the tab order; here the input takes the focus.
 */
function LabelledCheckbox({ label, checked, onChange }: { label: string; checked: boolean; onChange: (on: boolean) => void }) {
  const ref = (host: HTMLSpanElement | null) => host?.querySelector('input')?.setAttribute('tabindex', '0');
  const labelOutOfTabOrder: Record<string, number> = { tabIndex: -1 };
  return (
    <span ref={ref}>
      <Checkbox {...labelOutOfTabOrder} checked={checked} onChange={(v) => onChange(v)}>{label}</Checkbox>
    </span>
  );
}

function BucketPreviewView({ preview, results }: { preview: BucketPreview; results: StepResult[] | undefined }) {
  const { t } = useTranslation();
  const headingId = useId();
  const settingTitle = (s: SettingName) => t(`bucketSettings.${sectionOfSetting(s).i18n}.title`);
  const { target, plan, steps } = preview;
  const unchanged = plan.changes.filter((c) => c.action === 'unchanged').map((c) => settingTitle(c.setting));
  const resultOf = (s: SettingName) => results?.find((r) => r.setting === s);
  const outcome = results && results.length === steps.length ? bucketOutcome(results) : undefined;
  return (
    <section className="as-code__bucket" aria-labelledby={headingId}>
      <h5 id={headingId} className="as-code__bucket-title">{t('bucketSettings.asCode.apply.bucketPreview', { bucket: target.bucket })}</h5>
      {preview.readErrors.map((e) => (
        <Alert key={e.setting} theme="warning" message={t('bucketSettings.asCode.apply.readFailed', { setting: settingTitle(e.setting), code: e.code })} />
      ))}
      {plan.warnings.map((w) => (
        <Alert key={w.code} theme="warning" title={t('bucketSettings.asCode.apply.warningsTitle')} message={t(`bucketSettings.asCode.apply.warnings.${w.code}`)} />
      ))}
      {preview.consoleWarnings.map((w) => (
        <Alert key={w} theme="warning" title={t('bucketSettings.asCode.apply.warningsTitle')} message={t(`bucketSettings.asCode.apply.warnings.${w}`, { origin: window.location.origin })} />
      ))}
      {steps.length === 0 ? <p className="as-code__hint">{t('bucketSettings.asCode.apply.nothing')}</p> : null}
      <ol className="as-code__steps">
        {steps.map((step) => {
          const change = plan.changes.find((c) => c.setting === step.setting);
          const result = resultOf(step.setting);
          return (
            <li key={step.setting} className="as-code__step">
              <div className="as-code__step-header">
                <Tag variant="light" theme={step.action === 'delete' ? 'danger' : 'primary'}>{t(`bucketSettings.asCode.apply.action.${step.action}`)}</Tag>
                <span className="as-code__step-setting">{settingTitle(step.setting)}</span>
                {results ? <ResultTag result={result} /> : null}
              </div>
              <DiffView
                setting={step.setting}
                before={change?.before ?? null}
                after={step.value}
                label={t('bucketSettings.asCode.apply.diffLabel', { setting: settingTitle(step.setting), bucket: target.bucket })}
              />
            </li>
          );
        })}
      </ol>
      {unchanged.length > 0 ? <p className="as-code__hint">{t('bucketSettings.asCode.apply.unchanged', { settings: unchanged.join(', ') })}</p> : null}
      {outcome ? (
        <Alert
          theme={outcome === 'ok' || outcome === 'nothing' ? 'success' : 'error'}
          message={`${t('bucketSettings.asCode.apply.bucketResult', { bucket: target.bucket })}: ${t(`bucketSettings.asCode.apply.outcome.${outcome}`)}`}
        />
      ) : null}
    </section>
  );
}

function ResultTag({ result }: { result: StepResult | undefined }) {
  const { t } = useTranslation();
  if (!result) return <Tag variant="outline">{t('bucketSettings.asCode.apply.status.pending')}</Tag>;
  switch (result.status) {
    case 'ok':
      return <Tag theme="success" variant="light">{t('bucketSettings.asCode.apply.status.ok')}</Tag>;
    case 'failed':
      return (
        <>
          <Tag theme="danger" variant="light">{t('bucketSettings.asCode.apply.status.failed', { code: result.code })}</Tag>
          <span className="as-code__failure">{result.message}</span>
        </>
      );
    case 'skipped':
      return (
        <Tag theme="warning" variant="light">
          {t('bucketSettings.asCode.apply.status.skipped', { setting: t(`bucketSettings.${sectionOfSetting(result.after).i18n}.title`) })}
        </Tag>
      );
  }
}
