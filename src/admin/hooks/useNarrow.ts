/**
 * Whether the window is narrow (a phone, or a browser zoomed to 400 % on a laptop), so that
 * wide tables can be shown as stacked cards instead.
 */
import { useSyncExternalStore } from "react";

/** Below this width a table with several columns reads better as cards, one per row. */
export const NARROW_QUERY = "(max-width: 480px)";

function media(): MediaQueryList | null {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" ? window.matchMedia(NARROW_QUERY) : null;
}

function subscribe(onChange: () => void): () => void {
  const m = media();
  if (!m) return () => undefined;
  m.addEventListener("change", onChange);
  return () => m.removeEventListener("change", onChange);
}

/** @returns true while the window is at most 480 px wide (CSS pixels, so zoom counts) */
export function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => media()?.matches ?? false,
    () => false,
  );
}
