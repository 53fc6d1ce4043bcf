/**
 * Half-filled forms kept while the user looks elsewhere (issue 12 item 6): a form keyed by what it is about
 * (e.g. `round:12`) finds its draft again when its screen comes back. In memory only: a draft is not a record.
 */
import { useCallback } from 'react';
import { create } from 'zustand';

interface DraftState {
  drafts: Record<string, unknown>;
  put(key: string, value: unknown): void;
  drop(key: string): void;
  /** Drops every draft whose key starts with `prefix` (a whole form's fields). */
  dropPrefix(prefix: string): void;
}

export const useDraftStore = create<DraftState>((set) => ({
  drafts: {},
  put: (key, value) => set((s) => ({ drafts: { ...s.drafts, [key]: value } })),
  drop: (key) =>
    set((s) => {
      const { [key]: _dropped, ...rest } = s.drafts;
      return { drafts: rest };
    }),
  dropPrefix: (prefix) => set((s) => ({ drafts: Object.fromEntries(Object.entries(s.drafts).filter(([k]) => !k.startsWith(prefix))) })),
}));

/** Like useState, but the value outlives the component until `clear()` (after a successful save). */
export function useDraft<T>(key: string, initial: T): [T, (value: T) => void, () => void] {
  const stored = useDraftStore((s) => s.drafts[key]) as T | undefined;
  const put = useDraftStore((s) => s.put);
  const drop = useDraftStore((s) => s.drop);
  const set = useCallback((v: T) => put(key, v), [put, key]);
  const clear = useCallback(() => drop(key), [drop, key]);
  return [stored === undefined ? initial : stored, set, clear];
}
