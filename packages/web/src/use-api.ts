/**
 * Loading API data in a component: the answer, the error, and a way to load it again after a
 * change.
 */
import { useCallback, useEffect, useState } from 'react';

/**
 * Run `load` when `key` changes; `reload()` runs it again.
 *
 * @example
 * const { data, error } = useApi(() => api<{ models: Model[] }>('/api/v1/models'), 'models');
 */
export function useApi<T>(
  load: () => Promise<T>,
  key: string,
): { data: T | undefined; error: Error | undefined; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [round, setRound] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` reads
  useEffect(() => {
    let live = true;
    load().then(
      (d) => {
        if (live) {
          setData(d);
          setError(undefined);
        }
      },
      (e: Error) => {
        if (live) setError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, reload };
}
