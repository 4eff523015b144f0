import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, Form, Input, MessagePlugin, Radio, Select, Tag } from 'tdesign-react';
import { ModalDialog } from '../../../../components/modal-dialog';
import { useInnerInputAttributes } from '../../../../components/use-inner-input-attributes';
import { bucketQueries } from '../../../../cos/bucket-queries';
import type { BucketTarget } from '../../../../cos/cos-client';
import { useCosClient } from '../../../../cos/cos-client-context';
import { CosClientError } from '../../../../cos/cos-error';
import { settingQueries } from '../../../../cos/setting-queries';
import type { ReplicationConfiguration } from '../../../../../shared/xml/replication';
import type { SettingState } from '../../hooks/use-setting';
import { useSetting } from '../../hooks/use-setting';
import {
  REPLICATION_STORAGE_CLASSES, destinationProblems, newWizardForm, ownerRole, ruleOf, ruleProblems, withRule,
  type ReplicationWizardForm, type WizardField, type WizardProblem,
} from '../../model/replication-wizard';
import { ReplicationError } from './replication-error';

export interface ReplicationWizardProps {
  target: BucketTarget;
  config: ReplicationConfiguration | null;
  state: SettingState<'replication'>;
  visible: boolean;
  onClose: () => void;
}

/** Adds one rule in three steps: destination; what to copy and as whom; versioning on both buckets and review. */
export function ReplicationWizard({ target, config, state, visible, onClose }: ReplicationWizardProps) {
  const { t } = useTranslation();
  const close = () => {
    if (state.save.isPending) return;
    state.save.reset();
    onClose();
  };
  return (
    <ModalDialog visible={visible} title={t('bucketSettings.replication.wizard.title')} onClose={close} footer={null} width={720}>
      {visible ? <WizardBody target={target} config={config} state={state} onClose={close} /> : null}
    </ModalDialog>
  );
}

const STEPS = ['destination', 'rule', 'review'] as const;
const SOURCE_CLASS = '_source';

function WizardBody({ target, config, state, onClose }: { target: BucketTarget; config: ReplicationConfiguration | null; state: SettingState<'replication'>; onClose: () => void }) {
  const { t } = useTranslation();
  const cos = useCosClient();
  // The owner of the source bucket (GET Bucket acl, 436/7733) is the default Role.
  const acl = useQuery(settingQueries.value(cos, target, 'acl'));
  const [form, setForm] = useState<ReplicationWizardForm>(() => newWizardForm(config, undefined));
  const [roleTouched, setRoleTouched] = useState(false);
  const [step, setStep] = useState(0);
  const [tried, setTried] = useState<Record<number, boolean>>({});
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const role = roleTouched || config ? form.role : ownerRole(acl.data?.owner?.id);
  const current = { ...form, role };
  const set = (change: Partial<ReplicationWizardForm>) => setForm((f) => ({ ...f, ...change }));

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const problemsOf = (s: number): WizardProblem[] => (s === 0 ? destinationProblems(current, target, config) : s === 1 ? ruleProblems(current, config) : []);
  const shown = tried[step] ? problemsOf(step) : [];
  const problem = (field: WizardField): string | undefined => {
    const p = shown.find((x) => x.field === field);
    return p ? t(`bucketSettings.replication.problems.${p.key}`, { id: '', prefix: '', bucket: '', region: '', ...p.values }) : undefined;
  };
  const next = () => {
    setTried((x) => ({ ...x, [step]: true }));
    if (problemsOf(step).length === 0) setStep(step + 1);
  };
  const save = () => {
    if (state.save.isPending) return;
    state.save.mutate({ value: withRule(config, current) }, {
      onSuccess: () => {
        void MessagePlugin.success(t('bucketSettings.replication.wizard.saved'));
        onClose();
      },
    });
  };
  const stepName = STEPS[step] ?? 'review';

  return (
    <Form
      labelAlign="top"
      colon={false}
      requiredMark={false}
      onSubmit={({ e }) => {
        e?.preventDefault();
        if (step < 2) next();
        else save();
      }}
    >
      <h3 ref={headingRef} tabIndex={-1} className="replication__step">
        {t('bucketSettings.replication.wizard.stepOf', { n: step + 1, name: t(`bucketSettings.replication.wizard.steps.${stepName}`) })}
      </h3>
      {step === 0 ? <DestinationStep target={target} config={config} form={current} set={set} problem={problem} /> : null}
      {step === 1 ? <RuleStep config={config} form={current} set={set} problem={problem} onRole={(r) => { setRoleTouched(true); set({ role: r }); }} /> : null}
      {step === 2 ? <ReviewStep target={target} form={current} /> : null}
      {step === 2 && state.save.isError ? <ReplicationError title={t('bucketSettings.replication.wizard.saveFailed')} error={state.save.error} /> : null}
      <div className="dialog-actions">
        <Button tag="button" variant="outline" onClick={onClose} disabled={state.save.isPending}>
          {t('bucketSettings.common.cancel')}
        </Button>
        {step > 0 ? (
          <Button tag="button" variant="outline" onClick={() => setStep(step - 1)} disabled={state.save.isPending}>
            {t('bucketSettings.replication.wizard.back')}
          </Button>
        ) : null}
        {step < 2 ? (
          <Button type="submit" theme="primary">
            {t('bucketSettings.replication.wizard.next')}
          </Button>
        ) : (
          <Button type="submit" theme="primary" loading={state.save.isPending}>
            {t('bucketSettings.replication.wizard.save')}
          </Button>
        )}
      </div>
    </Form>
  );
}

