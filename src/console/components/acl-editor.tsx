import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, Input, Radio, Space, Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import {
  anonymousOf, cannedChoices, cannedOf, emptyGrantee, formProblems, granteeProblems, MAX_ACL_GRANTS, ownerLabel, PERMISSION_ORDER, sortPermissions,
  type AclForm, type AclLevel, type CannedAcl, type GranteeDraft, type GranteeProblem,
} from '../../shared/acl/acl-form';
import { isAclPermission, type AclPermission } from '../../shared/xml/acl';
import { useInnerInputAttributes } from './use-inner-input-attributes';
import './acl-editor.css';

export interface AclEditorProps {
  level: AclLevel;
  form: AclForm;
  onChange: (form: AclForm) => void;
  readOnly: boolean;
  /** Objects: the object follows its bucket's ACL ("default", 436/7748); then there is nothing to edit. */
  inherited?: boolean;
  onInheritedChange?: (inherited: boolean) => void;
}

type Row =
  | { id: string; kind: 'owner' }
  | { id: string; kind: 'anonymous' }
  | { id: string; kind: 'grantee'; index: number; draft: GranteeDraft };

/**
 * The ACL of a bucket or an object (ACL overview, https://cloud.tencent.com/document/product/436/30583):
 * public access as a canned ACL, the grants table (the owner's FULL_CONTROL fixed, anonymous users,
 * root accounts and sub-accounts with the five permissions), and what each permission allows.
 */
