/**
 * Which screen is shown. One small store instead of a router: the app has a handful of screens and no URLs to share.
 * Features add their screens to `View` and to renderer/views.tsx.
 */
import { create } from 'zustand';

export type View =
  // Issue 6: the multi-chair overview (start screen) and a chair's alarm log.
  | { name: 'overview' }
  | { name: 'alarmLog'; chairId: number }
  | { name: 'chair'; chairId: number }
  // Issue 4: device setup per chair (port, protocol, line settings, test, capture).
  | { name: 'setup'; chairId?: number }
  | { name: 'users' }
  // Issue 14: the link with the practice management system (GDT).
  | { name: 'gdt' }
  // Issue 15: backups and the restore drill (administrators).
  | { name: 'backups' }
  // Issue 5: patients, courses, the infusion session and the physician's review.
  | { name: 'patients' }
  | { name: 'patient'; patientId: number }
  | { name: 'course'; courseId: number }
  | { name: 'session'; sessionId: number }
  /** `sign`: opened from the worklist to sign, the password field first; `documents`: at its Dokumente (the PVS's 6311). */
  | { name: 'review'; sessionId: number; sign?: boolean; documents?: boolean }
  // Issue 12: the physician's worklist.
  | { name: 'worklist' }
  // Issue 10: clinic settings with their ranges, sources and change history.
  | { name: 'settings' };

interface NavState {
  view: View | null;
  go(view: View): void;
}

export const useNav = create<NavState>((set) => ({
  view: null,
  go: (view) => set({ view }),
}));
