/**
 * Shown when a save met a newer draft on the server (HTTP 409): who saved it and when, what
 * they changed, what the manager changed, and the two ways on — keep mine (re-applied on
 * their revision; where both changed the same setting, mine wins) or take theirs.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { RuleInfo } from "../../api/types";
import type { Conflict } from "../../draft/DraftContext";
import { formatTime } from "../../model/labels";
import { ChangeList } from "../ChangeList/ChangeList";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalM },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalXS}` },
  actions: { flexWrap: "wrap" },
});

export type ConflictDialogProps = Readonly<{
  conflict: Conflict | null;
  catalogue: readonly RuleInfo[];
  busy?: boolean;
  onKeepMine(): void;
  onTakeTheirs(): void;
  onDismiss(): void;
}>;

/**
 * @param props - the conflict (null: closed) and the three choices
 * @returns the dialog
 */
export function ConflictDialog(props: ConflictDialogProps) {
  const styles = useStyles();
  const c = props.conflict;
  return (
    <Dialog open={c !== null} modalType="alert" onOpenChange={(_e, data) => (!data.open ? props.onDismiss() : undefined)}>
      <DialogSurface aria-describedby="conflict-summary">
        {c ? (
          <DialogBody>
            <DialogTitle>Someone else saved the draft meanwhile</DialogTitle>
            <DialogContent>
              <p id="conflict-summary">
                {c.current.updatedBy} saved the draft at {formatTime(c.current.updatedAt)} (revision {c.current.revision}) after you started editing. Your changes are not
                saved yet and nothing has been lost.
              </p>
              <section className={styles.section} aria-labelledby="conflict-theirs">
                <h3 id="conflict-theirs" className={styles.heading}>
                  What {c.current.updatedBy} changed
                </h3>
                {c.merge.theirs.length ? (
                  <ChangeList label={`Changes by ${c.current.updatedBy}`} changes={c.merge.theirs} catalogue={props.catalogue} />
                ) : (
                  <p>Nothing you can see: they saved the same settings again.</p>
                )}
              </section>
              <section className={styles.section} aria-labelledby="conflict-mine">
                <h3 id="conflict-mine" className={styles.heading}>
                  What you changed
                </h3>
                <ChangeList
                  label="Your changes"
                  changes={c.merge.mine}
                  catalogue={props.catalogue}
                  marked={c.merge.overlapping}
                  markText={`also changed by ${c.current.updatedBy}; keeping yours replaces theirs`}
                />
              </section>
              <p className={styles.section}>
                <strong>Keep my changes</strong> puts your changes on top of their draft and saves it. <strong>Use their draft</strong> drops your changes.
              </p>
            </DialogContent>
            <DialogActions className={styles.actions}>
              <Button appearance="primary" disabled={props.busy} onClick={props.onKeepMine}>
                Keep my changes
              </Button>
              <Button disabled={props.busy} onClick={props.onTakeTheirs}>
                Use their draft
              </Button>
              <Button appearance="subtle" disabled={props.busy} onClick={props.onDismiss}>
                Decide later
              </Button>
            </DialogActions>
          </DialogBody>
        ) : null}
      </DialogSurface>
    </Dialog>
  );
}
