import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import { Tag } from 'tdesign-react';
import { ApiError } from '../../../api/http';
import { RouterLink } from '../../../components/router-link';
import { configQueries } from '../../../cos/config-queries';
import type { BucketTarget } from '../../../cos/cos-client';
import { CosClientError } from '../../../cos/cos-error';
import { paths } from '../../../navigation/paths';
import type { TrackedSetting, TrackedSettings } from '../../../../shared/settings/codecs';
import { useSettingValue } from '../hooks/use-setting';
import { bucketEndpoint, replicationDestinations, websiteEndpoint } from '../model/endpoints';
import { sectionOfSetting } from '../model/sections';
import './overview-page.css';

/**
 * /buckets/:bucket/overview: the bucket's region and endpoints, and each setting's state at a glance,
 * each linking to its section. A setting this session may not read says which permission it lacks;
 * one COS would not give shows the error code.
 */
export function OverviewPage() {
  const { t } = useTranslation();
  const target = useOutletContext<BucketTarget>();
  return (
    <section className="settings-section overview-page" aria-labelledby="overview-title">
      <h2 id="overview-title" className="settings-section__title">{t('bucketSettings.overview.title')}</h2>
      <p className="settings-section__intro">{t('bucketSettings.overview.intro')}</p>
      <h3 className="overview-page__subtitle">{t('bucketSettings.overview.endpointsTitle')}</h3>
      <dl className="overview-page__list">
        <div className="overview-page__row">
          <dt>{t('bucketSettings.overview.region')}</dt>
          <dd data-testid="overview-region">{target.region}</dd>
        </div>
        <Endpoints target={target} />
      </dl>
      <h3 className="overview-page__subtitle">{t('bucketSettings.overview.settingsTitle')}</h3>
      <dl className="overview-page__list">
        <SettingRow target={target} setting="versioning" render={(v) => <VersioningState value={v} />} />
        <SettingRow target={target} setting="replication" render={(v) => <ReplicationState value={v} />} />
        <SettingRow target={target} setting="website" render={(v) => <WebsiteState value={v} />} />
        <SettingRow target={target} setting="encryption" render={(v) => <EncryptionState value={v} />} />
        <SettingRow target={target} setting="referer" render={(v) => <HotlinkState value={v} />} />
      </dl>
    </section>
  );
}

/** What to show for a setting that is not (yet) known: its loading, missing permission or read error. */
function useSettingCell<K extends TrackedSetting>(target: BucketTarget, setting: K, render: (value: TrackedSettings[K]) => ReactNode): ReactNode {
  const { t } = useTranslation();
  const { access, value } = useSettingValue(target, setting);
  if (access.kind === 'none') {
    return <span className="overview-page__muted">{t('bucketSettings.overview.noAccess', { permission: t(`bucketSettings.common.permission.${access.missing}`) })}</span>;
  }
  if (value.isPending) return <span className="overview-page__muted">{t('bucketSettings.overview.loading')}</span>;
  if (value.isError) {
    const e = value.error;
    const code = e instanceof CosClientError || e instanceof ApiError ? e.code : e.message;
    return <span className="overview-page__error">{t('bucketSettings.overview.readFailed', { code })}</span>;
  }
  return render(value.data);
}

function SettingRow<K extends TrackedSetting>({ target, setting, render }: { target: BucketTarget; setting: K; render: (value: TrackedSettings[K]) => ReactNode }) {
  const { t } = useTranslation();
  const info = sectionOfSetting(setting);
  const cell = useSettingCell(target, setting, render);
  return (
    <div className="overview-page__row">
      <dt>
        <RouterLink to={paths.settings(target.bucket, info.section, { region: target.region })}>{t(`bucketSettings.${info.i18n}.title`)}</RouterLink>
      </dt>
      <dd data-testid={`overview-${info.section}`}>{cell}</dd>
    </div>
  );
}

