/**
 * The manager's working copy of the draft policy, shared by the Rules and Organisation pages,
 * and saving it with optimistic concurrency: a save names the revision it started from; when
 * someone else saved meanwhile the server answers 409 with its draft, and the manager
 * chooses to keep theirs (re-applied on the newer revision) or take the server's. Nothing is
 * lost either way: the conflict lists both sides' changes first. The working copy lives
 * above the sign-in gate, so an ended session does not lose edits either.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { ApiError, DraftConflict, type ApiClient } from "../api/client";
import type { Draft, Issue, RuleInfo } from "../api/types";
import { changedLeaves, localIssues, mergeDrafts, sameValue, type LeafChange, type MergeResult, type PolicyDoc, asPolicyDoc } from "../model/policy-model";

export type Conflict = Readonly<{ current: Draft; merge: MergeResult }>;

export type DraftState = Readonly<{
  /** The server's draft the working copy is based on. */
  base: Draft | null;
  working: PolicyDoc | null;
  loading: boolean;
  loadError: string | null;
  saving: boolean;
  saveError: Readonly<{ message: string; issues: readonly Issue[] }> | null;
  conflict: Conflict | null;
  /** Set after a save or a resolution, for a short confirmation. */
  notice: string | null;
}>;

export type DraftApi = DraftState &
  Readonly<{
    dirty: boolean;
    /** What the manager changed relative to `base`. */
    changes: readonly LeafChange[];
    /** Problems in the working copy (browser checks, then the server's last answer). */
    issues: readonly Issue[];
    load(): Promise<void>;
    edit(change: (doc: PolicyDoc) => PolicyDoc): void;
    save(): Promise<boolean>;
    /** Re-applies the manager's changes on the server's newer draft and saves again. */
    keepMine(): Promise<boolean>;
    /** Drops the manager's changes for the server's draft. */
    takeTheirs(): void;
    /** Closes the conflict without choosing (the next save conflicts again). */
    dismissConflict(): void;
    discard(): void;
    /** Takes a draft the server returned elsewhere (after a rollback), keeping unsaved edits. */
    adopt(draft: Draft): void;
    /** The draft was published: a notice about it waiting to be published is out of date. */
    published(): void;
    clearNotice(): void;
  }>;

const DraftContext = createContext<DraftApi | null>(null);

const EMPTY: DraftState = { base: null, working: null, loading: false, loadError: null, saving: false, saveError: null, conflict: null, notice: null };

/**
 * Holds the working copy for its children.
 * @param props - the API client, the rule catalogue (for checks) and children
 */
export function DraftProvider(props: { api: ApiClient; catalogue: readonly RuleInfo[]; children: ReactNode }) {
  const { api, catalogue } = props;
  const [state, setState] = useState<DraftState>(EMPTY);
  const stateRef = useRef(state);
  stateRef.current = state;
  const update = useCallback((patch: Partial<DraftState> | ((s: DraftState) => Partial<DraftState>)) => {
    setState((s) => {
      const next = { ...s, ...(typeof patch === "function" ? patch(s) : patch) };
      stateRef.current = next;
      return next;
    });
  }, []);

  const load = useCallback(async () => {
    update({ loading: true, loadError: null });
    try {
      const draft = await api.draft();
      // A reload after the session ended keeps the manager's edits; only a clean copy follows the server.
      update((s) => {
        const dirty = s.base && s.working && !sameValue(s.base.policy, s.working);
        return dirty ? { loading: false } : { loading: false, base: draft, working: asPolicyDoc(draft.policy) };
      });
    } catch (error) {
      update({ loading: false, loadError: error instanceof Error ? error.message : String(error) });
    }
  }, [api, update]);

  const saveDoc = useCallback(
    async (doc: PolicyDoc, revision: number, base: Draft): Promise<boolean> => {
      update({ saving: true, saveError: null, notice: null });
      try {
        const saved = await api.saveDraft(doc, revision);
        update((s) => ({
          saving: false,
          base: saved,
          // Edits made while the save was on its way stay in the working copy.
          working: s.working && !sameValue(s.working, doc) ? s.working : asPolicyDoc(saved.policy),
          conflict: null,
          notice: `Draft saved (revision ${saved.revision}). Staff still get the published policy until you publish.`,
        }));
        return true;
      } catch (error) {
        if (error instanceof DraftConflict) {
          update({ saving: false, conflict: { current: error.current, merge: mergeDrafts(asPolicyDoc(base.policy), doc, asPolicyDoc(error.current.policy)) } });
          return false;
        }
        const message = error instanceof Error ? error.message : String(error);
        update({ saving: false, saveError: { message, issues: error instanceof ApiError ? error.issues : [] } });
        return false;
      }
    },
    [api, update],
  );

  const save = useCallback(async () => {
    const s = stateRef.current;
    if (!s.base || !s.working || s.saving) return false;
    return saveDoc(s.working, s.base.revision, s.base);
  }, [saveDoc]);

  const keepMine = useCallback(async () => {
    const s = stateRef.current;
    if (!s.conflict || !s.working) return false;
    const { current, merge } = s.conflict;
    // From now on the working copy is the merged one, based on the server's newer draft.
    update({ base: current, working: merge.merged });
    return saveDoc(merge.merged, current.revision, current);
  }, [saveDoc, update]);

  const takeTheirs = useCallback(() => {
    const s = stateRef.current;
    if (!s.conflict) return;
    update({ base: s.conflict.current, working: asPolicyDoc(s.conflict.current.policy), conflict: null, saveError: null, notice: `You now have the draft as ${s.conflict.current.updatedBy} saved it (revision ${s.conflict.current.revision}).` });
  }, [update]);

  const value = useMemo<DraftApi>(() => {
    const changes = state.base && state.working ? changedLeaves(asPolicyDoc(state.base.policy), state.working) : [];
    const issues = state.working ? [...localIssues(state.working, catalogue), ...(state.saveError?.issues ?? [])] : [];
    const unique = issues.filter((i, n) => issues.findIndex((j) => j.path === i.path && j.message === i.message) === n);
    return {
      ...state,
      dirty: changes.length > 0,
      changes,
      issues: unique,
      load,
      edit: (change) => update((s) => (s.working ? { working: change(s.working), saveError: null, notice: null } : {})),
      save,
      keepMine,
      takeTheirs,
      dismissConflict: () => update({ conflict: null }),
      discard: () => update((s) => (s.base ? { working: asPolicyDoc(s.base.policy), saveError: null, notice: null } : {})),
      adopt: (draft) =>
        update((s) => {
          const dirty = s.base && s.working && !sameValue(s.base.policy, s.working);
          // A clean copy now matches what the server holds, so "saved, not yet published" is no longer true.
          return dirty ? {} : { base: draft, working: asPolicyDoc(draft.policy), notice: null };
        }),
      clearNotice: () => update({ notice: null }),
      published: () => update((s) => (s.base && s.working && !sameValue(s.base.policy, s.working) ? {} : { notice: null })),
    };
  }, [state, catalogue, load, save, keepMine, takeTheirs, update]);

  return <DraftContext.Provider value={value}>{props.children}</DraftContext.Provider>;
}

/**
 * @returns the working copy and its operations
 * @throws outside `DraftProvider`
 */
export function useDraft(): DraftApi {
  const value = useContext(DraftContext);
  if (!value) throw new Error("useDraft needs a DraftProvider");
  return value;
}
