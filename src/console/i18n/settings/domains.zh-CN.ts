import type { Strings } from '../strings';
import type { domainsEn } from './domains.en';

export const domainsZhCN: Strings<typeof domainsEn> = {
  title: '自定义域名',
};
