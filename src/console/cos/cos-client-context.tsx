import { createContext, use, type ReactNode } from 'react';
import type { CosClient } from './cos-client';

const CosClientContext = createContext<CosClient | null>(null);

export function CosClientProvider({ client, children }: { client: CosClient; children: ReactNode }) {
  return <CosClientContext value={client}>{children}</CosClientContext>;
}

/** The CosClient of the signed-in session (provided by app/ once /api/config is known). */
export function useCosClient(): CosClient {
  const client = use(CosClientContext);
  if (!client) throw new Error('useCosClient outside CosClientProvider');
  return client;
}
