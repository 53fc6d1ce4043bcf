/**
 * Respiratory rate was `rr` in code before issue 12 and is `respRate` now; the database keeps the stored name
 * (db/storedNames.ts). The fixture tests/fixtures/pre-rename was written and signed by the code before the rename
 * (commit 730f168, tests/db/sessions.fixtures.ts): respiratory rate every 20 s, an alarm 'rr.high', ALARM ON codes,
 * a per-patient override of 'rr.low' and a clinic setting 'alarm.rr.high.medium' (a plain file: it predates
 * encryption at rest too, which opens such files as they are). It must still verify, read under
 * the new names, and take new readings into the same records.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONDITION_CODES } from '../../core/alarms/codes';
import { ALARM_SETTINGS } from '../../core/alarms/settings';
import { VITAL_PARAMETERS } from '../../core/vitals';
import { createDbApi } from '../../db/api';
import { migrate } from '../../db/migrations';
import { fromStored, toStored } from '../../db/storedNames';
import { verifyAuditInDataDir } from '../../db/verifyAudit';
import { verifyRecordsInDataDir } from '../../db/verifyRecords';
import { tempDir, TEST_AUDIT_KEY } from '../helpers/tempDir';

const FIXTURE = new URL('../fixtures/pre-rename/', import.meta.url).pathname;
const SESSION = 1;
const CHAIR = 1;
const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 12, 8, 0, 0);
const DISCHARGED = 1768212600000;

const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((c) => c()));

/** A copy of the pre-rename data folder, migrated to the current schema like an update would. */
function preRenameFolder(): string {
  const dir = tempDir('pre-rename-');
  cleanup.push(() => dir.remove());
  for (const file of ['clinic.sqlite', 'audit.anchor']) copyFileSync(join(FIXTURE, file), join(dir.path, file));
  const db = new Database(join(dir.path, 'clinic.sqlite'));
  migrate(db);
  db.close();
  return dir.path;
}

function open(folder: string) {
  const db = new Database(join(folder, 'clinic.sqlite'));
  db.pragma('foreign_keys = ON');
  cleanup.push(() => db.close());
  return { db, api: createDbApi(db, { auditKey: TEST_AUDIT_KEY }) };
}

describe('a database written before respiratory rate was renamed', () => {
  it('still verifies: audit chain, anchor and the signed content hash', () => {
    const folder = preRenameFolder();
    expect(verifyAuditInDataDir(folder, TEST_AUDIT_KEY).problems).toEqual([]);
    expect(verifyRecordsInDataDir(folder, TEST_AUDIT_KEY)).toEqual({ checked: 1, changed: [] });
    const { api } = open(folder);
    expect(api.checkSessionRecord(SESSION)).toMatchObject({ status: 'intact', problems: [] });
  });

  it('reads its respiratory rate, alarms, override and clinic setting under the new names', () => {
    const { api } = open(preRenameFolder());
    const samples = api.vitalSamples(CHAIR, 'respRate', T0 - 20 * MIN, DISCHARGED + 90_000);
    expect(samples).toHaveLength(Math.floor((DISCHARGED + 90_000 - (T0 - 20 * MIN)) / 20_000) + 1);
    expect(samples.slice(0, 5).map((s) => s.value)).toEqual([14, 15, 16, 17, 14]);

    const log = api.alarmLogOfSession(SESSION);
    expect(log.filter((e) => e.code !== null).map((e) => [e.type, e.code, e.alarmId])).toEqual([
      ['raised', 'respRate.high', 'respRate.high#1'],
      ['cleared', 'respRate.high', 'respRate.high#1'],
    ]);
    expect(log.find((e) => e.type === 'switchedOn')?.detail.codes).toEqual(['respRate.low', 'spo2.low']);
    expect(log.find((e) => e.type === 'overridesSet')?.detail.limits).toEqual({ 'respRate.low': { medium: 8, high: 6 } });
    expect(api.currentAlarmOverrides(CHAIR, SESSION)?.limits).toEqual({ 'respRate.low': { medium: 8, high: 6 } });
    expect(api.clinicSettingChanges().map((c) => [c.key, c.value])).toEqual([['alarm.respRate.high.medium', 28]]);
  });

  it('stores new records under the old names, so old and new rows are one series and one setting', () => {
    const folder = preRenameFolder();
    const { db, api } = open(folder);
    const at = DISCHARGED + 10 * MIN;
    api.appendReadings(CHAIR, [{ parameter: 'respRate', value: 19, unit: '/min', state: 'valid', receivedAt: at }]);
    api.appendAlarmEvents(CHAIR, null, [{ at, type: 'raised', alarmId: 'respRate.low#2', code: 'respRate.low', priority: 'high', userName: null, detail: {} }]);
    api.setClinicSetting({ userId: 2, at }, 'alarm.respRate.high.medium', 30, 28, 'second change');

    expect(db.prepare('SELECT DISTINCT parameter FROM vital_chunks ORDER BY 1').pluck().all()).toEqual(['hr', 'rr']);
    expect(db.prepare('SELECT code, alarm_id FROM alarm_log WHERE at = ?').get(at)).toEqual({ code: 'rr.low', alarm_id: 'rr.low#2' });
    expect(api.vitalSamples(CHAIR, 'respRate', at, at).map((s) => s.value)).toEqual([19]);
    expect(api.clinicSettingChanges()).toMatchObject([{ key: 'alarm.respRate.high.medium', value: 30 }]);
    expect(api.clinicSettingHistory().map((c) => c.key)).toEqual(['alarm.respRate.high.medium', 'alarm.respRate.high.medium']);
    db.close();
    expect(verifyRecordsInDataDir(folder, TEST_AUDIT_KEY)).toEqual({ checked: 1, changed: [] });
  });
});

describe('stored names', () => {
  const names = [...VITAL_PARAMETERS, ...CONDITION_CODES, ...Object.keys(ALARM_SETTINGS)];

  it('map every code name there and back, and change only respiratory rate', () => {
    for (const name of names) expect(fromStored(toStored(name))).toBe(name);
    expect(names.filter((n) => toStored(n) !== n).every((n) => /respRate|RespRate/.test(n))).toBe(true);
    expect(toStored('alarm.respRate.low.high')).toBe('alarm.rr.low.high');
    expect(toStored('respRate.low#17')).toBe('rr.low#17');
  });

  it('round-trip alarm ids of any sequence number', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.nat(), (code, n) => {
        const id = `${code}#${n}`;
        expect(fromStored(toStored(id))).toBe(id);
      }),
    );
  });
});
