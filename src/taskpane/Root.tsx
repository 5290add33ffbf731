/**
 * The pane's root: Fluent provider with the theme that follows Office's, and the services
 * context. Rendered by `index.tsx` in Outlook and by the tests with fake services.
 */
import { FluentProvider, makeStyles } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { App, type AppProps } from "./App";
import { ServicesProvider, type TaskPaneServices } from "./services";
import { fluentTheme } from "./theme";

const useStyles = makeStyles({ provider: { minHeight: "100vh" } });

export type RootProps = AppProps & { services: TaskPaneServices };

/**
 * Renders the pane with its providers.
 * @param props - the services and App options
 * @returns the root element
 */
export function Root(props: RootProps) {
  const { services, ...appProps } = props;
  const styles = useStyles();
  const [theme, setTheme] = useState(() => services.theme());
  useEffect(
    () =>
      services.subscribe((reason) => {
        if (reason === "theme") setTheme(services.theme());
      }),
    [services],
  );
  return (
    <FluentProvider className={styles.provider} theme={fluentTheme(theme)}>
      <ServicesProvider services={services}>
        <App {...appProps} />
      </ServicesProvider>
    </FluentProvider>
  );
}
