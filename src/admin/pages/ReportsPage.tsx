/**
 * Weekly reports from the add-in's content-free events: per rule and ISO week, hits, monitor
 * hits, warnings overridden, blocks and "this warning is wrong" reports. A table holds the
 * numbers; the bars beside the totals only repeat them visually (hidden from screen readers,
 * which read the numbers).
 */
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import type { RuleInfo, WeeklyRow } from "../api/types";
import type { DropReason, DroppedEvents } from "../../core/model/event";
import { DataTable } from "../components/DataTable/DataTable";
import { Empty, Loaded } from "../components/StatusViews";
import { useLoad } from "../hooks/useLoad";
import { usePageStyles } from "../styles";
import { useAdmin } from "../services";
import { weekLabel } from "../model/labels";

const WEEK = /^\d{4}-W\d{2}$/;

const useStyles = makeStyles({
  bars: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  barRow: { display: "grid", gridTemplateColumns: "minmax(8rem, 16rem) 1fr", columnGap: tokens.spacingHorizontalM, alignItems: "center" },
  track: { display: "flex", height: "1.25rem", backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusSmall, overflow: "hidden" },
  monitor: { backgroundColor: tokens.colorPaletteBlueBorderActive },
  enforced: { backgroundColor: tokens.colorPaletteDarkOrangeBorderActive },
  legend: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL, margin: 0 },
  swatch: { display: "inline-block", width: "0.75rem", height: "0.75rem", marginRight: tokens.spacingHorizontalXS, borderRadius: tokens.borderRadiusSmall },
  label: { overflowWrap: "anywhere" },
});

type Totals = { ruleId: string; hits: number; monitorHits: number; overridden: number; blocks: number; falsePositives: number };

function totalsByRule(rows: readonly WeeklyRow[]): Totals[] {
  const map = new Map<string, Totals>();
  for (const r of rows) {
    const t = map.get(r.ruleId) ?? { ruleId: r.ruleId, hits: 0, monitorHits: 0, overridden: 0, blocks: 0, falsePositives: 0 };
    t.hits += r.hits;
    t.monitorHits += r.monitorHits;
    t.overridden += r.overridden;
    t.blocks += r.blocks;
    t.falsePositives += r.falsePositives;
    map.set(r.ruleId, t);
  }
  return [...map.values()].sort((a, b) => b.hits - a.hits || a.ruleId.localeCompare(b.ruleId));
}

/**
 * @param props - the rule catalogue (titles)
 * @returns the page
 */
