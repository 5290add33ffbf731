/**
 * What jsdom lacks and the UI tests need (Jest `ui` project's setupFiles).
 * - ResizeObserver: Fluent's MessageBar observes its own size to choose a layout.
 * - CSS.escape: user-event uses it to walk radio groups with the arrow keys.
 */
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const g = globalThis as { ResizeObserver?: unknown };
g.ResizeObserver ??= NoopResizeObserver;
const css = ((globalThis as { CSS?: { escape?: (s: string) => string } }).CSS ??= {});
css.escape ??= (s: string) => s.replace(/["\\]/g, "\\$&");
