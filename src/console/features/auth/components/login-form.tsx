import { useTranslation } from 'react-i18next';
import { Button, Form, Input } from 'tdesign-react';
import { ErrorAlert } from '../../../components/error-alert';
import { useInnerInputAttributes } from '../../../components/use-inner-input-attributes';
import { useLogin } from '../hooks/use-login';
import { loginErrorKey } from '../model/login-error';

const USERNAME_ID = 'login-username';
const PASSWORD_ID = 'login-password';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Username and password form; calls onSignedIn once the session is loaded. */
export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const login = useLogin();
  // Give the TDesign inputs the ids their <label for> points at (see useInnerInputAttributes).
  const usernameRef = useInnerInputAttributes({ id: USERNAME_ID });
  const passwordRef = useInnerInputAttributes({ id: PASSWORD_ID });

  return (
    <Form
      form={form}
      labelAlign="top"
      colon={false}
      requiredMark={false}
      rules={{
        username: [{ required: true, message: t('auth.usernameRequired') }],
        password: [{ required: true, message: t('auth.passwordRequired') }],
      }}
      onSubmit={({ validateResult }) => {
        if (validateResult !== true || login.isPending) return;
        const credentials = { username: text(form?.getFieldValue('username')), password: text(form?.getFieldValue('password')) };
        login.mutate(credentials, { onSuccess: onSignedIn });
      }}
    >
      {login.isError ? <ErrorAlert title={t(loginErrorKey(login.error), { message: login.error.message })} /> : null}
      <Form.FormItem label={t('auth.username')} name="username" for={USERNAME_ID}>
        <Input ref={usernameRef} autocomplete="username" autofocus />
      </Form.FormItem>
      <Form.FormItem label={t('auth.password')} name="password" for={PASSWORD_ID}>
        <Input ref={passwordRef} type="password" autocomplete="current-password" />
      </Form.FormItem>
      <Form.FormItem>
        <Button type="submit" theme="primary" block loading={login.isPending}>
          {t('auth.signIn')}
        </Button>
      </Form.FormItem>
    </Form>
  );
}
