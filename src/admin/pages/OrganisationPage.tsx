/**
 * The organisation settings: who is inside the Centre, trusted partners, SMT, who may make
 * commitments, shared mailboxes, what Send does when the check cannot run, and the standard
 * disclaimer (plain text and HTML, with a preview of each).
 */
import { Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { JsonSchema } from "../../core/engine/json-schema";
import { defaultOrganisation } from "../../core/policy/default-organisation";
import { organisationSchema, withPatternName } from "../../core/policy/policy";
import { ListEditor } from "../components/ListEditor/ListEditor";
import { useDraft } from "../draft/DraftContext";
import { ON_ERROR_EXPLANATIONS, ON_ERROR_LABELS, ORGANISATION_LABELS } from "../model/labels";
import { issuesAt, organisationOf, withOrganisation, setLeaf, leafKey, type OnError } from "../model/policy-model";
import { VIEWER_EXPLANATION, useAdmin } from "../services";
import { usePageStyles } from "../styles";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 26rem), 1fr))", gap: tokens.spacingHorizontalL },
  choice: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  explain: { margin: `0 0 0 ${tokens.spacingHorizontalXXL}`, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  previewText: {
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    margin: 0,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
  },
  frame: { width: "100%", minHeight: "8rem", border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
});

type ListKey = "internalDomains" | "trustedDomains" | "smtAddresses" | "authorisedForCommitments" | "sharedMailboxes";

const LISTS: ReadonlyArray<Readonly<{ key: ListKey; noun: string; hint: string }>> = [
  { key: "internalDomains", noun: "domain", hint: "The Centre’s own e-mail domains. Mail only to these addresses stays inside the Centre. At least one is needed." },
  { key: "trustedDomains", noun: "domain", hint: "Partners such as the local authority. Treated as inside the Centre for the data-protection rules." },
  { key: "smtAddresses", noun: "address", hint: "The Senior Management Team. Offensive messages may be forwarded to them to report them." },
  { key: "authorisedForCommitments", noun: "address", hint: "People allowed to agree terms, accept quotes or enter into contracts by e-mail." },
  { key: "sharedMailboxes", noun: "address", hint: "Shared mailboxes staff may send from (for example the office mailbox)." },
];

function itemSchema(key: string): JsonSchema | undefined {
  return withPatternName(organisationSchema.properties?.[key]?.items);
}

/** The preview document for the HTML disclaimer: shown in a sandbox, so scripts and forms never run. */
function previewDocument(html: string): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Disclaimer preview</title><style>body{font-family:Segoe UI,system-ui,sans-serif;font-size:11pt;margin:8px;color:#242424;background:#fff}</style></head><body><p>Kind regards,<br>Amy</p>${html}</body></html>`;
}

