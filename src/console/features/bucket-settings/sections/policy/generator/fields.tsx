import { useEffect, useId, useState, type ReactNode } from 'react';
import { Input, Select } from 'tdesign-react';
import { useInnerInputAttributes } from '../../../../../components/use-inner-input-attributes';

/** A TDesign Input with a visible label tied to its <input>. */
export function TextField({ label, value, onChange, onEnter, placeholder, disabled, hint }: {
  label: string; value: string; onChange: (v: string) => void; onEnter?: () => void; placeholder?: string; disabled?: boolean; hint?: string;
}) {
  const id = useId();
  const hintId = useId();
  const ref = useInnerInputAttributes({ id, autocomplete: 'off', spellcheck: 'false', ...(hint ? { 'aria-describedby': hintId } : {}) });
  return (
    <div className="policy-gen__field">
      <label htmlFor={id} className="policy-gen__label">{label}</label>
      <Input ref={ref} value={value} onChange={(v) => onChange(String(v))} {...(onEnter ? { onEnter } : {})} {...(placeholder ? { placeholder } : {})} disabled={disabled ?? false} />
      {hint ? <div id={hintId} className="policy-gen__hint">{hint}</div> : null}
    </div>
  );
}

/**
 * A list edited as one comma-separated text: committed on Enter or when focus leaves, so that typing
 * "a," does not lose its comma to a round trip through the JSON.
 */
export function ListField({ label, values, onCommit, placeholder, disabled, hint }: {
  label: string; values: readonly string[]; onCommit: (v: string[]) => void; placeholder?: string; disabled?: boolean; hint?: string;
}) {
  const joined = values.join(', ');
  const [text, setText] = useState(joined);
  useEffect(() => setText(joined), [joined]);
  const id = useId();
  const hintId = useId();
  const ref = useInnerInputAttributes({ id, autocomplete: 'off', spellcheck: 'false', ...(hint ? { 'aria-describedby': hintId } : {}) });
  const commit = () => {
    const next = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (next.join(', ') !== joined) onCommit(next);
  };
  return (
    <div className="policy-gen__field">
      <label htmlFor={id} className="policy-gen__label">{label}</label>
      <Input ref={ref} value={text} onChange={(v) => setText(String(v))} onEnter={commit} onBlur={commit} {...(placeholder ? { placeholder } : {})} disabled={disabled ?? false} />
      {hint ? <div id={hintId} className="policy-gen__hint">{hint}</div> : null}
    </div>
  );
}

/** A TDesign Select with a visible label tied to its <input>. */
export function SelectField<V extends string>({ label, value, options, onChange, disabled, filterable, creatable }: {
  label: string; value: V; options: readonly { value: V; label: string }[]; onChange: (v: V) => void; disabled?: boolean; filterable?: boolean; creatable?: boolean;
}) {
  const id = useId();
  const ref = useInnerInputAttributes({ id, 'aria-label': label });
  return (
    <div className="policy-gen__field">
      <label htmlFor={id} className="policy-gen__label">{label}</label>
      <div ref={ref}>
        <Select
          value={value}
          options={options.map((o) => ({ ...o }))}
          onChange={(v) => onChange(String(v) as V)}
          disabled={disabled ?? false}
          filterable={filterable ?? false}
          creatable={creatable ?? false}
        />
      </div>
    </div>
  );
}

export function Group({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <fieldset className={`policy-gen__group ${className ?? ''}`} aria-labelledby={id}>
      <legend id={id} className="policy-gen__legend">{title}</legend>
      {children}
    </fieldset>
  );
}
