import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Input } from 'tdesign-react';
import { ModalDialog } from '../../../components/modal-dialog';
import { useInnerInputAttributes } from '../../../components/use-inner-input-attributes';
import { useResetPassword } from '../hooks/use-account-mutations';
import { MIN_PASSWORD, passwordProblem, type PasswordMode } from '../model/account-form';
import { PasswordModeChoice } from './account-dialog';
import { PasswordOnce } from './password-once';
import { ServerError } from './server-error';

/** A new password, generated (shown once) or chosen. The server ends every session of the account. */
export function ResetPasswordDialog({ name, onClose }: { name: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const close = () => {
    if (reset.isPending) return;
    reset.reset();
    onClose();
  };
  return (
    <ModalDialog visible={name !== null} title={t('admin.reset.title', { name: name ?? '' })} onClose={close} footer={null}>
      {name !== null ? <ResetForm key={name} name={name} reset={reset} onClose={close} /> : null}
    </ModalDialog>
  );
}

function ResetForm({ name, reset, onClose }: { name: string; reset: ReturnType<typeof useResetPassword>; onClose: () => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<PasswordMode>('generate');
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const modeLabelId = useId();
  const passwordId = useId();
  const passwordRef = useInnerInputAttributes({ id: passwordId, autocomplete: 'new-password' });
  const problem = mode === 'choose' ? passwordProblem(password) : undefined;

  if (reset.isSuccess) {
    return (
      <div className="admin-form">
        {reset.data.generatedPassword !== undefined ? (
          <PasswordOnce account={name} password={reset.data.generatedPassword} />
        ) : (
          <p role="status">{t('admin.reset.done', { name })}</p>
        )}
        <div className="dialog-actions">
          <Button theme="primary" onClick={onClose}>
            {t('admin.common.done')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form
      className="admin-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSubmitted(true);
        if (problem || reset.isPending) return;
        reset.mutate({ name, password: mode === 'choose' ? password : undefined });
      }}
    >
      <p>{t('admin.reset.sessionsEnd', { name })}</p>
      <div className="admin-form__field">
        <span id={modeLabelId} className="admin-form__label">
          {t('admin.password.label')}
        </span>
        <PasswordModeChoice labelledBy={modeLabelId} value={mode} onChange={setMode} />
        {mode === 'choose' ? (
          <>
            <label htmlFor={passwordId} className="admin-form__label">
              {t('admin.password.chosen')}
            </label>
            <Input ref={passwordRef} type="password" value={password} onChange={setPassword} status={submitted && problem ? 'error' : 'default'} />
            <div className="admin-form__error">
              {submitted && problem ? t(`admin.form.errors.${problem}`, { min: MIN_PASSWORD }) : <span className="admin-form__hint">{t('admin.password.minHint', { min: MIN_PASSWORD })}</span>}
            </div>
          </>
        ) : (
          <div className="admin-form__hint">{t('admin.password.generateHint')}</div>
        )}
      </div>
      {reset.isError ? <ServerError title={t('admin.reset.failed')} error={reset.error} codeLabel={(code) => t('common.errorCode', { code })} /> : null}
      <div className="dialog-actions">
        <Button tag="button" variant="outline" onClick={onClose} disabled={reset.isPending}>
          {t('admin.common.cancel')}
        </Button>
        <Button type="submit" theme="primary" loading={reset.isPending}>
          {t('admin.reset.submit')}
        </Button>
      </div>
    </form>
  );
}
