import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Input, Radio, Table } from 'tdesign-react';
import { useInnerInputAttributes } from '../../../../components/use-inner-input-attributes';
import { explainCors, type CorsExplanation } from '../../../../../shared/cors/explain';
import type { CorsMismatch } from '../../../../../shared/cors/match';
import { CORS_METHODS } from '../../../../../shared/cors/validate';
import type { CorsConfiguration } from '../../../../../shared/xml/cors';

/**
 * The preflight tester: what COS answers an OPTIONS request (https://cloud.tencent.com/document/product/436/8288)
 * under the rules being edited, computed by explainCors, the evaluator cos-local answers with. It
 * judges the draft, so a rule can be tried before it is saved.
 */
export function CorsTester({ config }: { config: CorsConfiguration | null }) {
  const { t } = useTranslation();
  const [origin, setOrigin] = useState('');
  const [method, setMethod] = useState<string>('GET');
  const [headers, setHeaders] = useState('');
  const titleId = useId();
  const originId = useId();
  const headersId = useId();
  const headersHintId = useId();
  const methodLabelId = useId();
  const originRef = useInnerInputAttributes({ id: originId, autocomplete: 'off', spellcheck: 'false' });
  const headersRef = useInnerInputAttributes({ id: headersId, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': headersHintId });
  const trimmed = origin.trim();
  const explanation = trimmed === '' ? undefined : explainCors(config ?? undefined, { kind: 'preflight', origin: trimmed, method, headers });

  return (
    <section className="settings-tester" aria-labelledby={titleId}>
      <h3 id={titleId} className="settings-tester__title">{t('bucketSettings.cors.tester.title')}</h3>
      <p className="cors-tester__intro">{t('bucketSettings.cors.tester.intro')}</p>
      <Alert theme="info" message={t('bucketSettings.cors.tester.draftNote')} />
      <div className="cors-tester__inputs">
        <div className="cors-field">
          <label htmlFor={originId} className="cors-field__label">{t('bucketSettings.cors.tester.origin')}</label>
          <Input ref={originRef} value={origin} onChange={(v) => setOrigin(String(v))} placeholder="https://app.example.com" />
        </div>
        <div className="cors-field" role="radiogroup" aria-labelledby={methodLabelId}>
          <span id={methodLabelId} className="cors-field__label">{t('bucketSettings.cors.tester.method')}</span>
          <Radio.Group value={method} onChange={(v) => setMethod(String(v))}>
            {CORS_METHODS.map((m) => (
              <Radio key={m} value={m}>
                {m}
              </Radio>
            ))}
          </Radio.Group>
        </div>
        <div className="cors-field">
          <label htmlFor={headersId} className="cors-field__label">{t('bucketSettings.cors.tester.headers')}</label>
          <Input ref={headersRef} value={headers} onChange={(v) => setHeaders(String(v))} placeholder="content-type" />
          <div id={headersHintId} className="cors-field__hint">{t('bucketSettings.cors.tester.headersHint')}</div>
        </div>
      </div>
      <div role="status" aria-live="polite" className="cors-tester__result">
        {explanation ? <TesterResult explanation={explanation} /> : <p className="cors-field__hint">{t('bucketSettings.cors.tester.enterOrigin')}</p>}
      </div>
    </section>
  );
}

function TesterResult({ explanation }: { explanation: CorsExplanation }) {
  const { t } = useTranslation();
  const matched = explanation.matchedRule;
  const matchedReport = matched === undefined ? undefined : explanation.rules[matched];
  const message =
    matched !== undefined
      ? matchedReport?.id
        ? t('bucketSettings.cors.tester.matchedWithId', { n: matched + 1, id: matchedReport.id })
        : t('bucketSettings.cors.tester.matched', { n: matched + 1 })
      : explanation.outcome === 'no-configuration'
        ? t('bucketSettings.cors.tester.noConfiguration')
        : explanation.outcome === 'malformed-preflight'
          ? t('bucketSettings.cors.tester.malformed')
          : t('bucketSettings.cors.tester.noMatch');
  const rows = Object.entries(explanation.headers).map(([name, value]) => ({ name, value }));
  const mismatch = (m: CorsMismatch): string =>
    t(`bucketSettings.cors.tester.mismatch.${m.kind}`, { value: m.kind === 'origin' ? m.origin : m.kind === 'method' ? m.method : m.header });
  return (
    <div className="cors-tester__answer">
      <Alert theme={matched !== undefined ? 'success' : 'error'} message={message} />
      {rows.length > 0 ? (
        <Table
          rowKey="name"
          size="small"
          bordered
          data={rows}
          columns={[
            { colKey: 'name', title: t('bucketSettings.cors.tester.header'), width: 280 },
            { colKey: 'value', title: t('bucketSettings.cors.tester.value'), cell: ({ row }) => <code className="cors-rule__values">{row.value}</code> },
          ]}
        />
      ) : null}
      {explanation.rules.length > 0 ? (
        <div>
          <h4 className="cors-tester__subtitle">{t('bucketSettings.cors.tester.perRule')}</h4>
          <ol className="cors-tester__rules">
            {explanation.rules.map((r) => (
              <li key={r.index} className={r.index === matched ? 'cors-tester__rule cors-tester__rule--winner' : 'cors-tester__rule'}>
                <span className="cors-tester__rule-name">
                  {r.id ? t('bucketSettings.cors.ruleTitleWithId', { n: r.index + 1, id: r.id }) : t('bucketSettings.cors.ruleTitle', { n: r.index + 1 })}
                </span>
                {' — '}
                {r.matched
                  ? r.index === matched
                    ? t('bucketSettings.cors.tester.ruleMatches')
                    : t('bucketSettings.cors.tester.ruleMatchesLater')
                  : r.mismatches.map(mismatch).join('; ')}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </div>
  );
}
