import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Card } from 'tdesign-react';
import { LanguageSelect } from '../../../components/language-select';
import { safeNextPath } from '../model/safe-next';
import { LoginForm } from './login-form';

/** /login?next=…: signs in, then returns to the page the user wanted. */
export function LoginPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNextPath(searchParams.get('next'));

  return (
    <div className="login-page">
      <div className="login-page__language">
        <LanguageSelect />
      </div>
      <main className="login-page__main">
        <Card className="login-card" bordered>
          <h1 className="login-card__title">{t('app.productName')}</h1>
          <p className="login-card__subtitle">{t('auth.subtitle')}</p>
          <LoginForm onSignedIn={() => void navigate(next, { replace: true })} />
        </Card>
      </main>
    </div>
  );
}
