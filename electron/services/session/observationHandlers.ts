/**
 * Observations: one at a time, or a whole round at the chair (issue 12: NRS, sedation, dissociation, nausea and blood
 * pressure in one form). A round is all-or-nothing: every item is checked first, each refusal names its item
 * (`params.item`, the index in the round), and only a round without refusals is written, in one transaction.
 */
import type { SessionDetail } from '../../../core/api/methods/sessionSchemas';
import type { MethodInput } from '../../../core/api/contract';
import type { SessionUser } from '../../../core/auth/roles';
import { problem } from '../../../core/messages';
import { validateObservation, type Observation } from '../../../core/session/observations';
import { RESCUE_DRUGS } from '../../../core/session/rescueMedications';
import type { Problem } from '../../../core/settings';
import type { DbClient } from '../../../db/client';
import type { SessionBundle } from '../../../db/repos/sessionRead';
import type { Actor } from '../../../db/repos/users';
import { userOf, type HandlersFor } from '../../ipc/dispatcher';
import { badInput } from './guarded';
import { activeStaff } from './readiness';

export type ObservationMethods = 'observations.record' | 'observations.recordRound';

type ObservationInput = MethodInput<'observations.record'>['observation'];
type Stored = Observation & Record<string, unknown>;

export interface ObservationDeps {
  db: DbClient;
  now: () => number;
  /** The session states in which observations are taken. */
  during: readonly string[];
  actorOf: (user: SessionUser, at?: number) => Actor;
  bundleOf: (sessionId: number) => Promise<SessionBundle>;
  notSigned: (b: SessionBundle) => void;
  changed: (sessionId: number) => Promise<SessionDetail>;
  guarded: <T>(write: Promise<T>) => Promise<T>;
}

export function createObservationHandlers(deps: ObservationDeps): HandlersFor<ObservationMethods> {
  const { db, now, actorOf, bundleOf, notSigned, changed, guarded } = deps;

  /** The observations as stored, with the server's time where the user chose none, and every refusal. */
  async function checked(sessionId: number, inputs: readonly ObservationInput[], at: number): Promise<{ stored: Stored[]; problems: Problem[][] }> {
    const [b, staff] = await Promise.all([bundleOf(sessionId), activeStaff(db)]);
    notSigned(b);
    const earliest = b.session.checkedInAt ?? b.session.startedAt ?? b.session.plannedFor;
    const context = { now: at, earliest, staff: new Map(staff.map((u) => [u.id, u.role])) };
    const stored = inputs.map((o) => withTimes(o, at));
    return { stored, problems: stored.map((o) => validateObservation(o, context)) };
  }

  return {
    'observations.record': async ({ sessionId, observation }, ctx) => {
      const at = now();
      const { stored, problems } = await checked(sessionId, [observation], at);
      if (problems[0]!.length > 0) throw badInput(problems[0]!);
      await guarded(db.call('recordObservation', actorOf(userOf(ctx), at), sessionId, [...deps.during], stored[0]!));
      return changed(sessionId);
    },
    'observations.recordRound': async ({ sessionId, observations }, ctx) => {
      const at = now();
      const kinds = observations.map((o) => o.kind);
      const repeated = kinds.filter((k, i) => kinds.indexOf(k) !== i);
      if (repeated.length > 0) throw badInput([problem('observation.roundKindTwice', { kind: repeated[0]! })]);
      const { stored, problems } = await checked(sessionId, observations, at);
      const refusals = problems.flatMap((list, item) => list.map((p) => ({ ...p, params: { ...p.params, item } })));
      if (refusals.length > 0) throw badInput(refusals);
      await guarded(db.call('recordObservations', actorOf(userOf(ctx), at), sessionId, [...deps.during], stored));
      return changed(sessionId);
    },
  };
}

/** One clock: the server's, unless the user chose a time; a rescue drug defaults to the event's time. */
function withTimes(observation: ObservationInput, at: number): Stored {
  const eventAt = observation.at ?? at;
  const o =
    observation.kind === 'adverseEvent' && observation.rescueMedication
      ? {
          ...observation,
          at: eventAt,
          rescueMedication: { ...observation.rescueMedication, unit: RESCUE_DRUGS[observation.rescueMedication.drug].unit, at: observation.rescueMedication.at ?? eventAt },
        }
      : { ...observation, at: eventAt };
  return o as Stored;
}
