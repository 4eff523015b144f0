import { useId, type ReactElement } from 'react';
import { Tooltip } from 'tdesign-react';

export interface DeniedActionProps {
  /** Why the action is unavailable, e.g. which permission the account lacks here. */
  reason: string;
  /** The disabled control; it must set `aria-describedby` to the id it is given. */
  children: (describedBy: string) => ReactElement;
}

/**
 * An action the session's grants do not allow: the control stays in place, disabled, so the toolbar
 * does not shift between folders, and says why — in a tooltip for pointer users and as the control's
 * accessible description, since a disabled button takes no focus and a tooltip alone would not reach
 * keyboard or screen-reader users. The wrapper carries the hover: a disabled button fires no mouse
 * events (app.css lets them through to it).
 */
export function DeniedAction({ reason, children }: DeniedActionProps) {
  const id = useId();
  return (
    <Tooltip content={reason} placement="bottom">
      <span className="denied-action">
        {children(id)}
        <span id={id} className="visually-hidden">
          {reason}
        </span>
      </span>
    </Tooltip>
  );
}
