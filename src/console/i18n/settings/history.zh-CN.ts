import type { Strings } from '../strings';
import type { historyEn } from './history.en';

export const historyZhCN: Strings<typeof historyEn> = {
  title: '变更历史',
};
