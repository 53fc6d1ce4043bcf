/**
 * The physician's worklist (issue 12 item 4): sessions waiting for her prescription, release or signature. The rule
 * of what waits and in which order is core/session/worklist.ts; this reads the few sessions it can concern.
 */
import { CLINIC_DEFAULTS } from '../../../core/clinic/defaults';
import type { SessionStatus } from '../../../core/session/stateMachine';
import { worklistOf, type WorklistCandidate } from '../../../core/session/worklist';
import type { DbClient } from '../../../db/client';
import type { SessionBundle } from '../../../db/repos/sessionRead';
import type { HandlersFor } from '../../ipc/dispatcher';
import { loadSettings } from './clinicSettings';
import { summaryOf } from './sessionView';

export type WorklistMethods = 'worklist.physician';

const candidateOf = (b: SessionBundle, released: boolean): WorklistCandidate => ({
  id: b.session.id,
  status: b.session.state as SessionStatus,
  signed: b.session.signed !== null,
  hasPrescription: b.prescriptions.length > 0,
  released,
  checkedInAt: b.session.checkedInAt,
  stoppedAt: b.session.stoppedAt,
  dischargedAt: b.session.dischargedAt,
  lastEventAt: b.session.lastEventAt,
  plannedFor: b.session.plannedFor,
});

export function createWorklistHandlers({ db, now }: { db: DbClient; now: () => number }): HandlersFor<WorklistMethods> {
  return {
    'worklist.physician': async () => {
      const [s, waiting, unsigned] = await Promise.all([
        loadSettings(db),
        db.call('sessionSummaries', { statuses: ['checkedIn', 'checklistComplete', 'postObservation'] }),
        db.call('sessionSummaries', { statuses: ['discharged', 'transferred', 'cancelled'], unsigned: true }),
      ]);
      // A summary carries no discharge steps: the few sessions in observation are read whole for their release.
      const observed = waiting.filter((b) => b.session.state === 'postObservation');
      const full = await Promise.all(observed.map((b) => db.call('sessionBundle', b.session.id)));
      const released = new Set(
        full.filter((b) => b?.steps.some((x) => x.kind === 'physicianRelease' || x.kind === 'override')).map((b) => b!.session.id),
      );
      const bundles = new Map([...waiting, ...unsigned].map((b) => [b.session.id, b]));
      const at = now();
      const hours = s.settings.signatureOverdueHours;
      const entries = worklistOf([...bundles.values()].map((b) => candidateOf(b, released.has(b.session.id))), at, hours);
      return {
        items: entries.map((e) => ({ session: summaryOf(bundles.get(e.sessionId)!, s.settings, at), awaiting: e.awaiting, since: e.since, overdue: e.overdue })),
        signatureOverdue: { hours, source: CLINIC_DEFAULTS.signatureOverdueHours.source },
      };
    },
  };
}
