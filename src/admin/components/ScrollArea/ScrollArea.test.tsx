/** The scroll area says it scrolls only while something is out of view, and can be reached with Tab. */
import { act, screen } from "@testing-library/react";
import { renderFluent } from "../../test-support/render";
import { ScrollArea } from "./ScrollArea";

/** jsdom has no layout: give the region the sizes a browser would measure. */
function size(el: HTMLElement, sizes: { scrollWidth: number; clientWidth: number; scrollLeft?: number }) {
  Object.defineProperty(el, "scrollWidth", { configurable: true, value: sizes.scrollWidth });
  Object.defineProperty(el, "clientWidth", { configurable: true, value: sizes.clientWidth });
  Object.defineProperty(el, "scrollLeft", { configurable: true, writable: true, value: sizes.scrollLeft ?? 0 });
}

describe("ScrollArea", () => {
  it("is a named region reachable with Tab, with no hint while everything fits", () => {
    renderFluent(
      <ScrollArea label="Week by week">
        <table />
      </ScrollArea>,
    );
    const region = screen.getByRole("region", { name: "Week by week" });
    expect(region.tabIndex).toBe(0);
    expect(screen.queryByText(/scroll sideways/)).toBeNull();
  });

  it("says it scrolls and shades the side with more, and follows the scrolling", () => {
    renderFluent(
      <ScrollArea label="Week by week">
        <table />
      </ScrollArea>,
    );
    const region = screen.getByRole("region", { name: "Week by week" });
    size(region, { scrollWidth: 640, clientWidth: 320 });
    act(() => {
      region.dispatchEvent(new Event("scroll"));
    });
    const hint = screen.getByText("Wider than the window: scroll sideways to see the rest", { exact: false });
    expect(hint.textContent).toBe("Wider than the window: scroll sideways to see the rest →");
    expect(region.getAttribute("aria-describedby")).toBe(hint.id);
    const edges = () => [...document.querySelectorAll("[data-edge]")].map((e) => e.getAttribute("data-edge"));
    expect(edges()).toEqual(["end"]);
    size(region, { scrollWidth: 640, clientWidth: 320, scrollLeft: 320 });
    act(() => {
      region.dispatchEvent(new Event("scroll"));
    });
    expect(edges()).toEqual(["start"]);
    expect(hint.textContent).toBe("Wider than the window: scroll sideways to see the rest");
    size(region, { scrollWidth: 320, clientWidth: 320 });
    act(() => {
      region.dispatchEvent(new Event("scroll"));
    });
    expect(screen.queryByText(/scroll sideways/)).toBeNull();
    expect(edges()).toEqual([]);
  });
});