interface StepProps {
  form: ReplicationWizardForm;
  set: (change: Partial<ReplicationWizardForm>) => void;
  problem: (field: WizardField) => string | undefined;
}

const errorProps = (tips: string | undefined) => (tips ? { status: 'error' as const, tips } : {});

/** A radio group named by a visible label (TDesign's Radio.Group has no accessible name of its own). */
function RadioChoice({ label, value, onChange, options }: { label: string; value: string; onChange: (v: string) => void; options: { value: string; label: string }[] }) {
  const labelId = useId();
  return (
    <div className="replication__field">
      <span id={labelId} className="replication__label">{label}</span>
      <div role="radiogroup" aria-labelledby={labelId}>
        <Radio.Group value={value} onChange={(v) => onChange(String(v))}>
          {options.map((o) => (
            <Radio key={o.value} value={o.value}>{o.label}</Radio>
          ))}
        </Radio.Group>
      </div>
    </div>
  );
}

function DestinationStep({ target, config, form, set, problem }: StepProps & { target: BucketTarget; config: ReplicationConfiguration | null }) {
  const { t } = useTranslation();
  const buckets = useQuery(bucketQueries.list());
  const others = (buckets.data ?? []).filter((b) => b.name !== target.bucket);
  const [how, setHow] = useState<'list' | 'typed'>('list');
  const listId = useId();
  const nameId = useId();
  const regionId = useId();
  const listRef = useInnerInputAttributes({ id: listId });
  const nameRef = useInnerInputAttributes({ id: nameId, autocomplete: 'off', spellcheck: 'false' });
  const regionRef = useInnerInputAttributes({ id: regionId, autocomplete: 'off', spellcheck: 'false' });

  // Every rule of a bucket copies to one destination (validate.ts): a further rule keeps it.
  if (config && config.rules.length > 0 && form.destBucket) {
    return <Alert theme="info" message={t('bucketSettings.replication.wizard.fixedDestination', { bucket: form.destBucket, region: form.destRegion })} />;
  }
  const listUsable = !buckets.isError && (buckets.isPending || others.length > 0);
  const mode = listUsable ? how : 'typed';
  return (
    <>
      {listUsable ? (
        <RadioChoice
          label={t('bucketSettings.replication.wizard.destinationHow')}
          value={mode}
          onChange={(v) => setHow(v === 'typed' ? 'typed' : 'list')}
          options={[{ value: 'list', label: t('bucketSettings.replication.wizard.fromList') }, { value: 'typed', label: t('bucketSettings.replication.wizard.typed') }]}
        />
      ) : (
        <Alert theme="info" message={buckets.isError ? t('bucketSettings.replication.wizard.bucketsFailed') : t('bucketSettings.replication.wizard.noOtherBucket')} />
      )}
      {mode === 'list' ? (
        <Form.FormItem label={t('bucketSettings.replication.wizard.bucketFromList')} for={listId} {...errorProps(problem('destBucket') ?? problem('destRegion'))}>
          <div ref={listRef} className="replication__control">
            <Select
              filterable
              loading={buckets.isPending}
              value={form.destBucket}
              placeholder={buckets.isPending ? t('bucketSettings.replication.wizard.bucketsLoading') : undefined}
              onChange={(v) => {
                const chosen = others.find((b) => b.name === v);
                set({ destBucket: chosen?.name ?? '', destRegion: chosen?.region ?? '' });
              }}
              options={others.map((b) => ({ value: b.name, label: t('bucketSettings.replication.wizard.bucketOption', { bucket: b.name, region: b.region }) }))}
            />
          </div>
        </Form.FormItem>
      ) : (
        <>
          <Form.FormItem label={t('bucketSettings.replication.wizard.destBucket')} for={nameId} help={t('bucketSettings.replication.wizard.destBucketHelp')} {...errorProps(problem('destBucket'))}>
            <div className="replication__control">
              <Input ref={nameRef} value={form.destBucket} onChange={(v) => set({ destBucket: v })} placeholder="backup-1250000000" />
            </div>
          </Form.FormItem>
          <Form.FormItem label={t('bucketSettings.replication.wizard.destRegion')} for={regionId} help={t('bucketSettings.replication.wizard.destRegionHelp')} {...errorProps(problem('destRegion'))}>
            <div className="replication__control">
              <Input ref={regionRef} value={form.destRegion} onChange={(v) => set({ destRegion: v })} placeholder="ap-shanghai" />
            </div>
          </Form.FormItem>
        </>
      )}
    </>
  );
}

