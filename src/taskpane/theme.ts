/**
 * Office theme → Fluent theme. Office reports colours, not a theme name
 * (`Office.context.officeTheme`), so the services reduce them to light / dark / high contrast
 * and this module picks the matching Fluent v9 theme.
 */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import type { ThemeKind } from "./services";

/**
 * The Fluent theme for an Office theme.
 * @param kind - light, dark or high contrast
 * @returns the Fluent theme
 */
export function fluentTheme(kind: ThemeKind): Theme {
  if (kind === "dark") return webDarkTheme;
  if (kind === "highContrast") return teamsHighContrastTheme;
  return webLightTheme;
}

export { classifyTheme } from "../office/theme-kind";
