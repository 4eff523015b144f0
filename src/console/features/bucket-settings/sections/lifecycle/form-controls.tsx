// Labelled TDesign controls for the lifecycle and tags editors. TDesign's Input and Select put extra
// props on their wrapper, so the label, name and error reach the <input> through useInnerInputAttributes.
import { useId, type ReactNode } from 'react';
import { Input, Select } from 'tdesign-react';
import { useInnerInputAttributes } from '../../../../components/use-inner-input-attributes';

interface FieldBase {
  label: string;
  /** Label shown above the control; otherwise it is the control's aria-label (in table rows). */
  showLabel?: boolean;
  error?: string | undefined;
  hint?: ReactNode;
  disabled?: boolean;
  className?: string;
}

export interface TextFieldProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  inputMode?: 'numeric' | 'text';
}

export function TextField({ label, showLabel = true, error, hint, disabled, className, value, onChange, placeholder = '', inputMode = 'text' }: TextFieldProps) {
  const id = useId();
  const messageId = useId();
  const ref = useInnerInputAttributes({
    id, autocomplete: 'off', spellcheck: 'false', inputmode: inputMode,
    'aria-invalid': error ? 'true' : 'false', 'aria-describedby': messageId,
    ...(showLabel ? {} : { 'aria-label': label }),
  });
  return (
    <div className={`settings-field ${className ?? ''}`}>
      {showLabel ? <label htmlFor={id} className="admin-form__label">{label}</label> : null}
      <Input ref={ref} value={value} onChange={(v) => onChange(v)} placeholder={placeholder} disabled={disabled} status={error ? 'error' : 'default'} />
      <div id={messageId} className="admin-form__error">
        {error ?? (hint ? <span className="admin-form__hint">{hint}</span> : null)}
      </div>
    </div>
  );
}

export interface SelectFieldProps<V extends string> extends FieldBase {
  value: V;
  options: { label: string; value: V }[];
  onChange: (value: V) => void;
}

export function SelectField<V extends string>({ label, showLabel = true, error, hint, disabled, className, value, options, onChange }: SelectFieldProps<V>) {
  const id = useId();
  const messageId = useId();
  const ref = useInnerInputAttributes({
    id, 'aria-invalid': error ? 'true' : 'false', 'aria-describedby': messageId,
    ...(showLabel ? {} : { 'aria-label': label }),
  });
  // A value not among the options (a class COS knows and this console does not) stays selectable.
  const all = options.some((o) => o.value === value) ? options : [...options, { label: value, value }];
  return (
    <div className={`settings-field ${className ?? ''}`}>
      {showLabel ? <label htmlFor={id} className="admin-form__label">{label}</label> : null}
      <div ref={ref}>
        <Select
          value={value}
          disabled={disabled}
          status={error ? 'error' : 'default'}
          options={all}
          onChange={(v) => {
            const found = all.find((o) => o.value === v);
            if (found) onChange(found.value);
          }}
        />
      </div>
      <div id={messageId} className="admin-form__error">
        {error ?? (hint ? <span className="admin-form__hint">{hint}</span> : null)}
      </div>
    </div>
  );
}
