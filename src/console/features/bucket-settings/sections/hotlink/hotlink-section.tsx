// Hotlink protection (PUT/GET Bucket referer, https://cloud.tencent.com/document/product/436/32492 and
// 436/32493; the COS console's page, 436/13319): on/off, allow- or block-list, up to 10 websites, and
// what happens to requests without a Referer. COS has no DELETE for it, so "off" is saved as Status
// Disabled with the list kept. Before a save that would refuse this console's own pre-signed previews
// and downloads, a dialog says so and offers the fix (model/referer-lockout.ts).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Input, Radio, Switch } from 'tdesign-react';
import { useInnerInputAttributes } from '../../../../components/use-inner-input-attributes';
import type { BucketTarget } from '../../../../cos/cos-client';
import type { RefererConfiguration } from '../../../../../shared/xml/referer';
import { SectionFrame } from '../../components/section-frame';
import { SettingError } from '../../components/setting-error';
import { useSetting, type SettingState } from '../../hooks/use-setting';
import {
  configFromForm, draftConfig, formChanged, formFromConfig, formProblems, MAX_REFERER_DOMAINS, newDomainRow,
  type DomainProblem, type RefererForm,
} from '../../model/referer-form';
import { lockoutCheck, type LockoutCheck, type LockoutFix } from '../../model/referer-lockout';
import { LockoutDialog } from './lockout-dialog';
import { RefererTester } from './referer-tester';
import './hotlink-section.css';

export function HotlinkSection({ target }: { target: BucketTarget }) {
  const { t } = useTranslation();
  const state = useSetting(target, 'referer');
  return (
    <SectionFrame target={target} setting="referer" state={state} intro={t('bucketSettings.hotlink.intro')}>
      {(value, readOnly) =>
        readOnly ? <HotlinkView config={value} /> : <HotlinkEditor key={JSON.stringify(value)} config={value} save={state.save} />
      }
    </SectionFrame>
  );
}

/** Read-only: everything the configuration says, and the tester on it; no editing controls. */
function HotlinkView({ config }: { config: RefererConfiguration | null }) {
  const { t } = useTranslation();
  const form = formFromConfig(config);
  const white = form.listType === 'White-List';
  return (
    <div className="hotlink">
      <dl className="hotlink__facts">
        <dt>{t('bucketSettings.hotlink.status')}</dt>
        <dd>{form.enabled ? t('bucketSettings.hotlink.on') : t('bucketSettings.hotlink.off')}</dd>
        <dt>{t('bucketSettings.hotlink.listType')}</dt>
        <dd>{white ? t('bucketSettings.hotlink.whiteList') : t('bucketSettings.hotlink.blackList')}</dd>
        <dt>{t('bucketSettings.hotlink.readOnlyDomains')}</dt>
        <dd>
          {form.domains.length === 0 ? (
            t('bucketSettings.hotlink.noDomains')
          ) : (
            <ol className="hotlink__entries">
              {form.domains.map((d) => (
                <li key={d.id}><code>{d.value}</code></li>
              ))}
            </ol>
          )}
        </dd>
        <dt>{t('bucketSettings.hotlink.emptyReferer')}</dt>
        <dd>
          {config && config.emptyReferConfiguration === undefined
            ? t('bucketSettings.hotlink.emptyDefault')
            : form.emptyReferer === 'Allow' ? t('bucketSettings.hotlink.emptyAllow') : t('bucketSettings.hotlink.emptyDeny')}
        </dd>
      </dl>
      {form.enabled ? null : <p className="hotlink__help">{t('bucketSettings.hotlink.offKeepsList')}</p>}
      <RefererTester config={config} draft={false} />
    </div>
  );
}

