import { useQueries } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, MessagePlugin } from 'tdesign-react';
import { PageLoading } from '../../../../components/page-loading';
import type { BucketTarget } from '../../../../cos/cos-client';
import { useCosClient } from '../../../../cos/cos-client-context';
import { settingQueries } from '../../../../cos/setting-queries';
import { SETTING_NAMES, serializeSettingsDocument, type Settings } from '../../../../../shared/settings/document';
import { describeWriteError } from '../../hooks/use-recorded-write';
import { exportDocument } from '../../model/apply-settings';
import { sectionOfSetting } from '../../model/sections';

/** The bucket's settings, each read from COS, as one document: shown, downloadable and copyable. */
export function ExportPanel({ target, onDocument }: { target: BucketTarget; onDocument: (text: string | undefined) => void }) {
  const { t } = useTranslation();
  const cos = useCosClient();
  const titleId = useId();
  const reads = useQueries({ queries: SETTING_NAMES.map((name) => settingQueries.value(cos, target, name)) });
  const pending = reads.some((r) => r.isPending);
  const failures = SETTING_NAMES.flatMap((name, i) => {
    const r = reads[i];
    return r?.isError ? [{ name, code: describeWriteError(r.error).code }] : [];
  });
  let text: string | undefined;
  if (!pending) {
    const read: Record<string, unknown> = {};
    SETTING_NAMES.forEach((name, i) => {
      const r = reads[i];
      if (r?.isSuccess) read[name] = r.data;
    });
    text = serializeSettingsDocument(exportDocument(read as Partial<Settings>));
  }
  useEffect(() => onDocument(text), [text, onDocument]);

  const download = () => {
    if (!text) return;
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${target.bucket}-settings.json`;
    a.click();
    // The download has started from the click; the URL is no longer needed.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  const copy = () => {
    // navigator.clipboard exists only in secure contexts (HTTPS, or localhost).
    const clipboard = window.isSecureContext ? navigator.clipboard : undefined;
    if (!text || !clipboard) {
      void MessagePlugin.warning(t('bucketSettings.asCode.export.copyFailed'));
      return;
    }
    clipboard.writeText(text).then(
      () => void MessagePlugin.success(t('bucketSettings.asCode.export.copied')),
      () => void MessagePlugin.warning(t('bucketSettings.asCode.export.copyFailed')),
    );
  };

  return (
    <section className="as-code__panel" aria-labelledby={titleId}>
      <h3 id={titleId} className="as-code__panel-title">{t('bucketSettings.asCode.export.title')}</h3>
      <p className="as-code__hint">{t('bucketSettings.asCode.export.intro')}</p>
      {pending ? (
        <PageLoading />
      ) : (
        <>
          {failures.map((f) => (
            <Alert
              key={f.name}
              theme="warning"
              message={t('bucketSettings.asCode.export.notExported', { setting: t(`bucketSettings.${sectionOfSetting(f.name).i18n}.title`), code: f.code })}
            />
          ))}
          <pre className="settings-section__json" tabIndex={0} aria-label={t('bucketSettings.asCode.export.documentLabel', { bucket: target.bucket })}>
            {text}
          </pre>
          <div className="settings-section__actions">
            <Button theme="primary" onClick={download}>{t('bucketSettings.asCode.export.download')}</Button>
            <Button variant="outline" onClick={copy}>{t('bucketSettings.asCode.export.copy')}</Button>
            <Button variant="outline" onClick={() => reads.forEach((r) => void r.refetch())}>{t('bucketSettings.asCode.export.reread')}</Button>
          </div>
        </>
      )}
    </section>
  );
}
