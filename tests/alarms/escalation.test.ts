/**
 * The alarm service with a configurable escalation time (a clinic setting; shortened here): an unacknowledged
 * medium alarm escalates, the escalation is pushed and logged (acknowledging resets it: core engine tests). Real database worker.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLINIC_THRESHOLDS, type Thresholds } from '../../core/alarms/defaults';
import { DbClient } from '../../db/client';
import { AlarmService } from '../../electron/services/alarms/alarmService';
import { EventBus } from '../../electron/services/eventBus';
import { DB_WORKER, tempDir, TEST_AUDIT_KEY } from '../helpers/tempDir';
import { waitFor } from '../helpers/wsClient';

const dir = tempDir();
let db: DbClient;
let service: AlarmService;
const bus = new EventBus();
const pushed: { chairId: number; escalated: boolean }[] = [];

const thresholds: Thresholds = {
  ...CLINIC_THRESHOLDS,
  technical: { ...CLINIC_THRESHOLDS.technical, escalationMs: { ...CLINIC_THRESHOLDS.technical.escalationMs, value: 300 } },
};

beforeAll(async () => {
  db = await DbClient.open(DB_WORKER, join(dir.path, 'c.sqlite'), { auditKey: TEST_AUDIT_KEY });
  service = new AlarmService({ db, bus, chairIds: [1, 2, 3, 4], thresholds, tickMs: 50 });
  service.start();
  bus.subscribe((event, payload) => {
    if (event !== 'alarms.state') return;
    const p = payload as { chairId: number; state: { alarms: { escalated: boolean }[] } };
    pushed.push({ chairId: p.chairId, escalated: p.state.alarms.some((a) => a.escalated) });
  });
});

afterAll(async () => {
  await service?.stop();
  await db?.close();
  dir.remove();
});

describe('escalation of unacknowledged alarms', () => {
  it('escalates after the configured time, pushes and logs it', async () => {
    service.setInfusion(3, { running: true, documentedRateMlH: 10 }); // vital alarms are judged within a session only
    bus.emit('vitals.readings', { chairId: 3, readings: [{ parameter: 'hr', value: 120, unit: '/min', state: 'valid', receivedAt: Date.now() }] });
    expect(service.state(3).state.alarms[0]).toMatchObject({ code: 'hr.high', priority: 'medium', escalated: false });
    await waitFor(() => service.state(3).state.alarms[0]?.escalated, 5000, 'escalation');
    expect(pushed.some((p) => p.chairId === 3 && p.escalated)).toBe(true);
    await service.flush();
    const log = await db.call('alarmLogOfChair', 3, 0, Date.now() + 1000);
    expect(log.map((e) => e.type)).toEqual(['raised', 'escalated']);
    expect(log[1]!.detail.unacknowledgedMs).toBeGreaterThanOrEqual(300);
    // Other chairs are untouched.
    expect(service.state(1).state.alarms).toEqual([]);
  });
});
