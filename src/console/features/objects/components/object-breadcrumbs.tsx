import { useTranslation } from 'react-i18next';
import { Breadcrumb } from 'tdesign-react';
import { RouterLink } from '../../../components/router-link';
import { breadcrumbSegments } from '../model/breadcrumbs';

export interface ObjectBreadcrumbsProps {
  bucket: string;
  prefix: string;
  linkTo: (prefix: string) => string;
}

/** bucket › folder › subfolder; every item is a link, the current folder marked aria-current. */
export function ObjectBreadcrumbs({ bucket, prefix, linkTo }: ObjectBreadcrumbsProps) {
  const { t } = useTranslation();
  const crumbs = [{ label: bucket, prefix: '' }, ...breadcrumbSegments(prefix)];
  return (
    <nav aria-label={t('objects.breadcrumbLabel')} className="object-breadcrumbs">
      <Breadcrumb maxItemWidth="240px">
        {crumbs.map((crumb, i) => (
          <Breadcrumb.BreadcrumbItem key={crumb.prefix}>
            <RouterLink to={linkTo(crumb.prefix)} {...(i === crumbs.length - 1 ? { 'aria-current': 'page' } : {})}>
              {crumb.label}
            </RouterLink>
          </Breadcrumb.BreadcrumbItem>
        ))}
      </Breadcrumb>
    </nav>
  );
}
