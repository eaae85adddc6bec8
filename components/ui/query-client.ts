import { environmentManager, QueryClient } from '@tanstack/react-query';

/**
 * A new client per server render (requests must not share a cache) and one for the
 * browser's lifetime (so the live event cache survives re-renders and navigations).
 */
let browserClient: QueryClient | undefined;

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 10_000, refetchOnWindowFocus: false, retry: 2 },
    },
  });
}

export function getQueryClient(): QueryClient {
  if (environmentManager.isServer()) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
