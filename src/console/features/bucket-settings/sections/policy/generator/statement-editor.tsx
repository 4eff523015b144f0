import { useId, useState } from 'react';
import { useGeneratorText } from './use-generator-text';
import { Alert, Button, Checkbox, Radio } from 'tdesign-react';
import { groupedActions, otherActions } from '../model/action-groups';
import type { ConditionRow, StatementEdit, StatementView } from '../model/policy-doc';
import { folderPrefix, principalOf, resourceOf, type BucketRef } from '../model/templates';
import { ConditionsEditor } from './conditions-editor';
import { Group, ListField, SelectField, TextField } from './fields';

type PrincipalKind = 'anyone' | 'root' | 'sub' | 'other-root';
type ResourceKind = 'bucket' | 'folder' | 'object';

/** The full editor of one statement: effect, principals, actions by group, resources and conditions. */
export function StatementEditor({ view, n, onEdit, bucketRef, ownerUin, disabled }: {
  view: StatementView; n: number; onEdit: (edit: StatementEdit) => void; bucketRef: BucketRef; ownerUin: string; disabled: boolean;
}) {
  const gt = useGeneratorText();
  const g = (k: string, o?: Record<string, unknown>) => gt(k, { n, ...(o ?? {}) });
  const effectId = useId();
  const [search, setSearch] = useState('');
  const [pKind, setPKind] = useState<PrincipalKind>('sub');
  const [pUin, setPUin] = useState('');
  const [rKind, setRKind] = useState<ResourceKind>('folder');
  const [rPath, setRPath] = useState('');
  const actions = new Set(view.actions);
  const others = otherActions(view.actions);
  const toggle = (name: string, on: boolean) => onEdit({ kind: 'actions', actions: on ? [...view.actions, name] : view.actions.filter((a) => a !== name) });

  const addPrincipal = () => {
    const uin = pUin.trim();
    const p = pKind === 'anyone' ? principalOf({ kind: 'anyone' })
      : pKind === 'root' ? principalOf({ kind: 'root', rootUin: uin || ownerUin })
      : pKind === 'sub' ? principalOf({ kind: 'sub', rootUin: ownerUin, uin })
      : principalOf({ kind: 'other-root', uin });
    if (!view.principals.includes(p)) onEdit({ kind: 'principals', principals: [...view.principals, p] });
    setPUin('');
  };
  const principalReady = pKind === 'anyone' || (pKind === 'root' ? /^\d+$/.test(pUin.trim() || ownerUin) : /^\d+$/.test(pUin.trim()) && (pKind !== 'sub' || ownerUin !== ''));

  const addResource = () => {
    const r = rKind === 'bucket' ? resourceOf(bucketRef, '*') : rKind === 'folder' ? resourceOf(bucketRef, `${folderPrefix(rPath)}*`) : resourceOf(bucketRef, rPath.replace(/^\/+/, ''));
    if (!view.resources.includes(r)) onEdit({ kind: 'resources', resources: [...view.resources, r] });
    setRPath('');
  };
  const resourceReady = rKind === 'bucket' || rPath.trim().replace(/^\/+/, '') !== '';

  return (
    <div className="policy-gen__editor">
      <div className="policy-gen__field">
        <span id={effectId} className="policy-gen__label">{g('effect')}</span>
        <div role="radiogroup" aria-labelledby={effectId}>
          <Radio.Group value={view.effect} onChange={(v) => onEdit({ kind: 'effect', effect: v === 'deny' ? 'deny' : 'allow' })} disabled={disabled}>
            <Radio value="allow">{g('allow')}</Radio>
            <Radio value="deny">{g('deny')}</Radio>
          </Radio.Group>
        </div>
      </div>

      <Group title={g('principals.title')}>
        <ListField label={g('principals.list')} values={view.principals} onCommit={(principals) => onEdit({ kind: 'principals', principals })} disabled={disabled} hint={g('principals.hint')} />
        <div className="policy-gen__row">
          <SelectField<PrincipalKind>
            label={g('principals.kind')}
            value={pKind}
            options={[
              { value: 'anyone', label: g('adder.anyone') }, { value: 'root', label: g('adder.root') },
              { value: 'sub', label: g('adder.sub') }, { value: 'other-root', label: g('adder.otherRoot') },
            ]}
            onChange={setPKind}
            disabled={disabled}
          />
          {pKind !== 'anyone' ? <TextField label={g('principals.uin')} value={pUin} onChange={setPUin} placeholder={pKind === 'root' ? ownerUin : '100000000011'} disabled={disabled} /> : null}
          <Button tag="button" variant="outline" disabled={disabled || !principalReady} onClick={addPrincipal}>{g('principals.add')}</Button>
        </div>
      </Group>

      <Group title={view.actionMode === 'not_action' ? g('actions.titleNot') : g('actions.title')}>
        {view.actionMode === 'not_action' ? <Alert theme="info" message={g('actions.notActionNote')} /> : null}
        <TextField label={g('actions.search')} value={search} onChange={setSearch} disabled={false} />
        <div className="policy-gen__action-groups">
          {groupedActions(search).map(({ group, actions: names }) => (
            <Group key={group} title={g(`actions.groups.${group}`)} className="policy-gen__action-group">
              {names.map((name) => (
                <Checkbox key={name} checked={actions.has(name)} disabled={disabled} onChange={(on) => toggle(name, on)}>
                  {name.replace(/^name\/cos:/, '')}
                </Checkbox>
              ))}
            </Group>
          ))}
        </div>
        <ListField
          label={g('actions.other')}
          values={others}
          onCommit={(list) => onEdit({ kind: 'actions', actions: [...view.actions.filter((a) => !others.includes(a)), ...list] })}
          disabled={disabled}
          hint={g('actions.otherHint')}
        />
      </Group>

      <Group title={g('resources.title')}>
        <ListField label={g('resources.list')} values={view.resources} onCommit={(resources) => onEdit({ kind: 'resources', resources })} disabled={disabled} />
        <div className="policy-gen__row">
          <SelectField<ResourceKind>
            label={g('resources.kind')}
            value={rKind}
            options={[{ value: 'bucket', label: g('adder.bucket') }, { value: 'folder', label: g('adder.folder') }, { value: 'object', label: g('adder.object') }]}
            onChange={setRKind}
            disabled={disabled}
          />
          {rKind !== 'bucket' ? <TextField label={rKind === 'folder' ? g('resources.folder') : g('resources.object')} value={rPath} onChange={setRPath} disabled={disabled} /> : null}
          <Button tag="button" variant="outline" disabled={disabled || !resourceReady} onClick={addResource}>{g('resources.add')}</Button>
        </div>
      </Group>

      {view.conditionsUnreadable ? <Alert theme="warning" message={g('conditions.unreadable')} /> : (
        <ConditionsEditor rows={view.conditions} n={n} onChange={(conditions: ConditionRow[]) => onEdit({ kind: 'conditions', conditions })} disabled={disabled} />
      )}
    </div>
  );
}
