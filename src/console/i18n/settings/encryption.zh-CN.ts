import type { Strings } from '../strings';
import type { encryptionEn } from './encryption.en';

export const encryptionZhCN: Strings<typeof encryptionEn> = {
  title: '服务端加密',
};
