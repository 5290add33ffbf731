/** Admin app bootstrap: one API client for the page's own origin, rendered into #root. */
import { createRoot } from "react-dom/client";
import { createApiClient } from "./api/client";
import { Root } from "./Root";

const container = document.getElementById("root");
if (container) createRoot(container).render(<Root api={createApiClient()} />);
