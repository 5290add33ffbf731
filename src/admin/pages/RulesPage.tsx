/**
 * The rules, grouped by category: what each checks, the policy clause it enforces, how
 * severe it is and its options. Edits go to the working copy (saved with the Draft bar).
 */
import { Badge, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
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
    <section className={page.card} aria-labelledby={headingId}>
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
  const categories = [...new Set(props.catalogue.map((r) => r.category))].sort(
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
      {categories.map((category) => (
        <section key={category} className={styles.category} aria-labelledby={`category-${category}`}>
          <h2 id={`category-${category}`} className={page.heading}>
            {categoryLabel(category)}
          </h2>
          <div className={styles.grid}>
            {props.catalogue
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
