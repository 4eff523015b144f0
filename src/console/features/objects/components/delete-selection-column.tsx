import type { TFunction } from 'i18next';
import { Checkbox, type CheckboxProps, type PrimaryTableCol } from 'tdesign-react';
import { useInnerInputAttributes } from '../../../components/use-inner-input-attributes';
import type { ObjectRow } from '../model/object-rows';

export interface RowSelection {
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}

/**
 * The checkbox column of the object table (rows to delete). Our own column rather than TDesign's
 * `type: 'multiple'`, whose checkboxes have no accessible name: each one here is labelled with the
 * row's name (aria-label, not text: the name must stay the row's only visible text), so keyboard and
 * screen-reader users know what they select.
 */
export function selectionColumn(rows: readonly ObjectRow[], selection: RowSelection, t: TFunction): PrimaryTableCol<ObjectRow> {
  const count = rows.filter((r) => selection.selected.has(r.id)).length;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selection.selected);
    if (on) next.add(id);
    else next.delete(id);
    selection.onChange(next);
  };
  return {
    colKey: 'select',
    width: 48,
    title: () => (
      <LabelledCheckbox
        label={t('deleteObjects.selectAll')}
        checked={rows.length > 0 && count === rows.length}
        indeterminate={count > 0 && count < rows.length}
        disabled={rows.length === 0}
        onChange={(on) => selection.onChange(on ? new Set(rows.map((r) => r.id)) : new Set())}
      />
    ),
    cell: ({ row }) => (
      <LabelledCheckbox label={t('deleteObjects.selectRow', { name: row.name })} checked={selection.selected.has(row.id)} onChange={(on) => toggle(row.id, on)} />
    ),
  };
}

/**
 * A TDesign Checkbox that works from the keyboard and is named. TDesign 1.18 makes its <label>
 * focusable (tabindex 0) and the <input> not (tabindex -1), yet gives the label no key handling, so
 * Space does nothing. Here the native input takes the focus (Space toggles it) and carries `label`
 * as its aria-label; the label leaves the tab order (its extra props reach the <label>).
 */
function LabelledCheckbox({ label, ...props }: { label: string } & Pick<CheckboxProps, 'checked' | 'indeterminate' | 'disabled' | 'onChange'>) {
  const ref = useInnerInputAttributes({ 'aria-label': label, tabindex: '0' });
  const labelOutOfTabOrder: Record<string, number> = { tabIndex: -1 };
  return (
    <span ref={ref} className="object-select">
      <Checkbox {...labelOutOfTabOrder} {...props} />
    </span>
  );
}
