/** Rendering helpers for the admin app's tests: Fluent provider, the whole app over a fake server, axe. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, type RenderResult } from "@testing-library/react";
import axe from "axe-core";
import type { ReactElement } from "react";
import { createApiClient, type ApiClient } from "../api/client";
import { Root } from "../Root";
import { createFakeServer, type FakeServer, type FakeServerOptions } from "./fake-server";

/**
 * Renders an element inside the Fluent provider.
 * @param element - the element
 * @returns Testing Library's result
 */
export function renderFluent(element: ReactElement): RenderResult {
  return render(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>);
}

/**
 * Renders the whole admin app over a fake server.
 * @param options - the fake server's options
 * @returns the result, the server and the client
 */
export function renderAdmin(options: FakeServerOptions = {}): RenderResult & { server: FakeServer; api: ApiClient } {
  window.location.hash = "";
  const server = createFakeServer(options);
  const api = createApiClient({ fetch: server.fetch });
  const result = render(<Root api={api} />);
  return { ...result, server, api };
}

/**
 * Runs axe-core on a container (colour contrast needs real layout: checked in the browser test).
 * @param container - the element to check
 * @returns violations as "rule: targets"
 */
export async function axeViolations(container: HTMLElement): Promise<string[]> {
  const result = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
