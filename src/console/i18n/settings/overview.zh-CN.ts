import type { Strings } from '../strings';
import type { overviewEn } from './overview.en';

export const overviewZhCN: Strings<typeof overviewEn> = {
  title: '概览',
};
