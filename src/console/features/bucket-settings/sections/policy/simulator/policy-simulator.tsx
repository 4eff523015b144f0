import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Checkbox, Input, Select } from 'tdesign-react';
import type { BucketTarget } from '../../../../../cos/cos-client';
import { COS_ACTIONS, cosActionInfo, shortCosAction } from '../../../../../../shared/policy/action';
import { useSetting } from '../../../hooks/use-setting';
import { AccessMatrix } from './access-matrix';
import { Field } from './field';
import { GRANT_HEADERS, simulate, uinOfOwnerId, type GrantHeader, type SimPrincipal, type SimRequest } from './model/simulate';
import { SimulationView } from './simulation-view';
import './policy-simulator.css';

type PrincipalKind = SimPrincipal['kind'];

interface FormState {
  principal: PrincipalKind;
  uin: string;
  ownerUin: string | undefined;
  action: string;
  key: string;
  sourceIp: string;
  secure: boolean;
  sendVersionId: boolean;
  versionId: string;
  contentType: string;
  contentLength: string;
  storageClass: string;
  acl: string;
  grants: Partial<Record<GrantHeader, string>>;
  prefix: string;
  responseContentType: string;
  useAcl: boolean;
}

const INITIAL: FormState = {
  principal: 'anonymous', uin: '', ownerUin: undefined, action: 'name/cos:GetObject', key: 'example.txt', sourceIp: '', secure: true,
  sendVersionId: false, versionId: '', contentType: '', contentLength: '', storageClass: '', acl: '', grants: {}, prefix: '',
  responseContentType: '', useAcl: true,
};

const CANNED_ACLS = ['private', 'public-read', 'public-read-write', 'default'];

function appIdOf(bucket: string): string {
  return /-(\d+)$/.exec(bucket)?.[1] ?? '';
}

export function principalOfForm(kind: PrincipalKind, uin: string): SimPrincipal {
  return kind === 'sub' || kind === 'other-root' ? { kind, uin: uin.trim() } : { kind };
}

/**
 * The Simulator tab: one request against the draft policy and the bucket ACL, decided by the code
 * cos-local enforces (model/simulate.ts), and the access matrix of the chosen principal.
 */
