import type { Strings } from '../strings';
import type { policyEn } from './policy.en';

export const policyZhCN: Strings<typeof policyEn> = {
  title: '存储桶策略',
};
