import { createContext, useContext } from 'react';
import type { StackscopeApi, Transport } from '../../main/contract/api.js';
import type { AppInfo } from '../../main/contract/types.js';

export interface AppContextValue {
  api: StackscopeApi;
  transport: Transport;
  info: AppInfo;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside AppContext');
  return ctx;
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return '';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function formatTime(iso: string | null): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString();
}
