import type { Strings } from '../strings';
import type { navEn } from './nav.en';

export const navZhCN: Strings<typeof navEn> = {
  title: '存储桶功能',
  files: '文件列表',
  settings: '基础配置',
  permissions: '权限管理',
  manage: '变更管理',
};