function HotlinkEditor({ config, save }: { config: RefererConfiguration | null; save: SettingState<'referer'>['save'] }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<RefererForm>(() => formFromConfig(config));
  const [submitted, setSubmitted] = useState(false);
  const [lockout, setLockout] = useState<{ check: LockoutCheck; value: RefererConfiguration } | null>(null);
  const statusLabelId = useId();
  const listTypeLabelId = useId();
  const domainsLabelId = useId();
  const domainsHelpId = useId();
  const emptyLabelId = useId();
  const set = (change: Partial<RefererForm>) => setForm((f) => ({ ...f, ...change }));

  const problems = formProblems(form);
  const changed = formChanged(form, config);
  const draft = draftConfig(form, config);

  const write = (value: RefererConfiguration) => {
    save.mutate({ value }, { onSettled: () => setLockout(null) });
  };
  const submit = () => {
    setSubmitted(true);
    if (save.isPending) return;
    const result = configFromForm(form, config);
    if (!result.ok) return;
    // The console's pages send their origin as Referer (Referrer-Policy strict-origin).
    const check = lockoutCheck(result.value, window.location.origin);
    if (check.blocks) setLockout({ check, value: result.value });
    else write(result.value);
  };
  const applyFix = (fix: LockoutFix) => {
    if (!lockout) return;
    const domains = [...(lockout.value.domains ?? [])];
    if (fix.kind === 'add') domains.push(fix.entry);
    else domains.splice(fix.index, 1);
    const next = { ...form, domains: fix.kind === 'add' ? [...form.domains, newDomainRow(fix.entry)] : form.domains.filter((_, i) => i !== fix.index) };
    setForm(next);
    const value: RefererConfiguration = { ...lockout.value };
    if (domains.length > 0) value.domains = domains;
    else delete value.domains;
    write(value);
  };

  const white = form.listType === 'White-List';
  const full = form.domains.length >= MAX_REFERER_DOMAINS;
  return (
    <form
      className="hotlink admin-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="admin-form__field">
        <span id={statusLabelId} className="admin-form__label">{t('bucketSettings.hotlink.status')}</span>
        <div className="hotlink__switch">
          <Switch {...{ 'aria-labelledby': statusLabelId, 'aria-checked': form.enabled }} value={form.enabled} onChange={(v) => set({ enabled: v === true })} />
          <span aria-hidden="true">{form.enabled ? t('bucketSettings.hotlink.on') : t('bucketSettings.hotlink.off')}</span>
        </div>
        {form.enabled ? null : <div className="admin-form__hint">{t('bucketSettings.hotlink.offKeepsList')}</div>}
      </div>

      <div className="admin-form__field">
        <span id={listTypeLabelId} className="admin-form__label">{t('bucketSettings.hotlink.listType')}</span>
        <div role="radiogroup" aria-labelledby={listTypeLabelId}>
          <Radio.Group variant="default-filled" value={form.listType} onChange={(v) => set({ listType: v === 'Black-List' ? 'Black-List' : 'White-List' })}>
            <Radio.Button value="White-List">{t('bucketSettings.hotlink.whiteList')}</Radio.Button>
            <Radio.Button value="Black-List">{t('bucketSettings.hotlink.blackList')}</Radio.Button>
          </Radio.Group>
        </div>
        <div className="admin-form__hint">{white ? t('bucketSettings.hotlink.whiteListHelp') : t('bucketSettings.hotlink.blackListHelp')}</div>
      </div>

      <div className="admin-form__field" role="group" aria-labelledby={domainsLabelId} aria-describedby={domainsHelpId}>
        <span id={domainsLabelId} className="admin-form__label">{t('bucketSettings.hotlink.domains')}</span>
        <div id={domainsHelpId} className="hotlink__help">{t('bucketSettings.hotlink.domainsHelp', { max: MAX_REFERER_DOMAINS })}</div>
        {form.domains.length === 0 ? <p className="hotlink__help">{t('bucketSettings.hotlink.noDomains')}</p> : null}
        <ol className="hotlink__rows">
          {form.domains.map((row, i) => {
            const problem = problems.domains[i];
            return (
              <DomainRow
                key={row.id}
                index={i}
                value={row.value}
                problem={problem !== undefined && (submitted || problem !== 'empty') ? problem : undefined}
                onChange={(value) => set({ domains: form.domains.map((r) => (r.id === row.id ? { ...r, value } : r)) })}
                onRemove={() => set({ domains: form.domains.filter((r) => r.id !== row.id) })}
              />
            );
          })}
        </ol>
        <div>
          <Button tag="button" variant="dashed" disabled={full} onClick={() => set({ domains: [...form.domains, newDomainRow()] })}>
            {t('bucketSettings.hotlink.addDomain')}
          </Button>
        </div>
        {problems.list && (submitted || problems.list === 'tooMany') ? (
          <div className="admin-form__error" role="alert">{t(`bucketSettings.hotlink.errors.${problems.list}`, { max: MAX_REFERER_DOMAINS })}</div>
        ) : null}
      </div>

      <div className="admin-form__field">
        <span id={emptyLabelId} className="admin-form__label">{t('bucketSettings.hotlink.emptyReferer')}</span>
        <div role="radiogroup" aria-labelledby={emptyLabelId}>
          <Radio.Group variant="default-filled" value={form.emptyReferer} onChange={(v) => set({ emptyReferer: v === 'Allow' ? 'Allow' : 'Deny' })}>
            <Radio.Button value="Allow">{t('bucketSettings.hotlink.emptyAllow')}</Radio.Button>
            <Radio.Button value="Deny">{t('bucketSettings.hotlink.emptyDeny')}</Radio.Button>
          </Radio.Group>
        </div>
        <div className="admin-form__hint">{t('bucketSettings.hotlink.emptyRefererHelp')}</div>
      </div>

      <RefererTester config={draft} draft />

      {submitted && !problems.ok ? <Alert theme="error" message={t('bucketSettings.common.invalid')} /> : null}
      {save.isError ? <SettingError title={t('bucketSettings.hotlink.saveFailed')} error={save.error} /> : null}
      {save.isSuccess && !changed ? <div role="status"><Alert theme="success" message={t('bucketSettings.hotlink.saved')} /></div> : null}
      {changed ? <p className="hotlink__help">{t('bucketSettings.common.unsaved')}</p> : null}

      <div className="settings-section__actions">
        <Button tag="button" type="submit" theme="primary" loading={save.isPending} disabled={!changed}>
          {t('bucketSettings.common.save')}
        </Button>
        <Button tag="button" variant="outline" disabled={!changed || save.isPending} onClick={() => { setForm(formFromConfig(config)); setSubmitted(false); }}>
          {t('bucketSettings.common.reset')}
        </Button>
      </div>

      <LockoutDialog
        check={lockout?.check ?? null}
        saving={save.isPending}
        onCancel={() => setLockout(null)}
        onSaveAnyway={() => lockout && write(lockout.value)}
        onFix={applyFix}
      />
    </form>
  );
}

interface DomainRowProps {
  index: number;
  value: string;
  problem: DomainProblem | undefined;
  onChange: (value: string) => void;
  onRemove: () => void;
}

function DomainRow({ index, value, problem, onChange, onRemove }: DomainRowProps) {
  const { t } = useTranslation();
  const errorId = useId();
  const label = t('bucketSettings.hotlink.domainLabel', { n: index + 1 });
  const ref = useInnerInputAttributes({
    'aria-label': label, autocomplete: 'off', spellcheck: 'false',
    'aria-invalid': problem ? 'true' : 'false', 'aria-describedby': errorId,
  });
  return (
    <li className="hotlink__row">
      <div className="hotlink__row-fields">
        <Input ref={ref} value={value} onChange={(v) => onChange(v)} placeholder="*.example.com" status={problem ? 'error' : 'default'} />
        <Button tag="button" variant="text" theme="danger" onClick={onRemove} aria-label={t('bucketSettings.hotlink.removeDomain', { n: index + 1 })}>
          {t('bucketSettings.common.remove')}
        </Button>
      </div>
      <div id={errorId} className="admin-form__error">{problem ? t(`bucketSettings.hotlink.errors.${problem}`) : null}</div>
    </li>
  );
}
