import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { RouterLink } from '../../../components/router-link';
import { paths } from '../../../navigation/paths';
import { SECTIONS } from '../model/sections';

/**
 * The bucket page's sections as links (each section is a URL): Files, Overview, then the settings,
 * permissions and management sections. The current one carries aria-current="page".
 */
export function BucketNav({ bucket, region }: { bucket: string; region?: string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const opts = region ? { region } : {};
  const link = (to: string, label: string) => {
    const current = pathname === to.split('?')[0];
    return (
      <li key={to}>
        <RouterLink to={to} theme="default" className="bucket-nav__link" {...(current ? { 'aria-current': 'page' as const } : {})}>
          {label}
        </RouterLink>
      </li>
    );
  };
  const group = (name: 'settings' | 'permissions' | 'manage') => (
    <li key={name} className="bucket-nav__group">
      <span className="bucket-nav__group-title" id={`bucket-nav-${name}`}>{t(`bucketSettings.nav.${name}`)}</span>
      <ul aria-labelledby={`bucket-nav-${name}`}>
        {SECTIONS.filter((s) => s.group === name).map((s) => link(paths.settings(bucket, s.section, opts), t(`bucketSettings.${s.i18n}.title`)))}
      </ul>
    </li>
  );
  return (
    <nav aria-label={t('bucketSettings.nav.title')} className="bucket-nav">
      <ul>
        {link(paths.objects(bucket, opts), t('bucketSettings.nav.files'))}
        {link(paths.overview(bucket, opts), t('bucketSettings.overview.title'))}
        {group('settings')}
        {group('permissions')}
        {group('manage')}
      </ul>
    </nav>
  );
}
