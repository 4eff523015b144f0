import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, MessagePlugin, Radio, Space } from 'tdesign-react';
import { ModalDialog } from '../../../../components/modal-dialog';
import type { BucketTarget } from '../../../../cos/cos-client';
import { useQuery } from '@tanstack/react-query';
import { configQueries } from '../../../../cos/config-queries';
import { policyJsonSchema } from '../../../../../shared/policy/json-schema';
import type { PolicyDocument } from '../../../../../shared/settings/codecs';
import { SectionFrame } from '../../components/section-frame';
import { SettingError } from '../../components/setting-error';
import { useSetting } from '../../hooks/use-setting';
import { findingsOf, type PolicyFinding } from './model/policy-findings';
import { FindingsList } from './findings-list';
import { JsonDiff } from './monaco/json-diff';
import { JsonEditor, type EditorMarker } from './monaco/json-editor';
import { PolicySimulator } from './simulator/policy-simulator';
import './policy-section.css';
import { PolicyGenerator } from './generator/policy-generator';
import { useCosClient } from '../../../../cos/cos-client-context';
import { settingQueries } from '../../../../cos/setting-queries';

const pretty = (p: PolicyDocument | null): string => (p ? `${JSON.stringify(p, null, 2)}\n` : '');

function appIdOf(bucket: string): string {
  return /-(\d+)$/.exec(bucket)?.[1] ?? '';
}

const MARKER_SEVERITY: Record<PolicyFinding['severity'], EditorMarker['severity']> = {
  error: 'error', 'security-warning': 'warning', warning: 'warning', suggestion: 'info',
};

/** The bucket policy: JSON in Monaco, lint findings at their place, and a diff before saving. */
export function PolicySection({ target }: { target: BucketTarget }) {
  const state = useSetting(target, 'policy');
  const { t } = useTranslation();
  return (
    <SectionFrame target={target} setting="policy" state={state} intro={t('bucketSettings.policy.intro')}>
      {(stored, readOnly) => <PolicyEditor key={pretty(stored)} target={target} stored={stored} readOnly={readOnly} state={state} />}
    </SectionFrame>
  );
}

