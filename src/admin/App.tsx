/**
 * The signed-in admin app: header, navigation, the draft bar and the pages. Loads the rule
 * catalogue and the draft once; the pages share the working copy through `DraftProvider`.
 */
import { Badge, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { RuleInfo } from "./api/types";
import { ConflictDialog } from "./components/ConflictDialog/ConflictDialog";
import { DraftBar } from "./components/DraftBar/DraftBar";
import { ErrorView, Loading } from "./components/StatusViews";
import { DraftProvider, useDraft } from "./draft/DraftContext";
import { focusPageHeading, useReturnFocus } from "./hooks/focus";
import { useHashRoute } from "./hooks/useHashRoute";
import { useLoad } from "./hooks/useLoad";
import { AuditPage } from "./pages/AuditPage";
import { HistoryPage } from "./pages/HistoryPage";
import { OrganisationPage } from "./pages/OrganisationPage";
import { PublishPage } from "./pages/PublishPage";
import { ReportsPage } from "./pages/ReportsPage";
import { RulesPage } from "./pages/RulesPage";
import { TryPage } from "./pages/TryPage";
import { useAdmin } from "./services";

export const ROUTES = ["rules", "organisation", "try", "publish", "history", "audit", "reports"] as const;
export type Route = (typeof ROUTES)[number];

const ROUTE_LABELS: Readonly<Record<Route, string>> = {
  rules: "Rules",
  organisation: "Organisation",
  try: "Try a message",
  publish: "Review and publish",
  history: "History",
  audit: "Audit log",
  reports: "Reports",
};

const useStyles = makeStyles({
  shell: { minHeight: "100vh", display: "flex", flexDirection: "column" },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  user: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS, overflowWrap: "anywhere" },
  nav: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, padding: `0 ${tokens.spacingHorizontalM}` },
  navList: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS },
  navLink: {
    display: "inline-block",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: "none",
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  current: { fontWeight: tokens.fontWeightSemibold, borderBottomColor: tokens.colorBrandStroke1 },
  main: { flexGrow: 1, padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`, maxWidth: "80rem", width: "100%", boxSizing: "border-box", minWidth: 0 },
  signOut: { color: "inherit" },
});

/** The Save draft button, while there is one. */
function saveButton(): HTMLElement | null {
  return [...document.querySelectorAll<HTMLButtonElement>("main button")].find((b) => b.textContent === "Save draft") ?? null;
}

function Shell(props: { catalogue: readonly RuleInfo[]; onSignOut(): void }) {
  const styles = useStyles();
  const { user, canEdit } = useAdmin();
  const draft = useDraft();
  const [route, go] = useHashRoute(ROUTES);
  const [confirmSignOut, setConfirmSignOut] = useState(false);
  const { load } = draft;
  // Closing a dialog puts focus back where it was: Sign out, or (for the save conflict, which
  // the app opens itself) Save draft while there are still changes to save.
  const signOutFocus = useReturnFocus(confirmSignOut);
  const conflictFocus = useReturnFocus(draft.conflict !== null, saveButton);

  useEffect(() => {
    void load();
  }, [load]);

  // Closing the tab with unsaved changes asks first (the browser's own question).
  useEffect(() => {
    if (!draft.dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [draft.dirty]);

  useEffect(() => {
    document.title = `${ROUTE_LABELS[route]} — Etiquette Guard policy`;
  }, [route]);

  // After signing in and on every move to another page, keyboard and screen-reader users
  // start at the page's heading instead of at the top of the document (focus is otherwise
  // lost with the control that was pressed).
  const ready = draft.working !== null;
  useEffect(() => {
    if (!ready) return;
    focusPageHeading();
  }, [route, ready]);

  let content;
  if (draft.loadError && !draft.working) content = <ErrorView title="Could not load the draft policy" message={draft.loadError} onRetry={() => void draft.load()} />;
  else if (!draft.working) content = <Loading label="Loading the draft policy…" />;
  else if (route === "rules") content = <RulesPage catalogue={props.catalogue} />;
  else if (route === "organisation") content = <OrganisationPage />;
  else if (route === "try") content = <TryPage catalogue={props.catalogue} />;
  else if (route === "publish") content = <PublishPage catalogue={props.catalogue} />;
  else if (route === "history") content = <HistoryPage catalogue={props.catalogue} />;
  else if (route === "audit") content = <AuditPage />;
  else content = <ReportsPage catalogue={props.catalogue} />;

  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <p className={styles.brand}>Etiquette Guard policy</p>
        <div className={styles.user}>
          <span>{user.email}</span>
          <Badge appearance="filled" color={canEdit ? "success" : "informative"}>
            {canEdit ? "Editor" : "Viewer"}
          </Badge>
          <Button
            appearance="transparent"
            className={styles.signOut}
            onClick={(e) => {
              if (!draft.dirty) return props.onSignOut();
              signOutFocus.remember(e.currentTarget);
              setConfirmSignOut(true);
            }}
          >
            Sign out
          </Button>
        </div>
      </header>
      <nav className={styles.nav} aria-label="Sections">
        <ul className={styles.navList}>
          {ROUTES.map((r) => (
            <li key={r}>
              <a
                href={`#/${r}`}
                className={`${styles.navLink} ${r === route ? styles.current : ""}`}
                aria-current={r === route ? "page" : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  go(r);
                }}
              >
                {ROUTE_LABELS[r]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className={styles.main}>
        {canEdit ? <DraftBar catalogue={props.catalogue} /> : null}
        {content}
      </main>
      <ConflictDialog
        conflict={draft.conflict}
        catalogue={props.catalogue}
        busy={draft.saving}
        onKeepMine={() => {
          // The saved-draft confirmation takes focus.
          conflictFocus.forget();
          void draft.keepMine();
        }}
        onTakeTheirs={draft.takeTheirs}
        onDismiss={draft.dismissConflict}
      />
      <Dialog open={confirmSignOut} modalType="alert" onOpenChange={(_e, d) => setConfirmSignOut(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Sign out with unsaved changes?</DialogTitle>
            <DialogContent>You have {draft.changes.length} unsaved change(s). If you sign out now they are lost.</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  // The saved-draft confirmation takes focus.
                  signOutFocus.forget();
                  setConfirmSignOut(false);
                  void draft.save();
                }}
                disabled={draft.issues.length > 0}
              >
                Save the draft first
              </Button>
              <Button
                onClick={() => {
                  setConfirmSignOut(false);
                  props.onSignOut();
                }}
              >
                Sign out and lose them
              </Button>
              <Button appearance="subtle" onClick={() => setConfirmSignOut(false)}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

/**
 * The app for a signed-in manager.
 * @param props - what to do on sign-out
 * @returns the app
 */
export function App(props: { onSignOut(): void }) {
  const { api } = useAdmin();
  const [rules, reload] = useLoad(() => api.rules());
  if (rules.status === "loading") return <Loading label="Loading the rules…" />;
  if (rules.status === "error") {
    return (
      <main>
        <ErrorView title="Could not load the rules" message={rules.message} onRetry={reload} />
      </main>
    );
  }
  return (
    <DraftProvider api={api} catalogue={rules.data}>
      <Shell catalogue={rules.data} onSignOut={props.onSignOut} />
    </DraftProvider>
  );
}
