/**
 * The limits of each chair's engine: the clinic-wide limits (clinic settings, core/alarms/settings.ts) and a
 * physician's per-patient limits merged over them. Changes go into the running engine through `apply`, so latched,
 * acknowledged and delayed alarms carry on (issue 11 item 6).
 */
import type { Thresholds } from '../../../core/alarms/defaults';
import { mergeThresholds, type PatientOverrides } from '../../../core/alarms/overrides';
import { thresholdsWith } from '../../../core/alarms/settings';
import { AppError } from '../../../core/api/envelope';
import type { SessionUser } from '../../../core/auth/roles';
import type { DbClient } from '../../../db/client';
import { storedOverrides, type ChairAlarms } from './chairAlarms';

export class AlarmLimits {
  /** Clinic-wide limits in force: the base limits with the clinic's settings. */
  private clinic: Thresholds;

  constructor(
    private readonly db: DbClient,
    /** CLINIC_THRESHOLDS, or shorter delays in tests. */
    private readonly base: Thresholds,
    private readonly apply: (c: ChairAlarms, thresholds: Thresholds) => void,
  ) {
    this.clinic = base;
  }

  /** A bad set is refused as a whole; a good one is stored (audited) and in force at once. */
  async setOverrides(c: ChairAlarms, reason: string, limits: PatientOverrides['limits'], user: SessionUser, at: number): Promise<void> {
    const overrides = { by: user.displayName, reason, limits };
    const merged = mergeThresholds(this.clinic, overrides);
    if (!merged.ok) throw new AppError('BAD_INPUT', merged.problems.map((p) => p.message).join(' '), merged.problems);
    await this.db.call('setAlarmOverrides', { userId: user.id, at }, c.chairId, c.sessionId, reason, limits);
    this.apply(c, merged.thresholds);
    c.overriddenBy = user.displayName;
    c.overrides = overrides;
  }

  /** Every chair takes the clinic's new limits, under its patient's overrides where they still fit. */
  setClinicValues(chairs: Iterable<ChairAlarms>, values: Readonly<Record<string, unknown>>): void {
    this.clinic = thresholdsWith(this.base, values);
    for (const c of chairs) {
      const merged = c.overrides ? mergeThresholds(this.clinic, c.overrides) : null;
      const next = merged?.ok ? merged.thresholds : this.clinic;
      if (!merged?.ok) {
        c.overrides = null;
        c.overriddenBy = null;
      }
      if (JSON.stringify(next) !== JSON.stringify(c.thresholds)) this.apply(c, next);
    }
  }

  /** Another session on the chair: the previous patient's limits no longer apply; the new session's stored ones do. */
  patientChanged(c: ChairAlarms): void {
    if (c.overriddenBy !== null) {
      this.apply(c, this.clinic);
      c.overriddenBy = null;
      c.overrides = null;
    }
    const sessionId = c.sessionId;
    if (sessionId === null) return;
    storedOverrides(this.db, c.chairId, sessionId)
      .then((overrides) => {
        if (!overrides || c.sessionId !== sessionId) return;
        const merged = mergeThresholds(this.clinic, overrides);
        if (!merged.ok) return;
        this.apply(c, merged.thresholds);
        c.overriddenBy = overrides.by;
        c.overrides = overrides;
      })
      .catch((err: Error) => {
        console.error(`chair ${c.chairId}: patient alarm limits not loaded: ${err.message}`);
      });
  }
}
