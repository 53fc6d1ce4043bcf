/**
 * Several monitor frames in one serial read: each sample is judged on its own, so a threshold crossing that lasted
 * one frame is raised (and ends) instead of being hidden by the next frame of the same read. The lost crossings
 * were found by the alarm-latency bench (bench/alarmLatency.ts); here through the running service and its log.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredReading } from '../../core/api/schemas';
import { samplesInOrder } from '../../core/alarms/samples';
import { startTestApp, type TestApp } from '../helpers/appHarness';
import { ok } from '../session/runThrough';

const PARAMETERS = ['hr', 'pulseRate', 'spo2', 'respRate'] as const;

describe('samplesInOrder', () => {
  it('keeps every reading in order and starts a new sample exactly where a parameter repeats', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PARAMETERS), { maxLength: 40 }), (parameters) => {
        const readings = parameters.map((parameter, i) => ({ parameter, i }));
        const samples = samplesInOrder(readings);
        expect(samples.flat()).toEqual(readings);
        for (const s of samples) expect(new Set(s.map((r) => r.parameter)).size).toBe(s.length);
        // Each sample after the first starts with a parameter the sample before it already had.
        samples.slice(1).forEach((s, k) => expect(samples[k]!.map((r) => r.parameter)).toContain(s[0]!.parameter));
      }),
    );
  });
});

describe('one read with a high and a normal frame, through the alarm service', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  }, 30_000);
  afterAll(async () => {
    await app?.close();
  });

  it('raises the crossing and ends it, both in the alarm log', async () => {
    const mfa = await app.login('mfa');
    const physician = await app.login('physician');
    const patient = await ok(mfa, 'patients.create', { familyName: 'Lang', givenName: 'Eva', birthDate: '1970-03-04' });
    const course = await ok(physician, 'courses.create', { patientId: patient.id, kind: 'weekly', plannedInfusions: 4, indication: 'crps', priorFailedTherapies: [{ therapy: 'pregabalin' }] });
    const { session } = await ok(mfa, 'sessions.plan', { courseId: course.id, chairId: 1, plannedFor: Date.now() });
    await ok(mfa, 'sessions.checkIn', { sessionId: session.id });
    const at = Date.now();
    const frame = (hr: number): StoredReading[] => [
      { parameter: 'hr', value: hr, unit: '/min', state: 'valid', receivedAt: at },
      { parameter: 'pulseRate', value: 72, unit: '/min', state: 'valid', receivedAt: at },
      { parameter: 'spo2', value: 97, unit: '%', state: 'valid', receivedAt: at },
    ];
    app.services.bus.emit('vitals.readings', { chairId: 1, readings: [...frame(125), ...frame(72)] });
    expect(app.services.alarms.state(1).state.alarms.filter((a) => a.code === 'hr.high')).toEqual([]); // ended with the next frame
    const log = await ok(mfa, 'alarms.log', { sessionId: session.id });
    const hrEvents = log.filter((e: { code: string | null }) => e.code === 'hr.high').map((e: { type: string; priority: string }) => `${e.type}/${e.priority}`);
    expect(hrEvents).toEqual(['raised/medium', 'cleared/medium']);
  });
});
