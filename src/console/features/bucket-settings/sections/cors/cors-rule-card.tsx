import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Input, Tag, Textarea } from 'tdesign-react';
import { useInnerInputAttributes } from '../../../../components/use-inner-input-attributes';
import { CORS_METHODS } from '../../../../../shared/cors/validate';
import { canonicalMethods, hasProblems, lines, type CorsFieldProblem, type CorsRuleDraft, type CorsRuleProblems } from '../../model/cors-form';

export interface CorsRuleCardProps {
  index: number;
  count: number;
  rule: CorsRuleDraft;
  problems: CorsRuleProblems;
  readOnly: boolean;
  expanded: boolean;
  onChange: (change: Partial<CorsRuleDraft>) => void;
  onToggle: () => void;
  onDuplicate: () => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
  canAdd: boolean;
}

// Buttons are tag="button": a disabled TDesign Button is otherwise a <div>, neither a button nor disabled to assistive technology.
/** One rule of the ordered list: its values at a glance, or its fields while it is edited. */
export function CorsRuleCard(props: CorsRuleCardProps) {
  const { index, count, rule, problems, readOnly, expanded } = props;
  const { t } = useTranslation();
  const titleId = useId();
  const n = index + 1;
  const id = rule.id.trim();
  const title = id ? t('bucketSettings.cors.ruleTitleWithId', { n, id }) : t('bucketSettings.cors.ruleTitle', { n });
  return (
    <li className="cors-rule" aria-labelledby={titleId}>
      <div className="cors-rule__head">
        <h4 id={titleId} className="cors-rule__title">{title}</h4>
        {hasProblems(problems) ? <Tag theme="danger" variant="light">{t('bucketSettings.cors.ruleHasProblems')}</Tag> : null}
        {readOnly ? null : (
          <div className="cors-rule__actions">
            <Button tag="button" variant="text" theme="primary" onClick={props.onToggle} aria-expanded={expanded} aria-label={t(expanded ? 'bucketSettings.cors.doneLabel' : 'bucketSettings.cors.editLabel', { n })}>
              {expanded ? t('bucketSettings.cors.done') : t('bucketSettings.common.edit')}
            </Button>
            <Button tag="button" variant="text" onClick={props.onDuplicate} disabled={!props.canAdd} aria-label={t('bucketSettings.cors.duplicateLabel', { n })}>
              {t('bucketSettings.common.duplicate')}
            </Button>
            <Button tag="button" variant="text" onClick={() => props.onMove(-1)} disabled={index === 0} aria-label={t('bucketSettings.cors.moveUpLabel', { n })}>
              {t('bucketSettings.common.moveUp')}
            </Button>
            <Button tag="button" variant="text" onClick={() => props.onMove(1)} disabled={index === count - 1} aria-label={t('bucketSettings.cors.moveDownLabel', { n })}>
              {t('bucketSettings.common.moveDown')}
            </Button>
            <Button tag="button" variant="text" theme="danger" onClick={props.onDelete} aria-label={t('bucketSettings.cors.deleteLabel', { n })}>
              {t('bucketSettings.cors.delete')}
            </Button>
          </div>
        )}
      </div>
      {expanded && !readOnly ? <RuleFields rule={rule} problems={problems} onChange={props.onChange} /> : <RuleSummary rule={rule} problems={problems} />}
    </li>
  );
}

function ProblemText({ problem }: { problem: CorsFieldProblem | undefined }) {
  const { t } = useTranslation();
  if (!problem) return null;
  return <>{t(`bucketSettings.cors.problems.${problem.code}`, { line: problem.line ?? 0, value: problem.value ?? '' })}</>;
}

