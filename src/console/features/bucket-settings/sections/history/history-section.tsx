import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert, Button, Select, Tag } from 'tdesign-react';
import type { HistoryEntry } from '../../../../api/history-api';
import { PageLoading } from '../../../../components/page-loading';
import { RouterLink } from '../../../../components/router-link';
import { useInnerInputAttributes } from '../../../../components/use-inner-input-attributes';
import type { BucketTarget } from '../../../../cos/cos-client';
import { settingQueries } from '../../../../cos/setting-queries';
import { formatDateTime } from '../../../../i18n/format-date';
import { paths } from '../../../../navigation/paths';
import { useCurrentSession } from '../../../../session/use-current-session';
import { settingAccess } from '../../../../../shared/access/setting-access';
import { TRACKED_SETTINGS, type TrackedSetting } from '../../../../../shared/settings/codecs';
import { DiffView } from '../../components/diff-view';
import { SettingError } from '../../components/setting-error';
import { confirmedEntries, entryKindLabel, settingFilter } from '../../model/history';
import { sectionOfSetting } from '../../model/sections';
import { RollbackDialog } from './rollback-dialog';
import './history-section.css';

const ALL = '*';

/** The title of a setting's section, which is how the console names a setting everywhere. */
export function useSettingTitle(): (setting: TrackedSetting) => string {
  const { t } = useTranslation();
  return (setting) => t(`bucketSettings.${sectionOfSetting(setting).i18n}.title`);
}

/**
 * Every change the console recorded of this bucket's settings, newest first, filterable by setting
 * (`?setting=`, the link every section's "View history" sends), each with its diff and a way to
 * restore the setting as it was before or after it.
 */
export function HistorySection({ target }: { target: BucketTarget }) {
  const { t } = useTranslation();
  const settingTitle = useSettingTitle();
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = settingFilter(searchParams.get('setting'));
  const history = useQuery(settingQueries.history(target, filter));
  const [rollback, setRollback] = useState<HistoryEntry | undefined>();
  const [restored, setRestored] = useState<HistoryEntry | undefined>();
  const filterId = useId();
  const filterRef = useInnerInputAttributes({ id: filterId });

  const choose = (value: string) => {
    const next = new URLSearchParams(searchParams);
    if (value === ALL) next.delete('setting');
    else next.set('setting', value);
    setSearchParams(next);
  };
  const entries = history.data ? confirmedEntries(history.data) : [];

  return (
    <section className="settings-section" aria-labelledby="section-history-title">
      <h2 id="section-history-title" className="settings-section__title">{t('bucketSettings.history.title')}</h2>
      <div className="settings-section__intro">{t('bucketSettings.history.intro')}</div>
      <div className="history__toolbar" role="search" aria-label={t('bucketSettings.history.filters')}>
        <label htmlFor={filterId} className="history__filter-label">{t('bucketSettings.history.filterLabel')}</label>
        <div ref={filterRef} className="history__filter">
          <Select
            value={filter ?? ALL}
            onChange={(v) => choose(String(v))}
            options={[
              { label: t('bucketSettings.history.allSettings'), value: ALL },
              ...TRACKED_SETTINGS.map((s) => ({ label: settingTitle(s), value: s })),
            ]}
          />
        </div>
        <Button variant="outline" onClick={() => void history.refetch()} loading={history.isFetching && !history.isPending}>
          {t('bucketSettings.history.refresh')}
        </Button>
      </div>
      {restored ? (
        <div role="status">
          <Alert
            theme="success"
            message={t('bucketSettings.history.restored', { setting: settingTitle(restored.setting), id: restored.id })}
            close
            onClose={() => setRestored(undefined)}
          />
        </div>
      ) : null}
      {history.isPending ? (
        <PageLoading />
      ) : history.isError ? (
        <SettingError title={t('bucketSettings.history.loadFailed')} error={history.error} onRetry={() => void history.refetch()} />
      ) : entries.length === 0 ? (
        <p className="history__empty">
          {filter ? t('bucketSettings.history.emptyFiltered', { setting: settingTitle(filter) }) : t('bucketSettings.history.empty')}
        </p>
      ) : (
        <ol className="history__list" aria-label={t('bucketSettings.history.listLabel')}>
          {entries.map((entry) => (
            <li key={entry.id}>
              <HistoryItem target={target} entry={entry} onRestore={() => setRollback(entry)} />
            </li>
          ))}
        </ol>
      )}
      {rollback ? (
        <RollbackDialog
          target={target}
          entry={rollback}
          onClose={() => setRollback(undefined)}
          onDone={(entry) => {
            setRollback(undefined);
            setRestored(entry);
          }}
        />
      ) : null}
    </section>
  );
}

function HistoryItem({ target, entry, onRestore }: { target: BucketTarget; entry: HistoryEntry; onRestore: () => void }) {
  const { t, i18n } = useTranslation();
  const settingTitle = useSettingTitle();
  const session = useCurrentSession();
  const headingId = useId();
  const title = settingTitle(entry.setting);
  const kind = entryKindLabel(entry);
  const access = settingAccess(session?.user.grants, target.bucket, entry.setting);
  const when = new Date(entry.at).toISOString();
  return (
    <article className="history-entry" aria-labelledby={headingId}>
      <header className="history-entry__header">
        <h3 id={headingId} className="history-entry__title">
          {t('bucketSettings.history.entryTitle', { id: entry.id, setting: title })}
        </h3>
        <Tag variant="light" theme={kind.key === 'change' ? 'primary' : kind.key === 'apply' ? 'success' : 'warning'}>
          {kind.key === 'rollback' ? t('bucketSettings.history.kind.rollback', { of: kind.of }) : t(`bucketSettings.history.kind.${kind.key}`)}
        </Tag>
        {entry.changed === false ? <Tag variant="outline">{t('bucketSettings.history.noEffect')}</Tag> : null}
      </header>
      <dl className="history-entry__meta">
        <div>
          <dt>{t('bucketSettings.history.when')}</dt>
          <dd><time dateTime={when}>{formatDateTime(when, i18n.language, { dateStyle: 'medium', timeStyle: 'medium' })}</time></dd>
        </div>
        <div>
          <dt>{t('bucketSettings.history.actor')}</dt>
          <dd className="history-entry__actor">{entry.actor}</dd>
        </div>
        <div>
          <dt>{t('bucketSettings.history.setting')}</dt>
          <dd>
            <RouterLink to={paths.settings(target.bucket, sectionOfSetting(entry.setting).section, { region: target.region })}>{title}</RouterLink>
          </dd>
        </div>
      </dl>
      <DiffView
        setting={entry.setting}
        before={entry.before}
        after={entry.after}
        label={t('bucketSettings.history.diffLabel', { id: entry.id, setting: title })}
      />
      <div className="settings-section__actions">
        {access.kind === 'write' ? (
          <Button variant="outline" onClick={onRestore} aria-describedby={headingId}>
            {t('bucketSettings.history.restore')}
          </Button>
        ) : (
          <span className="history-entry__hint">{t('bucketSettings.history.restoreNeeds', { permission: t(`bucketSettings.common.permission.${access.missing}`) })}</span>
        )}
      </div>
    </article>
  );
}
