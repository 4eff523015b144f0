import { useId, type ReactNode } from 'react';
import { useInnerInputAttributes } from '../../../../../components/use-inner-input-attributes';

/** A visible label tied to the <input> a TDesign control renders (see useInnerInputAttributes), with an optional hint. */
export function Field({ label, hint, children, className }: { label: string; hint?: string; children: ReactNode; className?: string }) {
  const id = useId();
  const hintId = useId();
  const ref = useInnerInputAttributes({ id, ...(hint ? { 'aria-describedby': hintId } : {}) });
  return (
    <div className={`policy-simulator__field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="policy-simulator__label">{label}</label>
      <div ref={ref}>{children}</div>
      {hint ? <div id={hintId} className="policy-simulator__hint">{hint}</div> : null}
    </div>
  );
}
