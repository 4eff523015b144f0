import type { ReactNode } from 'react';
import { useHref, useLinkClickHandler, type To } from 'react-router';
import { Link, type LinkProps } from 'tdesign-react';

export type RouterLinkProps = Omit<LinkProps, 'href' | 'onClick' | 'children'> & {
  to: To;
  replace?: boolean;
  children?: ReactNode;
  'aria-current'?: 'page';
};

/**
 * TDesign's Link with client-side navigation: a real href (so it is a link to assistive technology,
 * can be opened in a new tab, and is copyable) plus React Router's click handler, which leaves
 * modified clicks (ctrl/cmd/shift) to the browser.
 */
export function RouterLink({ to, replace, children, ...rest }: RouterLinkProps) {
  const href = useHref(to);
  const onClick = useLinkClickHandler(to, { replace });
  return (
    <Link theme="primary" hover="color" {...rest} href={href} onClick={onClick}>
      {children}
    </Link>
  );
}
