import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import type { BucketTarget } from '../../../../cos/cos-client';
import type { LifecycleConfiguration, LifecycleRule } from '../../../../../shared/xml/lifecycle';
import { SectionFrame } from '../../components/section-frame';
import { SettingError } from '../../components/setting-error';
import { useSetting, type SettingState } from '../../hooks/use-setting';
import { withoutRule, withRule, withRuleStatus } from '../../model/lifecycle-form';
import { summariseLifecycleRule } from '../../model/lifecycle-summary';
import { RuleForm } from './rule-form';
import './lifecycle-section.css';

/**
 * Lifecycle rules (PUT/GET/DELETE Bucket lifecycle, https://cloud.tencent.com/document/product/436/8280):
 * the rules with their plain-sentence summary; each change (add, edit, enable or disable, delete) writes
 * the whole configuration, as COS replaces it on every PUT; removing the last rule deletes it.
 */
export function LifecycleSection({ target }: { target: BucketTarget }) {
  const { t } = useTranslation();
  const state = useSetting(target, 'lifecycle');
  return (
    <SectionFrame target={target} setting="lifecycle" state={state} intro={<p>{t('bucketSettings.lifecycle.intro')}</p>}>
      {(value, readOnly) => <LifecycleEditor value={value} readOnly={readOnly} state={state} />}
    </SectionFrame>
  );
}

interface RuleRow {
  index: number;
  rule: LifecycleRule;
}

type Confirm = { kind: 'delete'; index: number } | { kind: 'removeAll' } | null;

interface EditorProps {
  value: LifecycleConfiguration | null;
  readOnly: boolean;
  state: SettingState<'lifecycle'>;
}

