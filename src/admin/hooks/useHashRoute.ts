/** The page in the address's fragment (`#/rules`), so Back, bookmarks and reloads keep the page. */
import { useEffect, useState } from "react";

/**
 * @param routes - the known route names; the first is the default
 * @returns the current route and a function to go to another
 */
export function useHashRoute<R extends string>(routes: readonly R[]): [R, (route: R) => void] {
  const read = (): R => {
    const name = window.location.hash.replace(/^#\/?/, "");
    return (routes as readonly string[]).includes(name) ? (name as R) : (routes[0] as R);
  };
  const [route, setRoute] = useState<R>(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  const go = (next: R): void => {
    window.location.hash = `#/${next}`;
    setRoute(next);
  };
  return [route, go];
}
