import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BucketTarget } from '../../../../cos/cos-client';
import { ApplyPanel } from './apply-panel';
import { ExportPanel } from './export-panel';
import './as-code-section.css';

/** Settings as code: this bucket's settings as one document, and a document applied to buckets. */
export function AsCodeSection({ target }: { target: BucketTarget }) {
  const { t } = useTranslation();
  const [exported, setExported] = useState<string | undefined>();
  return (
    <section className="settings-section" aria-labelledby="section-as-code-title">
      <h2 id="section-as-code-title" className="settings-section__title">{t('bucketSettings.asCode.title')}</h2>
      <div className="settings-section__intro">{t('bucketSettings.asCode.intro')}</div>
      <ExportPanel target={target} onDocument={setExported} />
      <ApplyPanel target={target} exported={exported} />
    </section>
  );
}
