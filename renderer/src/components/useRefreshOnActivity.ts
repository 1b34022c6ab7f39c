import { useEffect, useRef } from 'react';
import { useApp } from '../context.js';

/**
 * Calls `load` again when runs end, findings arrive or a case changes, once per burst (many runs
 * can end at once: a whole-cluster check), 300 ms after the first of them.
 */
export function useRefreshOnActivity(load: () => void): void {
  const { transport } = useApp();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const soon = (): void => {
      if (pending.current) return;
      pending.current = setTimeout(() => {
        pending.current = null;
        load();
      }, 300);
    };
    const offs = [transport.on('run.finished', soon), transport.on('run.findings', soon), transport.on('case.changed', soon)];
    return () => {
      offs.forEach((off) => off());
      if (pending.current) clearTimeout(pending.current);
    };
  }, [transport, load]);
}
