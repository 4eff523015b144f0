import type { Strings } from '../strings';
import type { aclEn } from './acl.en';

export const aclZhCN: Strings<typeof aclEn> = {
  title: '访问控制列表',
};