function LifecycleEditor({ value, readOnly, state }: EditorProps) {
  const { t, i18n } = useTranslation();
  const { save } = state;
  const [editing, setEditing] = useState<number | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [saved, setSaved] = useState<'saved' | 'deleted' | null>(null);
  const rules = value?.rules ?? [];
  const title = t('bucketSettings.lifecycle.title');
  const nameOf = (index: number): string => {
    const id = rules[index]?.id;
    return id ? `“${id}”` : t('bucketSettings.lifecycle.ruleName', { n: index + 1 });
  };
  const summary = (rule: LifecycleRule): string => summariseLifecycleRule(rule, t, { lang: i18n.language });

  const write = async (next: LifecycleConfiguration | null) => {
    setSaved(null);
    await save.mutateAsync({ value: next });
    setSaved(next === null ? 'deleted' : 'saved');
  };
  const run = (next: LifecycleConfiguration | null) => void write(next).catch(() => undefined);

  const columns: PrimaryTableCol<RuleRow>[] = [
    { colKey: 'id', title: t('bucketSettings.lifecycle.columns.id'), width: 160, cell: ({ row }) => row.rule.id ?? t('bucketSettings.lifecycle.noId') },
    {
      colKey: 'status', title: t('bucketSettings.lifecycle.columns.status'), width: 110,
      cell: ({ row }) => (
        <Tag theme={row.rule.status === 'Disabled' ? 'default' : 'success'} variant="light">
          {row.rule.status === 'Disabled' ? t('bucketSettings.common.disabled') : t('bucketSettings.common.enabled')}
        </Tag>
      ),
    },
    { colKey: 'summary', title: t('bucketSettings.lifecycle.columns.summary'), cell: ({ row }) => <span className="lifecycle-summary">{summary(row.rule)}</span> },
  ];
  if (!readOnly) {
    columns.push({
      colKey: 'actions', title: t('bucketSettings.lifecycle.columns.actions'), width: 230,
      cell: ({ row }) => {
        const name = nameOf(row.index);
        const disabled = row.rule.status === 'Disabled';
        return (
          <div className="settings-section__actions">
            <Button tag="button" variant="text" theme="primary" size="small" disabled={save.isPending} aria-label={t('bucketSettings.lifecycle.editLabel', { name })} onClick={() => { setSaved(null); setEditing(row.index); }}>
              {t('bucketSettings.common.edit')}
            </Button>
            <Button tag="button"
              variant="text" theme="primary" size="small" disabled={save.isPending || value === null}
              aria-label={t(disabled ? 'bucketSettings.lifecycle.enableLabel' : 'bucketSettings.lifecycle.disableLabel', { name })}
              onClick={() => value && run(withRuleStatus(value, row.index, disabled))}
            >
              {t(disabled ? 'bucketSettings.lifecycle.enable' : 'bucketSettings.lifecycle.disable')}
            </Button>
            <Button tag="button" variant="text" theme="danger" size="small" disabled={save.isPending} aria-label={t('bucketSettings.lifecycle.deleteLabel', { name })} onClick={() => setConfirm({ kind: 'delete', index: row.index })}>
              {t('bucketSettings.lifecycle.deleteRule')}
            </Button>
          </div>
        );
      },
    });
  }

  const confirmed = () => {
    if (!confirm) return;
    setConfirm(null);
    if (confirm.kind === 'removeAll') run(null);
    else if (value) run(withoutRule(value, confirm.index));
  };

  return (
    <div className="settings-editor">
      <Table<RuleRow>
        rowKey="index"
        data={rules.map((rule, index) => ({ rule, index }))}
        columns={columns}
        empty={t('bucketSettings.lifecycle.empty')}
      />
      {readOnly || editing !== null ? null : (
        <div className="settings-section__actions">
          <Button tag="button" theme="primary" disabled={save.isPending} onClick={() => { setSaved(null); setEditing(rules.length); }}>
            {t('bucketSettings.lifecycle.addRule')}
          </Button>
          {rules.length > 0 ? (
            <Button tag="button" variant="outline" theme="danger" disabled={save.isPending} onClick={() => setConfirm({ kind: 'removeAll' })}>
              {t('bucketSettings.lifecycle.removeAll')}
            </Button>
          ) : null}
        </div>
      )}
      {editing !== null && !readOnly ? (
        <RuleForm
          key={editing}
          title={editing < rules.length ? t('bucketSettings.lifecycle.form.editTitle', { name: nameOf(editing) }) : t('bucketSettings.lifecycle.form.addTitle')}
          rule={rules[editing]}
          others={rules.filter((_, i) => i !== editing)}
          saving={save.isPending}
          onCancel={() => setEditing(null)}
          onSave={async (rule) => {
            await write(withRule(value, editing, rule));
            setEditing(null);
          }}
        />
      ) : null}
      <div role="status" aria-live="polite">
        {saved === 'saved' ? t('bucketSettings.common.saved', { setting: title }) : saved === 'deleted' ? t('bucketSettings.common.deleted', { setting: title }) : null}
      </div>
      {save.isError ? <SettingError title={t('bucketSettings.common.saveFailed', { setting: title })} error={save.error} /> : null}
      <ConfirmDialog
        visible={confirm !== null}
        title={confirm?.kind === 'delete' ? t('bucketSettings.lifecycle.confirmDeleteTitle', { name: nameOf(confirm.index) }) : t('bucketSettings.lifecycle.confirmRemoveAllTitle')}
        confirmLabel={confirm?.kind === 'delete' ? t('bucketSettings.lifecycle.deleteRule') : t('bucketSettings.lifecycle.removeAll')}
        cancelLabel={t('bucketSettings.common.cancel')}
        onCancel={() => setConfirm(null)}
        onConfirm={confirmed}
      >
        {confirm?.kind === 'delete' ? (
          <>
            <p>{t('bucketSettings.lifecycle.confirmDeleteBody')}</p>
            {rules.length === 1 ? <p>{t('bucketSettings.lifecycle.confirmDeleteLast')}</p> : null}
          </>
        ) : (
          <p>{t('bucketSettings.lifecycle.confirmRemoveAllBody')}</p>
        )}
      </ConfirmDialog>
    </div>
  );
}
