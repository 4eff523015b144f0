import type { Strings } from '../strings';
import type { asCodeEn } from './asCode.en';

export const asCodeZhCN: Strings<typeof asCodeEn> = {
  title: '配置即代码',
};