export function PolicySimulator({ target, draft }: { target: BucketTarget; draft: string }) {
  const { t } = useTranslation();
  const acl = useSetting(target, 'acl');
  const aclValue = acl.value.data ?? null;
  const [form, setForm] = useState<FormState>(INITIAL);
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setForm((f) => ({ ...f, [k]: v }));
  const ownerUin = form.ownerUin ?? uinOfOwnerId(aclValue?.owner?.id) ?? '';
  const info = cosActionInfo(form.action);
  const objectLevel = info?.level === 'object';
  const keys = new Set(info?.conditionKeys ?? []);
  const bucket = useMemo(() => ({ name: target.bucket, region: target.region, appId: appIdOf(target.bucket) }), [target]);
  const principal = principalOfForm(form.principal, form.uin);
  const bucketAcl = form.useAcl ? aclValue : null;

  const request: SimRequest = {
    action: form.action,
    ...(objectLevel ? { key: form.key } : {}),
    ...(form.sourceIp.trim() ? { sourceIp: form.sourceIp.trim() } : {}),
    secure: form.secure,
    ...(keys.has('cos:versionid') && form.sendVersionId ? { versionId: form.versionId } : {}),
    ...(keys.has('cos:content-type') ? { contentType: form.contentType } : {}),
    ...(keys.has('cos:content-length') ? { contentLength: form.contentLength.trim() } : {}),
    ...(keys.has('cos:x-cos-storage-class') ? { storageClass: form.storageClass.trim() } : {}),
    ...(keys.has('cos:x-cos-acl') && form.acl ? { acl: form.acl } : {}),
    ...(keys.has('cos:prefix') ? { prefix: form.prefix } : {}),
    ...(keys.has('cos:response-content-type') ? { responseContentType: form.responseContentType } : {}),
    ...(keys.has('cos:x-cos-grant-read') ? { grants: form.grants } : {}),
  };
  const result = simulate({ policyText: draft, bucket, ownerUin, principal, request, bucketAcl });

  const actionOptions = (['object', 'bucket'] as const).map((level) => ({
    group: t(`bucketSettings.policy.simulator.actionGroups.${level}`),
    children: COS_ACTIONS.filter((a) => a.level === level).map((a) => ({ label: shortCosAction(a.name) ?? a.name, value: a.name })),
  }));
  const principalOptions = (['anonymous', 'owner', 'sub', 'other-root'] as const).map((k) => ({ label: t(`bucketSettings.policy.simulator.principals.${k}`), value: k }));
  const needsUin = form.principal === 'sub' || form.principal === 'other-root';
  const principalLabel = `${t(`bucketSettings.policy.simulator.principals.${form.principal}`)}${needsUin && form.uin.trim() ? ` ${form.uin.trim()}` : ''}`;

  return (
    <section className="policy-simulator" aria-labelledby="policy-simulator-title">
      <h3 id="policy-simulator-title" className="policy-simulator__title">{t('bucketSettings.policy.simulator.title')}</h3>
      <p className="policy-simulator__intro">{t('bucketSettings.policy.simulator.intro')}</p>
      <Alert theme="info" message={t('bucketSettings.policy.simulator.limits')} />

      <h4 className="policy-simulator__subtitle">{t('bucketSettings.policy.simulator.request')}</h4>
      <div className="policy-simulator__grid">
        <Field label={t('bucketSettings.policy.simulator.principal')}>
          <Select value={form.principal} onChange={(v) => set('principal', String(v) as PrincipalKind)} options={principalOptions} />
        </Field>
        {needsUin ? (
          <Field label={t('bucketSettings.policy.simulator.uin')} hint={t('bucketSettings.policy.simulator.uinHint')}>
            <Input value={form.uin} onChange={(v) => set('uin', v)} placeholder="100000000011" />
          </Field>
        ) : null}
        <Field label={t('bucketSettings.policy.simulator.ownerUin')} hint={t('bucketSettings.policy.simulator.ownerUinHint')}>
          <Input value={ownerUin} onChange={(v) => set('ownerUin', v)} placeholder="100000000001" />
        </Field>
        <Field label={t('bucketSettings.policy.simulator.action')}>
          <Select value={form.action} filterable onChange={(v) => set('action', String(v))} options={actionOptions} />
        </Field>
        {objectLevel ? (
          <Field label={t('bucketSettings.policy.simulator.key')}>
            <Input value={form.key} onChange={(v) => set('key', v)} />
          </Field>
        ) : (
          <p className="policy-simulator__hint">{t('bucketSettings.policy.simulator.bucketItself')}</p>
        )}
      </div>

      <h4 className="policy-simulator__subtitle">{t('bucketSettings.policy.simulator.properties')}</h4>
      <div className="policy-simulator__grid">
        <Field label={t('bucketSettings.policy.simulator.sourceIp')}>
          <Input value={form.sourceIp} onChange={(v) => set('sourceIp', v)} placeholder="203.0.113.7" />
        </Field>
        <div className="policy-simulator__field policy-simulator__field--check">
          <Checkbox checked={form.secure} onChange={(v) => set('secure', v)}>{t('bucketSettings.policy.simulator.secure')}</Checkbox>
        </div>
        {keys.has('cos:versionid') ? (
          <div className="policy-simulator__field">
            <Checkbox checked={form.sendVersionId} onChange={(v) => set('sendVersionId', v)}>{t('bucketSettings.policy.simulator.sendVersionId')}</Checkbox>
            {form.sendVersionId ? (
              <Field label={t('bucketSettings.policy.simulator.versionId')}>
                <Input value={form.versionId} onChange={(v) => set('versionId', v)} />
              </Field>
            ) : null}
          </div>
        ) : null}
        {keys.has('cos:content-type') ? (
          <Field label={t('bucketSettings.policy.simulator.contentType')}>
            <Input value={form.contentType} onChange={(v) => set('contentType', v)} placeholder="image/png" />
          </Field>
        ) : null}
        {keys.has('cos:content-length') ? (
          <Field label={t('bucketSettings.policy.simulator.contentLength')}>
            <Input value={form.contentLength} onChange={(v) => set('contentLength', v)} placeholder="1024" />
          </Field>
        ) : null}
        {keys.has('cos:x-cos-storage-class') ? (
          <Field label={t('bucketSettings.policy.simulator.storageClass')}>
            <Input value={form.storageClass} onChange={(v) => set('storageClass', v)} placeholder="STANDARD_IA" />
          </Field>
        ) : null}
        {keys.has('cos:x-cos-acl') ? (
          <Field label={t('bucketSettings.policy.simulator.acl')}>
            <Select
              value={form.acl}
              onChange={(v) => set('acl', String(v ?? ''))}
              options={[{ label: t('bucketSettings.policy.simulator.aclNone'), value: '' }, ...CANNED_ACLS.map((a) => ({ label: a, value: a }))]}
            />
          </Field>
        ) : null}
        {keys.has('cos:x-cos-grant-read')
          ? GRANT_HEADERS.map((g) => (
              <Field key={g} label={t('bucketSettings.policy.simulator.grant', { name: g })}>
                <Input value={form.grants[g] ?? ''} onChange={(v) => set('grants', { ...form.grants, [g]: v })} placeholder='id="100000000001"' />
              </Field>
            ))
          : null}
        {keys.has('cos:prefix') ? (
          <Field label={t('bucketSettings.policy.simulator.prefix')}>
            <Input value={form.prefix} onChange={(v) => set('prefix', v)} placeholder="folder/" />
          </Field>
        ) : null}
        {keys.has('cos:response-content-type') ? (
          <Field label={t('bucketSettings.policy.simulator.responseContentType')}>
            <Input value={form.responseContentType} onChange={(v) => set('responseContentType', v)} placeholder="image/jpeg" />
          </Field>
        ) : null}
        <div className="policy-simulator__field">
          {acl.value.isError ? (
            <Alert theme="warning" message={t('bucketSettings.policy.simulator.aclUnavailable')} />
          ) : (
            <Checkbox checked={form.useAcl} onChange={(v) => set('useAcl', v)}>
              {t('bucketSettings.policy.simulator.useAcl', { count: aclValue?.grants.length ?? 0 })}
            </Checkbox>
          )}
        </div>
      </div>

      <div role="status" aria-live="polite" className="policy-simulator__result">
        {result.ok ? <SimulationView result={result} /> : <Alert theme="error" message={t('bucketSettings.policy.simulator.invalidDraft')} />}
      </div>

      {result.ok ? (
        <AccessMatrix
          policyText={draft}
          bucket={bucket}
          ownerUin={ownerUin}
          principal={principal}
          principalLabel={principalLabel}
          base={{ secure: form.secure, ...(form.sourceIp.trim() ? { sourceIp: form.sourceIp.trim() } : {}) }}
          bucketAcl={bucketAcl}
        />
      ) : null}
    </section>
  );
}