function Endpoints({ target }: { target: BucketTarget }) {
  const { t } = useTranslation();
  const config = useQuery(configQueries.current());
  const endpointConfig = config.data ? { domain: config.data.cos.domain, protocol: config.data.cos.protocol } : undefined;
  const website = useSettingCell(target, 'website', (v) => {
    const url = endpointConfig ? websiteEndpoint(endpointConfig, target.bucket, target.region) : undefined;
    if (v === null) return <span className="overview-page__muted">{t('bucketSettings.overview.websiteOff')}</span>;
    return url ? <code>{url}</code> : <span className="overview-page__muted">{t('bucketSettings.overview.loading')}</span>;
  });
  const domains = useSettingCell(target, 'domain', (v) =>
    v && v.rules.length > 0 ? (
      <ul className="overview-page__domains">
        {v.rules.map((r) => <li key={r.name}><code>{r.name}</code> <Tag size="small" variant="light">{r.type}</Tag></li>)}
      </ul>
    ) : (
      <span className="overview-page__muted">{t('bucketSettings.overview.noCustomDomain')}</span>
    ),
  );
  return (
    <>
      <div className="overview-page__row">
        <dt>{t('bucketSettings.overview.defaultEndpoint')}</dt>
        <dd data-testid="overview-endpoint">
          {endpointConfig ? <code>{bucketEndpoint(endpointConfig, target.bucket, target.region)}</code> : <span className="overview-page__muted">{t('bucketSettings.overview.loading')}</span>}
        </dd>
      </div>
      <div className="overview-page__row">
        <dt><RouterLink to={paths.settings(target.bucket, 'website', { region: target.region })}>{t('bucketSettings.overview.websiteEndpoint')}</RouterLink></dt>
        <dd data-testid="overview-website-endpoint">{website}</dd>
      </div>
      <div className="overview-page__row">
        <dt><RouterLink to={paths.settings(target.bucket, 'domains', { region: target.region })}>{t('bucketSettings.overview.customDomains')}</RouterLink></dt>
        <dd data-testid="overview-domains">{domains}</dd>
      </div>
    </>
  );
}

function VersioningState({ value }: { value: TrackedSettings['versioning'] }) {
  const { t } = useTranslation();
  return (
    <Tag variant="light" theme={value === 'Enabled' ? 'success' : value === 'Suspended' ? 'warning' : 'default'}>
      {t(`bucketSettings.overview.versioning.${value ?? 'never'}`)}
    </Tag>
  );
}

function ReplicationState({ value }: { value: TrackedSettings['replication'] }) {
  const { t } = useTranslation();
  if (!value || value.rules.length === 0) return <span className="overview-page__muted">{t('bucketSettings.overview.replication.none')}</span>;
  return <>{t('bucketSettings.overview.replication.rules', { count: value.rules.length, destinations: replicationDestinations(value.rules).join(', ') })}</>;
}

function WebsiteState({ value }: { value: TrackedSettings['website'] }) {
  const { t } = useTranslation();
  if (!value) return <span className="overview-page__muted">{t('bucketSettings.overview.website.off')}</span>;
  if (value.redirectAllRequestsTo) return <>{t('bucketSettings.overview.website.redirect', { protocol: value.redirectAllRequestsTo.protocol })}</>;
  return <>{t('bucketSettings.overview.website.on', { index: value.indexDocument.suffix })}</>;
}

const KNOWN_SSE = ['AES256', 'SM4', 'KMS'] as const;

function EncryptionState({ value }: { value: TrackedSettings['encryption'] }) {
  const { t } = useTranslation();
  const algorithm = value?.rules.find((r) => r.applyByDefault)?.applyByDefault?.sseAlgorithm;
  if (algorithm === undefined) return <span className="overview-page__muted">{t('bucketSettings.overview.encryption.none')}</span>;
  const known = KNOWN_SSE.find((a) => a === algorithm);
  return <>{known ? t(`bucketSettings.overview.encryption.${known}`) : t('bucketSettings.overview.encryption.other', { algorithm })}</>;
}

function HotlinkState({ value }: { value: TrackedSettings['referer'] }) {
  const { t } = useTranslation();
  if (!value || value.status !== 'Enabled') return <span className="overview-page__muted">{t('bucketSettings.overview.hotlink.off')}</span>;
  const count = value.domains?.length ?? 0;
  return <>{value.refererType === 'White-List' ? t('bucketSettings.overview.hotlink.allow', { count }) : t('bucketSettings.overview.hotlink.block', { count })}</>;
}
