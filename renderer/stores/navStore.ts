/**
 * Which screen is shown. One small store instead of a router: the app has a handful of screens and no URLs to share.
 * Features add their screens to `View` and to renderer/views.tsx.
 */
import { create } from 'zustand';

export type View = { name: 'chair'; chairId: number };

interface NavState {
  view: View | null;
  go(view: View): void;
}

export const useNav = create<NavState>((set) => ({
  view: null,
  go: (view) => set({ view }),
}));
