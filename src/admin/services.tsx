/**
 * What the admin app's components get from outside: the API client and the signed-in user.
 * Components read them from context (style.md: services via props or context), so tests
 * render any page with a client over a fake `fetch`.
 */
import { createContext, useContext, type ReactNode } from "react";
import type { ApiClient } from "./api/client";
import type { SessionUser } from "./api/types";

export type AdminContextValue = Readonly<{
  api: ApiClient;
  user: SessionUser;
  /** True for editors: they may change, publish and roll back. */
  canEdit: boolean;
}>;

const AdminContext = createContext<AdminContextValue | null>(null);

/** Provides the API client and user to the pages. */
export function AdminProvider(props: { value: AdminContextValue; children: ReactNode }) {
  return <AdminContext.Provider value={props.value}>{props.children}</AdminContext.Provider>;
}

/**
 * @returns the API client, user and role
 * @throws when used outside `AdminProvider`
 */
export function useAdmin(): AdminContextValue {
  const value = useContext(AdminContext);
  if (!value) throw new Error("useAdmin needs an AdminProvider");
  return value;
}

/** The explanation shown wherever a viewer finds controls disabled. */
export const VIEWER_EXPLANATION =
  "You are signed in with a viewer account, so you can see everything but not change it. Ask an SMT member with an editor account to make changes.";
