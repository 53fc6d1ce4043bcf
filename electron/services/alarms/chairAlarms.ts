/**
 * What the alarm service keeps per chair besides its engine: the limits in force, the session, the link as the
 * engine knows it, and the signature of the state last pushed.
 */
import type { AlarmStateDto } from '../../../core/api/methods/alarms';
import type { LinkStatus as WireLinkStatus } from '../../../core/api/schemas';
import type { LinkStatus as EngineLinkStatus } from '../../../core/alarms/condition';
import type { Thresholds } from '../../../core/alarms/defaults';
import { AlarmEngine, type InfusionStatus } from '../../../core/alarms/engine';
import type { PatientOverrides } from '../../../core/alarms/overrides';
import { AppError } from '../../../core/api/envelope';
import type { Problem } from '../../../core/settings';
import type { DbClient } from '../../../db/client';

export interface ChairAlarms {
  chairId: number;
  engine: AlarmEngine;
  thresholds: Thresholds;
  overriddenBy: string | null;
  /** The physician's per-patient limits in force, merged over the clinic's (kept to re-merge when those change). */
  overrides: PatientOverrides | null;
  sessionId: number | null;
  infusion: InfusionStatus;
  link: EngineLinkStatus;
  everReceived: boolean;
  signature: string;
}

/** The serial link's states as the engine knows them: a link that had data and is now reconnecting is lost. */
export function engineLink(state: WireLinkStatus['state'], everReceived: boolean): EngineLinkStatus {
  switch (state) {
    case 'receiving':
      return 'receiving';
    case 'silent':
      return 'silent';
    case 'error':
      return 'error';
    case 'stopped':
    case 'connecting':
    case 'associating':
      // Before the first data this is start-up, which the no-data alarm covers; afterwards the link was lost.
      return everReceived ? 'lost' : 'receiving';
  }
}

/** What a user sees: the countdown is drawn from pausedUntil, so it does not force a push every second. */
export function signatureOf(s: AlarmStateDto): string {
  return JSON.stringify([s.alarms, s.switchedOff, s.highestPriority, s.audio.tone, s.audio.pausedUntil, s.audio.pausedBy, s.infusionRunning]);
}

export function newChair(chairId: number, thresholds: Thresholds): ChairAlarms {
  return {
    chairId,
    engine: new AlarmEngine(thresholds),
    thresholds,
    overriddenBy: null,
    overrides: null,
    sessionId: null,
    infusion: { running: false, documentedRateMlH: null },
    link: 'receiving',
    everReceived: false,
    signature: '',
  };
}

/** The per-patient limits a physician stored for the session on the chair, if any. */
export async function storedOverrides(db: DbClient, chairId: number, sessionId: number): Promise<PatientOverrides | null> {
  const row = await db.call('currentAlarmOverrides', chairId, sessionId);
  return row ? { by: row.userName, reason: row.reason, limits: row.limits as PatientOverrides['limits'] } : null;
}

/** An engine refusal as the envelope error the caller gets. */
export function refuseOn(problem: Problem | null): void {
  if (!problem) return;
  const code = problem.code === 'alarm.notFound' ? 'NOT_FOUND' : 'REFUSED';
  throw new AppError(code, problem.message, [problem]);
}