function PolicyEditor({ target, stored, readOnly, state }: { target: BucketTarget; stored: PolicyDocument | null; readOnly: boolean; state: ReturnType<typeof useSetting<'policy'>> }) {
  const { t, i18n } = useTranslation();
  const config = useQuery(configQueries.current()).data;
  // The bucket owner's UIN, for "this account" principals: the ACL names the owner (GET Bucket ACL,
  // https://cloud.tencent.com/document/product/436/7733). Without read access to it, the UIN is typed.
  const cos = useCosClient();
  const acl = useQuery(settingQueries.value(cos, target, 'acl')).data;
  const ownerUin = /uin\/(\d+)/.exec(acl?.owner?.id ?? '')?.[1] ?? '';
  const storedText = pretty(stored);
  const [draft, setDraft] = useState(storedText);
  const [view, setView] = useState<'json' | 'generator' | 'simulator'>('json');
  const [reviewing, setReviewing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [acknowledged, setAcknowledged] = useState(false);
  const context = useMemo(() => ({ bucket: target.bucket, region: target.region, appId: appIdOf(target.bucket) }), [target]);
  const bucketRef = useMemo(() => ({ bucket: target.bucket, region: target.region, appId: appIdOf(target.bucket) }), [target]);
  const schema = useMemo(() => policyJsonSchema(context), [context]);
  const findings = useMemo(() => (draft.trim() === '' ? [] : findingsOf(draft, context)), [draft, context]);
  const zh = i18n.language === 'zh-CN';
  const markers: EditorMarker[] = findings.map((f) => ({
    severity: MARKER_SEVERITY[f.severity], message: zh ? f.messageZh : f.message, code: f.code,
    startLineNumber: f.startLine, startColumn: f.startColumn, endLineNumber: f.endLine, endColumn: f.endColumn,
  }));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const securityWarnings = findings.filter((f) => f.severity === 'security-warning').length;
  const dirty = draft !== storedText;

  async function save() {
    try {
      const value = JSON.parse(draft) as PolicyDocument;
      await state.save.mutateAsync({ value });
      setReviewing(false);
      void MessagePlugin.success(t('bucketSettings.policy.saved'));
    } catch {
      // shown by the dialog (state.save.error)
    }
  }

  async function remove() {
    try {
      await state.save.mutateAsync({ value: null });
      setRemoving(false);
      void MessagePlugin.success(t('bucketSettings.policy.removed'));
    } catch {
      // shown by the dialog
    }
  }

  return (
    <>
      {stored === null && draft === '' ? <Alert theme="info" message={t('bucketSettings.policy.none')} /> : null}
      {/* The view switch is a radio group (TDesign's Tabs nav items take no keyboard focus); both views
          stay mounted, so Monaco keeps its undo stack while the generator is shown. */}
      <div role="radiogroup" aria-label={t('bucketSettings.policy.tabs.label')} className="policy-section__views">
        <Radio.Group variant="default-filled" value={view} onChange={(v) => setView(v === 'generator' || v === 'simulator' ? v : 'json')}>
          <Radio.Button value="json">{t('bucketSettings.policy.tabs.json')}</Radio.Button>
          <Radio.Button value="generator">{t('bucketSettings.policy.tabs.generator')}</Radio.Button>
          <Radio.Button value="simulator">{t('bucketSettings.policy.tabs.simulator')}</Radio.Button>
        </Radio.Group>
      </div>
      <div hidden={view !== 'json'}>
          <div className="policy-section__panel">
            <JsonEditor
              value={draft}
              onChange={setDraft}
              modelUri={`inmemory://policy/${target.bucket}.json`}
              schema={schema}
              markers={markers}
              ariaLabel={t('bucketSettings.policy.editorLabel')}
              readOnly={readOnly}
            />
            <FindingsList findings={findings} onFix={(text) => setDraft(text)} source={draft} readOnly={readOnly} />
          </div>
      </div>
      {view === 'generator' ? (
        <div className="policy-section__panel">
          <PolicyGenerator draft={draft} setDraft={setDraft} bucketRef={bucketRef} ownerUin={ownerUin} readOnly={readOnly} />
        </div>
      ) : null}
      {view === 'simulator' ? <PolicySimulator target={target} draft={draft} /> : null}
      {!readOnly ? (
        <Space className="settings-section__actions">
          <Button tag="button" theme="primary" disabled={!dirty || draft.trim() === ''} onClick={() => { setAcknowledged(false); setReviewing(true); }}>
            {t('bucketSettings.policy.review')}
          </Button>
          <Button tag="button" variant="outline" disabled={!dirty} onClick={() => setDraft(storedText)}>{t('bucketSettings.common.reset')}</Button>
          {stored !== null ? <Button tag="button" theme="danger" variant="outline" onClick={() => setRemoving(true)}>{t('bucketSettings.policy.remove')}</Button> : null}
        </Space>
      ) : null}
      <ModalDialog
        visible={reviewing}
        title={t('bucketSettings.policy.diffTitle')}
        width="min(1100px, 95vw)"
        onClose={() => setReviewing(false)}
        footer={
          <Space>
            <Button tag="button" variant="outline" onClick={() => setReviewing(false)}>{t('bucketSettings.common.cancel')}</Button>
            <Button tag="button" theme="primary" loading={state.save.isPending} disabled={errors > 0 || (securityWarnings > 0 && !acknowledged)} onClick={() => void save()}>
              {t('bucketSettings.common.save')}
            </Button>
          </Space>
        }
      >
        <p>{t('bucketSettings.policy.diffIntro')}</p>
        <JsonDiff original={storedText} modified={draft} ariaLabel={t('bucketSettings.policy.diffLabel')} />
        {errors > 0 ? <Alert theme="error" message={t('bucketSettings.policy.errorsBlock', { count: errors })} /> : null}
        {securityWarnings > 0 ? (
          <Checkbox checked={acknowledged} onChange={(v) => setAcknowledged(v)}>{t('bucketSettings.policy.ackWarnings', { count: securityWarnings })}</Checkbox>
        ) : null}
        {config?.mode === 'cloud' ? <Alert theme="info" message={t('bucketSettings.policy.cloudDelay')} /> : null}
        {state.save.isError ? <SettingError title={t('bucketSettings.common.saveFailed', { setting: t('bucketSettings.policy.title') })} error={state.save.error} /> : null}
      </ModalDialog>
      <ModalDialog
        visible={removing}
        title={t('bucketSettings.policy.removeTitle')}
        onClose={() => setRemoving(false)}
        footer={
          <Space>
            <Button tag="button" variant="outline" onClick={() => setRemoving(false)}>{t('bucketSettings.common.cancel')}</Button>
            <Button tag="button" theme="danger" loading={state.save.isPending} onClick={() => void remove()}>{t('bucketSettings.policy.remove')}</Button>
          </Space>
        }
      >
        <p>{t('bucketSettings.policy.removeDetail')}</p>
        {state.save.isError ? <SettingError title={t('bucketSettings.common.saveFailed', { setting: t('bucketSettings.policy.title') })} error={state.save.error} /> : null}
      </ModalDialog>
    </>
  );
}
