import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Input, MessagePlugin } from 'tdesign-react';
import { useInnerInputAttributes } from '../../../components/use-inner-input-attributes';

/**
 * A password the server generated, shown once: the server keeps only its hash, so once this closes
 * nobody can see it again (a new one needs a reset). It stays in memory only (the mutation's result,
 * dropped when the dialog closes), never in browser storage or the URL.
 */
export function PasswordOnce({ account, password }: { account: string; password: string }) {
  const { t } = useTranslation();
  const inputId = useId();
  const inputRef = useInnerInputAttributes({ id: inputId, readonly: 'readonly', autocomplete: 'off', spellcheck: 'false' });

  const select = () => {
    const input = document.getElementById(inputId);
    if (input instanceof HTMLInputElement) {
      input.focus();
      input.select();
    }
  };
  const copy = () => {
    // navigator.clipboard exists only in secure contexts (HTTPS, or localhost).
    const clipboard = window.isSecureContext ? navigator.clipboard : undefined;
    if (!clipboard) {
      select();
      void MessagePlugin.warning(t('admin.password.copyFailed'));
      return;
    }
    clipboard.writeText(password).then(
      () => void MessagePlugin.success(t('admin.password.copied')),
      () => {
        select();
        void MessagePlugin.warning(t('admin.password.copyFailed'));
      },
    );
  };

  return (
    <div className="admin-password-once">
      <div role="alert">
        <Alert theme="warning" title={t('admin.password.onceTitle')} message={t('admin.password.onceDetail', { name: account })} />
      </div>
      <label htmlFor={inputId} className="admin-form__label">
        {t('admin.password.generatedLabel', { name: account })}
      </label>
      <div className="admin-password-once__value">
        <Input ref={inputRef} value={password} readonly className="admin-password-once__input" />
        <Button variant="outline" onClick={copy}>
          {t('admin.password.copy')}
        </Button>
      </div>
    </div>
  );
}
