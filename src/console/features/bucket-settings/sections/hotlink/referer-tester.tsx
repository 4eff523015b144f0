import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Input, Tag } from 'tdesign-react';
import { useInnerInputAttributes } from '../../../../components/use-inner-input-attributes';
import { explainReferer, type RefererExplanation } from '../../../../../shared/referer/explain';
import type { RefererConfiguration } from '../../../../../shared/xml/referer';

const DECIDED_BY = { keyPrefix: 'bucketSettings.hotlink.tester.decidedBy' } as const;
/** `t` narrowed to the decidedBy texts: the whole catalog's key type is too deep to check per call. */
export const useDecidedByT = () => useTranslation(undefined, DECIDED_BY).t;
type T = ReturnType<typeof useDecidedByT>;

/** What decided a verdict, in a sentence (entry numbers count from 1, as the list shows them). */
export function decidedByText(t: T, e: RefererExplanation): string {
  const d = e.decidedBy;
  const white = e.listType !== 'Black-List';
  switch (d.kind) {
    case 'disabled':
    case 'no-configuration':
      return t('disabled');
    case 'empty-referer':
      if (d.setting === 'Allow') return t('emptyAllow');
      if (d.defaulted) return t('emptyDenyDefault');
      return t('emptyDeny');
    case 'domain':
      // One literal key per call: a conditional key makes the catalog's key type too deep to check.
      if (white) return t('domainWhite', { n: d.index + 1, entry: d.entry });
      return t('domainBlack', { n: d.index + 1, entry: d.entry });
    case 'no-domain-hit':
      if (white) return t('missWhite');
      return t('missBlack');
  }
}

/**
 * The tester: a Referer in, COS's verdict out, with what decided it. It judges `config` — the draft
 * being edited — with the evaluator cos-local enforces (src/shared/referer/explain.ts), so it shows
 * what a change would do before it is saved.
 */
/** `draft`: the configuration judged is the one being edited (else the saved one, read-only). */
export function RefererTester({ config, draft }: { config: RefererConfiguration | null; draft: boolean }) {
  const { t } = useTranslation();
  const td = useDecidedByT();
  const [referer, setReferer] = useState('');
  const titleId = useId();
  const inputId = useId();
  const inputRef = useInnerInputAttributes({ id: inputId, autocomplete: 'off', spellcheck: 'false' });
  const e = explainReferer(config ?? undefined, referer);
  const others = e.hits.slice(1).map((h) => `${h.index + 1}. ${h.entry}`);
  return (
    <section className="settings-tester" aria-labelledby={titleId}>
      <h3 id={titleId} className="settings-tester__title">{t('bucketSettings.hotlink.tester.title')}</h3>
      <p className="hotlink__help">{draft ? t('bucketSettings.hotlink.tester.help') : t('bucketSettings.hotlink.tester.helpSaved')}</p>
      <div className="admin-form__field">
        <label htmlFor={inputId} className="admin-form__label">{t('bucketSettings.hotlink.tester.referer')}</label>
        <Input ref={inputRef} value={referer} onChange={(v) => setReferer(v)} placeholder={t('bucketSettings.hotlink.tester.placeholder')} />
      </div>
      <div role="status" aria-live="polite" className="hotlink__verdict" data-testid="hotlink-verdict">
        <Tag theme={e.allowed ? 'success' : 'danger'} variant="light">
          {e.allowed ? t('bucketSettings.hotlink.tester.allowed') : t('bucketSettings.hotlink.tester.refused')}
        </Tag>
        <span className="hotlink__reason">{decidedByText(td, e)}</span>
        {others.length > 0 ? <span className="hotlink__help">{t('bucketSettings.hotlink.tester.alsoMatches', { entries: others.join(', ') })}</span> : null}
      </div>
    </section>
  );
}
