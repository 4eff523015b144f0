import type { Strings } from '../strings';
import type { hotlinkEn } from './hotlink.en';

export const hotlinkZhCN: Strings<typeof hotlinkEn> = {
  title: '防盗链',
};
