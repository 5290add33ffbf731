/**
 * Office's theme colours reduced to the three kinds the task pane follows. Pure, below both the
 * pane (which maps a kind to a Fluent theme) and the Office services (which read the colours).
 */
import type { ThemeKind } from "./pane-contract";

function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m || !m[1]) return null;
  const n = parseInt(m[1], 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/**
 * Classifies Office's theme colours.
 * @param colors - `bodyBackgroundColor` and `bodyForegroundColor` from `Office.context.officeTheme`
 * @param forcedColors - the system is in a forced-colours (high contrast) mode
 * @returns the theme kind
 */
export function classifyTheme(colors: { bodyBackgroundColor?: string; bodyForegroundColor?: string } | undefined, forcedColors = false): ThemeKind {
  if (forcedColors) return "highContrast";
  const bg = colors?.bodyBackgroundColor ? luminance(colors.bodyBackgroundColor) : null;
  const fg = colors?.bodyForegroundColor ? luminance(colors.bodyForegroundColor) : null;
  if (bg === null) return "light";
  // Office's high-contrast themes use pure black or white with the opposite extreme for text.
  if (fg !== null && ((bg === 0 && fg === 1) || (bg === 1 && fg === 0))) {
    const contrast = (Math.max(bg, fg) + 0.05) / (Math.min(bg, fg) + 0.05);
    if (contrast >= 21 && bg === 0) return "highContrast";
  }
  return bg < 0.2 ? "dark" : "light";
}
