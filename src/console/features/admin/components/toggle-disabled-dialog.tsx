import { useTranslation } from 'react-i18next';
import { Button } from 'tdesign-react';
import type { ConsoleAccount } from '../../../api/admin-api';
import { ModalDialog } from '../../../components/modal-dialog';
import { useUpdateAccount } from '../hooks/use-account-mutations';
import { ServerError } from './server-error';

/** Confirms disabling (which ends the account's sessions at once) or enabling an account. */
export function ToggleDisabledDialog({ account, onClose }: { account: ConsoleAccount | null; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateAccount();
  const close = () => {
    if (update.isPending) return;
    update.reset();
    onClose();
  };
  const disabling = account ? !account.disabled : false;
  const name = account?.name ?? '';
  const confirm = () => {
    if (!account || update.isPending) return;
    update.mutate({ name: account.name, changes: { disabled: disabling } }, { onSuccess: close });
  };
  return (
    <ModalDialog
      visible={account !== null}
      title={disabling ? t('admin.disable.title', { name }) : t('admin.enable.title', { name })}
      onClose={close}
      footer={null}
    >
      {account ? (
        <div className="admin-form">
          <p>{disabling ? t('admin.disable.detail', { name }) : t('admin.enable.detail', { name })}</p>
          {update.isError ? (
            <ServerError title={t('admin.users.updateFailed')} error={update.error} codeLabel={(code) => t('common.errorCode', { code })} />
          ) : null}
          <div className="dialog-actions">
            <Button tag="button" variant="outline" onClick={close} disabled={update.isPending}>
              {t('admin.common.cancel')}
            </Button>
            <Button theme={disabling ? 'danger' : 'primary'} onClick={confirm} loading={update.isPending}>
              {disabling ? t('admin.disable.confirm') : t('admin.enable.confirm')}
            </Button>
          </div>
        </div>
      ) : null}
    </ModalDialog>
  );
}
