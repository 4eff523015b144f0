import { queryOptions } from '@tanstack/react-query';
import { getConfig } from '../api/console-api';

/** GET /api/config: the COS endpoint settings of this deployment; fixed while the page lives. */
export const configQueries = {
  all: ['config'] as const,
  current: () => queryOptions({ queryKey: [...configQueries.all, 'current'] as const, queryFn: getConfig, staleTime: Infinity }),
};
