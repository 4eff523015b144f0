import type { Strings } from '../strings';
import type { websiteEn } from './website.en';

export const websiteZhCN: Strings<typeof websiteEn> = {
  title: '静态网站',
};
