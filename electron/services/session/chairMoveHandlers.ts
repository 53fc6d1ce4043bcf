/**
 * The patient sits in another chair (issue 14 follow-up): a planned or checked-in session moves before its infusion
 * starts (vitals and alarms are bound to the chair from then on). Both chairs' screens reload through
 * 'session.changed' (previousChairId); a session already watched by the alarms leaves the old chair's engine and
 * the new chair's engine watches it from now on.
 */
import { SEATED_STATUSES } from '../../../core/session/stateMachine';
import { problem } from '../../../core/messages';
import { userOf, type HandlersFor } from '../../ipc/dispatcher';
import type { SessionCallDeps } from './callDeps';
import { loadSettings } from './clinicSettings';
import { guarded, refused } from './guarded';
import { hardLimitMlHOf } from './prescriptionHandlers';

export type ChairMoveMethods = 'sessions.moveChair';

/** Before the infusion starts; the alarms watch a session from check-in. */
const MOVABLE = ['planned', 'checkedIn', 'checklistComplete'] as const;
const WATCHED = ['checkedIn', 'checklistComplete'];

export interface ChairMoveDeps extends SessionCallDeps {
  onInfusion?: ((chairId: number, input: { sessionId: number | null; running: boolean; documentedRateMlH: number | null; hardLimitMlH?: number | null }) => void) | undefined;
}

export function createChairMoveHandlers(deps: ChairMoveDeps): HandlersFor<ChairMoveMethods> {
  const { db, actorOf, bundleOf, notSigned, changed } = deps;
  return {
    'sessions.moveChair': async ({ sessionId, chairId }, ctx) => {
      const b = await bundleOf(sessionId);
      notSigned(b);
      const from = b.session.chairId;
      if (!MOVABLE.some((s) => s === b.session.state) || b.session.startedAt !== null) {
        throw refused('the chair can only be changed before the infusion starts', [problem('session.moveAfterStart')]);
      }
      const chairs = await db.call('listChairs');
      const target = chairs.find((c) => c.id === chairId);
      if (!target) throw refused(`there is no chair ${chairId}`, [problem('session.chairUnknown', { chair: chairId })]);
      if (chairId === from) return changed(sessionId);
      const seated = (await db.call('sessionSummaries', { chairId, statuses: [...SEATED_STATUSES] })).find((o) => o.session.id !== sessionId);
      if (seated) {
        throw refused(`chair ${target.name} is occupied`, [problem('session.chairOccupied', { chair: target.name, name: seated.session.patientName })]);
      }
      await guarded(db.call('moveSessionChair', actorOf(userOf(ctx)), { sessionId, from: b.session.state, fromChairId: from, toChairId: chairId }));
      if (WATCHED.includes(b.session.state)) {
        const { settings } = await loadSettings(db);
        deps.onInfusion?.(from, { sessionId: null, running: false, documentedRateMlH: null });
        deps.onInfusion?.(chairId, { sessionId, running: false, documentedRateMlH: null, hardLimitMlH: hardLimitMlHOf(b, settings) });
      }
      return changed(sessionId, from);
    },
  };
}
