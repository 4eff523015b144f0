import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { Button, Form, Input, Radio, type FormInstanceFunctions, type FormRules } from 'tdesign-react';
import { ErrorAlert } from '../../../components/error-alert';
import { useInnerInputAttributes } from '../../../components/use-inner-input-attributes';
import { useLogin, type LoginCredentials } from '../hooks/use-login';
import { loginErrorKey } from '../model/login-error';

const USERNAME_ID = 'login-username';
const PASSWORD_ID = 'login-password';
const SECRET_ID_ID = 'login-secret-id';
const SECRET_KEY_ID = 'login-secret-key';
const TOKEN_ID = 'login-token';

type LoginMode = 'account' | 'api-key';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Sign-in with a console account (username, password) or a COS API key; calls onSignedIn once the session is loaded. */
export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<LoginMode>('account');
  const login = useLogin();

  const submit = (credentials: LoginCredentials) => {
    if (login.isPending) return;
    login.mutate(credentials, { onSuccess: onSignedIn });
  };

  return (
    <>
      <div role="group" aria-label={t('auth.mode.label')} className="login-card__mode">
        <Radio.Group
          variant="default-filled"
          value={mode}
          onChange={(value) => {
            setMode(value === 'api-key' ? 'api-key' : 'account');
            login.reset();
          }}
        >
          <Radio.Button value="account">{t('auth.mode.account')}</Radio.Button>
          <Radio.Button value="api-key">{t('auth.mode.apiKey')}</Radio.Button>
        </Radio.Group>
      </div>
      {login.isError ? <ErrorAlert title={t(loginErrorKey(login.error, mode), { message: login.error.message })} /> : null}
      {mode === 'account' ? (
        <AccountFields pending={login.isPending} onSubmit={submit} />
      ) : (
        <ApiKeyFields pending={login.isPending} onSubmit={submit} />
      )}
    </>
  );
}

interface FieldsProps {
  pending: boolean;
  onSubmit: (credentials: LoginCredentials) => void;
}

type FieldValues = Record<string, unknown>;

interface SignInShellProps {
  form: FormInstanceFunctions<FieldValues> | undefined;
  rules: FormRules<FieldValues>;
  pending: boolean;
  /** Called with the form once its rules pass. */
  onValid: (field: (name: string) => string) => void;
  children: ReactNode;
}

/** What both sign-in forms share: top labels, the rules, and the full-width submit button. */
function SignInShell({ form, rules, pending, onValid, children }: SignInShellProps) {
  const { t } = useTranslation();
  return (
    <Form
      form={form}
      labelAlign="top"
      colon={false}
      requiredMark={false}
      rules={rules}
      onSubmit={({ validateResult }) => {
        if (validateResult === true) onValid((name) => text(form?.getFieldValue(name)));
      }}
    >
      {children}
      <Form.FormItem>
        <Button type="submit" theme="primary" block loading={pending}>
          {t('auth.signIn')}
        </Button>
      </Form.FormItem>
    </Form>
  );
}

function AccountFields({ pending, onSubmit }: FieldsProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  // Give the TDesign inputs the ids their <label for> points at (see useInnerInputAttributes).
  const usernameRef = useInnerInputAttributes({ id: USERNAME_ID });
  const passwordRef = useInnerInputAttributes({ id: PASSWORD_ID });

  return (
    <SignInShell
      form={form}
      pending={pending}
      rules={{
        username: [{ required: true, message: t('auth.usernameRequired') }],
        password: [{ required: true, message: t('auth.passwordRequired') }],
      }}
      onValid={(field) => onSubmit({ username: field('username'), password: field('password') })}
    >
      <Form.FormItem label={t('auth.username')} name="username" for={USERNAME_ID}>
        <Input ref={usernameRef} autocomplete="username" autofocus />
      </Form.FormItem>
      <Form.FormItem label={t('auth.password')} name="password" for={PASSWORD_ID}>
        <Input ref={passwordRef} type="password" autocomplete="current-password" />
      </Form.FormItem>
    </SignInShell>
  );
}

function ApiKeyFields({ pending, onSubmit }: FieldsProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const secretIdRef = useInnerInputAttributes({ id: SECRET_ID_ID });
  const secretKeyRef = useInnerInputAttributes({ id: SECRET_KEY_ID });
  const tokenRef = useInnerInputAttributes({ id: TOKEN_ID });

  return (
    <SignInShell
      form={form}
      pending={pending}
      rules={{
        secretId: [{ required: true, message: t('auth.secretIdRequired') }],
        secretKey: [{ required: true, message: t('auth.secretKeyRequired') }],
      }}
      onValid={(field) => {
        const token = field('token').trim();
        onSubmit({ secretId: field('secretId').trim(), secretKey: field('secretKey'), ...(token ? { token } : {}) });
      }}
    >
      <Form.FormItem label={t('auth.secretId')} name="secretId" for={SECRET_ID_ID}>
        <Input ref={secretIdRef} autocomplete="off" autofocus />
      </Form.FormItem>
      <Form.FormItem label={t('auth.secretKey')} name="secretKey" for={SECRET_KEY_ID}>
        <Input ref={secretKeyRef} type="password" autocomplete="off" />
      </Form.FormItem>
      <Form.FormItem label={t('auth.token')} name="token" for={TOKEN_ID} help={t('auth.tokenHelp')}>
        <Input ref={tokenRef} type="password" autocomplete="off" />
      </Form.FormItem>
    </SignInShell>
  );
}