/** @returns the page */
export function OrganisationPage() {
  const styles = useStyles();
  const page = usePageStyles();
  const draft = useDraft();
  const { canEdit } = useAdmin();
  const doc = draft.working ?? {};
  const org = organisationOf(doc);
  const list = (key: ListKey): string[] => (Array.isArray(org[key]) ? (org[key] as unknown[]).map(String) : [...defaultOrganisation[key]]);
  const disclaimer = (org.disclaimer && typeof org.disclaimer === "object" ? org.disclaimer : defaultOrganisation.disclaimer) as { text?: unknown; html?: unknown };
  const text = typeof disclaimer.text === "string" ? disclaimer.text : "";
  const html = typeof disclaimer.html === "string" ? disclaimer.html : "";
  const onError = (typeof doc.onError === "string" ? doc.onError : "warn") as OnError;
  const issueText = (path: string): string | undefined => {
    const found = issuesAt(draft.issues, path);
    return found.length ? found.map((i) => `${i.message.charAt(0).toUpperCase()}${i.message.slice(1)}.`).join(" ") : undefined;
  };
  const name = typeof org.name === "string" ? org.name : defaultOrganisation.name;
  const setDisclaimer = (part: "text" | "html", value: string) =>
    draft.edit((d) => {
      // Write both parts: the policy requires the disclaimer as a whole.
      const withText = withOrganisation(d, "disclaimer.text", part === "text" ? value : text);
      return withOrganisation(withText, "disclaimer.html", part === "html" ? value : html);
    });

  return (
    <div className={page.page}>
      <h1 className={page.title}>Organisation</h1>
      <p className={page.lead}>Who counts as inside the Centre, who may do what, and the standard disclaimer. The rules use these settings.</p>
      {!canEdit ? (
        <MessageBar intent="info">
          <MessageBarBody>{VIEWER_EXPLANATION}</MessageBarBody>
        </MessageBar>
      ) : null}

      <section className={page.card} aria-labelledby="org-people">
        <h2 id="org-people" className={page.heading}>
          Domains and people
        </h2>
        <Field label={ORGANISATION_LABELS.name} validationMessage={issueText("organisation.name")}>
          <Input value={name} disabled={!canEdit} onChange={(_e, data) => draft.edit((d) => withOrganisation(d, "name", data.value))} />
        </Field>
        <div className={styles.grid}>
          {LISTS.map(({ key, noun, hint }) => (
            <ListEditor
              key={key}
              label={ORGANISATION_LABELS[key] as string}
              hint={hint}
              noun={noun}
              items={list(key)}
              itemSchema={itemSchema(key)}
              path={`organisation.${key}`}
              issues={issuesAt(draft.issues, `organisation.${key}`)}
              disabled={!canEdit}
              onChange={(items) => draft.edit((d) => withOrganisation(d, key, items))}
            />
          ))}
        </div>
      </section>

      <section className={page.card} aria-labelledby="org-onerror">
        <h2 id="org-onerror" className={page.heading}>
          When the check cannot run
        </h2>
        <p className={page.lead}>
          Sometimes the check cannot finish — Outlook does not hand over the message, or the policy cannot be loaded. This setting decides what Send does then.
        </p>
        <Field label="When the check cannot run" validationMessage={issueText("onError")}>
          <RadioGroup value={onError} disabled={!canEdit} onChange={(_e, data) => draft.edit((d) => setLeaf(d, leafKey.top("onError"), data.value))}>
            {(["allow", "warn", "block"] as const).map((value) => (
              <div key={value} className={styles.choice}>
                <Radio value={value} label={ON_ERROR_LABELS[value]} aria-describedby={`onerror-${value}`} />
                <p id={`onerror-${value}`} className={styles.explain}>
                  {ON_ERROR_EXPLANATIONS[value]}
                </p>
              </div>
            ))}
          </RadioGroup>
        </Field>
      </section>

      <section className={page.card} aria-labelledby="org-disclaimer">
        <h2 id="org-disclaimer" className={page.heading}>
          Standard disclaimer
        </h2>
        <p className={page.lead}>
          The disclaimer rule checks that every e-mail ends with this text, and can add it. Plain-text e-mails get the text version, formatted e-mails the HTML version.
        </p>
        <div className={styles.grid}>
          <div className={styles.choice}>
            <Field label={ORGANISATION_LABELS["disclaimer.text"]} validationMessage={issueText("organisation.disclaimer.text") ?? (text.trim() === "" ? "The disclaimer text must not be empty." : undefined)}>
              <Textarea value={text} rows={6} resize="vertical" disabled={!canEdit} onChange={(_e, data) => setDisclaimer("text", data.value)} />
            </Field>
            <h3 className={page.subheading}>
              Preview (plain text)
            </h3>
            <pre className={styles.previewText}>
              {text}
            </pre>
          </div>
          <div className={styles.choice}>
            <Field label={ORGANISATION_LABELS["disclaimer.html"]} validationMessage={issueText("organisation.disclaimer.html") ?? (html.trim() === "" ? "The disclaimer HTML must not be empty." : undefined)}>
              <Textarea value={html} rows={6} resize="vertical" disabled={!canEdit} onChange={(_e, data) => setDisclaimer("html", data.value)} />
            </Field>
            <h3 className={page.subheading}>Preview (as it appears at the end of an e-mail)</h3>
            <iframe className={styles.frame} title="Preview of the HTML disclaimer" sandbox="" srcDoc={previewDocument(html)} />
          </div>
        </div>
      </section>
    </div>
  );
}