function RuleStep({ config, form, set, problem, onRole }: StepProps & { config: ReplicationConfiguration | null; onRole: (role: string) => void }) {
  const { t } = useTranslation();
  const prefixId = useId();
  const classId = useId();
  const idId = useId();
  const roleId = useId();
  const prefixRef = useInnerInputAttributes({ id: prefixId, autocomplete: 'off', spellcheck: 'false' });
  const classRef = useInnerInputAttributes({ id: classId });
  const idRef = useInnerInputAttributes({ id: idId, autocomplete: 'off', spellcheck: 'false' });
  const roleRef = useInnerInputAttributes({ id: roleId, autocomplete: 'off', spellcheck: 'false' });
  const sharedRole = config !== null && config.rules.length > 0;
  return (
    <>
      <RadioChoice
        label={t('bucketSettings.replication.wizard.scope')}
        value={form.scope}
        onChange={(v) => set({ scope: v === 'prefix' ? 'prefix' : 'all' })}
        options={[{ value: 'all', label: t('bucketSettings.replication.wizard.scopeAll') }, { value: 'prefix', label: t('bucketSettings.replication.wizard.scopePrefix') }]}
      />
      {form.scope === 'prefix' ? (
        <Form.FormItem label={t('bucketSettings.replication.wizard.prefix')} for={prefixId} help={t('bucketSettings.replication.wizard.prefixHelp')} {...errorProps(problem('prefix'))}>
          <div className="replication__control">
            <Input ref={prefixRef} value={form.prefix} onChange={(v) => set({ prefix: v })} placeholder="logs/" />
          </div>
        </Form.FormItem>
      ) : problem('prefix') ? (
        <div role="alert" className="replication__problem">{problem('prefix')}</div>
      ) : null}
      <Form.FormItem label={t('bucketSettings.replication.wizard.storageClass')} for={classId} help={t('bucketSettings.replication.wizard.storageClassHelp')}>
        <div ref={classRef} className="replication__control">
          <Select
            value={form.storageClass === '' ? SOURCE_CLASS : form.storageClass}
            onChange={(v) => set({ storageClass: v === SOURCE_CLASS ? '' : String(v) })}
            options={REPLICATION_STORAGE_CLASSES.map((c) => ({ value: c === '' ? SOURCE_CLASS : c, label: c === '' ? t('bucketSettings.replication.rules.sameAsSource') : `${t(`storageClass.${c}`)} (${c})` }))}
          />
        </div>
      </Form.FormItem>
      <CheckField checked={form.deleteMarkers} onChange={(v) => set({ deleteMarkers: v })} label={t('bucketSettings.replication.wizard.deleteMarkers')} help={t('bucketSettings.replication.wizard.deleteMarkersHelp')} />
      <CheckField checked={form.enabled} onChange={(v) => set({ enabled: v })} label={t('bucketSettings.replication.wizard.enabled')} help={t('bucketSettings.replication.wizard.enabledHelp')} />
      <Form.FormItem label={t('bucketSettings.replication.wizard.id')} for={idId} help={t('bucketSettings.replication.wizard.idHelp')} {...errorProps(problem('id'))}>
        <div className="replication__control">
          <Input ref={idRef} value={form.id} onChange={(v) => set({ id: v })} maxlength={255} />
        </div>
      </Form.FormItem>
      <Form.FormItem
        label={t('bucketSettings.replication.wizard.role')}
        for={roleId}
        help={sharedRole ? `${t('bucketSettings.replication.wizard.roleHelp')} ${t('bucketSettings.replication.wizard.roleShared')}` : t('bucketSettings.replication.wizard.roleHelp')}
        {...errorProps(problem('role'))}
      >
        <div className="replication__control">
          <Input ref={roleRef} value={form.role} onChange={onRole} placeholder="qcs::cam::uin/100000000001:uin/100000000001" />
        </div>
      </Form.FormItem>
    </>
  );
}

