/**
 * The admin app's root: Fluent provider (light or dark, following the system), the session
 * (asks the server who is signed in; the sign-in page when nobody is), and the "session
 * ended" dialog that signs in again without leaving the page, so no edit is lost.
 */
import { Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, FluentProvider, makeStyles, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { App } from "./App";
import { ApiError, SESSION_ENDED_MESSAGE, type ApiClient } from "./api/client";
import type { SessionUser } from "./api/types";
import { ErrorView, Loading } from "./components/StatusViews";
import { SignInForm, SignInPage } from "./pages/SignInPage";
import { AdminProvider } from "./services";

const useStyles = makeStyles({ provider: { minHeight: "100vh" } });

type Phase =
  | Readonly<{ kind: "checking" }>
  | Readonly<{ kind: "failed"; message: string }>
  | Readonly<{ kind: "signed-out" }>
  | Readonly<{ kind: "signed-in"; user: SessionUser; expired: boolean }>;

function useDarkPreference(): boolean {
  const query = typeof window !== "undefined" && typeof window.matchMedia === "function" ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = (e: MediaQueryListEvent) => setDark(e.matches);
    query.addEventListener?.("change", onChange);
    return () => query.removeEventListener?.("change", onChange);
  }, [query]);
  return dark;
}

/**
 * @param props - the API client
 * @returns the app
 */
export function Root(props: { api: ApiClient }) {
  const { api } = props;
  const styles = useStyles();
  const dark = useDarkPreference();
  const [phase, setPhase] = useState<Phase>({ kind: "checking" });

  const check = useCallback(() => {
    setPhase({ kind: "checking" });
    api.me().then(
      (me) => setPhase({ kind: "signed-in", user: me.user, expired: false }),
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) setPhase({ kind: "signed-out" });
        else setPhase({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
      },
    );
  }, [api]);

  useEffect(check, [check]);
  useEffect(() => api.onSessionEnded(() => setPhase((p) => (p.kind === "signed-in" ? { ...p, expired: true } : p))), [api]);

  const signOut = useCallback(() => {
    api.logout().then(
      () => setPhase({ kind: "signed-out" }),
      () => setPhase({ kind: "signed-out" }),
    );
  }, [api]);

  const context = useMemo(() => (phase.kind === "signed-in" ? { api, user: phase.user, canEdit: phase.user.role === "editor" } : null), [api, phase]);

  let content;
  if (phase.kind === "checking") content = <Loading label="Connecting to the Etiquette Guard server…" />;
  else if (phase.kind === "failed") {
    content = (
      <main>
        <ErrorView title="Could not connect" message={phase.message} onRetry={check} />
      </main>
    );
  } else if (phase.kind === "signed-out" || !context) {
    content = <SignInPage api={api} onSignedIn={(r) => setPhase({ kind: "signed-in", user: r.user, expired: false })} />;
  } else {
    content = (
      <AdminProvider value={context}>
        <App onSignOut={signOut} />
        <Dialog open={phase.kind === "signed-in" && phase.expired} modalType="alert">
          <DialogSurface>
            <DialogBody>
              <DialogTitle>Sign in again</DialogTitle>
              <DialogContent>
                <SignInForm
                  api={api}
                  email={phase.user.email}
                  intro={SESSION_ENDED_MESSAGE}
                  onSignedIn={(r) => setPhase({ kind: "signed-in", user: r.user, expired: false })}
                />
              </DialogContent>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      </AdminProvider>
    );
  }
  return (
    <FluentProvider className={styles.provider} theme={dark ? webDarkTheme : webLightTheme}>
      {content}
    </FluentProvider>
  );
}
