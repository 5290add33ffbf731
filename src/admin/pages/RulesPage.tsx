/**
 * The rules, grouped by category: what each checks, the policy clause it enforces, how
 * severe it is and its options. Edits go to the working copy (saved with the Draft bar).
 */
import { Badge, Field, MessageBar, MessageBarBody, SearchBox, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { RuleInfo } from "../api/types";
import { OptionsEditor } from "../components/OptionsEditor/OptionsEditor";
import { SeverityPicker } from "../components/SeverityPicker/SeverityPicker";
import { useDraft } from "../draft/DraftContext";
import { CATEGORY_ORDER, SEVERITY_LABELS, categoryLabel, ruleSummary } from "../model/labels";
import { effectiveRule, issuesAt, optionPath, withOption, withSeverity, type Severity } from "../model/policy-model";
import { VIEWER_EXPLANATION, useAdmin } from "../services";
import { usePageStyles } from "../styles";

const useStyles = makeStyles({
  category: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 28rem), 1fr))", gap: tokens.spacingHorizontalL },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  description: { margin: 0 },
  jump: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, listStyle: "none", padding: 0, margin: 0 },
  // Headings jumped to stay clear of the sticky draft bar.
  target: { scrollMarginTop: "8rem" },
  section: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: `${tokens.spacingVerticalXXS} 0 0` },
});

const BADGE_COLOURS: Readonly<Record<Severity, "informative" | "subtle" | "warning" | "danger">> = {
  off: "subtle",
  monitor: "informative",
  warn: "warning",
  block: "danger",
};

function RuleCard(props: { rule: RuleInfo }) {
  const { rule } = props;
  const styles = useStyles();
  const page = usePageStyles();
  const draft = useDraft();
  const { canEdit } = useAdmin();
  const doc = draft.working ?? {};
  const { severity, options, malformed } = effectiveRule(doc, rule);
  const headingId = `rule-${rule.id}`;
  return (
    <section className={`${page.card} ${styles.target}`} aria-labelledby={headingId} id={`card-${rule.id}`}>
      <div className={styles.head}>
        <h3 id={headingId} className={page.subheading}>
          {rule.title}
        </h3>
        <Badge appearance="tint" color={BADGE_COLOURS[severity]}>
          {SEVERITY_LABELS[severity]}
        </Badge>
      </div>
      <p className={styles.description}>{ruleSummary(rule.description)}</p>
      <figure className={page.quote}>
        <blockquote cite={`/policy.html#${rule.clause.anchor}`} className={styles.description}>
          “{rule.clause.quote}”
        </blockquote>
        <figcaption className={styles.section}>
          Policy: <a href={`/policy.html#${rule.clause.anchor}`}>{rule.clause.section}</a>
        </figcaption>
      </figure>
      <p className={styles.id}>Rule id, for IT support: {rule.id}</p>
      {malformed ? (
        <MessageBar intent="warning">
          <MessageBarBody>This rule’s setting in the draft is not in a form this page understands. Choosing a severity replaces it.</MessageBarBody>
        </MessageBar>
      ) : null}
      <SeverityPicker
        ruleTitle={rule.title}
        value={severity}
        defaultSeverity={rule.defaultSeverity as Severity}
        disabled={!canEdit}
        disabledReason={canEdit ? undefined : "Viewers cannot change it."}
        onChange={(s) => draft.edit((d) => withSeverity(d, rule, s))}
      />
      <OptionsEditor
        schema={rule.optionsSchema}
        value={options}
        path={optionPath(rule.id)}
        issues={issuesAt(draft.issues, optionPath(rule.id))}
        disabled={!canEdit}
        onChange={(option, value) => draft.edit((d) => withOption(d, rule, option, value))}
      />
    </section>
  );
}

/**
 * @param props - the rule catalogue
 * @returns the page
 */
export function RulesPage(props: { catalogue: readonly RuleInfo[] }) {
  const styles = useStyles();
  const page = usePageStyles();
  const { canEdit } = useAdmin();
  const [query, setQuery] = useState("");
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== "");
  const matches = (r: RuleInfo): boolean => {
    if (words.length === 0) return true;
    const text = `${r.title} ${r.description} ${r.clause.quote} ${r.clause.section} ${categoryLabel(r.category)} ${r.id}`.toLowerCase();
    return words.every((w) => text.includes(w));
  };
  const shown = props.catalogue.filter(matches);
  const categories = [...new Set(shown.map((r) => r.category))].sort(
    (a, b) => (CATEGORY_ORDER.indexOf(a) + 1 || 99) - (CATEGORY_ORDER.indexOf(b) + 1 || 99),
  );
  return (
    <div className={page.page}>
      <h1 className={page.title}>Rules</h1>
      <p className={page.lead}>
        Each rule checks one part of the Centre’s communication policy when staff press Send. Choose what happens when a rule finds something, and tune its options. Changes
        stay in your draft until you publish them.
      </p>
      {!canEdit ? (
        <MessageBar intent="info">
          <MessageBarBody>{VIEWER_EXPLANATION}</MessageBarBody>
        </MessageBar>
      ) : null}
      {props.catalogue.length === 0 ? <p>The server lists no rules.</p> : null}
      {props.catalogue.length > 0 ? (
        <Field label="Find a rule" hint="Search titles, descriptions and the policy’s words, e.g. “chain” or “photos”.">
          <SearchBox value={query} onChange={(_e, d) => setQuery(d.value)} />
        </Field>
      ) : null}
      {shown.length > 0 ? (
        <nav aria-label="Jump to a rule">
          <ul className={styles.jump}>
            {shown.map((r) => (
              <li key={r.id}>
                <a href={`#card-${r.id}`} onClick={(e) => jumpTo(e, r.id)}>
                  {r.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : props.catalogue.length > 0 ? (
        <p role="status">No rule matches “{query}”.</p>
      ) : null}
      {categories.map((category) => (
        <section key={category} className={styles.category} aria-labelledby={`category-${category}`}>
          <h2 id={`category-${category}`} className={`${page.heading} ${styles.target}`}>
            {categoryLabel(category)}
          </h2>
          <div className={styles.grid}>
            {shown
              .filter((r) => r.category === category)
              .map((rule) => (
                <RuleCard key={rule.id} rule={rule} />
              ))}
          </div>
        </section>
      ))}
    </div>
  );
}

/**
 * Moves to a rule's card without changing the app's hash route, and puts focus on its
 * heading so keyboard users carry on from there.
 * @param event - the link's click
 * @param id - the rule's id
 */
function jumpTo(event: { preventDefault(): void }, id: string): void {
  event.preventDefault();
  const heading = document.getElementById(`rule-${id}`);
  if (!heading) return;
  heading.setAttribute("tabindex", "-1");
  heading.scrollIntoView?.({ block: "start" });
  heading.focus();
}
