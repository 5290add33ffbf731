/** Renders the task pane with fake services, as the UI tests need it. */
import { render } from "@testing-library/react";
import { Root } from "../../src/taskpane/Root";
import { createFakeServices, type Fake, type FakeOptions } from "./fake-services";

/**
 * Renders the whole pane (providers included) over a fake message.
 * @param options - the fake's options
 * @returns Testing Library's result plus the fake
 */
export function renderPane(options: FakeOptions): ReturnType<typeof render> & { fake: Fake } {
  const fake = createFakeServices(options);
  const result = render(<Root debounceMs={0} pollMs={0} services={fake.services} />);
  return { ...result, fake };
}
