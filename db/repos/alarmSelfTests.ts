/**
 * The alarm self-test log (migration 0155): each step the operator saw and her answer, append-only, each row with
 * its audit entry in the same transaction (the self-test is a person's action, like acknowledging an alarm).
 */
import type { AuditLog } from '../audit';
import type { DB } from '../open';
import type { Actor } from './users';

export type SelfTestStepInput =
  | { step: 'shown'; priority: 'high' | 'medium' | 'low'; sound: boolean; detail: Record<string, unknown> }
  | { step: 'result'; result: 'passed' | 'notConfirmed'; detail: Record<string, unknown> };

export interface SelfTestRow {
  id: number;
  runId: string;
  at: number;
  step: 'shown' | 'result';
  priority: 'high' | 'medium' | 'low' | null;
  sound: boolean | null;
  result: 'passed' | 'notConfirmed' | null;
  userId: number;
  userName: string;
  detail: Record<string, unknown>;
}

export function createAlarmSelfTestsRepo(db: DB, audit: AuditLog) {
  const insert = db.prepare(
    'INSERT INTO alarm_self_tests (run_id, at, step, priority, sound, result, user_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const ofRun = db.prepare(
    `SELECT t.id, t.run_id AS runId, t.at, t.step, t.priority, t.sound, t.result, t.user_id AS userId,
       u.display_name AS userName, t.detail
     FROM alarm_self_tests t JOIN users u ON u.id = t.user_id WHERE t.run_id = ? ORDER BY t.id LIMIT 1000`,
  );

  const append = db.transaction((actor: Actor, runId: string, s: SelfTestStepInput): number => {
    if (actor.userId === null) throw new Error('a self-test step needs the operator who saw it');
    const priority = s.step === 'shown' ? s.priority : null;
    const sound = s.step === 'shown' ? (s.sound ? 1 : 0) : null;
    const result = s.step === 'result' ? s.result : null;
    const id = Number(insert.run(runId, actor.at, s.step, priority, sound, result, actor.userId, JSON.stringify(s.detail)).lastInsertRowid);
    audit.append({
      at: actor.at,
      userId: actor.userId,
      action: s.step === 'shown' ? 'alarm.selfTestShown' : 'alarm.selfTestResult',
      entity: 'alarm_self_tests',
      entityId: id,
      detail: { runId, priority, sound: sound === null ? null : sound === 1, result, ...s.detail },
    });
    return id;
  });

  return {
    appendAlarmSelfTest: (actor: Actor, runId: string, step: SelfTestStepInput): number => append(actor, runId, step),
    /** The stored steps of one start's self-test, in order: the state the app shows is what was logged. */
    alarmSelfTestsOfRun: (runId: string): SelfTestRow[] =>
      (ofRun.all(runId) as Array<Omit<SelfTestRow, 'sound' | 'detail'> & { sound: number | null; detail: string }>).map((r) => ({
        ...r,
        sound: r.sound === null ? null : r.sound === 1,
        detail: JSON.parse(r.detail) as Record<string, unknown>,
      })),
  };
}
