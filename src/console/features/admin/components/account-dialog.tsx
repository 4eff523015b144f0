import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Input, Radio } from 'tdesign-react';
import type { AccountRole, ConsoleAccount } from '../../../api/admin-api';

const roleOf = (v: unknown): AccountRole => (v === 'admin' ? 'admin' : 'user');
import { ModalDialog } from '../../../components/modal-dialog';
import { useInnerInputAttributes } from '../../../components/use-inner-input-attributes';
import { useCreateAccount, useUpdateAccount } from '../hooks/use-account-mutations';
import { accountChangesBody, grantsToRows, MIN_PASSWORD, newAccountBody, newGrantRow, type AccountForm, type AccountFormProblems, type PasswordMode } from '../model/account-form';
import { GrantsEditor } from './grants-editor';
import { PasswordOnce } from './password-once';
import { ServerError } from './server-error';

export type AccountDialogState = { mode: 'create' } | { mode: 'edit'; account: ConsoleAccount } | null;

/** Create an account (name, role, password or a generated one, grants) or edit one (role, grants). */
export function AccountDialog({ state, onClose }: { state: AccountDialogState; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateAccount();
  const update = useUpdateAccount();
  const pending = create.isPending || update.isPending;
  const close = () => {
    if (pending) return;
    create.reset();
    update.reset();
    onClose();
  };
  const title = state?.mode === 'edit' ? t('admin.users.editTitle', { name: state.account.name }) : t('admin.users.createTitle');
  return (
    <ModalDialog visible={state !== null} title={title} onClose={close} footer={null} width={760}>
      {state ? <AccountFormBody key={state.mode === 'edit' ? state.account.name : 'new'} state={state} create={create} update={update} onClose={close} /> : null}
    </ModalDialog>
  );
}

interface BodyProps {
  state: Exclude<AccountDialogState, null>;
  create: ReturnType<typeof useCreateAccount>;
  update: ReturnType<typeof useUpdateAccount>;
  onClose: () => void;
}

function initialForm(state: BodyProps['state']): AccountForm {
  if (state.mode === 'edit') {
    const { account } = state;
    return { name: account.name, role: account.role, passwordMode: 'generate', password: '', grants: grantsToRows(account.grants) };
  }
  return { name: '', role: 'user', passwordMode: 'generate', password: '', grants: [newGrantRow()] };
}

function AccountFormBody({ state, create, update, onClose }: BodyProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState<AccountForm>(() => initialForm(state));
  const [submitted, setSubmitted] = useState(false);
  const nameId = useId();
  const passwordId = useId();
  const roleLabelId = useId();
  const passwordModeLabelId = useId();
  const nameRef = useInnerInputAttributes({ id: nameId, autocomplete: 'off', spellcheck: 'false' });
  const passwordRef = useInnerInputAttributes({ id: passwordId, autocomplete: 'new-password' });
  const set = (change: Partial<AccountForm>) => setForm((f) => ({ ...f, ...change }));
  const editing = state.mode === 'edit';
  const checked = editing ? accountChangesBody(form) : newAccountBody(form);
  const problems: AccountFormProblems = submitted && !checked.ok ? checked.problems : { grants: [] };
  const mutation = editing ? update : create;

  // After creating with a generated password: show it once, and nothing else to do but close.
  if (create.data?.generatedPassword !== undefined) {
    return (
      <div className="admin-form">
        <p role="status">{t('admin.users.created', { name: create.data.account.name })}</p>
        <PasswordOnce account={create.data.account.name} password={create.data.generatedPassword} />
        <div className="dialog-actions">
          <Button theme="primary" onClick={onClose}>
            {t('admin.common.done')}
          </Button>
        </div>
      </div>
    );
  }

  const submit = () => {
    setSubmitted(true);
    if (mutation.isPending) return;
    if (state.mode === 'edit') {
      const result = accountChangesBody(form);
      if (result.ok) update.mutate({ name: state.account.name, changes: result.body }, { onSuccess: onClose });
    } else {
      const result = newAccountBody(form);
      // A chosen password needs no second screen; a generated one is shown by the branch above.
      if (result.ok) create.mutate(result.body, { onSuccess: (r) => { if (r.generatedPassword === undefined) onClose(); } });
    }
  };

  return (
    <form
      className="admin-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {editing ? null : (
        <div className="admin-form__field">
          <label htmlFor={nameId} className="admin-form__label">
            {t('admin.users.name')}
          </label>
          <Input ref={nameRef} value={form.name} onChange={(v) => set({ name: v })} maxlength={64} status={problems.name ? 'error' : 'default'} />
          <div className="admin-form__error">{problems.name ? t(`admin.form.errors.${problems.name}`) : <span className="admin-form__hint">{t('admin.users.nameHelp')}</span>}</div>
        </div>
      )}
      <div className="admin-form__field">
        <span id={roleLabelId} className="admin-form__label">
          {t('admin.users.role')}
        </span>
        <div role="radiogroup" aria-labelledby={roleLabelId}>
          <Radio.Group variant="default-filled" value={form.role} onChange={(v) => set({ role: roleOf(v) })}>
            <Radio.Button value="user">{t('admin.role.user')}</Radio.Button>
            <Radio.Button value="admin">{t('admin.role.admin')}</Radio.Button>
          </Radio.Group>
        </div>
        <div className="admin-form__hint">{form.role === 'admin' ? t('admin.users.adminHelp') : t('admin.users.userHelp')}</div>
      </div>
      {editing ? null : (
        <div className="admin-form__field">
          <span id={passwordModeLabelId} className="admin-form__label">
            {t('admin.password.label')}
          </span>
          <PasswordModeChoice labelledBy={passwordModeLabelId} value={form.passwordMode} onChange={(m) => set({ passwordMode: m })} />
          {form.passwordMode === 'choose' ? (
            <>
              <label htmlFor={passwordId} className="admin-form__label">
                {t('admin.password.chosen')}
              </label>
              <Input ref={passwordRef} type="password" value={form.password} onChange={(v) => set({ password: v })} status={problems.password ? 'error' : 'default'} />
              <div className="admin-form__error">
                {problems.password ? t(`admin.form.errors.${problems.password}`, { min: MIN_PASSWORD }) : <span className="admin-form__hint">{t('admin.password.minHint', { min: MIN_PASSWORD })}</span>}
              </div>
            </>
          ) : (
            <div className="admin-form__hint">{t('admin.password.generateHint')}</div>
          )}
        </div>
      )}
      {form.role === 'user' ? (
        <div className="admin-form__field">
          <span className="admin-form__label">{t('admin.grants.title')}</span>
          <div className="admin-form__hint">{t('admin.grants.help')}</div>
          <GrantsEditor rows={form.grants} onChange={(grants) => set({ grants })} problems={problems.grants} showProblems={submitted} />
          {problems.grantList ? <div className="admin-form__error">{t(`admin.form.errors.${problems.grantList}`)}</div> : null}
        </div>
      ) : null}
      {mutation.isError ? (
        <ServerError title={t(editing ? 'admin.users.updateFailed' : 'admin.users.createFailed')} error={mutation.error} codeLabel={(code) => t('common.errorCode', { code })} />
      ) : null}
      <div className="dialog-actions">
        <Button tag="button" variant="outline" onClick={onClose} disabled={mutation.isPending}>
          {t('admin.common.cancel')}
        </Button>
        <Button type="submit" theme="primary" loading={mutation.isPending}>
          {editing ? t('admin.users.save') : t('admin.users.createSubmit')}
        </Button>
      </div>
    </form>
  );
}

export function PasswordModeChoice({ labelledBy, value, onChange }: { labelledBy: string; value: PasswordMode; onChange: (mode: PasswordMode) => void }) {
  const { t } = useTranslation();
  return (
    <div role="radiogroup" aria-labelledby={labelledBy}>
      <Radio.Group variant="default-filled" value={value} onChange={(v) => onChange(v === 'choose' ? 'choose' : 'generate')}>
        <Radio.Button value="generate">{t('admin.password.generate')}</Radio.Button>
        <Radio.Button value="choose">{t('admin.password.choose')}</Radio.Button>
      </Radio.Group>
    </div>
  );
}