export function AclEditor({ level, form, onChange, readOnly, inherited = false, onInheritedChange }: AclEditorProps) {
  const { t: a } = useTranslation(undefined, { keyPrefix: 'bucketSettings.acl' });
  const publicLabelId = useId();
  const canned = cannedOf(form.anonymous);
  const choice: CannedAcl | 'custom' | 'inherit' = inherited ? 'inherit' : canned;
  const problems = granteeProblems(form);
  const tooMany = formProblems(form).includes('tooManyGrants');

  const setChoice = (v: string) => {
    if (v === 'inherit') {
      onInheritedChange?.(true);
      return;
    }
    if (inherited) onInheritedChange?.(false);
    if (v === 'private' || v === 'public-read' || v === 'public-read-write') onChange({ ...form, anonymous: anonymousOf(v) });
  };
  const setRow = (index: number, change: Partial<GranteeDraft>) =>
    onChange({ ...form, grantees: form.grantees.map((g, i) => (i === index ? { ...g, ...change } : g)) });

  const options: Array<[string, string]> = [
    ...(level === 'object' ? [['inherit', a('publicAccess.inherit')] as [string, string]] : []),
    ...cannedChoices(level).map((c): [string, string] => [c, a(`publicAccess.${c}`)]),
  ];

  const warning = inherited || form.anonymous.length === 0
    ? undefined
    : canned === 'custom' ? a('warning.custom')
    : level === 'object' ? a('warning.objectRead')
    : canned === 'public-read' ? a('warning.bucketRead') : a('warning.bucketReadWrite');

  const rows: Row[] = [
    { id: 'owner', kind: 'owner' },
    { id: 'anonymous', kind: 'anonymous' },
    ...form.grantees.map((draft, index): Row => ({ id: draft.key, kind: 'grantee', index, draft })),
  ];

  const granteeName = (row: Row): string =>
    row.kind === 'owner' ? a('grants.owner', { uin: ownerLabel(form.owner) })
    : row.kind === 'anonymous' ? a('grants.anonymous')
    : a('grants.granteeN', { n: row.index + 1 });

  const columns: PrimaryTableCol<Row>[] = [
    {
      colKey: 'grantee',
      title: a('grants.grantee'),
      width: 320,
      cell: ({ row }) => {
        if (row.kind === 'owner') return <div><strong>{granteeName(row)}</strong><div className="acl-hint">{a('grants.ownerNote')}</div></div>;
        if (row.kind === 'anonymous') return <strong>{granteeName(row)}</strong>;
        return <GranteeCell row={row.draft} n={row.index + 1} problems={problems[row.index] ?? {}} readOnly={readOnly} onChange={(c) => setRow(row.index, c)} />;
      },
    },
    {
      colKey: 'permissions',
      title: a('grants.permissions'),
      cell: ({ row }) => {
        if (row.kind === 'owner') return <Tag theme="primary" variant="light">FULL_CONTROL</Tag>;
        const value = row.kind === 'anonymous' ? form.anonymous : row.draft.permissions;
        const label = a('grants.permissionsOf', { grantee: row.kind === 'anonymous' ? granteeName(row) : a('grants.granteeN', { n: row.index + 1 }) });
        const problem = row.kind === 'grantee' ? problems[row.index]?.row : undefined;
        return (
          <PermissionBoxes
            label={label}
            value={value}
            disabled={readOnly}
            problem={problem ? a(`problems.${problem}`) : undefined}
            onChange={(ps) => (row.kind === 'anonymous' ? onChange({ ...form, anonymous: ps }) : row.kind === 'grantee' ? setRow(row.index, { permissions: ps }) : undefined)}
          />
        );
      },
    },
  ];
  if (!readOnly) {
    columns.push({
      colKey: 'actions',
      title: a('grants.actions'),
      width: 90,
      cell: ({ row }) =>
        row.kind === 'grantee' ? (
          <Button tag="button" variant="text" theme="danger" size="small" aria-label={a('grants.removeLabel', { n: row.index + 1 })}
            onClick={() => onChange({ ...form, grantees: form.grantees.filter((_, i) => i !== row.index) })}>
            {a('grants.remove')}
          </Button>
        ) : null,
    });
  }

  return (
    <div className="acl-editor">
      <div className="acl-public">
        <span id={publicLabelId} className="acl-label">{a('publicAccess.label')}</span>
        <div role="radiogroup" aria-labelledby={publicLabelId}>
          <Radio.Group value={choice} disabled={readOnly} onChange={(v) => setChoice(String(v))}>
            {options.map(([v, text]) => <Radio key={v} value={v}>{text}</Radio>)}
            {choice === 'custom' ? <Radio value="custom" disabled>{a('publicAccess.custom')}</Radio> : null}
          </Radio.Group>
        </div>
        {warning ? <div role="note"><Alert theme="warning" message={warning} /></div> : null}
        {inherited ? <p className="acl-hint">{a('inheritNote')}</p> : null}
      </div>

      {inherited ? null : (
        <section className="acl-grants" aria-labelledby={`${publicLabelId}-grants`}>
          <h3 id={`${publicLabelId}-grants`} className="acl-title">{a('grants.title')}</h3>
          <Table<Row> rowKey="id" data={rows} columns={columns} size="small" />
          {readOnly ? null : (
            <Space align="center">
              <Button tag="button" variant="dashed" onClick={() => onChange({ ...form, grantees: [...form.grantees, emptyGrantee('root')] })}>{a('grants.addRoot')}</Button>
              <Button tag="button" variant="dashed" onClick={() => onChange({ ...form, grantees: [...form.grantees, emptyGrantee('sub')] })}>{a('grants.addSub')}</Button>
            </Space>
          )}
          <p className="acl-hint">{a('grants.subHint')}</p>
          {tooMany ? <Alert theme="error" message={a('problems.tooManyGrants', { max: MAX_ACL_GRANTS })} /> : null}
        </section>
      )}

      <AclExplanation />
    </div>
  );
}

function PermissionBoxes({ label, value, disabled, problem, onChange }: {
  label: string; value: readonly AclPermission[]; disabled: boolean; problem: string | undefined; onChange: (ps: AclPermission[]) => void;
}) {
  const errorId = useId();
  return (
    <div role="group" className="acl-perms" aria-label={label} {...(problem ? { 'aria-describedby': errorId } : {})}>
      <Checkbox.Group value={[...value]} disabled={disabled} onChange={(v) => onChange(sortPermissions(v.map(String).filter(isAclPermission)))}>
        {PERMISSION_ORDER.map((p) => <Checkbox key={p} value={p}>{p}</Checkbox>)}
      </Checkbox.Group>
      {problem ? <div id={errorId} className="acl-error">{problem}</div> : null}
    </div>
  );
}