/** The rule's values, as COS will keep them. */
function RuleSummary({ rule, problems }: { rule: CorsRuleDraft; problems: CorsRuleProblems }) {
  const { t } = useTranslation();
  const none = <span className="cors-rule__none">{t('bucketSettings.cors.field.none')}</span>;
  const list = (text: string): ReactNode => {
    const values = lines(text);
    return values.length === 0 ? none : <code className="cors-rule__values">{values.join(', ')}</code>;
  };
  const rows: [string, ReactNode, CorsFieldProblem | undefined][] = [
    [t('bucketSettings.cors.field.origins'), list(rule.origins), problems.origins],
    [t('bucketSettings.cors.field.methods'), rule.methods.length === 0 ? none : <code className="cors-rule__values">{rule.methods.join(', ')}</code>, problems.methods],
    [t('bucketSettings.cors.field.allowedHeaders'), list(rule.allowedHeaders), problems.allowedHeaders],
    [t('bucketSettings.cors.field.exposeHeaders'), list(rule.exposeHeaders), problems.exposeHeaders],
    [t('bucketSettings.cors.field.maxAge'), rule.maxAge.trim() === '' ? none : <code>{rule.maxAge.trim()}</code>, problems.maxAge],
  ];
  return (
    <dl className="cors-rule__summary">
      {rows.map(([term, value, problem]) => (
        <div key={term} className="cors-rule__row">
          <dt>{term}</dt>
          <dd>
            {value}
            {problem ? (
              <div className="cors-field__error">
                <ProblemText problem={problem} />
              </div>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

interface TextFieldProps {
  label: string;
  hint?: string;
  value: string;
  problem: CorsFieldProblem | undefined;
  onChange: (value: string) => void;
  multiline?: boolean;
  placeholder?: string;
}

/** A labelled input or one-value-per-line textarea, with its hint and its problem tied to it. */
function TextField({ label, hint, value, problem, onChange, multiline, placeholder }: TextFieldProps) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const describedBy = `${errorId}${hint ? ` ${hintId}` : ''}`;
  const inputRef = useInnerInputAttributes({ id, autocomplete: 'off', spellcheck: 'false', 'aria-invalid': problem ? 'true' : 'false', 'aria-describedby': describedBy });
  const status = problem ? 'error' : 'default';
  return (
    <div className="cors-field">
      <label htmlFor={id} className="cors-field__label">{label}</label>
      {multiline ? (
        <Textarea
          id={id}
          value={value}
          onChange={(v) => onChange(String(v))}
          autosize={{ minRows: 2, maxRows: 12 }}
          status={status}
          spellCheck={false}
          aria-invalid={problem ? true : false}
          aria-describedby={describedBy}
          {...(placeholder ? { placeholder } : {})}
        />
      ) : (
        <Input ref={inputRef} value={value} onChange={(v) => onChange(String(v))} status={status} {...(placeholder ? { placeholder } : {})} />
      )}
      <div id={errorId} className="cors-field__error">
        <ProblemText problem={problem} />
      </div>
      {hint ? <div id={hintId} className="cors-field__hint">{hint}</div> : null}
    </div>
  );
}

function RuleFields({ rule, problems, onChange }: { rule: CorsRuleDraft; problems: CorsRuleProblems; onChange: (change: Partial<CorsRuleDraft>) => void }) {
  const { t } = useTranslation();
  const methodsLabelId = useId();
  const methodsErrorId = useId();
  return (
    <div className="cors-rule__fields">
      <TextField label={t('bucketSettings.cors.field.id')} value={rule.id} problem={undefined} onChange={(id) => onChange({ id })} placeholder="my-app" />
      <TextField
        label={t('bucketSettings.cors.field.origins')}
        hint={t('bucketSettings.cors.field.originsHint')}
        value={rule.origins}
        problem={problems.origins}
        onChange={(origins) => onChange({ origins })}
        placeholder="https://app.example.com"
        multiline
      />
      <div className="cors-field" role="group" aria-labelledby={methodsLabelId} aria-describedby={methodsErrorId}>
        <span id={methodsLabelId} className="cors-field__label">{t('bucketSettings.cors.field.methods')}</span>
        <Checkbox.Group value={rule.methods.map((m) => m.toUpperCase())} onChange={(value) => onChange({ methods: canonicalMethods(value.map(String)) })}>
          {CORS_METHODS.map((m) => (
            <Checkbox key={m} value={m}>
              {m}
            </Checkbox>
          ))}
        </Checkbox.Group>
        <div id={methodsErrorId} className="cors-field__error">
          <ProblemText problem={problems.methods} />
        </div>
      </div>
      <TextField
        label={t('bucketSettings.cors.field.allowedHeaders')}
        hint={t('bucketSettings.cors.field.allowedHeadersHint')}
        value={rule.allowedHeaders}
        problem={problems.allowedHeaders}
        onChange={(allowedHeaders) => onChange({ allowedHeaders })}
        multiline
      />
      <TextField
        label={t('bucketSettings.cors.field.exposeHeaders')}
        hint={t('bucketSettings.cors.field.exposeHeadersHint')}
        value={rule.exposeHeaders}
        problem={problems.exposeHeaders}
        onChange={(exposeHeaders) => onChange({ exposeHeaders })}
        multiline
      />
      <TextField
        label={t('bucketSettings.cors.field.maxAge')}
        hint={t('bucketSettings.cors.field.maxAgeHint')}
        value={rule.maxAge}
        problem={problems.maxAge}
        onChange={(maxAge) => onChange({ maxAge })}
        placeholder="600"
      />
    </div>
  );
}
