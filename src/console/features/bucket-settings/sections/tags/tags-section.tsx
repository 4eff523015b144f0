import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Table, type PrimaryTableCol } from 'tdesign-react';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import type { BucketTarget } from '../../../../cos/cos-client';
import type { XmlTag } from '../../../../../shared/xml/tagging';
import { SectionFrame } from '../../components/section-frame';
import { SettingError } from '../../components/setting-error';
import { useSetting, type SettingState } from '../../hooks/use-setting';
import { checkTags, MAX_BUCKET_TAGS, sameTags, type TagRowProblems } from '../../model/tags-form';
import { TextField } from '../lifecycle/form-controls';
import '../lifecycle/lifecycle-section.css';

/**
 * Bucket tags (PUT/GET/DELETE Bucket tagging, https://cloud.tencent.com/document/product/436/34838):
 * a table of keys and values, saved as a whole; an empty table deletes the tag set.
 */
export function TagsSection({ target }: { target: BucketTarget }) {
  const { t } = useTranslation();
  const state = useSetting(target, 'tagging');
  return (
    <SectionFrame target={target} setting="tagging" state={state} intro={<p>{t('bucketSettings.tags.intro')}</p>}>
      {(value, readOnly) => (readOnly ? <TagsView tags={value ?? []} /> : <TagsEditor value={value ?? []} state={state} />)}
    </SectionFrame>
  );
}

interface TagRow extends XmlTag {
  id: number;
}

function TagsView({ tags }: { tags: XmlTag[] }) {
  const { t } = useTranslation();
  const columns: PrimaryTableCol<TagRow>[] = [
    { colKey: 'key', title: t('bucketSettings.tags.columns.key') },
    { colKey: 'value', title: t('bucketSettings.tags.columns.value') },
  ];
  return <Table<TagRow> rowKey="id" data={tags.map((tag, id) => ({ ...tag, id }))} columns={columns} empty={t('bucketSettings.tags.empty')} />;
}

let nextRowId = 0;
const toRows = (tags: readonly XmlTag[]): TagRow[] => tags.map((tag) => ({ ...tag, id: nextRowId++ }));

function TagsEditor({ value, state }: { value: XmlTag[]; state: SettingState<'tagging'> }) {
  const { t } = useTranslation();
  const { save } = state;
  // The rows follow COS until edited; a save puts them back to following (the value read back).
  const [draft, setDraft] = useState<TagRow[] | null>(null);
  const base = useMemo(() => toRows(value), [value]);
  const [submitted, setSubmitted] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState<'saved' | 'deleted' | null>(null);
  const rows = draft ?? base;
  const title = t('bucketSettings.tags.title');
  const checked = checkTags(rows.map(({ key, value: v }) => ({ key, value: v })));
  const problems: TagRowProblems[] = submitted && !checked.ok ? checked.rows : [];
  const dirty = !sameTags(rows, value);

  const edit = (next: TagRow[]) => {
    setSaved(null);
    setDraft(next);
  };
  const update = (id: number, change: Partial<XmlTag>) => edit(rows.map((r) => (r.id === id ? { ...r, ...change } : r)));
  const write = async (next: XmlTag[] | null) => {
    setSaved(null);
    await save.mutateAsync({ value: next });
    setDraft(null);
    setSubmitted(false);
    setSaved(next === null ? 'deleted' : 'saved');
  };
  const submit = () => {
    setSubmitted(true);
    if (!checked.ok || save.isPending) return;
    // COS keeps no empty tag set: saving none deletes it (DELETE Bucket tagging).
    if (checked.tags.length === 0) setConfirming(true);
    else void write(checked.tags).catch(() => undefined);
  };

  const columns: PrimaryTableCol<TagRow>[] = [
    {
      colKey: 'key', title: t('bucketSettings.tags.columns.key'),
      cell: ({ row, rowIndex }) => (
        <TextField
          label={t('bucketSettings.tags.key', { n: rowIndex + 1 })} showLabel={false} value={row.key}
          onChange={(v) => update(row.id, { key: v })}
          error={problems[rowIndex]?.key ? t(`bucketSettings.tags.problems.${problems[rowIndex].key}`) : undefined}
        />
      ),
    },
    {
      colKey: 'value', title: t('bucketSettings.tags.columns.value'),
      cell: ({ row, rowIndex }) => (
        <TextField
          label={t('bucketSettings.tags.value', { n: rowIndex + 1 })} showLabel={false} value={row.value}
          onChange={(v) => update(row.id, { value: v })}
          error={problems[rowIndex]?.value ? t(`bucketSettings.tags.problems.${problems[rowIndex].value}`) : undefined}
        />
      ),
    },
    {
      colKey: 'actions', title: t('bucketSettings.tags.columns.actions'), width: 120,
      cell: ({ row, rowIndex }) => (
        <Button tag="button" variant="text" theme="danger" aria-label={t('bucketSettings.tags.removeLabel', { n: rowIndex + 1 })} onClick={() => edit(rows.filter((r) => r.id !== row.id))}>
          {t('bucketSettings.tags.remove')}
        </Button>
      ),
    },
  ];

  return (
    <form
      className="settings-editor"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p className="settings-editor__para admin-form__hint">{t('bucketSettings.tags.limits')}</p>
      <Table<TagRow> rowKey="id" data={rows} columns={columns} empty={t('bucketSettings.tags.empty')} />
      {submitted && !checked.ok && checked.tooMany ? <Alert theme="error" message={t('bucketSettings.tags.tooMany')} /> : null}
      <div className="settings-section__actions">
        <Button tag="button" variant="dashed" disabled={rows.length >= MAX_BUCKET_TAGS} onClick={() => edit([...rows, { id: nextRowId++, key: '', value: '' }])}>
          {t('bucketSettings.tags.add')}
        </Button>
      </div>
      <div className="settings-section__actions">
        <Button tag="button" type="submit" theme="primary" disabled={!dirty || save.isPending} loading={save.isPending}>
          {save.isPending ? t('bucketSettings.common.saving') : t('bucketSettings.common.save')}
        </Button>
        <Button tag="button" variant="outline" disabled={!dirty || save.isPending} onClick={() => { setDraft(null); setSubmitted(false); }}>
          {t('bucketSettings.common.reset')}
        </Button>
        {value.length > 0 ? (
          <Button tag="button" variant="outline" theme="danger" disabled={save.isPending} onClick={() => setConfirming(true)}>
            {t('bucketSettings.tags.removeAll')}
          </Button>
        ) : null}
      </div>
      {submitted && !checked.ok ? <p className="admin-form__error" role="alert">{t('bucketSettings.common.invalid')}</p> : null}
      <div role="status" aria-live="polite">
        {saved === 'saved' ? t('bucketSettings.common.saved', { setting: title }) : saved === 'deleted' ? t('bucketSettings.common.deleted', { setting: title }) : null}
      </div>
      {save.isError ? <SettingError title={t('bucketSettings.common.saveFailed', { setting: title })} error={save.error} /> : null}
      <ConfirmDialog
        visible={confirming}
        title={t('bucketSettings.tags.confirmRemoveAllTitle')}
        confirmLabel={t('bucketSettings.tags.removeAll')}
        cancelLabel={t('bucketSettings.common.cancel')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void write(null).catch(() => undefined);
        }}
      >
        <p>{t('bucketSettings.tags.confirmRemoveAllBody')}</p>
      </ConfirmDialog>
    </form>
  );
}
