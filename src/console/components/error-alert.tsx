import type { ReactNode } from 'react';
import { Alert, Button } from 'tdesign-react';

export interface ErrorAlertProps {
  title: ReactNode;
  /** Lines shown under the title: the server's message, the error code, what to do. */
  details?: ReactNode[];
  retryLabel?: string;
  onRetry?: () => void;
  /** Extra actions, e.g. a link back to the bucket list. */
  actions?: ReactNode;
}

/** An error state. The wrapper has role="alert" because TDesign's Alert has no ARIA role. */
export function ErrorAlert({ title, details = [], retryLabel, onRetry, actions }: ErrorAlertProps) {
  const operation =
    onRetry || actions ? (
      <span className="error-alert__actions">
        {onRetry && retryLabel ? (
          <Button size="small" theme="primary" variant="outline" onClick={onRetry}>
            {retryLabel}
          </Button>
        ) : null}
        {actions}
      </span>
    ) : undefined;
  return (
    <div role="alert" className="error-alert">
      <Alert
        theme="error"
        title={title}
        message={details.length > 0 ? details.map((line, i) => <div key={i}>{line}</div>) : undefined}
        operation={operation}
      />
    </div>
  );
}
