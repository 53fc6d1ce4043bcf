/**
 * Every list and review query uses its indexes at any size: the plan of each statement the repositories prepare
 * has no full SCAN of sessions, vitals, the audit log or patients. Statements are collected as the repositories
 * prepare them (no hand-kept list), after exercising every filter shape.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { createDbApi } from '../../db/api';
import { migrate } from '../../db/migrations';
import { T0, stoppedSession, type Fixture } from './sessions.fixtures';

const WATCHED = ['infusion_sessions', 'vital_chunks', 'audit_log', 'patients', 'patient_search', 'alarm_log', 'observations', 'dose_events'];

function instrumentedFixture(): { f: Fixture; prepared: Set<string> } {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const prepared = new Set<string>();
  const prepare = db.prepare.bind(db);
  (db as { prepare: typeof db.prepare }).prepare = ((sql: string) => {
    prepared.add(sql);
    return prepare(sql);
  }) as typeof db.prepare;
  const api = createDbApi(db, { auditKey: Buffer.alloc(32, 7) });
  const admin = api.createFirstAdmin(T0, { username: 'admin', displayName: 'Alex Admin', passwordHash: 'x', pinHash: null });
  const physician = api.createUser({ userId: admin, at: T0 }, { username: 'drmeier', displayName: 'Dr. Meier', role: 'physician', passwordHash: 'x', pinHash: null });
  const mfa = api.createUser({ userId: admin, at: T0 }, { username: 'schmidt', displayName: 'Sabine Schmidt', role: 'mfa', passwordHash: 'x', pinHash: null });
  return { f: { db, api, mfa, physician, admin }, prepared };
}

/** Binds every parameter with a plausible value: the plan, not the result, is under test. */
function planOf(db: Database.Database, sql: string): string {
  const named = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map(([, name]) => [name!, /ids|statuses/.test(name!) ? '[1]' : 1]));
  const positional = (sql.replace(/'[^']*'/g, '').match(/\?/g) ?? []).map(() => 1);
  const statement = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (Object.keys(named).length > 0 ? statement.all(named) : statement.all(...positional)) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('query plans', () => {
  it('no list or review query scans a whole table of sessions, vitals, audit entries or patients', () => {
    const { f, prepared } = instrumentedFixture();
    const { sessionId, courseId } = stoppedSession(f);
    // Every filter shape the API allows, the review bundle, history, patient list and search.
    const shapes = [{}, { chairId: 1 }, { courseId }, { statuses: ['running'] }, { from: T0 }, { to: T0 }, { chairId: 1, from: T0, to: T0 + 1 }, { courseId, statuses: ['planned', 'running'] }];
    for (const shape of shapes) f.api.sessionSummaries(shape);
    f.api.sessionBundle(sessionId);
    f.api.sessionHistory(sessionId);
    f.api.listPatients();
    f.api.listPatients('hub');

    const selects = [...prepared].filter(
      (sql) => /^\s*SELECT/i.test(sql) && WATCHED.some((t) => sql.includes(t)) && !AUDIT_WRITER_AND_VERIFIER.includes(sql),
    );
    expect(selects.length).toBeGreaterThan(15);
    const offenders = selects
      .map((sql) => ({ sql, plan: planOf(f.db, sql) }))
      .filter(({ plan }) => plan.split('\n').some((line) => /^SCAN (\w+)\b(?! USING (COVERING )?INDEX)/.test(line) && WATCHED.some((t) => line.includes(t) || aliasScan(line))));
    expect(offenders.map((o) => `${o.plan}\n  in: ${o.sql.slice(0, 200)}`)).toEqual([]);
  });

  it('patient search matches a prefix of either name regardless of case, accents and ß', () => {
    const { f } = instrumentedFixture();
    const at = { userId: f.mfa, at: T0 };
    f.api.createPatient(at, { familyName: 'Müller', givenName: 'Jörg', birthDate: '1960-01-01' });
    f.api.createPatient(at, { familyName: 'Straßer', givenName: 'Anna', birthDate: '1970-01-01' });
    f.api.createPatient(at, { familyName: 'Mulder', givenName: 'Fox', birthDate: '1961-01-01' });
    const names = (q?: string) => f.api.listPatients(q).map((p) => p.familyName);
    expect(names('mul')).toEqual(['Mulder', 'Müller']);
    expect(names('MÜLL')).toEqual(['Müller']);
    expect(names('strass')).toEqual(['Straßer']);
    expect(names('jorg')).toEqual(['Müller']);
    expect(names('anna')).toEqual(['Straßer']);
    expect(names('x%')).toEqual([]);
    expect(names()).toEqual(['Mulder', 'Müller', 'Straßer']);
  });
});

/** Aliased scans (`SCAN s`) of the watched tables: the session list aliases infusion_sessions as s. */
function aliasScan(line: string): boolean {
  return /^SCAN (s|p|a|x|ps)\b(?! USING)/.test(line);
}

/**
 * Not list or review queries: the audit writer reads the chain's head (the last row of the seq b-tree, LIMIT 1) and
 * the verifier is a full pass by design.
 */
const AUDIT_WRITER_AND_VERIFIER = ['SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1', 'SELECT * FROM audit_log ORDER BY seq'];
