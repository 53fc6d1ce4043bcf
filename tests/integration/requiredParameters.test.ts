/**
 * Required parameters through real socat ptys (issue 11 item 2): Datex S/5 frames written into the chair's pty,
 * decoded by the app's link and judged by the chair's alarm engine. A probe never attached (no SpO₂ group in the
 * frames), SpO₂ dropping out while the rest goes on, and a monitor re-sending one frame (frozen). Maximum ages are
 * shortened clinic settings so the test need not wait a minute; timing is not asserted, only what is raised.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLINIC_THRESHOLDS, type Thresholds } from '../../core/alarms/defaults';
import { encodeFrame } from '../../drivers/protocols/datex-s5/framing';
import { buildDisplayRecord } from '../../drivers/simulator/devices/datex-s5';
import { NORMAL } from '../alarms/frames';
import { startTestApp, type TestApp } from '../helpers/appHarness';
import { waitFor } from '../helpers/wsClient';
import { ok } from '../session/runThrough';

const ms = (value: number, d: Thresholds['required'][keyof Thresholds['required']]) => ({ ...d, value });
const thresholds: Thresholds = {
  ...CLINIC_THRESHOLDS,
  required: {
    ...CLINIC_THRESHOLDS.required,
    requiredSpo2MaxAgeMs: ms(2_000, CLINIC_THRESHOLDS.required.requiredSpo2MaxAgeMs),
    requiredHrMaxAgeMs: ms(2_000, CLINIC_THRESHOLDS.required.requiredHrMaxAgeMs),
    frozenMs: ms(3_000, CLINIC_THRESHOLDS.required.frozenMs),
  },
};

let app: TestApp;
const feeders: ReturnType<typeof setInterval>[] = [];

beforeAll(async () => {
  app = await startTestApp({ simulate: 'always', simulatorIntervalMs: 500, alarmThresholds: thresholds, scenarios: { 1: { sensorOffEveryMs: 0, artefactRate: 0 } } });
  await waitFor(() => [1, 2, 3].every((id) => app.services.monitors.get(id)?.link.status().state === 'receiving'), 20_000, 'links');
}, 40_000);

afterAll(async () => {
  for (const f of feeders) clearInterval(f);
  await app?.close();
});

type Values = Partial<typeof NORMAL>;
/** One Datex frame; a value left out leaves its group out (a module not fitted, a probe never attached). */
function frame(values: Values, time = Date.now()): Uint8Array {
  return encodeFrame(buildDisplayRecord({ values, sensorOff: false, time, nibpMeasuredAt: time - 10_000 }));
}
const { spo2: _s, pulseRate: _p, ...withoutSpo2 } = NORMAL;

/** The chair's own simulator falls silent; the test writes `next()` into its pty every 300 ms instead. */
function feed(chairId: number, next: () => Uint8Array): () => void {
  const sim = app.services.simulators.get(chairId)!;
  sim.runner.setSilent(true);
  const timer = setInterval(() => sim.runner.inject(next()), 300);
  feeders.push(timer);
  return () => clearInterval(timer);
}

const alarms = (chairId: number) => app.services.alarms.state(chairId).state.alarms;
const find = (chairId: number, code: string) => alarms(chairId).find((a) => a.code === code);

describe('required parameters through the pty', () => {
  it('an SpO₂ probe never attached during an infusion: spo2.missing, and no other alarm', async () => {
    feed(1, () => frame(withoutSpo2));
    await new Promise((r) => setTimeout(r, 1_000)); // the simulator's last SpO₂ belongs to no session
    // A patient checked in on chair 1 (the session service tells the alarms), then the infusion starts.
    const mfa = await app.login('mfa');
    const physician = await app.login('physician');
    const patient = await ok(mfa, 'patients.create', { familyName: 'Wagner', givenName: 'Eva', birthDate: '1970-03-04' });
    const course = await ok(physician, 'courses.create', { patientId: patient.id, kind: 'weekly', plannedInfusions: 4, indication: 'crps', priorFailedTherapies: [{ therapy: 'pregabalin' }] });
    const { session } = await ok(mfa, 'sessions.plan', { courseId: course.id, chairId: 1, plannedFor: Date.now() });
    await ok(mfa, 'sessions.checkIn', { sessionId: session.id });
    expect(app.services.alarms.sessionOf(1)).toBe(session.id);
    app.services.alarms.setInfusion(1, { running: true, documentedRateMlH: 10 });
    await waitFor(() => find(1, 'spo2.missing'), 10_000, 'spo2.missing');
    expect(find(1, 'spo2.missing')).toMatchObject({ kind: 'technical', priority: 'medium' });
    // HR comes from the ECG: met; the chair is not silent: no no-data alarm.
    expect(alarms(1).map((a) => a.code)).toEqual(['spo2.missing']);
  });

  it('SpO₂ that stops while the other values go on: spo2.stale, cleared when it is back', async () => {
    let values: Values = NORMAL;
    feed(2, () => frame(values));
    app.services.alarms.setInfusion(2, { running: true, documentedRateMlH: 10 });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(find(2, 'spo2.stale')).toBeUndefined();
    values = withoutSpo2;
    await waitFor(() => find(2, 'spo2.stale'), 10_000, 'spo2.stale');
    expect(find(2, 'spo2.stale')).toMatchObject({ priority: 'medium' });
    values = NORMAL;
    await waitFor(() => find(2, 'spo2.stale') === undefined, 10_000, 'spo2 back');
  });

  it('a monitor re-sending one frame (same values, same device time): frozen', async () => {
    const stuck = frame(NORMAL);
    let next = () => stuck;
    feed(3, () => next());
    app.services.alarms.setInfusion(3, { running: true, documentedRateMlH: 10 });
    await waitFor(() => find(3, 'spo2.frozen') && find(3, 'hr.frozen'), 15_000, 'frozen');
    expect(find(3, 'spo2.frozen')).toMatchObject({ kind: 'technical', priority: 'medium', params: { parameter: 'spo2', value: NORMAL.spo2 } });
    next = () => frame(NORMAL);
    await waitFor(() => find(3, 'spo2.frozen') === undefined && find(3, 'hr.frozen') === undefined, 10_000, 'fresh frames');
  });
});
