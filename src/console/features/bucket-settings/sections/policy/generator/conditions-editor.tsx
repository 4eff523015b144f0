import { useGeneratorText } from './use-generator-text';
import { Button, Checkbox } from 'tdesign-react';
import { BASE_OPERATORS, type BaseOperator, type Quantifier } from '../../../../../../shared/policy/model';
import { CONDITION_KEYS } from '../../../../../../shared/policy/condition-keys';
import { formatOperator, parseOperator, type OperatorSpec } from '../../../../../../shared/policy/operators';
import type { ConditionRow } from '../model/policy-doc';
import { Group, ListField, SelectField } from './fields';

const NO_QUANTIFIER = 'none';

/**
 * The condition builder: one row per operator × key, for every operator family of
 * https://cloud.tencent.com/document/product/436/46205 with its `_ignore_case` and `_if_exist`
 * suffixes and the `for_any_value:` / `for_all_value:` quantifiers, on the COS condition keys of
 * condition-keys.ts (a key it does not know can be typed).
 */
export function ConditionsEditor({ rows, onChange, disabled, n }: { rows: readonly ConditionRow[]; onChange: (rows: ConditionRow[]) => void; disabled: boolean; n: number }) {
  const g = useGeneratorText();
  const set = (i: number, row: ConditionRow) => onChange(rows.map((r, j) => (j === i ? row : r)));
  return (
    <Group title={g('conditions.title')}>
      {rows.length === 0 ? <p className="policy-gen__hint">{g('conditions.none')}</p> : null}
      {rows.map((row, i) => {
        const parsed = parseOperator(row.operator);
        const c = i + 1;
        const label = (k: string) => g(`conditions.${k}`, { n: c });
        const spec: OperatorSpec | undefined = parsed.ok ? parsed.spec : undefined;
        const patch = (p: Partial<OperatorSpec>) => {
          if (!spec) return;
          const next = { ...spec, ...p };
          const clean: OperatorSpec = {
            operator: next.operator,
            ignoreCase: next.ignoreCase && next.operator.startsWith('string_'),
            ifExist: next.ifExist && next.operator !== 'null_equal',
            ...(next.quantifier && next.operator !== 'null_equal' ? { quantifier: next.quantifier } : {}),
          };
          set(i, { ...row, operator: formatOperator(clean) });
        };
        const keys = CONDITION_KEYS.map((k) => k.key);
        const keyOptions = (keys.includes(row.key) || row.key === '' ? keys : [row.key, ...keys]).map((k) => ({ value: k, label: k }));
        return (
          <div key={i} className="policy-gen__condition" role="group" aria-label={g('conditions.row', { n: c })}>
            {spec ? (
              <>
                <SelectField<string>
                  label={label('quantifier')}
                  value={spec.quantifier ?? NO_QUANTIFIER}
                  options={[{ value: NO_QUANTIFIER, label: g('conditions.noQuantifier') }, { value: 'for_any_value', label: 'for_any_value:' }, { value: 'for_all_value', label: 'for_all_value:' }]}
                  onChange={(v) => patch(v === NO_QUANTIFIER ? { quantifier: undefined } as Partial<OperatorSpec> : { quantifier: v as Quantifier })}
                  disabled={disabled}
                />
                <SelectField<string>
                  label={label('operator')}
                  value={spec.operator}
                  options={BASE_OPERATORS.map((o) => ({ value: o, label: o }))}
                  onChange={(v) => patch({ operator: v as BaseOperator })}
                  disabled={disabled}
                  filterable
                />
                <div className="policy-gen__checks">
                  <Checkbox checked={spec.ignoreCase} disabled={disabled || !spec.operator.startsWith('string_')} onChange={(v) => patch({ ignoreCase: v })}>{label('ignoreCase')}</Checkbox>
                  <Checkbox checked={spec.ifExist} disabled={disabled || spec.operator === 'null_equal'} onChange={(v) => patch({ ifExist: v })}>{label('ifExist')}</Checkbox>
                </div>
              </>
            ) : (
              <p className="policy-gen__hint">{g('conditions.unknownOperator', { operator: row.operator })}</p>
            )}
            <SelectField<string> label={label('key')} value={row.key} options={keyOptions} onChange={(v) => set(i, { ...row, key: v })} disabled={disabled} filterable creatable />
            <ListField label={label('values')} values={row.values} onCommit={(values) => set(i, { ...row, values })} disabled={disabled} hint={g('conditions.valuesHint')} />
            <div className="policy-gen__condition-actions">
              <code className="policy-gen__operator">{row.operator}</code>
              <Button tag="button" variant="text" theme="danger" disabled={disabled} onClick={() => onChange(rows.filter((_, j) => j !== i))}>{label('remove')}</Button>
            </div>
          </div>
        );
      })}
      <Button tag="button" variant="outline" disabled={disabled} onClick={() => onChange([...rows, { operator: 'bool_equal', key: 'cos:secure-transport', values: ['true'] }])}>
        {g('conditions.add', { n })}
      </Button>
    </Group>
  );
}
