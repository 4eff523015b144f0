import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Progress, Tag } from 'tdesign-react';
import { fileSize } from '../model/file-size';
import { percentOf, summarize, type UploadItem, type UploadStatus } from '../model/upload-state';
import { uploadStore, useUploadItems } from '../hooks/upload-store';

const STATUS_THEME: Record<UploadStatus, 'default' | 'primary' | 'success' | 'danger' | 'warning'> = {
  waiting: 'default',
  uploading: 'primary',
  done: 'success',
  failed: 'danger',
  cancelled: 'warning',
};

function UploadRow({ item }: { item: UploadItem }) {
  const { t, i18n } = useTranslation();
  const size = (bytes: number) => {
    const s = fileSize(bytes, i18n.language);
    return t(s.key, { value: s.value });
  };
  const percent = percentOf(item);
  return (
    <li className="upload-panel__item" aria-label={item.key}>
      <div className="upload-panel__line">
        <span className="upload-panel__name object-name" title={item.key}>
          {item.name}
        </span>
        <Tag theme={STATUS_THEME[item.status]} variant="light">
          {t(`upload.status.${item.status}`)}
        </Tag>
      </div>
      <div className="upload-panel__line upload-panel__meta">
        <span>{t('upload.destination', { location: `${item.bucket}/${item.prefix}` })}</span>
        <span>
          {size(item.size)}
          {item.status === 'uploading' && item.speed > 0 ? ` · ${t('upload.speed', { size: size(item.speed) })}` : ''}
        </span>
      </div>
      {item.status === 'waiting' || item.status === 'uploading' || item.status === 'done' ? (
        <div role="progressbar" aria-label={t('upload.progressNamed', { name: item.name })} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
          <Progress percentage={percent} theme="line" size="small" status={item.status === 'done' ? 'success' : undefined} />
        </div>
      ) : null}
      {item.status === 'failed' && item.error ? (
        <p className="upload-panel__error" role="alert">
          {t('upload.error', { message: item.error.message, code: item.error.code })}
        </p>
      ) : null}
      <div className="upload-panel__actions">
        {item.status === 'waiting' || item.status === 'uploading' ? (
          <Button size="small" variant="text" aria-label={t('upload.cancelNamed', { name: item.name })} onClick={() => uploadStore.cancel(item.id)}>
            {t('upload.cancel')}
          </Button>
        ) : null}
        {item.status === 'failed' || item.status === 'cancelled' ? (
          <Button size="small" variant="text" theme="primary" aria-label={t('upload.retryNamed', { name: item.name })} onClick={() => uploadStore.retry(item.id)}>
            {t('upload.retry')}
          </Button>
        ) : null}
      </div>
    </li>
  );
}

/** Every upload of this tab (any bucket or folder): state, progress, speed, cancel and retry. */
export function UploadPanel() {
  const { t } = useTranslation();
  const items = useUploadItems();
  const [open, setOpen] = useState(true);
  if (items.length === 0) return null;
  const summary = summarize(items);
  return (
    <section className="upload-panel" aria-labelledby="upload-panel-title">
      <header className="upload-panel__header">
        <h2 id="upload-panel-title" className="upload-panel__title">
          {t('upload.panelTitle')}
        </h2>
        <span className="upload-panel__summary" aria-live="polite">
          {t('upload.summary', { done: summary.done, total: summary.total })}
          {summary.failed > 0 ? ` · ${t('upload.failedCount', { count: summary.failed })}` : ''}
        </span>
        <Button tag="button" size="small" variant="text" disabled={summary.active === summary.total} onClick={() => uploadStore.clearFinished()}>
          {t('upload.clearFinished')}
        </Button>
        <Button size="small" variant="text" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('upload.hide') : t('upload.show')}
        </Button>
      </header>
      {open ? (
        <ul className="upload-panel__list">
          {items.map((item) => (
            <UploadRow key={item.id} item={item} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
