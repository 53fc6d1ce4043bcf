/**
 * The content hash of a signed session (core/session/signedContent.ts says what it covers and how it is written):
 * computed when a physician signs, stored in the signature row and in the signing's audit entry, and recomputed by
 * the review, by `npm run verify-audit` and by whoever exports the record (checkSessionRecord).
 *
 * SHA-256 alone proves nothing against someone who edits the file: they could hash their edit again. The audit
 * entry is what holds: it is HMAC-chained with a key that is not in the database, so the entry's hashes are the
 * reference, and a signature row that no longer matches its entry is named too.
 */
import { createHash } from 'node:crypto';
import {
  amendmentText,
  canonicalJson,
  changedPartProblems,
  changedParts,
  contentText,
  partText,
  recordRange,
  SIGNED_CONTENT_VERSION,
  SIGNED_PARTS,
  type AmendmentContent,
  type PartHashes,
  type SignedPart,
  vitalSamplesBytes,
} from '../core/session/signedContent';
import { problem } from '../core/messages';
import type { Problem } from '../core/settings';
import { VITAL_PARAMETERS, type VitalParameter } from '../core/vitals';
import { entryHash, type AuditRow } from './audit';
import type { DB } from './open';
import { toStored } from './storedNames';
import type { VitalSample } from './vitalCodec';

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface SessionSeal {
  sessionId: number;
  chairId: number;
  version: number;
  contentHash: string;
  parts: PartHashes;
  vitalsFrom: number;
  vitalsTo: number;
}

export interface SessionRecordCheck {
  sessionId: number;
  /** unsigned: nothing to compare yet; signedWithoutHash: signed before hashes were stored (migration 0060). */
  status: 'unsigned' | 'intact' | 'changed' | 'signedWithoutHash';
  /** The hash the physician signed (from the audit entry), when there is one. */
  contentHash: string | null;
  /** Every difference, in words. */
  problems: Problem[];
}

type Raw = Record<string, unknown>;
type SampleReader = (chairId: number, parameter: VitalParameter, from: number, to: number) => VitalSample[];

/** The columns each part covers, named once: a later column does not change the hash of an old signature. */
const ROWS_OF_SESSION: Partial<Record<SignedPart, string>> = {
  prescriptions: `SELECT id, session_id, substance, concentration_mg_per_ml, weight_kg, target_mg_per_kg_per_h,
    hard_limit_mg_per_kg_per_h, soft_limit_reason, limit_problems, prescribed_at, prescribed_by FROM prescriptions`,
  doseEvents: 'SELECT id, session_id, prescription_id, kind, at, rate_ml_per_h, amount, unit, reason, recorded_by FROM dose_events',
  checklists: 'SELECT id, session_id, items, saved_at, saved_by FROM checklist_entries',
  observations: 'SELECT id, session_id, kind, at, data, recorded_at, recorded_by FROM observations',
  dischargeScores: `SELECT id, session_id, scale, answers, total, max_points, threshold, complete, other_scale_reason, at, recorded_by
    FROM discharge_scores`,
  escorts: 'SELECT id, session_id, escort, complete, at, confirmed_by FROM escort_confirmations',
  dischargeSteps: 'SELECT id, session_id, kind, reason, at, user_id, criteria FROM discharge_steps',
  transfers: 'SELECT id, session_id, handed_over_to, destination, reason, at, user_id FROM session_transfers',
  contraindicationConfirmations: 'SELECT id, session_id, absolute_contraindication_found, at, confirmed_by FROM contraindication_confirmations',
  rateOrders: 'SELECT id, session_id, rate_ml_per_h, reason, ordered_at, ordered_by FROM rate_orders',
  rateConfirmations: 'SELECT id, order_id, session_id, dose_event_id, via, at, confirmed_by, pump_rate_ml_per_h FROM rate_confirmations',
};

