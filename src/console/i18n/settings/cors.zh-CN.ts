import type { Strings } from '../strings';
import type { corsEn } from './cors.en';

export const corsZhCN: Strings<typeof corsEn> = {
  title: '跨域访问 CORS',
};
