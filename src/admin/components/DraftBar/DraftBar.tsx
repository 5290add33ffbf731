/**
 * The bar that says whether the manager has unsaved changes, lists problems that stop a save,
 * and holds Save draft / Discard. Sticky, so it stays in reach on long pages.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useLayoutEffect, useRef } from "react";
import type { RuleInfo } from "../../api/types";
import { useDraft } from "../../draft/DraftContext";
import { ChangeList } from "../ChangeList/ChangeList";
import { pathLabel } from "../../model/labels";
import { focusPageHeading } from "../../hooks/focus";

const useStyles = makeStyles({
  bar: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  details: { marginTop: tokens.spacingVerticalXS },
  issues: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  path: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

/**
 * While the sticky bar is shown, the page keeps what it scrolls to (a focused control, a rule
 * jumped to) clear of it: the document's scroll padding follows the bar's height, however
 * many lines it wraps to in a narrow window.
 * @param shown - whether the bar is shown
 * @returns the ref for the bar
 */
function useStickyClearance(shown: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const bar = ref.current;
    const root = document.documentElement;
    if (!shown || !bar) return;
    const update = () => {
      root.style.scrollPaddingTop = `${Math.ceil(bar.getBoundingClientRect().height) + 8}px`;
    };
    update();
    const observer = typeof ResizeObserver === "function" ? new ResizeObserver(update) : null;
    observer?.observe(bar);
    return () => {
      observer?.disconnect();
      root.style.scrollPaddingTop = "";
    };
  }, [shown]);
  return ref;
}

/**
 * @param props - the catalogue (for the change list's rule titles)
 * @returns the bar, or nothing when there is nothing to say
 */
export function DraftBar(props: { catalogue: readonly RuleInfo[] }) {
  const styles = useStyles();
  const draft = useDraft();
  const blocking = draft.issues;
  // The Save button goes away once the draft is saved: focus moves to the confirmation so it is not lost.
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (draft.notice) noticeRef.current?.focus();
  }, [draft.notice]);
  const shown = draft.dirty || draft.saveError !== null || draft.notice !== null || blocking.length > 0;
  const barRef = useStickyClearance(shown);
  if (!shown) return null;
  return (
    <div className={styles.bar} role="region" aria-label="Draft status" ref={barRef}>
      {draft.dirty ? (
        <MessageBar intent={blocking.length ? "warning" : "info"} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {draft.changes.length === 1 ? "1 unsaved change" : `${draft.changes.length} unsaved changes`}
            </MessageBarTitle>
            {blocking.length
              ? `Fix ${blocking.length === 1 ? "this problem" : `these ${blocking.length} problems`} before saving.`
              : "Save the draft to keep them. Staff are not affected until you publish."}
            <details className={styles.details}>
              <summary>Show the changes</summary>
              <ChangeList label="Unsaved changes" changes={draft.changes} catalogue={props.catalogue} />
            </details>
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" disabled={draft.saving || blocking.length > 0} onClick={() => void draft.save()}>
              {draft.saving ? "Saving…" : "Save draft"}
            </Button>
            <Button
              disabled={draft.saving}
              onClick={() => {
                draft.discard();
                // The bar (and this button) goes with the changes: carry on from the page's heading.
                window.setTimeout(focusPageHeading, 0);
              }}
            >
              Discard changes
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {blocking.length ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Problems in the draft</MessageBarTitle>
            <ul className={styles.issues} aria-label="Problems in the draft">
              {blocking.map((i) => (
                <li key={`${i.path}:${i.message}`}>
                  <span className={styles.path}>{pathLabel(i.path, props.catalogue)}</span>: {i.message}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {draft.saveError && draft.saveError.issues.length === 0 ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>The draft was not saved</MessageBarTitle>
            {draft.saveError.message}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {draft.notice ? (
        <MessageBar intent="success" role="status" ref={noticeRef} tabIndex={-1}>
          <MessageBarBody>{draft.notice}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" onClick={draft.clearNotice}>
              OK
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
    </div>
  );
}
