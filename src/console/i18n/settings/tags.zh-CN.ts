import type { Strings } from '../strings';
import type { tagsEn } from './tags.en';

export const tagsZhCN: Strings<typeof tagsEn> = {
  title: '存储桶标签',
};
