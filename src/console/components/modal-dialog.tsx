import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Dialog } from 'tdesign-react';

export interface ModalDialogProps {
  visible: boolean;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** The dialog's buttons; the dialog renders none of its own. */
  footer: ReactNode;
  width?: number | string;
}

/**
 * TDesign's Dialog with what it lacks for keyboard and screen-reader users: role="dialog",
 * aria-modal and aria-labelledby on the card (extra props reach its <div>), focus moved into the
 * dialog when it opens and given back to where it was when it closes. Escape closes it.
 */
export function ModalDialog({ visible, title, onClose, children, footer, width = 560 }: ModalDialogProps) {
  const titleId = useId();
  const cardClass = `modal-dialog-${titleId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (!visible) return;
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // The portal may mount its content a frame later than this commit: look for a few frames.
    let frame = 0;
    let tries = 0;
    const focusFirst = () => {
      const card = document.querySelector<HTMLElement>(`.${cardClass}`);
      const first = card?.querySelector<HTMLElement>('input:not([disabled]), textarea, button:not([disabled]):not(.t-dialog__close)');
      if (first) first.focus();
      else if (++tries < 10) frame = requestAnimationFrame(focusFirst);
    };
    focusFirst();
    return () => {
      cancelAnimationFrame(frame);
      returnFocus.current?.focus();
    };
  }, [visible, cardClass]);

  const a11y = { role: 'dialog', 'aria-modal': true, 'aria-labelledby': titleId };
  return (
    <Dialog
      {...a11y}
      visible={visible}
      header={<span id={titleId}>{title}</span>}
      footer={footer}
      onClose={onClose}
      closeOnOverlayClick={false}
      destroyOnClose
      width={width}
      dialogClassName={cardClass}
    >
      {children}
    </Dialog>
  );
}
