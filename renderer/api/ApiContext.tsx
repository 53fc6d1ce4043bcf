import { createContext, useContext } from 'react';
import type { Api } from './client';

const ApiContext = createContext<Api | null>(null);
export const ApiProvider = ApiContext.Provider;

/** The typed API for components: `const api = useApi(); await api.call('vitals.latest', { chairId })`. */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
