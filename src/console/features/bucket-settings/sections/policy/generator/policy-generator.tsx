import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGeneratorText } from './use-generator-text';
import { Alert, Button, Tag } from 'tdesign-react';
import { applyDocEdit, readDoc, writeDoc, type DocEdit, type StatementView } from '../model/policy-doc';
import type { BucketRef } from '../model/templates';
import { StatementEditor } from './statement-editor';
import { TemplateAdder } from './template-adder';
import './generator.css';

/**
 * The generator tab: the same draft as the JSON tab, read through model/policy-doc.ts. Each edit
 * replaces only the part of the parsed document it touches, so what the generator does not model
 * survives; when the draft is not JSON the generator says so and changes nothing.
 */
export function PolicyGenerator({ draft, setDraft, bucketRef, ownerUin, readOnly }: {
  draft: string; setDraft: (text: string) => void; bucketRef: BucketRef; ownerUin: string; readOnly: boolean;
}) {
  const g = useGeneratorText();
  const view = useMemo(() => readDoc(draft), [draft]);
  const [open, setOpen] = useState<number | undefined>();

  if (!view.ok) {
    return <Alert theme="error" title={g('cannotRead')} message={g(`unreadable.${view.reason}`, { message: view.message })} />;
  }
  const apply = (edit: DocEdit) => setDraft(writeDoc(applyDocEdit(view.doc, edit)));

  return (
    <div className="policy-gen">
      {!readOnly ? (
        <TemplateAdder
          bucketRef={bucketRef}
          ownerUin={ownerUin}
          disabled={readOnly}
          onAdd={(statements) => apply({ kind: 'add', statements })}
        />
      ) : null}
      <section className="policy-gen__statements" aria-labelledby="policy-gen-statements-title">
        <h3 id="policy-gen-statements-title" className="settings-tester__title">{g('statements', { count: view.statements.length })}</h3>
        {view.statements.length === 0 ? <p>{g('noStatements')}</p> : null}
        <ol className="policy-gen__list">
          {view.statements.map((s) => (
            <StatementItem
              key={s.index}
              view={s}
              open={open === s.index}
              onToggle={() => setOpen(open === s.index ? undefined : s.index)}
              onRemove={() => {
                apply({ kind: 'remove', index: s.index });
                setOpen(undefined);
              }}
              readOnly={readOnly}
            >
              <StatementEditor
                view={s}
                n={s.index + 1}
                bucketRef={bucketRef}
                ownerUin={ownerUin}
                disabled={readOnly}
                onEdit={(edit) => apply({ kind: 'statement', index: s.index, edit })}
              />
            </StatementItem>
          ))}
        </ol>
        {!readOnly ? (
          <Button
            variant="outline"
            onClick={() => {
              apply({ kind: 'add', statements: [{ effect: 'allow', principal: { qcs: [] }, action: [], resource: [] }] });
              setOpen(view.statements.length);
            }}
          >
            {g('addEmpty')}
          </Button>
        ) : null}
      </section>
    </div>
  );
}

function StatementItem({ view, open, onToggle, onRemove, readOnly, children }: {
  view: StatementView; open: boolean; onToggle: () => void; onRemove: () => void; readOnly: boolean; children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const g = useGeneratorText();
  const n = view.index + 1;
  const title = view.sid ? g('statementSid', { n, sid: view.sid }) : g('statement', { n });
  const headingId = `policy-gen-statement-${n}`;
  return (
    <li className="policy-gen__item" aria-labelledby={headingId} data-testid={`policy-statement-${n}`}>
      <div className="policy-gen__item-head">
        <h4 id={headingId} className="policy-gen__item-title">{title}</h4>
        {view.editable ? (
          <Tag theme={view.effect === 'deny' ? 'danger' : 'success'} variant="light">{view.effect === 'deny' ? g('deny') : view.effect === 'allow' ? g('allow') : view.effect || '?'}</Tag>
        ) : null}
        <span className="policy-gen__summary">
          {g('summary', { principals: view.principals.length, actions: view.actions.length, resources: view.resources.length, conditions: view.conditions.length })}
        </span>
        {view.editable ? (
          <Button tag="button" variant="text" theme="primary" aria-expanded={open} onClick={onToggle} aria-label={`${open ? g('close') : t('bucketSettings.common.edit')} (${title})`}>
            {open ? g('close') : t('bucketSettings.common.edit')}
          </Button>
        ) : <span className="policy-gen__hint">{g('notAnObject')}</span>}
        {!readOnly ? (
          <Button tag="button" variant="text" theme="danger" onClick={onRemove} aria-label={`${t('bucketSettings.common.remove')} (${title})`}>{t('bucketSettings.common.remove')}</Button>
        ) : null}
      </div>
      {open && view.editable ? children : null}
      <div className="policy-gen__brief">
        {view.principals.length > 0 ? <div><strong>{g('principals.title')}:</strong> <code>{view.principals.join(', ')}</code></div> : null}
        {view.actions.length > 0 ? <div><strong>{view.actionMode === 'not_action' ? g('actions.titleNot') : g('actions.title')}:</strong> <code>{view.actions.join(', ')}</code></div> : null}
        {view.resources.length > 0 ? <div><strong>{g('resources.title')}:</strong> <code>{view.resources.join(', ')}</code></div> : null}
      </div>
    </li>
  );
}
