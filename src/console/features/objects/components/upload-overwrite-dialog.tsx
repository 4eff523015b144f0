import { useTranslation } from 'react-i18next';
import { Button } from 'tdesign-react';
import { ModalDialog } from '../../../components/modal-dialog';
import { preview } from '../model/delete-plan';

/** Asks before an upload replaces objects of the same name in the current folder. */
export function UploadOverwriteDialog({ names, onConfirm, onCancel }: { names: string[]; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { shown, more } = preview(names, 10);
  return (
    <ModalDialog
      visible={names.length > 0}
      title={t('upload.overwriteTitle')}
      onClose={onCancel}
      footer={
        <>
          <Button variant="outline" onClick={onCancel}>
            {t('upload.overwriteCancel')}
          </Button>
          <Button theme="primary" onClick={onConfirm}>
            {t('upload.overwriteConfirm')}
          </Button>
        </>
      }
    >
      <p>{t('upload.overwriteIntro')}</p>
      <ul className="dialog-name-list">
        {shown.map((n) => (
          <li key={n} className="object-name">
            {n}
          </li>
        ))}
        {more > 0 ? <li>{t('deleteObjects.more', { count: more })}</li> : null}
      </ul>
    </ModalDialog>
  );
}
