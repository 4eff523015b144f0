import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Button, Layout, Space, Tag } from 'tdesign-react';
import { paths } from '../navigation/paths';
import { LanguageSelect } from './language-select';
import { RouterLink } from './router-link';

export interface AppShellProps {
  user: { name: string; role: 'admin' | 'user' | 'api-key' } | undefined;
  homePath: string;
  onSignOut: () => void;
  signingOut: boolean;
  children: ReactNode;
}

// Moves focus without touching the URL: a #fragment would become part of the router's location.
function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById('main-content')?.focus();
}

/** Admins only: console accounts and the audit log (the pages refuse anyone else too). */
function AdminNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const links = [
    { to: paths.adminUsers(), label: t('admin.nav.users') },
    { to: paths.adminAudit(), label: t('admin.nav.audit') },
  ];
  return (
    <nav aria-label={t('admin.nav.label')} className="app-shell__nav">
      {links.map((l) => (
        <RouterLink key={l.to} to={l.to} theme="default" {...(pathname === l.to ? { 'aria-current': 'page' as const } : {})}>
          {l.label}
        </RouterLink>
      ))}
    </nav>
  );
}

/** The frame of every signed-in page: header (product, language, user, sign out) and content. */
export function AppShell({ user, homePath, onSignOut, signingOut, children }: AppShellProps) {
  const { t } = useTranslation();
  return (
    <Layout className="app-shell">
      <a className="skip-link" href="#main-content" onClick={skipToContent}>
        {t('app.skipToContent')}
      </a>
      <Layout.Header className="app-shell__header">
        <RouterLink to={homePath} className="app-shell__brand" theme="default">
          {t('app.productName')}
        </RouterLink>
        <Space align="center" size="medium">
          {user?.role === 'admin' ? <AdminNav /> : null}
          <LanguageSelect />
          {user ? (
            <span className="app-shell__user">
              {user.name}
              <Tag size="small" variant="light" theme={user.role === 'admin' ? 'primary' : 'default'}>
                {t(`auth.role.${user.role}`)}
              </Tag>
            </span>
          ) : null}
          <Button variant="outline" size="small" onClick={onSignOut} loading={signingOut}>
            {t('auth.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content className="app-shell__content">
        <div id="main-content" tabIndex={-1}>
          {children}
        </div>
      </Layout.Content>
    </Layout>
  );
}
