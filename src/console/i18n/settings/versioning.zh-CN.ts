import type { Strings } from '../strings';
import type { versioningEn } from './versioning.en';

export const versioningZhCN: Strings<typeof versioningEn> = {
  title: '版本控制',
};
