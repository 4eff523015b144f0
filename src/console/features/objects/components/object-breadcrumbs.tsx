import { useTranslation } from 'react-i18next';
import { Breadcrumb } from 'tdesign-react';
import { allows } from '../../../../shared/access/grant-navigation';
import { useBrowseScope } from '../../../session/use-current-session';
import { RouterLink } from '../../../components/router-link';
import { breadcrumbTrail } from '../model/breadcrumbs';

export interface ObjectBreadcrumbsProps {
  bucket: string;
  prefix: string;
  linkTo: (prefix: string) => string;
}

/**
 * bucket › folder › subfolder; the current folder marked aria-current. Every crumb the session may
 * list is a link; the ones above a restricted account's grants are plain text, since following them
 * would only end in a refusal.
 */
export function ObjectBreadcrumbs({ bucket, prefix, linkTo }: ObjectBreadcrumbsProps) {
  const { t } = useTranslation();
  const scope = useBrowseScope();
  const crumbs = breadcrumbTrail(bucket, prefix, (p) => allows(scope, bucket, p, 'list'));
  return (
    <nav aria-label={t('objects.breadcrumbLabel')} className="object-breadcrumbs">
      <Breadcrumb maxItemWidth="240px">
        {crumbs.map((crumb, i) => {
          const current = i === crumbs.length - 1 ? { 'aria-current': 'page' as const } : {};
          return (
            <Breadcrumb.BreadcrumbItem key={crumb.prefix}>
              {crumb.reachable ? (
                <RouterLink to={linkTo(crumb.prefix)} {...current}>
                  {crumb.label}
                </RouterLink>
              ) : (
                <span className="object-breadcrumbs__unreachable" {...current}>
                  {crumb.label}
                </span>
              )}
            </Breadcrumb.BreadcrumbItem>
          );
        })}
      </Breadcrumb>
    </nav>
  );
}
