/** Signing in with an SMT account (created by whoever runs the server: `etiquette-guard admin add-user`). */
import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import type { ApiClient } from "../api/client";
import type { LoginResult } from "../api/types";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, width: "100%", maxWidth: "24rem" },
});

export type SignInFormProps = Readonly<{
  api: ApiClient;
  /** Pre-filled address (after a session ended). */
  email?: string;
  onSignedIn(result: LoginResult): void;
  /** Extra words above the form. */
  intro?: string;
}>;

/**
 * The sign-in form, used on its own page and in the "session ended" dialog.
 * @param props - the client and what to do once signed in
 * @returns the form
 */
export function SignInForm(props: SignInFormProps) {
  const styles = useStyles();
  const [email, setEmail] = useState(props.email ?? "");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const m = { ...(email.trim() ? {} : { email: "Enter your e-mail address." }), ...(password ? {} : { password: "Enter your password." }) };
    setMissing(m);
    if (m.email || m.password) return;
    setBusy(true);
    setError(null);
    try {
      const result = await props.api.login(email.trim(), password);
      setPassword("");
      props.onSignedIn(result);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate aria-label="Sign in">
      {props.intro ? <p>{props.intro}</p> : null}
      {error ? (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label="E-mail address" required validationMessage={missing.email}>
        <Input type="email" autoComplete="username" value={email} onChange={(_e, d) => setEmail(d.value)} />
      </Field>
      <Field label="Password" required validationMessage={missing.password}>
        <Input type="password" autoComplete="current-password" value={password} onChange={(_e, d) => setPassword(d.value)} />
      </Field>
      <div>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </Button>
      </div>
    </form>
  );
}

const usePageStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", alignItems: "center", rowGap: tokens.spacingVerticalL, padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}` },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold, textAlign: "center" },
  lead: { margin: 0, maxWidth: "28rem", textAlign: "center", color: tokens.colorNeutralForeground2 },
});

/**
 * The sign-in page.
 * @param props - the client and what to do once signed in
 * @returns the page
 */
export function SignInPage(props: SignInFormProps) {
  const styles = usePageStyles();
  return (
    <main className={styles.page}>
      <h1 className={styles.title}>Etiquette Guard policy</h1>
      <p className={styles.lead}>Sign in with your SMT account to see and change the Centre’s e-mail policy. Ask whoever runs the server if you do not have one.</p>
      <SignInForm {...props} />
    </main>
  );
}
