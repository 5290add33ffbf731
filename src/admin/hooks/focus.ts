/**
 * Where keyboard focus goes when the control that had it goes away: back to the control that
 * opened a dialog when the dialog is closed (Escape, Cancel), or to the page's heading.
 */
import { useCallback, useEffect, useRef } from "react";

/** Puts focus on the current page's heading (made focusable for the purpose). */
export function focusPageHeading(): void {
  const heading = document.querySelector<HTMLElement>("main h1");
  if (!heading) return;
  heading.setAttribute("tabindex", "-1");
  heading.focus();
}

function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;
}

function focusable(el: HTMLElement | null): el is HTMLElement {
  return el !== null && el.isConnected && !(el as HTMLButtonElement).disabled && el.getAttribute("aria-disabled") !== "true";
}

export type ReturnFocus = Readonly<{
  /** Call when opening the dialog: remembers the control that opened it (default: the focused one). */
  remember(opener?: Element | null): void;
  /** Call when closing leads somewhere else on purpose (a status message takes focus instead). */
  forget(): void;
}>;

/**
 * When a dialog closes, focus goes back to the control that opened it, once the dialog has
 * left the page (a modal keeps focus inside itself until then). If that control has gone, the
 * page's heading takes focus instead.
 * @param open - whether the dialog is open
 * @param fallback - where focus goes when no opener was remembered (a dialog the app opened by itself)
 * @returns remember / forget
 */
export function useReturnFocus(open: boolean, fallback?: () => HTMLElement | null): ReturnFocus {
  const opener = useRef<HTMLElement | null | "skip">(null);
  const fallbackRef = useRef(fallback);
  fallbackRef.current = fallback;
  const wasOpen = useRef(open);
  const remember = useCallback((el?: Element | null) => {
    const target = el ?? document.activeElement;
    opener.current = target instanceof HTMLElement ? target : null;
  }, []);
  const forget = useCallback(() => {
    opener.current = "skip";
  }, []);
  useEffect(() => {
    const closed = wasOpen.current && !open;
    wasOpen.current = open;
    const remembered = opener.current;
    if (open) return;
    opener.current = null;
    if (!closed || remembered === "skip") return;
    let tries = 0;
    let timer = 0;
    const attempt = () => {
      if (dialogOpen() && tries++ < 40) {
        timer = window.setTimeout(attempt, 50);
        return;
      }
      const target = remembered ?? fallbackRef.current?.() ?? null;
      if (focusable(target)) target.focus();
      else focusPageHeading();
    };
    timer = window.setTimeout(attempt, 0);
    return () => window.clearTimeout(timer);
  }, [open]);
  return { remember, forget };
}
