import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Input } from 'tdesign-react';
import { GRANT_PERMISSIONS, type GrantPermission } from '../../../api/admin-api';
import { useInnerInputAttributes } from '../../../components/use-inner-input-attributes';
import { bucketQueries } from '../../../cos/bucket-queries';
import { newGrantRow, type GrantRow, type GrantRowProblems } from '../model/account-form';

export interface GrantsEditorProps {
  rows: GrantRow[];
  onChange: (rows: GrantRow[]) => void;
  /** Per row, shown once the form was submitted. */
  problems: GrantRowProblems[];
  showProblems: boolean;
}

const isPermission = (v: unknown): v is GrantPermission => (GRANT_PERMISSIONS as readonly unknown[]).includes(v);

/** Rows of bucket, prefix and permissions. Buckets are suggested from the bucket list; any name can be typed. */
export function GrantsEditor({ rows, onChange, problems, showProblems }: GrantsEditorProps) {
  const { t } = useTranslation();
  // The admin's own bucket list (a bucket not in it, e.g. of a region not listed, can still be typed).
  const buckets = useQuery(bucketQueries.list()).data ?? [];
  const listId = useId();
  const update = (id: string, change: Partial<GrantRow>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...change } : r)));

  return (
    <div className="admin-grants">
      <datalist id={listId}>
        {buckets.map((b) => (
          <option key={b.name} value={b.name} />
        ))}
      </datalist>
      {rows.length === 0 ? <p className="admin-grants__empty">{t('admin.grants.none')}</p> : null}
      {rows.map((row, i) => (
        <GrantRowFields
          key={row.id}
          index={i}
          row={row}
          listId={listId}
          problems={showProblems ? (problems[i] ?? {}) : {}}
          onChange={(change) => update(row.id, change)}
          onRemove={() => onChange(rows.filter((r) => r.id !== row.id))}
        />
      ))}
      <div>
        <Button variant="dashed" onClick={() => onChange([...rows, newGrantRow()])}>
          {t('admin.grants.add')}
        </Button>
      </div>
    </div>
  );
}

interface GrantRowFieldsProps {
  index: number;
  row: GrantRow;
  listId: string;
  problems: GrantRowProblems;
  onChange: (change: Partial<GrantRow>) => void;
  onRemove: () => void;
}

function GrantRowFields({ index, row, listId, problems, onChange, onRemove }: GrantRowFieldsProps) {
  const { t } = useTranslation();
  const bucketId = useId();
  const prefixId = useId();
  const bucketErrorId = useId();
  const prefixErrorId = useId();
  const permissionsLabelId = useId();
  const bucketRef = useInnerInputAttributes({
    id: bucketId, list: listId, autocomplete: 'off', spellcheck: 'false',
    'aria-invalid': problems.bucket ? 'true' : 'false', 'aria-describedby': bucketErrorId,
  });
  const prefixRef = useInnerInputAttributes({
    id: prefixId, autocomplete: 'off', spellcheck: 'false',
    'aria-invalid': problems.prefix ? 'true' : 'false', 'aria-describedby': prefixErrorId,
  });
  const title = t('admin.grants.rowTitle', { n: index + 1 });

  return (
    <fieldset className="admin-grant">
      <legend className="admin-grant__legend">{title}</legend>
      <div className="admin-grant__fields">
        <div className="admin-grant__field">
          <label htmlFor={bucketId} className="admin-form__label">
            {t('admin.grants.bucket')}
          </label>
          <Input ref={bucketRef} value={row.bucket} onChange={(v) => onChange({ bucket: v })} placeholder="examplebucket-1250000000" status={problems.bucket ? 'error' : 'default'} />
          <div id={bucketErrorId} className="admin-form__error">
            {problems.bucket ? t(`admin.form.errors.${problems.bucket}`) : null}
          </div>
        </div>
        <div className="admin-grant__field">
          <label htmlFor={prefixId} className="admin-form__label">
            {t('admin.grants.prefix')}
          </label>
          <Input ref={prefixRef} value={row.prefix} onChange={(v) => onChange({ prefix: v })} placeholder={t('admin.grants.wholeBucket')} status={problems.prefix ? 'error' : 'default'} />
          <div id={prefixErrorId} className="admin-form__error">
            {problems.prefix ? t(`admin.form.errors.${problems.prefix}`) : row.prefix === '' ? <span className="admin-form__hint">{t('admin.grants.wholeBucketHint')}</span> : null}
          </div>
        </div>
      </div>
      <div role="group" aria-labelledby={permissionsLabelId} className="admin-grant__permissions">
        <span id={permissionsLabelId} className="admin-form__label">
          {t('admin.grants.permissions')}
        </span>
        <Checkbox.Group value={row.permissions} onChange={(value) => onChange({ permissions: value.filter(isPermission) })}>
          {GRANT_PERMISSIONS.map((p) => (
            <Checkbox key={p} value={p}>
              {t(`admin.permission.${p}`)}
            </Checkbox>
          ))}
        </Checkbox.Group>
        {problems.permissions ? <div className="admin-form__error">{t(`admin.form.errors.${problems.permissions}`)}</div> : null}
      </div>
      <div>
        <Button variant="text" theme="danger" onClick={onRemove} aria-label={t('admin.grants.removeLabel', { n: index + 1 })}>
          {t('admin.grants.remove')}
        </Button>
      </div>
    </fieldset>
  );
}
