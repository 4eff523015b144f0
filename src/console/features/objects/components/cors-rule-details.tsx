import { useTranslation } from 'react-i18next';
import { consoleCorsRule } from '../../../../shared/cors/console-rule';

/** The CORS rule the console needs for `origin` (src/shared/cors/console-rule.ts), as a list a person can copy. */
export function CorsRuleDetails({ origin }: { origin: string }) {
  const { t } = useTranslation();
  const rule = consoleCorsRule(origin);
  const rows: [string, string][] = [
    [t('cors.rule.origin'), rule.allowedOrigins.join(', ')],
    [t('cors.rule.methods'), rule.allowedMethods.join(', ')],
    [t('cors.rule.headers'), rule.allowedHeaders.join(', ')],
    [t('cors.rule.expose'), rule.exposeHeaders.join(', ')],
    [t('cors.rule.maxAge'), rule.maxAgeSeconds ?? ''],
  ];
  return (
    <dl className="cors-rule" aria-label={t('cors.ruleLabel')}>
      {rows.map(([term, value]) => (
        <div key={term} className="cors-rule__row">
          <dt>{term}</dt>
          <dd>
            <code>{value}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}
