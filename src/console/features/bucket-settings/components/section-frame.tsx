import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from 'tdesign-react';
import { PageLoading } from '../../../components/page-loading';
import { RouterLink } from '../../../components/router-link';
import type { BucketTarget } from '../../../cos/cos-client';
import { formatDateTime } from '../../../i18n/format-date';
import { paths } from '../../../navigation/paths';
import type { TrackedSetting, TrackedSettings } from '../../../../shared/settings/codecs';
import type { SettingState } from '../hooks/use-setting';
import { sectionOfSetting } from '../model/sections';
import { SettingError } from './setting-error';

export interface SectionFrameProps<K extends TrackedSetting> {
  target: BucketTarget;
  setting: K;
  state: SettingState<K>;
  /** One or two sentences on what the setting does, under the title. */
  intro?: ReactNode;
  /** The section's editor, given the value COS holds and whether it may be changed. */
  children: (value: TrackedSettings[K], readOnly: boolean) => ReactNode;
}

/**
 * What every settings section shares: its title and introduction, the permission it lacks (nothing
 * to see, or read-only), loading and read errors, and the warning that the bucket was changed outside
 * the console since the last change its history recorded.
 */
export function SectionFrame<K extends TrackedSetting>({ target, setting, state, intro, children }: SectionFrameProps<K>) {
  const { t, i18n } = useTranslation();
  const info = sectionOfSetting(setting);
  const title = t(`bucketSettings.${info.i18n}.title`);
  const { access, value, changedOutside, lastRecorded } = state;
  const permission = access.kind === 'write' ? '' : t(`bucketSettings.common.permission.${access.missing}`);
  return (
    <section className="settings-section" aria-labelledby={`section-${info.section}-title`}>
      <h2 id={`section-${info.section}-title`} className="settings-section__title">{title}</h2>
      {intro ? <div className="settings-section__intro">{intro}</div> : null}
      {access.kind === 'none' ? (
        <Alert theme="warning" message={t('bucketSettings.common.noAccess', { permission })} />
      ) : value.isPending ? (
        <PageLoading />
      ) : value.isError ? (
        <SettingError title={t('bucketSettings.common.loadFailed', { setting: title })} error={value.error} onRetry={() => void value.refetch()} />
      ) : (
        <>
          {access.kind === 'read' ? (
            <div role="note" className="settings-section__notice">
              <Alert theme="info" message={t('bucketSettings.common.readOnly', { permission })} />
            </div>
          ) : null}
          {changedOutside && lastRecorded ? (
            <div role="note" className="settings-section__notice">
              <Alert
                theme="warning"
                message={t('bucketSettings.common.changedOutside', { setting: title, when: formatDateTime(new Date(lastRecorded.at).toISOString(), i18n.language), actor: lastRecorded.actor })}
                operation={<RouterLink to={paths.settings(target.bucket, 'history', { region: target.region, extra: { setting } })}>{t('bucketSettings.common.viewHistory')}</RouterLink>}
              />
            </div>
          ) : null}
          {children(value.data, access.kind !== 'write')}
        </>
      )}
    </section>
  );
}
