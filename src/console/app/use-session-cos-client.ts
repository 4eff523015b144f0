import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { requestTempKeys, signCosRequest, type ConsoleConfig } from '../api/console-api';
import { ApiError } from '../api/http';
import type { CosClient } from '../cos/cos-client';
import { createSdkCosClient } from '../cos/sdk-cos-client';
import { sessionQueries } from '../session/session-queries';

/**
 * The CosClient of this deployment and session: endpoint from /api/config, each request signed by
 * /api/sign — bulk tasks by temporary keys from /api/sts — with the session's CSRF token (read at
 * signing time, so a new login needs no new client).
 */
export function useSessionCosClient(config: ConsoleConfig): CosClient {
  const queryClient = useQueryClient();
  return useMemo(
    () =>
      createSdkCosClient({
        ...config.cos,
        sign: (request) => {
          const session = queryClient.getQueryData(sessionQueries.current().queryKey);
          return session
            ? signCosRequest(request, session.csrfToken)
            : Promise.reject(new ApiError(401, 'Unauthorized', 'Not signed in'));
        },
        requestTempKeys: (task) => {
          const session = queryClient.getQueryData(sessionQueries.current().queryKey);
          return session
            ? requestTempKeys(task, session.csrfToken)
            : Promise.reject(new ApiError(401, 'Unauthorized', 'Not signed in'));
        },
      }),
    [config, queryClient],
  );
}
