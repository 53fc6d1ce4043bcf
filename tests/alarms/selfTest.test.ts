/**
 * The alarm self-test at start (issue 11 item 9) through the running app: real database worker, logged-in
 * WebSocket clients. The rules (order, each priority once, "passed" only with every sound played), refusals of a
 * wrong role-less client and of a stale start, the stored rows with their audit entries, and the state every
 * window is pushed.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/appHarness';
import { waitFor, type WsTestClient } from '../helpers/wsClient';
import { ok, refusal } from '../session/runThrough';
import { rawClinicDb } from '../helpers/clinicFile';

let app: TestApp;
let mfa: WsTestClient;
let physician: WsTestClient;

beforeAll(async () => {
  app = await startTestApp();
  mfa = await app.login('mfa');
  physician = await app.login('physician');
}, 30_000);

afterAll(async () => {
  await app?.close();
});

function storedSteps(): Array<{ step: string; priority: string | null; sound: number | null; result: string | null; user_id: number; detail: string }> {
  const db = rawClinicDb(join(app.dataDir, 'clinic.sqlite'), app.auditKey, { readonly: true });
  try {
    return db.prepare('SELECT step, priority, sound, result, user_id, detail FROM alarm_self_tests ORDER BY id').all() as never;
  } finally {
    db.close();
  }
}

function auditActions(): string[] {
  const db = rawClinicDb(join(app.dataDir, 'clinic.sqlite'), app.auditKey, { readonly: true });
  try {
    return db.prepare("SELECT action FROM audit_log WHERE action LIKE 'alarm.selfTest%' ORDER BY seq").pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('alarm self-test at start', () => {
  it('is pending at start and needs a login', async () => {
    const state = await ok(mfa, 'alarms.selfTest', {});
    expect(state.status).toBe('pending');
    expect(state.shown).toEqual([]);
    const anonymous = await app.anonymous();
    const r = await anonymous.call('alarms.selfTest', {});
    expect(r.ok).toBe(false);
    const shown = await anonymous.call('alarms.selfTestShown', { runId: state.runId, priority: 'high', sound: true });
    expect(shown.ok).toBe(false);
    expect(storedSteps()).toEqual([]);
  });

  it('refuses priorities out of order, a stale start and "passed" before all were shown', async () => {
    const { runId } = await ok(mfa, 'alarms.selfTest', {});
    expect((await refusal(mfa, 'alarms.selfTestShown', { runId, priority: 'medium', sound: true })).problems?.[0]?.code).toBe('alarm.selfTestOrder');
    expect((await refusal(mfa, 'alarms.selfTestResult', { runId, result: 'passed' })).problems?.[0]?.code).toBe('alarm.selfTestNotRunning');
    expect((await refusal(mfa, 'alarms.selfTestShown', { runId: 'an-earlier-start-0000', priority: 'high', sound: true })).problems?.[0]?.code).toBe('alarm.selfTestStale');
    await ok(mfa, 'alarms.selfTestShown', { runId, priority: 'high', sound: true });
    expect((await refusal(mfa, 'alarms.selfTestShown', { runId, priority: 'low', sound: true })).problems?.[0]?.params).toMatchObject({ expected: 'medium' });
    expect((await refusal(mfa, 'alarms.selfTestResult', { runId, result: 'passed' })).problems?.[0]?.code).toBe('alarm.selfTestIncomplete');
    const running = await ok(mfa, 'alarms.selfTest', {});
    expect(running.status).toBe('running');
    expect(running.shown.map((s: { priority: string }) => s.priority)).toEqual(['high']);
    // Only the one accepted step was stored.
    expect(storedSteps().map((s) => s.priority)).toEqual(['high']);
  });

  it('a silent tone cannot pass: the answer is "not confirmed – no sound", stored and pushed to every window', async () => {
    const { runId } = await ok(mfa, 'alarms.selfTest', {});
    await ok(mfa, 'alarms.selfTestShown', { runId, priority: 'high', sound: true }); // a new attempt
    await ok(mfa, 'alarms.selfTestShown', { runId, priority: 'medium', sound: false });
    await ok(mfa, 'alarms.selfTestShown', { runId, priority: 'low', sound: true });
    expect((await refusal(mfa, 'alarms.selfTestResult', { runId, result: 'passed' })).problems?.[0]).toMatchObject({ code: 'alarm.selfTestNoSound', params: { silent: 'medium' } });
    const state = await ok(mfa, 'alarms.selfTestResult', { runId, result: 'notConfirmed', reason: 'noSound' });
    expect(state).toMatchObject({ status: 'notConfirmed', result: { result: 'notConfirmed', reason: 'noSound', by: 'Sabine Schmidt' } });
    // The physician's window was told.
    await waitFor(() => physician.events.some((e) => e.event === 'alarms.selfTest' && e.payload.status === 'notConfirmed'), 5000, 'pushed state');
    expect((await refusal(mfa, 'alarms.selfTestResult', { runId, result: 'notConfirmed', reason: 'cancelled' })).problems?.[0]?.code).toBe('alarm.selfTestNotRunning');
  });

  it('a repeat that the operator confirms passes; every step is stored with its audit entry and the chain verifies', async () => {
    const { runId } = await ok(physician, 'alarms.selfTest', {});
    for (const priority of ['high', 'medium', 'low']) await ok(physician, 'alarms.selfTestShown', { runId, priority, sound: true });
    const state = await ok(physician, 'alarms.selfTestResult', { runId, result: 'passed' });
    expect(state.status).toBe('passed');
    expect(state.result).toMatchObject({ result: 'passed', reason: null, by: 'Dr. Meier' });
    expect(state.shown.map((s: { priority: string; sound: boolean }) => `${s.priority}:${s.sound}`)).toEqual(['high:true', 'medium:true', 'low:true']);
    const rows = storedSteps();
    // 1 (first attempt) + 3 + result (second) + 3 + result (third).
    expect(rows.map((r) => r.step === 'shown' ? `${r.priority}${r.sound}` : r.result)).toEqual([
      'high1',
      'high1', 'medium0', 'low1', 'notConfirmed',
      'high1', 'medium1', 'low1', 'passed',
    ]);
    expect(JSON.parse(rows[4]!.detail)).toEqual({ reason: 'noSound' });
    const shown = 'alarm.selfTestShown';
    const result = 'alarm.selfTestResult';
    expect(auditActions()).toEqual([shown, shown, shown, shown, result, shown, shown, shown, result]);
    const verified = await ok(mfa, 'audit.verify', {});
    expect(verified).toMatchObject({ ok: true, problem: null });
  });

  it('concurrent steps from two windows are taken one at a time: one "high" starts an attempt, the duplicate medium is refused', async () => {
    const { runId } = await ok(mfa, 'alarms.selfTest', {});
    await ok(mfa, 'alarms.selfTestShown', { runId, priority: 'high', sound: true });
    const [a, b] = await Promise.all([
      mfa.call('alarms.selfTestShown', { runId, priority: 'medium', sound: true }),
      physician.call('alarms.selfTestShown', { runId, priority: 'medium', sound: true }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const state = await ok(mfa, 'alarms.selfTest', {});
    expect(state.shown.map((s: { priority: string }) => s.priority)).toEqual(['high', 'medium']);
  });
});