function CheckField({ checked, onChange, label, help }: { checked: boolean; onChange: (v: boolean) => void; label: string; help: string }) {
  const helpId = useId();
  const ref = useInnerInputAttributes({ 'aria-describedby': helpId });
  return (
    <div className="replication__field replication__check-field" ref={ref}>
      <Checkbox checked={checked} onChange={(v) => onChange(v)}>{label}</Checkbox>
      <span id={helpId} className="replication__hint">{help}</span>
    </div>
  );
}

function ReviewStep({ target, form }: { target: BucketTarget; form: ReplicationWizardForm }) {
  const { t } = useTranslation();
  const rule = ruleOf(form);
  const dest: BucketTarget = { bucket: form.destBucket.trim(), region: form.destRegion.trim() };
  const rows: [string, ReactNode][] = [
    [t('bucketSettings.replication.rules.id'), rule.id ?? '—'],
    [t('bucketSettings.replication.rules.status'), rule.status === 'Enabled' ? t('bucketSettings.common.enabled') : t('bucketSettings.common.disabled')],
    [t('bucketSettings.replication.rules.scope'), rule.prefix ? t('bucketSettings.replication.rules.prefix', { prefix: rule.prefix }) : t('bucketSettings.replication.rules.wholeBucket')],
    [t('bucketSettings.replication.rules.destination'), <code key="d">{rule.destination.bucket}</code>],
    [t('bucketSettings.replication.rules.storageClass'), rule.destination.storageClass ?? t('bucketSettings.replication.rules.sameAsSource')],
    [t('bucketSettings.replication.rules.deleteMarkers'), rule.deleteMarkerReplication === 'Disabled' ? t('bucketSettings.replication.rules.notReplicated') : t('bucketSettings.replication.rules.replicated')],
    [t('bucketSettings.replication.wizard.role'), <code key="r">{form.role}</code>],
  ];
  return (
    <>
      <div className="replication__field">
        <h4 className="replication__subheading">{t('bucketSettings.replication.wizard.versioningTitle')}</h4>
        <p className="replication__hint">{t('bucketSettings.replication.wizard.versioningWhy')}</p>
        <VersioningRow target={target} label={t('bucketSettings.replication.wizard.sourceBucket', { bucket: target.bucket })} />
        <VersioningRow target={dest} label={t('bucketSettings.replication.wizard.destinationBucket', { bucket: dest.bucket })} />
      </div>
      <div className="replication__field">
        <h4 className="replication__subheading">{t('bucketSettings.replication.wizard.summary')}</h4>
        <dl className="replication__summary">
          {rows.map(([k, v]) => (
            <div key={k} className="replication__summary-row">
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </div>
    </>
  );
}

/**
 * One bucket's versioning and, when not Enabled, the offer to enable it: a change of that bucket's
 * versioning setting recorded in its own history (PUT Bucket versioning, 436/19889).
 */
function VersioningRow({ target, label }: { target: BucketTarget; label: string }) {
  const { t } = useTranslation();
  const { access, value, save } = useSetting(target, 'versioning');
  const missing = value.error instanceof CosClientError && value.error.code === 'NoSuchBucket';
  let status: ReactNode;
  if (access.kind === 'none') status = <span>{t('bucketSettings.replication.wizard.noDestinationAccess')}</span>;
  else if (value.isPending) status = <Tag size="small" variant="light">…</Tag>;
  else if (missing) status = <Tag size="small" variant="light" theme="danger">{t('bucketSettings.replication.wizard.destinationMissing', { region: target.region })}</Tag>;
  else if (value.isError) status = <Tag size="small" variant="light" theme="warning">{t('bucketSettings.replication.wizard.versioningUnknown')}</Tag>;
  else if (value.data === 'Enabled') status = <Tag size="small" variant="light" theme="success">{t('bucketSettings.replication.wizard.versioningEnabled')}</Tag>;
  else status = <Tag size="small" variant="light" theme="warning">{value.data === 'Suspended' ? t('bucketSettings.replication.wizard.versioningSuspended') : t('bucketSettings.replication.wizard.versioningOff')}</Tag>;
  const offer = access.kind === 'write' && value.isSuccess && value.data !== 'Enabled';
  return (
    <div className="replication__versioning" role="group" aria-label={label}>
      <span className="replication__versioning-name">{label}</span>
      <span aria-live="polite">{status}</span>
      {offer ? (
        <Button size="small" theme="primary" variant="outline" loading={save.isPending} onClick={() => save.mutate({ value: 'Enabled' })}>
          {save.isPending ? t('bucketSettings.replication.wizard.enabling') : t('bucketSettings.replication.wizard.enableVersioning', { bucket: target.bucket })}
        </Button>
      ) : null}
      {save.isError ? <ReplicationError title={t('bucketSettings.replication.wizard.enableFailed', { bucket: target.bucket })} error={save.error} /> : null}
    </div>
  );
}
