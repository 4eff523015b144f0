import { useTranslation } from 'react-i18next';
import { Button, Tag } from 'tdesign-react';
import { applyEdits, type PolicyFinding } from './model/policy-findings';

const THEME = { error: 'danger', 'security-warning': 'warning', warning: 'warning', suggestion: 'default' } as const;

/** The findings as a list beside the editor (the same as its markers), each with its quick fix. */
export function FindingsList({ findings, source, onFix, readOnly }: { findings: readonly PolicyFinding[]; source: string; onFix: (text: string) => void; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  return (
    <section aria-labelledby="policy-findings-title" className="policy-findings">
      <h3 id="policy-findings-title" className="settings-tester__title">{t('bucketSettings.policy.findings')}</h3>
      {findings.length === 0 ? <p>{t('bucketSettings.policy.noFindings')}</p> : (
        <ul className="policy-findings__list">
          {findings.map((f, i) => (
            <li key={`${f.code}-${f.offset}-${i}`} className="policy-findings__item">
              <Tag theme={THEME[f.severity]} variant="light">{t(`bucketSettings.policy.severity.${f.severity}`)}</Tag>{' '}
              <code>{f.code}</code>{' '}
              <span>{zh ? f.messageZh : f.message}</span>{' '}
              <span className="policy-findings__at">({t('bucketSettings.policy.at', { line: f.startLine, column: f.startColumn })})</span>
              {f.fix && !readOnly ? (
                <Button size="small" variant="text" theme="primary" onClick={() => onFix(applyEdits(source, f.fix?.edits ?? []))}>
                  {t('bucketSettings.policy.applyFix', { title: zh ? f.fix.titleZh : f.fix.title })}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
