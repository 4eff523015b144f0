import type { ReactNode } from 'react';
import { Button } from 'tdesign-react';
import { ModalDialog } from './modal-dialog';

export interface ConfirmDialogProps {
  visible: boolean;
  title: ReactNode;
  /** What the dialog asks about: one or more paragraphs. */
  children: ReactNode;
  confirmLabel: ReactNode;
  cancelLabel: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
  /** `danger` for what cannot be undone. */
  theme?: 'danger' | 'warning' | 'primary';
}

/**
 * "Are you sure?" before a change that removes or locks out: Cancel, then the action. Real <button>s
 * (`tag="button"`): a disabled TDesign Button is otherwise a <div>, which axe faults on contrast.
 */
export function ConfirmDialog({ visible, title, children, confirmLabel, cancelLabel, onConfirm, onCancel, theme = 'danger' }: ConfirmDialogProps) {
  return (
    <ModalDialog
      visible={visible}
      title={title}
      onClose={onCancel}
      footer={
        <div className="dialog-actions">
          <Button tag="button" variant="outline" onClick={onCancel}>{cancelLabel}</Button>
          <Button tag="button" theme={theme} onClick={onConfirm}>{confirmLabel}</Button>
        </div>
      }
    >
      {children}
    </ModalDialog>
  );
}
