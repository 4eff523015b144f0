import { useTranslation } from 'react-i18next';
import { Alert } from 'tdesign-react';
import { paths } from '../../../navigation/paths';
import { RouterLink } from '../../../components/router-link';

export interface GrantLandingProps {
  /** The prefixes of this bucket the account may list (grant-navigation.ts landingPrefixes). */
  prefixes: readonly string[];
  linkTo: (prefix: string) => string;
}

/**
 * Shown instead of the listing where a restricted account may not list (the bucket root opened by
 * URL, a folder above its grants): the folders it may use, as links, rather than COS's refusal
 * (no dead ends: docs/architecture.md "Rules the code keeps"). The server would refuse the listing
 * anyway; it is not even sent.
 */
export function GrantLanding({ prefixes, linkTo }: GrantLandingProps) {
  const { t } = useTranslation();
  const message =
    prefixes.length > 0 ? (
      <>
        <p className="grant-landing__intro">{t('access.landing.intro')}</p>
        <ul className="grant-landing__list">
          {prefixes.map((prefix) => (
            <li key={prefix}>
              <RouterLink to={linkTo(prefix)}>{prefix}</RouterLink>
            </li>
          ))}
        </ul>
      </>
    ) : (
      <>
        <p className="grant-landing__intro">{t('access.landing.none')}</p>
        <RouterLink to={paths.buckets()}>{t('objects.backToBuckets')}</RouterLink>
      </>
    );
  return (
    <section className="grant-landing" aria-label={t('access.landing.title')}>
      <Alert theme="info" title={t('access.landing.title')} message={message} />
    </section>
  );
}