function GranteeCell({ row, n, problems, readOnly, onChange }: {
  row: GranteeDraft; n: number; problems: { root?: GranteeProblem; sub?: GranteeProblem }; readOnly: boolean; onChange: (c: Partial<GranteeDraft>) => void;
}) {
  const { t: a } = useTranslation(undefined, { keyPrefix: 'bucketSettings.acl' });
  if (row.kind === 'other') {
    const raw = row.raw?.type === 'uri' ? row.raw.uri : row.raw?.id ?? '';
    return <div><Tag variant="outline">{a('grants.other')}</Tag> <code className="acl-raw">{raw}</code></div>;
  }
  return (
    <div className="acl-grantee">
      <div><Tag variant="outline">{row.kind === 'root' ? a('grants.root') : a('grants.sub')}</Tag></div>
      <div className="acl-grantee__uins">
        <UinInput label={a('grants.rootUinOf', { n })} placeholder={a('grants.rootUin')} value={row.rootUin} readOnly={readOnly}
          problem={problems.root ? a(`problems.${problems.root}`) : undefined} onChange={(rootUin) => onChange({ rootUin })} />
        {row.kind === 'sub' ? (
          <UinInput label={a('grants.subUinOf', { n })} placeholder={a('grants.subUin')} value={row.subUin} readOnly={readOnly}
            problem={problems.sub ? a(`problems.${problems.sub}`) : undefined} onChange={(subUin) => onChange({ subUin })} />
        ) : null}
      </div>
    </div>
  );
}

function UinInput({ label, placeholder, value, readOnly, problem, onChange }: {
  label: string; placeholder: string; value: string; readOnly: boolean; problem: string | undefined; onChange: (v: string) => void;
}) {
  const errorId = useId();
  const ref = useInnerInputAttributes({ 'aria-label': label, inputmode: 'numeric', autocomplete: 'off', 'aria-invalid': problem ? 'true' : 'false', 'aria-describedby': errorId });
  return (
    <div className="acl-uin">
      <Input ref={ref} value={value} readonly={readOnly} placeholder={placeholder} status={problem ? 'error' : 'default'} onChange={(v) => onChange(String(v))} />
      <div id={errorId} className="acl-error">{problem ?? ''}</div>
    </div>
  );
}

/** The five permissions and what each allows on a bucket, a folder and an object (436/30583, and cos-local's docs/cos-behaviour.md "ACLs"). */
function AclExplanation() {
  const { t: a } = useTranslation(undefined, { keyPrefix: 'bucketSettings.acl' });
  const titleId = useId();
  type Line = { id: AclPermission };
  const columns: PrimaryTableCol<Line>[] = [
    { colKey: 'id', title: a('explain.permission'), width: 140, cell: ({ row }) => <code>{row.id}</code> },
    { colKey: 'bucket', title: a('explain.bucket'), cell: ({ row }) => a(`permission.${row.id}.bucket`) },
    { colKey: 'folder', title: a('explain.folder'), cell: ({ row }) => a(`permission.${row.id}.folder`) },
    { colKey: 'object', title: a('explain.object'), cell: ({ row }) => a(`permission.${row.id}.object`) },
  ];
  return (
    <section className="acl-explain" aria-labelledby={titleId}>
      <h3 id={titleId} className="acl-title">{a('explain.title')}</h3>
      <Table<Line> rowKey="id" data={PERMISSION_ORDER.map((id) => ({ id }))} columns={columns} size="small" bordered />
      <p className="acl-hint">{a('explain.folderNote')}</p>
    </section>
  );
}