export function ReportsPage(props: { catalogue: readonly RuleInfo[] }) {
  const styles = useStyles();
  const page = usePageStyles();
  const { api } = useAdmin();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [state, reload] = useLoad(() => api.weekly(range.from, range.to), `${range.from ?? ""}|${range.to ?? ""}`);
  const title = (id: string) => props.catalogue.find((r) => r.id === id)?.title ?? id;

  const apply = (e: FormEvent): void => {
    e.preventDefault();
    const bad = [from, to].find((w) => w !== "" && !WEEK.test(w));
    if (bad !== undefined) {
      setProblem(`“${bad}” is not a week; pick one from the calendar.`);
      return;
    }
    if (from && to && from > to) {
      setProblem("The first week comes after the last week.");
      return;
    }
    setProblem(null);
    setRange({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
  };

  return (
    <div className={page.page}>
      <h1 className={page.title}>Reports</h1>
      <p className={page.lead}>
        How often each rule found something, week by week. The add-in reports only which rules matched and what the sender did — never any e-mail text, subject or address.
      </p>
      <form className={page.row} onSubmit={apply} aria-label="Weeks to show">
        <Field label="From week" hint="Pick any day in the first week to show." validationMessage={problem ?? undefined}>
          <Input type="week" value={from} onChange={(_e, d) => setFrom(d.value)} />
        </Field>
        <Field label="To week" hint="Pick any day in the last week to show.">
          <Input type="week" value={to} onChange={(_e, d) => setTo(d.value)} />
        </Field>
        <Button type="submit">Show</Button>
      </form>
      <Loaded state={state} loading="Loading the reports…" failed="Could not load the reports" onRetry={reload}>
        {(report) => {
          if (report.rows.length === 0) {
            return <Empty>No events {range.from || range.to ? "in these weeks" : "yet"}. The report fills in as staff send e-mail with the add-in.</Empty>;
          }
          const totals = totalsByRule(report.rows);
          const max = Math.max(1, ...totals.map((t) => t.hits));
          return (
            <>
              <section className={page.card} aria-labelledby="totals-title">
                <h2 id="totals-title" className={page.heading}>
                  Hits per rule{range.from || range.to ? ` (${range.from ? weekLabel(range.from) : "the start"} to ${range.to ? weekLabel(range.to) : "now"})` : ""}
                </h2>
                <p className={styles.legend} aria-hidden="true">
                  <span>
                    <span className={`${styles.swatch} ${styles.enforced}`} />
                    Shown to the sender
                  </span>
                  <span>
                    <span className={`${styles.swatch} ${styles.monitor}`} />
                    Monitor only
                  </span>
                </p>
                <ul className={styles.bars} aria-label="Hits per rule">
                  {totals.map((t) => (
                    <li key={t.ruleId} className={styles.barRow}>
                      <span className={styles.label}>
                        {title(t.ruleId)}: {t.hits} {t.hits === 1 ? "hit" : "hits"}
                        {t.monitorHits ? ` (${t.monitorHits} monitor only)` : ""}
                      </span>
                      <span className={styles.track} aria-hidden="true">
                        <span className={styles.enforced} style={{ width: `${((t.hits - t.monitorHits) / max) * 100}%` }} />
                        <span className={styles.monitor} style={{ width: `${(t.monitorHits / max) * 100}%` }} />
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
              <section className={page.card} aria-labelledby="weekly-title">
                <h2 id="weekly-title" className={page.heading}>
                  Week by week
                </h2>
                <DataTable
                  label="Week by week"
                  minWidth="40rem"
                  rowHeader={1}
                  columns={[
                    { header: "Week" },
                    { header: "Rule" },
                    { header: "Hits", numeric: true },
                    { header: "Monitor hits", numeric: true },
                    { header: "Warnings shown", numeric: true },
                    { header: "Warnings overridden", numeric: true },
                    { header: "Blocks", numeric: true },
                    { header: "False-positive reports", numeric: true },
                  ]}
                  rows={report.rows.map((r) => ({
                    key: `${r.week}|${r.ruleId}`,
                    title: `${title(r.ruleId)}, ${weekLabel(r.week)}`,
                    cells: [weekLabel(r.week), title(r.ruleId), r.hits, r.monitorHits, r.warned ?? 0, r.overridden, r.blocks, r.falsePositives],
                  }))}
                />
              </section>
              <DroppedSection dropped={report.dropped ?? []} />
            </>
          );
        }}
      </Loaded>
    </div>
  );
}

const DROP_REASONS: Readonly<Record<DropReason, string>> = {
  "no-token": "sent without the add-in's key for this Centre",
  "wrong-token": "sent with a key that is not this Centre's",
  "sender-daily-limit": "over the day's limit for one member of staff",
  "install-daily-limit": "over the day's limit for the whole Centre",
};

/**
 * Says how many events the server did not count, so a manager knows the figures above are
 * bounded and sees when someone tried to fill the report with made-up events.
 * @param props - the dropped events per week and reason
 * @returns the section, or a line saying none were dropped
 */
function DroppedSection(props: { dropped: readonly DroppedEvents[] }) {
  const page = usePageStyles();
  const total = props.dropped.reduce((n, d) => n + d.events, 0);
  return (
    <section className={page.card} aria-labelledby="dropped-title">
      <h2 id="dropped-title" className={page.heading}>
        Events not counted
      </h2>
      {total === 0 ? (
        <p>None: every event the add-in sent in these weeks is counted above.</p>
      ) : (
        <ul aria-label="Events not counted">
          {props.dropped.map((d) => (
            <li key={`${d.week}|${d.reason}`}>
              {weekLabel(d.week)}: {d.events} {d.events === 1 ? "event" : "events"} {DROP_REASONS[d.reason] ?? d.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
