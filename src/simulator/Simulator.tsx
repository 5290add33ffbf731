/**
 * The Outlook simulator page: a compose window, the Send button that runs the real on-send
 * bundle, the Smart Alerts dialog, the real task pane beside it (an iframe of taskpane.html
 * given the simulated Office of the same message), the switches, the sent items and a log of
 * Office calls (method names only). Development only; never referenced by the manifest.
 */
import {
  Button,
  Field,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useRef, useState, useSyncExternalStore } from "react";
import { ComposeForm } from "./components/ComposeForm";
import { SentItems } from "./components/SentItems";
import { SmartAlertDialog } from "./components/SmartAlertDialog";
import { Switches } from "./components/Switches";
import type { SimulatorController } from "./controller";
import { SAMPLES, sampleDraft } from "./samples";
import type { DialogModel } from "./smart-alerts";

/** The task pane's width in Outlook; the pane must work at 320 px. */
export const PANE_WIDTH = 320;

const useStyles = makeStyles({
  page: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, fontSize: tokens.fontSizeBase200 },
  main: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalL, padding: tokens.spacingHorizontalL, flexWrap: "wrap" },
  compose: {
    flexGrow: 1,
    flexBasis: "32rem",
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  pane: {
    flexShrink: 0,
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    overflow: "hidden",
  },
  paneHeader: { display: "flex", justifyContent: "space-between", alignItems: "center", padding: tokens.spacingHorizontalS },
  paneTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  frame: { border: "none", height: "80vh" },
  side: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalL}` },
  section: { padding: tokens.spacingHorizontalL, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge },
  h2: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  log: { margin: 0, maxHeight: "14rem", overflowY: "auto", fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, paddingLeft: tokens.spacingHorizontalXXXL },
});

/**
 * The simulator.
 * @param props - the controller
 * @returns the page
 */
export function Simulator(props: { controller: SimulatorController }) {
  const { controller } = props;
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  const styles = useStyles();
  const [sample, setSample] = useState("twelve-parents-in-to");
  const sending = state.phase.kind === "sending";
  const lastDialog = useRef<DialogModel | null>(null);
  const [sampleError, setSampleError] = useState<string | null>(null);
  const loadSample = async (): Promise<void> => {
    const source = SAMPLES[sample];
    if (!source) return;
    try {
      controller.loadSample(await sampleDraft(source));
      setSampleError(null);
    } catch (error) {
      setSampleError(`${source.file} could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  if (state.phase.kind === "dialog") lastDialog.current = state.phase.dialog;

  return (
    <FluentProvider className={styles.page} theme={webLightTheme}>
      <header className={styles.header}>
        <h1 className={styles.title}>Outlook simulator</h1>
        <p className={styles.note}>
          Development only. Runs the real launchevent.js and taskpane.html against a simulated Office.js (Mailbox {controller.effectiveSet()}, manifest:{" "}
          {state.manifest.source}, SendMode {state.manifest.sendMode}).
        </p>
      </header>
      <main>
        <div className={styles.main}>
          <section aria-label="New message" className={styles.compose}>
            <div className={styles.toolbar}>
              <Button appearance="primary" disabled={sending || state.phase.kind === "dialog"} onClick={() => void controller.send("send button")}>
                Send
              </Button>
              <Button onClick={() => controller.openPane(null)}>Etiquette Guard</Button>
              <Field label="Sample message">
                <Select onChange={(_, d) => setSample(d.value)} value={sample}>
                  {Object.keys(SAMPLES).map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button onClick={() => void loadSample()}>Load sample</Button>
              <Button onClick={() => controller.newMessage()}>New message</Button>
            </div>
            {sampleError ? (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{sampleError}</MessageBarBody>
              </MessageBar>
            ) : null}
            {sending ? (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>
                  <Spinner label={state.phase.kind === "sending" && state.phase.slow ? `${state.manifest.addinName} is taking longer than expected…` : `${state.manifest.addinName} is checking your message…`} size="tiny" />
                </MessageBarBody>
                <Button onClick={() => controller.cancelSend()} size="small">
                  Stop waiting (simulator)
                </Button>
              </MessageBar>
            ) : null}
            <ComposeForm bodyVersion={state.bodyVersion} item={state.item} store={controller.store} />
          </section>
          {state.pane.open ? (
            <aside aria-label="Task pane" className={styles.pane} style={{ width: PANE_WIDTH }}>
              <div className={styles.paneHeader}>
                <h2 className={styles.paneTitle}>{state.manifest.addinName}</h2>
                <Button aria-label="Close the task pane" appearance="subtle" onClick={() => controller.closePane()} size="small">
                  ×
                </Button>
              </div>
              <iframe className={styles.frame} key={state.pane.key} src="taskpane.html" style={{ width: PANE_WIDTH }} title="Etiquette Guard task pane" />
            </aside>
          ) : null}
        </div>
        <div className={styles.side}>
          <section aria-labelledby="sim-switches" className={styles.section}>
            <h2 className={styles.h2} id="sim-switches">
              Switches
            </h2>
            <Switches onChange={(patch) => controller.setSettings(patch)} settings={state.settings} />
          </section>
          {state.warnings.length > 0 ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>The add-in broke a documented rule</MessageBarTitle>
                <ul>
                  {state.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </MessageBarBody>
              <Button onClick={() => controller.clearWarnings()} size="small">
                Clear
              </Button>
            </MessageBar>
          ) : null}
          <section aria-labelledby="sim-sent" className={styles.section}>
            <h2 className={styles.h2} id="sim-sent">
              Sent items
            </h2>
            <SentItems items={state.sent} />
          </section>
          <section aria-labelledby="sim-log" className={styles.section}>
            <h2 className={styles.h2} id="sim-log">
              Office calls (newest first)
            </h2>
            <ol aria-label="Office calls" className={styles.log}>
              {state.log.map((r, i) => (
                <li key={`${state.log.length - i}`}>
                  {r.runtime}: {r.method} — {r.outcome}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </main>
      {lastDialog.current ? <SmartAlertDialog dialog={lastDialog.current} onAnswer={(a) => controller.answer(a)} open={state.phase.kind === "dialog"} /> : null}
    </FluentProvider>
  );
}
