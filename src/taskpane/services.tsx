/**
 * What the task pane needs from its host, as one injectable object: the React components and
 * hooks never touch Office.js (style.md 2.5). `src/office/taskpane-services.ts` implements it
 * over Office.js; tests and the simulator-free unit tests pass a fake.
 */
import { createContext, useContext, type ReactNode } from "react";
import type { TaskPaneServices } from "../office/pane-contract";

export type { ThemeKind, ClientKind, ClientCapabilities, FixRequest, SenderEvent, ChangeReason, TaskPaneServices } from "../office/pane-contract";
export { EDIT_FIXES } from "../office/pane-contract";

const ServicesContext = createContext<TaskPaneServices | null>(null);

/**
 * Provides the services to the pane.
 * @param props - the services and the children
 * @returns the provider
 */
export function ServicesProvider(props: { services: TaskPaneServices; children: ReactNode }) {
  return <ServicesContext.Provider value={props.services}>{props.children}</ServicesContext.Provider>;
}

/**
 * The services provided above.
 * @returns the services
 * @throws Error when no provider is above the component
 */
export function useServices(): TaskPaneServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error("useServices needs a <ServicesProvider> above it");
  return services;
}
