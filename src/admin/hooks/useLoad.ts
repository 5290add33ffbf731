/** Loads something from the server once (and again on `reload`), with loading and error states. */
import { useCallback, useEffect, useRef, useState } from "react";

export type LoadState<T> =
  | Readonly<{ status: "loading" }>
  | Readonly<{ status: "error"; message: string }>
  | Readonly<{ status: "ready"; data: T }>;

/**
 * @param load - the request; re-run when `key` changes or `reload` is called
 * @param key - a value whose change means "load again"
 * @returns the state and `reload`
 */
export function useLoad<T>(load: () => Promise<T>, key: unknown = null): [LoadState<T>, () => void, (data: T) => void] {
  const [state, setState] = useState<LoadState<T>>({ status: "loading" });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    setState((s) => (s.status === "ready" ? s : { status: "loading" }));
    loadRef.current().then(
      (data) => live && setState({ status: "ready", data }),
      (error: unknown) => live && setState({ status: "error", message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const replace = useCallback((data: T) => setState({ status: "ready", data }), []);
  return [state, reload, replace];
}
