/**
 * A region that scrolls sideways when what it holds is wider than the window, and shows it: a
 * line above says so and a shaded edge marks the side with more to see; both appear only while
 * something is out of view. It can be focused (Tab) and scrolled with the arrow keys.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useCallback, useId, useLayoutEffect, useRef, useState, type ReactNode } from "react";

const useStyles = makeStyles({
  outer: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  frame: { position: "relative", minWidth: 0 },
  scroller: {
    overflowX: "auto",
    maxWidth: "100%",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  edge: { position: "absolute", top: 0, bottom: 0, width: "16px", pointerEvents: "none" },
  start: { left: 0, backgroundImage: `linear-gradient(to right, ${tokens.colorNeutralShadowAmbientDarker}, transparent)` },
  end: { right: 0, backgroundImage: `linear-gradient(to left, ${tokens.colorNeutralShadowAmbientDarker}, transparent)` },
});

type Overflow = Readonly<{ before: boolean; after: boolean }>;

/**
 * @param props - the region's accessible name and its content
 * @returns the region
 */
export function ScrollArea(props: { label: string; children: ReactNode }) {
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const [overflow, setOverflow] = useState<Overflow>({ before: false, after: false });

  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const before = el.scrollLeft > 1;
    const after = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    setOverflow((o) => (o.before === before && o.after === after ? o : { before, after }));
  }, []);

  useLayoutEffect(() => {
    measure();
    const el = ref.current;
    if (!el || typeof ResizeObserver !== "function") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, [measure]);

  const scrolls = overflow.before || overflow.after;
  return (
    <div className={styles.outer}>
      {scrolls ? (
        <p id={hintId} className={styles.hint}>
          Wider than the window: scroll sideways to see the rest{overflow.after ? <span aria-hidden="true"> →</span> : null}
        </p>
      ) : null}
      <div className={styles.frame}>
        <div ref={ref} className={styles.scroller} role="region" aria-label={props.label} aria-describedby={scrolls ? hintId : undefined} tabIndex={0} onScroll={measure}>
          {props.children}
        </div>
        {overflow.before ? <div className={mergeClasses(styles.edge, styles.start)} aria-hidden="true" data-edge="start" /> : null}
        {overflow.after ? <div className={mergeClasses(styles.edge, styles.end)} aria-hidden="true" data-edge="end" /> : null}
      </div>
    </div>
  );
}