/** `auditKey`: checks the HMAC of the signing's audit entry too, so an entry edited with the signature is named. */
export function createRecordSeal(db: DB, samples: SampleReader, auditKey?: Buffer) {
  const q = {
    session: db.prepare(`SELECT id, patient_id, chair_id, state, created_at, started_at, stopped_at, course_id, session_number,
      planned_for, created_by, last_event_at, observation_ends_at, discharged_at, cancel_reason FROM infusion_sessions WHERE id = ?`),
    signed: db.prepare('SELECT signed_at AS signedAt, signed_by AS signedBy FROM infusion_sessions WHERE id = ?'),
    patient: db.prepare('SELECT id, family_name, given_name, birth_date, created_at, created_by FROM patients WHERE id = ?'),
    course: db.prepare(`SELECT id, patient_id, kind, planned_infusions, indication, icd10, psychiatrist, psychiatrist_attested_at,
      prior_failed_therapies, created_at, created_by FROM courses WHERE id = ?`),
    rows: Object.fromEntries(
      Object.entries(ROWS_OF_SESSION).map(([part, sql]) => [part, db.prepare(`${sql} WHERE session_id = ? ORDER BY id`)]),
    ),
    alarms: db.prepare(`SELECT id, chair_id, session_id, at, type, alarm_id, code, priority, user_id, user_name, detail
      FROM alarm_log WHERE chair_id = ? AND at BETWEEN ? AND ? ORDER BY id`),
    signature: db.prepare('SELECT * FROM session_signatures WHERE session_id = ?'),
    signedEntry: db.prepare(`SELECT * FROM audit_log
      WHERE entity = 'session' AND entity_id = ? AND action = 'session.signed' ORDER BY seq DESC LIMIT 1`),
    amendments: db.prepare(`SELECT id, session_id AS sessionId, target, target_id AS targetId, correction, reason, signed_at AS signedAt,
      signed_by AS signedBy, amends_hash AS amends, content_hash AS contentHash FROM amendments WHERE session_id = ? ORDER BY id`),
    amendedEntries: db.prepare(`SELECT json_extract(detail, '$.amendmentId') AS id, json_extract(detail, '$.contentHash') AS hash
      FROM audit_log WHERE entity = 'session' AND entity_id = ? AND action = 'session.amended'`),
    // Three seeks rather than one UNION: the merge of a UNION would scan all sessions.
    signedSessions: [
      db.prepare('SELECT id FROM infusion_sessions WHERE signed_at IS NOT NULL').pluck(),
      db.prepare('SELECT session_id FROM session_signatures').pluck(),
      db.prepare("SELECT entity_id FROM audit_log WHERE entity = 'session' AND action IN ('session.signed', 'session.amended')").pluck(),
    ],
  };

  /** The session's record range: to the discharge, or the last event of a transferred or cancelled session. */
  const rangeOf = (s: Raw) =>
    recordRange(
      { startedAt: s.started_at as number | null, plannedFor: s.planned_for as number },
      (s.discharged_at ?? s.last_event_at ?? s.planned_for) as number,
    );

  /**
   * Per parameter with samples in the range: their count and the SHA-256 of their bytes (vitalSamplesBytes), keyed
   * by the stored name, so a session signed before a rename (storedNames.ts) still hashes the same.
   */
  function vitalsOf(chairId: number, from: number, to: number): Record<string, { count: number; sha256: string }> {
    const out: Record<string, { count: number; sha256: string }> = {};
    for (const parameter of VITAL_PARAMETERS) {
      const list = samples(chairId, parameter, from, to);
      if (list.length > 0) out[toStored(parameter)] = { count: list.length, sha256: createHash('sha256').update(vitalSamplesBytes(list)).digest('hex') };
    }
    return out;
  }

  /** Every part's rows as stored now; a part that cannot be read hashes to its error (and so differs). */
  function currentParts(s: Raw): { parts: PartHashes; unreadable: Problem[] } {
    const { from, to } = rangeOf(s);
    const readers: Record<SignedPart, () => unknown> = {
      session: () => s,
      patient: () => q.patient.get(s.patient_id) ?? null,
      course: () => (s.course_id === null ? null : (q.course.get(s.course_id) ?? null)),
      prescriptions: () => q.rows.prescriptions!.all(s.id),
      doseEvents: () => q.rows.doseEvents!.all(s.id),
      checklists: () => q.rows.checklists!.all(s.id),
      observations: () => q.rows.observations!.all(s.id),
      dischargeScores: () => q.rows.dischargeScores!.all(s.id),
      escorts: () => q.rows.escorts!.all(s.id),
      dischargeSteps: () => q.rows.dischargeSteps!.all(s.id),
      transfers: () => q.rows.transfers!.all(s.id),
      contraindicationConfirmations: () => q.rows.contraindicationConfirmations!.all(s.id),
      rateOrders: () => q.rows.rateOrders!.all(s.id),
      rateConfirmations: () => q.rows.rateConfirmations!.all(s.id),
      alarmLog: () => q.alarms.all(s.chair_id, from, to),
      vitals: () => ({ chairId: s.chair_id, from, to, samples: vitalsOf(s.chair_id as number, from, to) }),
    };
    const unreadable: Problem[] = [];
    const parts = Object.fromEntries(
      SIGNED_PARTS.map((part) => {
        try {
          return [part, sha256(partText(part, readers[part]()))];
        } catch (err) {
          unreadable.push(problem('record.unreadable', { reason: `${part}: ${(err as Error).message}` }));
          return [part, `unreadable: ${(err as Error).message}`];
        }
      }),
    ) as PartHashes;
    return { parts, unreadable };
  }

  function seal(sessionId: number): SessionSeal {
    const s = q.session.get(sessionId) as Raw | undefined;
    if (!s) throw new Error(`there is no session ${sessionId}`);
    const { parts, unreadable } = currentParts(s);
    if (unreadable.length > 0) throw new Error(unreadable.map((p) => p.message).join('; '));
    const { from, to } = rangeOf(s);
    return {
      sessionId,
      chairId: s.chair_id as number,
      version: SIGNED_CONTENT_VERSION,
      contentHash: sha256(contentText(sessionId, parts)),
      parts,
      vitalsFrom: from,
      vitalsTo: to,
    };
  }

  const amendmentHash = (a: AmendmentContent): string => sha256(amendmentText(a));

  function checkAmendments(sessionId: number, signedHash: string | null): Problem[] {
    const entries = new Map((q.amendedEntries.all(sessionId) as { id: number; hash: string | null }[]).map((e) => [e.id, e.hash]));
    const problems: Problem[] = [];
    for (const a of q.amendments.all(sessionId) as (AmendmentContent & { contentHash: string | null })[]) {
      const { contentHash, ...content } = a;
      if (contentHash === null && !entries.get(a.id)) continue; // written before amendments had hashes
      const signedAfter = content.amends !== null && signedHash !== null && content.amends !== signedHash;
      if (amendmentHash(content) !== contentHash || entries.get(a.id) !== contentHash || signedAfter) {
        problems.push(problem('record.amendmentChanged', { id: a.id }));
      }
    }
    return problems;
  }

  /** Recomputes the signed content of one session and names every difference. */
  function check(sessionId: number): SessionRecordCheck {
    const s = q.session.get(sessionId) as Raw | undefined;
    if (!s) throw new Error(`there is no session ${sessionId}`);
    const mark = q.signed.get(sessionId) as { signedAt: number | null; signedBy: number | null };
    const row = q.signature.get(sessionId) as Raw | undefined;
    const entry = q.signedEntry.get(sessionId) as AuditRow | undefined;
    const signedDetail = entry ? (JSON.parse(entry.detail) as { contentHash?: string; parts?: Record<string, string> }) : null;
    const problems: Problem[] = [];

    if (mark.signedAt === null && !row && !entry) {
      return { sessionId, status: 'unsigned', contentHash: null, problems: checkAmendments(sessionId, null) };
    }
    if (!row && signedDetail?.contentHash === undefined) {
      // Signed before migration 0060: there is no hash; a removed lock is still named.
      problems.push(problem('record.signedWithoutHash'));
      if (mark.signedAt === null || !entry) problems.push(problem('record.signatureMissing'));
      problems.push(...checkAmendments(sessionId, null));
      return { sessionId, status: problems.length > 1 ? 'changed' : 'signedWithoutHash', contentHash: null, problems };
    }
    // The audit entry is the reference (HMAC-chained); without one, the signature row is all there is.
    const storedParts = row ? (JSON.parse(row.part_hashes as string) as Record<string, string>) : null;
    const reference = signedDetail?.parts ?? storedParts ?? {};
    const signedHash = signedDetail?.contentHash ?? (row?.content_hash as string | undefined) ?? null;

    if (!row || mark.signedAt === null || !entry) problems.push(problem('record.signatureMissing'));
    if (entry && auditKey && entryHash(auditKey, entry) !== entry.hash) problems.push(problem('record.auditEntryChanged'));
    if (
      row &&
      entry &&
      (row.content_hash !== signedHash ||
        canonicalJson(JSON.parse(row.part_hashes as string)) !== canonicalJson(signedDetail?.parts ?? null) ||
        row.signed_at !== entry.at ||
        row.signed_by !== entry.user_id ||
        (mark.signedAt !== null && (row.signed_at !== mark.signedAt || row.signed_by !== mark.signedBy)))
    ) {
      problems.push(problem('record.signatureRowChanged'));
    }
    const { parts, unreadable } = currentParts(s);
    problems.push(...unreadable, ...changedPartProblems(changedParts(reference, parts)), ...checkAmendments(sessionId, signedHash));
    return { sessionId, status: problems.length === 0 ? 'intact' : 'changed', contentHash: signedHash, problems };
  }

  return {
    seal,
    amendmentHash,
    /** The signature hash of the session now (null before sign-off): what an amendment amends. */
    signedHash: (sessionId: number): string | null => ((q.signature.get(sessionId) as Raw | undefined)?.content_hash as string | undefined) ?? null,
    check,
    /** Every session that is, or according to the audit log was, signed or amended. */
    checkAll: (): SessionRecordCheck[] =>
      [...new Set(q.signedSessions.flatMap((st) => st.all() as number[]))].sort((a, b) => a - b).map(check),
  };
}

export type RecordSeal = ReturnType<typeof createRecordSeal>;
