import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Space, Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import type { ConsoleAccount } from '../../../api/admin-api';
import { useCurrentSession } from '../../../session/use-current-session';
import { formatDateTime } from '../../../i18n/format-date';
import { adminQueries } from '../admin-queries';
import { AccountDialog, type AccountDialogState } from './account-dialog';
import { AdminOnly } from './admin-only';
import { ResetPasswordDialog } from './reset-password-dialog';
import { ServerError } from './server-error';
import { ToggleDisabledDialog } from './toggle-disabled-dialog';

/** /admin/users: console accounts, for admins. */
export function UsersPage() {
  return (
    <AdminOnly>
      <Users />
    </AdminOnly>
  );
}

function Users() {
  const { t, i18n } = useTranslation();
  const accounts = useQuery(adminQueries.accountList());
  const me = useCurrentSession()?.user.name;
  const [editing, setEditing] = useState<AccountDialogState>(null);
  const [resetting, setResetting] = useState<string | null>(null);
  const [toggling, setToggling] = useState<ConsoleAccount | null>(null);

  const columns: PrimaryTableCol<ConsoleAccount>[] = [
    { colKey: 'name', title: t('admin.users.columns.name'), cell: ({ row }) => <span className="object-name">{row.name}</span> },
    {
      colKey: 'role',
      title: t('admin.users.columns.role'),
      cell: ({ row }) => (
        <Tag size="small" variant="light" theme={row.role === 'admin' ? 'primary' : 'default'}>
          {t(`admin.role.${row.role}`)}
        </Tag>
      ),
    },
    {
      colKey: 'disabled',
      title: t('admin.users.columns.state'),
      cell: ({ row }) => (
        <Tag size="small" variant="light" theme={row.disabled ? 'danger' : 'success'}>
          {row.disabled ? t('admin.users.disabled') : t('admin.users.enabled')}
        </Tag>
      ),
    },
    {
      colKey: 'grants',
      title: t('admin.users.columns.grants'),
      // An admin's grants are not used: say what the account can do instead of a misleading count.
      cell: ({ row }) => (row.role === 'admin' ? t('admin.users.allAccess') : String(row.grants.length)),
    },
    { colKey: 'createdAt', title: t('admin.users.columns.created'), cell: ({ row }) => formatDateTime(row.createdAt, i18n.language) },
    {
      colKey: 'actions',
      title: t('admin.users.columns.actions'),
      cell: ({ row }) => (
        <Space size="small" breakLine>
          <Button size="small" variant="text" theme="primary" aria-label={t('admin.users.editLabel', { name: row.name })} onClick={() => setEditing({ mode: 'edit', account: row })}>
            {t('admin.users.edit')}
          </Button>
          <Button size="small" variant="text" theme="primary" aria-label={t('admin.users.resetLabel', { name: row.name })} onClick={() => setResetting(row.name)}>
            {t('admin.users.reset')}
          </Button>
          <Button
            size="small"
            variant="text"
            theme={row.disabled ? 'primary' : 'danger'}
            aria-label={row.disabled ? t('admin.users.enableLabel', { name: row.name }) : t('admin.users.disableLabel', { name: row.name })}
            onClick={() => setToggling(row)}
          >
            {row.disabled ? t('admin.users.enable') : t('admin.users.disable')}
          </Button>
          {row.name === me ? <Tag size="small" variant="outline">{t('admin.users.you')}</Tag> : null}
        </Space>
      ),
    },
  ];

  return (
    <section className="page">
      <header className="page__header">
        <h1 className="page__title">{t('admin.users.title')}</h1>
        <div className="page__actions">
          <Button theme="primary" onClick={() => setEditing({ mode: 'create' })}>
            {t('admin.users.create')}
          </Button>
        </div>
      </header>
      <p className="admin-page__intro">{t('admin.users.intro')}</p>
      {accounts.isError && !accounts.data ? (
        <ServerError title={t('admin.users.loadError')} error={accounts.error} codeLabel={(code) => t('common.errorCode', { code })} />
      ) : (
        <Table<ConsoleAccount> rowKey="name" data={accounts.data ?? []} columns={columns} loading={accounts.isPending} empty={t('admin.users.empty')} hover />
      )}
      <AccountDialog state={editing} onClose={() => setEditing(null)} />
      <ResetPasswordDialog name={resetting} onClose={() => setResetting(null)} />
      <ToggleDisabledDialog account={toggling} onClose={() => setToggling(null)} />
    </section>
  );
}
