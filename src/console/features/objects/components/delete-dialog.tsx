import { useTranslation } from 'react-i18next';
import { Button, Loading } from 'tdesign-react';
import { ErrorAlert } from '../../../components/error-alert';
import { ModalDialog } from '../../../components/modal-dialog';
import { CosClientError } from '../../../cos/cos-error';
import type { DeletePhase } from '../hooks/use-delete-objects';
import { preview } from '../model/delete-plan';
import { relativeName } from '../model/object-rows';

export interface DeleteDialogProps {
  state: DeletePhase;
  /** The current folder: names are shown relative to it. */
  prefix: string;
  onConfirm: () => void;
  onClose: () => void;
}

function NameList({ names, prefix }: { names: string[]; prefix: string }) {
  const { t } = useTranslation();
  const { shown, more } = preview(names);
  return (
    <ul className="dialog-name-list">
      {shown.map((n) => (
        <li key={n} className="object-name">
          {relativeName(n, prefix)}
        </li>
      ))}
      {more > 0 ? <li>{t('deleteObjects.more', { count: more })}</li> : null}
    </ul>
  );
}

function Body({ state, prefix }: { state: DeletePhase; prefix: string }) {
  const { t } = useTranslation();
  switch (state.phase) {
    case 'idle':
      return null;
    case 'counting':
      return (
        <p className="delete-dialog__status" role="status">
          <Loading size="small" /> {t('deleteObjects.counting')}
        </p>
      );
    case 'confirm':
      if (state.keys.length === 0) return <p>{t('deleteObjects.nothing')}</p>;
      return (
        <>
          <p className="delete-dialog__total">{t('deleteObjects.total', { count: state.keys.length })}</p>
          <NameList names={[...state.selection.folders, ...state.selection.keys]} prefix={prefix} />
          {state.selection.folders.length > 0 ? (
            <p>{t('deleteObjects.folders', { names: state.selection.folders.map((f) => relativeName(f, prefix)).join(', ') })}</p>
          ) : null}
          <p>{t('deleteObjects.irreversible')}</p>
        </>
      );
    case 'deleting':
      return (
        <p className="delete-dialog__status" role="status">
          <Loading size="small" /> {t('deleteObjects.deleting', { done: state.done, total: state.keys.length })}
        </p>
      );
    case 'result':
      return (
        <div role="status">
          <p>{t('deleteObjects.deleted', { count: state.deleted })}</p>
          {state.failed.length > 0 ? (
            <ErrorAlert
              title={t('deleteObjects.failed', { count: state.failed.length })}
              details={state.failed.slice(0, 20).map((f) => t('deleteObjects.failure', { key: relativeName(f.key, prefix), message: f.message, code: f.code }))}
            />
          ) : null}
        </div>
      );
    case 'error': {
      const code = state.error instanceof CosClientError ? state.error.code : undefined;
      return (
        <ErrorAlert
          title={t('deleteObjects.countFailed')}
          details={[state.error.message, ...(code ? [t('common.errorCode', { code })] : [])]}
        />
      );
    }
  }
}

/** Confirmation, progress and outcome of deleting the selected objects and folders. */
export function DeleteDialog({ state, prefix, onConfirm, onClose }: DeleteDialogProps) {
  const { t } = useTranslation();
  const canConfirm = state.phase === 'confirm' && state.keys.length > 0;
  const finished = state.phase === 'result' || state.phase === 'error' || (state.phase === 'confirm' && state.keys.length === 0);
  return (
    <ModalDialog
      visible={state.phase !== 'idle'}
      title={t('deleteObjects.title')}
      // While batches are being sent the dialog stays (close() ignores it): the result follows.
      onClose={onClose}
      footer={
        finished ? (
          <Button onClick={onClose}>{t('deleteObjects.close')}</Button>
        ) : (
          <>
            <Button tag="button" variant="outline" disabled={state.phase === 'deleting'} onClick={onClose}>
              {t('deleteObjects.cancel')}
            </Button>
            <Button tag="button" theme="danger" disabled={!canConfirm} loading={state.phase === 'deleting'} onClick={onConfirm}>
              {t('deleteObjects.confirm')}
            </Button>
          </>
        )
      }
    >
      <Body state={state} prefix={prefix} />
    </ModalDialog>
  );
}
