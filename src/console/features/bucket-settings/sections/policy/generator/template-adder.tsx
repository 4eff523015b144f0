import { useId, useState } from 'react';
import { useGeneratorText } from './use-generator-text';
import { Alert, Button, Radio } from 'tdesign-react';
import {
  buildTemplate, CAUTION, templateActions, templateProblems, templatesFor,
  type BucketRef, type Scope, type TemplateId, type Who,
} from '../model/templates';
import type { JsonObject } from '../model/policy-doc';
import { SelectField, TextField } from './fields';

type WhoKind = Who['kind'];
type ScopeKind = Scope['kind'];

function RadioChoice<V extends string>({ label, value, options, onChange, disabled }: {
  label: string; value: V; options: readonly [V, string][]; onChange: (v: V) => void; disabled: boolean;
}) {
  const id = useId();
  return (
    <div className="policy-gen__field">
      <span id={id} className="policy-gen__label">{label}</span>
      <div role="radiogroup" aria-labelledby={id}>
        <Radio.Group value={value} onChange={(v) => onChange(String(v) as V)} disabled={disabled}>
          {options.map(([v, text]) => <Radio key={v} value={v}>{text}</Radio>)}
        </Radio.Group>
      </div>
    </div>
  );
}

/** Step one of the COS console's "Add policy": who, where, and a template; its actions are shown before it is added. */
export function TemplateAdder({ bucketRef, ownerUin, onAdd, disabled }: {
  bucketRef: BucketRef; ownerUin: string; onAdd: (statements: JsonObject[]) => void; disabled: boolean;
}) {
  const g = useGeneratorText();
  const [whoKind, setWhoKind] = useState<WhoKind>('anyone');
  const [rootUinTyped, setRootUin] = useState<string>();
  const rootUin = rootUinTyped ?? ownerUin;
  const [uin, setUin] = useState('');
  const [scopeKind, setScopeKind] = useState<ScopeKind>('bucket');
  const [path, setPath] = useState('');
  const [template, setTemplate] = useState<TemplateId>('read');

  const who: Who = whoKind === 'anyone' ? { kind: 'anyone' }
    : whoKind === 'root' ? { kind: 'root', rootUin }
    : whoKind === 'sub' ? { kind: 'sub', rootUin, uin }
    : { kind: 'other-root', uin };
  const scope: Scope = scopeKind === 'bucket' ? { kind: 'bucket' } : scopeKind === 'folder' ? { kind: 'folder', prefix: path } : { kind: 'object', key: path };
  const offered = templatesFor(whoKind, scopeKind);
  const chosen = offered.includes(template) ? template : (offered[0] ?? 'custom');
  const problems = templateProblems(who, scope);
  const { objects, listing } = templateActions(chosen, scopeKind);
  const specified = whoKind !== 'anyone';

  return (
    <section className="policy-gen__adder" aria-labelledby="policy-gen-adder-title">
      <h3 id="policy-gen-adder-title" className="settings-tester__title">{g('adder.title')}</h3>
      <p className="policy-gen__hint">{g('adder.intro')}</p>
      <div className="policy-gen__grid">
        <RadioChoice
          label={g('adder.who')}
          value={specified ? 'specified' : 'anyone'}
          options={[['anyone', g('adder.anyone')], ['specified', g('adder.specified')]]}
          onChange={(v) => setWhoKind(v === 'anyone' ? 'anyone' : 'sub')}
          disabled={disabled}
        />
        {specified ? (
          <SelectField<WhoKind>
            label={g('adder.userKind')}
            value={whoKind}
            options={[{ value: 'root', label: g('adder.root') }, { value: 'sub', label: g('adder.sub') }, { value: 'other-root', label: g('adder.otherRoot') }]}
            onChange={setWhoKind}
            disabled={disabled}
          />
        ) : null}
        {whoKind === 'root' || whoKind === 'sub' ? (
          <TextField label={g('adder.rootUin')} value={rootUin} onChange={setRootUin} placeholder="100000000001" disabled={disabled} hint={ownerUin ? g('adder.rootUinHint', { uin: ownerUin }) : g('adder.rootUinUnknown')} />
        ) : null}
        {whoKind === 'sub' || whoKind === 'other-root' ? (
          <TextField label={whoKind === 'sub' ? g('adder.subUin') : g('adder.otherUin')} value={uin} onChange={setUin} placeholder={whoKind === 'sub' ? '100000000011' : '100000000002'} disabled={disabled} />
        ) : null}
        {whoKind === 'anyone' ? <Alert theme="warning" message={g('adder.anonymousWarning')} /> : null}
        <RadioChoice
          label={g('adder.scope')}
          value={scopeKind}
          options={[['bucket', g('adder.bucket')], ['folder', g('adder.folder')], ['object', g('adder.object')]]}
          onChange={setScopeKind}
          disabled={disabled}
        />
        {scopeKind !== 'bucket' ? (
          <TextField label={scopeKind === 'folder' ? g('adder.folderPath') : g('adder.objectKey')} value={path} onChange={setPath} placeholder={scopeKind === 'folder' ? 'folder/sub-folder/' : 'folder/file.txt'} disabled={disabled} />
        ) : null}
        <RadioChoice
          label={g('adder.template')}
          value={chosen}
          options={offered.map((id) => [id, g(`templates.${id}`)] as [TemplateId, string])}
          onChange={setTemplate}
          disabled={disabled}
        />
      </div>
      <div className="policy-gen__preview" aria-live="polite">
        <h4 className="policy-gen__label">{g('adder.actionsTitle')}</h4>
        <p className="policy-gen__hint">{g(`templateHints.${chosen}`)}</p>
        {objects.length + listing.length > 0 ? (
          <ul className="policy-gen__action-list" data-testid="template-actions">
            {[...objects, ...listing].map((a) => <li key={a}><code>{a}</code></li>)}
          </ul>
        ) : <p>{g('adder.noActions')}</p>}
        {listing.length > 0 && scopeKind === 'folder' ? <p className="policy-gen__hint">{g('adder.folderListing')}</p> : null}
        {CAUTION.has(chosen) ? <Alert theme="error" message={g('adder.sensitiveCaution')} /> : null}
      </div>
      {problems.length > 0 ? (
        <ul className="policy-gen__problems">{problems.map((p) => <li key={p}>{g(`adder.problems.${p}`)}</li>)}</ul>
      ) : null}
      <Button tag="button" theme="primary" variant="outline" disabled={disabled || problems.length > 0} onClick={() => onAdd(buildTemplate(bucketRef, who, scope, chosen))}>
        {g('adder.add')}
      </Button>
    </section>
  );
}
