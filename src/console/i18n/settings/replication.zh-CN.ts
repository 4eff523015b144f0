import type { Strings } from '../strings';
import type { replicationEn } from './replication.en';

export const replicationZhCN: Strings<typeof replicationEn> = {
  title: '跨地域复制',
};
