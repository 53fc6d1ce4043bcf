/**
 * The GDT link's records (migration 0120): partner settings, PVS patient numbers and every exchanged file.
 * A file received and what it does (patient matched or created, number linked) is one transaction with its audit
 * entries; the actor is the logged-in user or the system (userId null) when the inbox watcher reads it.
 */
import { createHash } from 'node:crypto';
import type { GdtReason, GdtReasonArgs, GdtReasonCode } from '../../core/gdt/gdtReason';
import { nameSearchKey } from '../../core/patients/searchKey';
import type { AuditLog } from '../audit';
import type { DB } from '../open';
import type { RequestPlan } from './gdtRequests';
import type { ShownExamination } from './gdtShow';
import type { createPatientsRepo, Insurance } from './patients';
import type { Actor } from './users';

export type GdtCharsetName = 'iso-8859-15' | 'cp437' | 'utf-8';

export interface GdtPartnerSettings {
  name: string;
  active: boolean;
  inboxDir: string;
  outboxDir: string;
  pvsGdtId: string;
  ownGdtId: string;
  pvsShortId: string;
  ownShortId: string;
  fileNaming: 'fixed' | 'numbered';
  charset: GdtCharsetName;
  pollMs: number;
  /** Where the signed PDFs for this PVS are written (null: outboxDir), and that folder as the PVS sees it (null: pdfDir). */
  pdfDir: string | null;
  pvsPdfDir: string | null;
}

export interface GdtPartner extends GdtPartnerSettings {
  id: number;
  updatedAt: number;
  updatedBy: number | null;
}

export interface GdtFileRow {
  id: number;
  partnerId: number;
  direction: 'in' | 'out';
  fileName: string;
  at: number;
  byteLength: number;
  recordType: string | null;
  outcome: 'accepted' | 'rejected' | 'written' | 'failed';
  reason: string | null;
  /** The reason as a code with its args for the screens (migration 0210); null on rows stored before, which keep their text. */
  reasonCode: GdtReasonCode | null;
  reasonArgs: GdtReasonArgs | null;
  /** What the codec made of it: fields, charset, problems (JSON as stored). */
  parse: unknown;
  patientId: number | null;
  sessionId: number | null;
  /** The stored signed protocol a 6310 referenced (6302–6305). */
  documentId: number | null;
  /** A corrected 6310: the amendment it reports and the first result it corrects (migration 0204). */
  amendmentId: number | null;
  correctsFileId: number | null;
  /** The day a 6301/6302 asks for, or a 6311 asks to show (YYYY-MM-DD). */
  requestedFor: string | null;
}

/** The patient a 6301/6302 names (birth date already as YYYY-MM-DD). */
export interface PvsPatient {
  pvsNumber: string;
  familyName: string;
  givenName: string;
  birthDate: string;
  /** How the PVS says the patient is insured; null: the file does not say. */
  insurance: Insurance | null;
}

export interface ReceivedFile {
  partnerId: number;
  fileName: string;
  bytes: Uint8Array;
  recordType: string | null;
  outcome: 'accepted' | 'rejected';
  reason: string | null;
  /** The reason as a code (null when accepted). */
  why: GdtReason | null;
  parse: unknown;
  patient?: PvsPatient;
  /** The day a 6301/6302 asks for (YYYY-MM-DD). */
  requestedFor?: string | null;
  /** A 6311: the examination to show, by PVS number and its day (6200) when the file has one. */
  show?: { pvsNumber: string; examinedOn: string | null };
}

export interface SentFile {
  partnerId: number;
  fileName: string;
  bytes: Uint8Array | null;
  recordType: string;
  outcome: 'written' | 'failed';
  reason: string | null;
  why: GdtReason | null;
  parse: unknown;
  patientId: number | null;
  sessionId: number | null;
  documentId?: number | null;
  /** A corrected result: the amendment it reports and the session's first result it corrects. */
  amendmentId?: number | null;
  correctsFileId?: number | null;
}

const PARTNER_SQL = `SELECT id, name, active, inbox_dir AS inboxDir, outbox_dir AS outboxDir, pvs_gdt_id AS pvsGdtId,
  own_gdt_id AS ownGdtId, pvs_short_id AS pvsShortId, own_short_id AS ownShortId, file_naming AS fileNaming, charset,
  poll_ms AS pollMs, pdf_dir AS pdfDir, pvs_pdf_dir AS pvsPdfDir, updated_at AS updatedAt, updated_by AS updatedBy FROM gdt_partners`;
const FILE_SQL = `SELECT id, partner_id AS partnerId, direction, file_name AS fileName, at, coalesce(length(bytes), 0) AS byteLength,
  record_type AS recordType, outcome, reason, reason_code AS reasonCode, reason_args AS reasonArgs, parse, patient_id AS patientId, session_id AS sessionId, document_id AS documentId,
  amendment_id AS amendmentId, corrects_file_id AS correctsFileId, requested_for AS requestedFor FROM gdt_files`;

const toPartner = (r: Record<string, unknown>): GdtPartner => ({ ...(r as unknown as GdtPartner), active: r.active === 1 });
const toFile = (r: Record<string, unknown>): GdtFileRow => ({
  ...(r as unknown as GdtFileRow),
  parse: JSON.parse(r.parse as string),
  reasonArgs: r.reasonArgs === null ? null : (JSON.parse(r.reasonArgs as string) as GdtReasonArgs),
});
const codeColumns = (why: GdtReason | null) => ({ reasonCode: why?.code ?? null, reasonArgs: why ? JSON.stringify(why.args) : null });
const sha256 = (bytes: Uint8Array | null) => (bytes ? createHash('sha256').update(bytes).digest('hex') : null);

type PlanRequest = (actor: Actor, fileId: number, patientId: number, requestedFor: string | null) => RequestPlan | null;
type FindShown = (partnerId: number, pvsNumber: string, day: string | null) => ShownExamination | null;

export function createGdtRepo(db: DB, audit: AuditLog, patients: ReturnType<typeof createPatientsRepo>, planRequest: PlanRequest, findShown: FindShown) {
  const q = {
    partners: db.prepare(`${PARTNER_SQL} ORDER BY id`),
    partner: db.prepare(`${PARTNER_SQL} WHERE id = ?`),
    insertPartner: db.prepare(`INSERT INTO gdt_partners (name, active, inbox_dir, outbox_dir, pvs_gdt_id, own_gdt_id, pvs_short_id,
      own_short_id, file_naming, charset, poll_ms, pdf_dir, pvs_pdf_dir, updated_at, updated_by) VALUES (@name, @active, @inboxDir, @outboxDir,
      @pvsGdtId, @ownGdtId, @pvsShortId, @ownShortId, @fileNaming, @charset, @pollMs, @pdfDir, @pvsPdfDir, @at, @userId)`),
    updatePartner: db.prepare(`UPDATE gdt_partners SET name = @name, active = @active, inbox_dir = @inboxDir, outbox_dir = @outboxDir,
      pvs_gdt_id = @pvsGdtId, own_gdt_id = @ownGdtId, pvs_short_id = @pvsShortId, own_short_id = @ownShortId,
      file_naming = @fileNaming, charset = @charset, poll_ms = @pollMs, pdf_dir = @pdfDir, pvs_pdf_dir = @pvsPdfDir, updated_at = @at, updated_by = @userId WHERE id = @id`),
    linked: db.prepare('SELECT patient_id FROM pvs_patients WHERE partner_id = ? AND pvs_number = ?').pluck(),
    numberOf: db.prepare('SELECT pvs_number FROM pvs_patients WHERE partner_id = ? AND patient_id = ?').pluck(),
    numbersOf: db.prepare(`SELECT p.name AS partner, m.pvs_number AS number FROM pvs_patients m JOIN gdt_partners p ON p.id = m.partner_id
      WHERE m.patient_id = ? ORDER BY p.id`),
    // The same person registered in the app before the PVS link: same name keys and birth date, not yet linked.
    samePerson: db.prepare(`SELECT p.id FROM patients p JOIN patient_search ps ON ps.patient_id = p.id
      WHERE ps.family_key = ? AND ps.given_key = ? AND p.birth_date = ?
        AND NOT EXISTS (SELECT 1 FROM pvs_patients m WHERE m.partner_id = ? AND m.patient_id = p.id)`).pluck(),
    link: db.prepare('INSERT INTO pvs_patients (partner_id, pvs_number, patient_id, linked_at) VALUES (?, ?, ?, ?)'),
    insertFile: db.prepare(`INSERT INTO gdt_files (partner_id, direction, file_name, bytes, at, record_type, outcome, reason, reason_code, reason_args,
      parse, patient_id, session_id, document_id, requested_for, amendment_id, corrects_file_id) VALUES (@partnerId, @direction, @fileName, @bytes, @at,
      @recordType, @outcome, @reason, @reasonCode, @reasonArgs, @parse, @patientId, @sessionId, @documentId, @requestedFor, @amendmentId, @correctsFileId)`),
    files: db.prepare(`${FILE_SQL} ORDER BY id DESC LIMIT ?`),
    filesOfPartner: db.prepare(`${FILE_SQL} WHERE partner_id = ? ORDER BY id DESC LIMIT ?`),
    filesOfSession: db.prepare(`${FILE_SQL} WHERE session_id = ? ORDER BY id`),
    // What went to the PVS for a session or a course, with the session's number for the course's list.
    sent: db.prepare(`SELECT f.*, s.session_number AS sessionNumber FROM (${FILE_SQL} WHERE direction = 'out') f
      JOIN infusion_sessions s ON s.id = f.sessionId WHERE (s.id = @sessionId OR s.course_id = @courseId) ORDER BY f.id DESC`),
    bytes: db.prepare('SELECT bytes FROM gdt_files WHERE id = ?').pluck(),
    // Results that failed and were not written later for the same session and partner.
    unsent: db.prepare(`${FILE_SQL} f WHERE direction = 'out' AND outcome = 'failed'
      AND NOT EXISTS (SELECT 1 FROM gdt_files w WHERE w.direction = 'out' AND w.outcome = 'written' AND w.partner_id = f.partner_id
                      AND w.session_id IS f.session_id AND w.id > f.id)
      ORDER BY id`),
  };

  const getPartner = (id: number): GdtPartner | null => {
    const r = q.partner.get(id) as Record<string, unknown> | undefined;
    return r ? toPartner(r) : null;
  };

  /** The PVS's word on the insurance fills a blank; what the staff entered stays (each change is audited with its source). */
  const insuranceFromPvs = (actor: Actor, patientId: number, insurance: Insurance | null) => {
    if (insurance !== null && patients.getPatient(patientId)?.insurance === null) patients.setInsurance(actor, patientId, insurance, 'gdt');
  };

  /** The app patient of a PVS number: linked before, the same person unlinked (exactly one), or a new patient. */
  const patientFor = (actor: Actor, partnerId: number, p: PvsPatient, fileName: string) => {
    const known = q.linked.get(partnerId, p.pvsNumber) as number | undefined;
    if (known !== undefined) {
      insuranceFromPvs(actor, known, p.insurance);
      return { patientId: known, matchedBy: 'pvsNumber' as const };
    }
    const same = q.samePerson.all(nameSearchKey(p.familyName), nameSearchKey(p.givenName), p.birthDate, partnerId) as number[];
    const patientId =
      same.length === 1
        ? same[0]!
        : patients.createPatient(actor, { familyName: p.familyName, givenName: p.givenName, birthDate: p.birthDate, insurance: p.insurance }).id;
    if (same.length === 1) insuranceFromPvs(actor, patientId, p.insurance);
    q.link.run(partnerId, p.pvsNumber, patientId, actor.at);
    const matchedBy = same.length === 1 ? ('nameAndBirthDate' as const) : ('created' as const);
    audit.append({ at: actor.at, userId: actor.userId, action: 'gdt.patientLinked', entity: 'patient', entityId: patientId, detail: { partnerId, pvsNumber: p.pvsNumber, matchedBy, fileName } });
    return { patientId, matchedBy };
  };

  return {
    listGdtPartners: (): GdtPartner[] => (q.partners.all() as Record<string, unknown>[]).map(toPartner),
    getGdtPartner: getPartner,
    /** Creates (id null) or changes a partner; audited with the old and the new settings. */
    saveGdtPartner: db.transaction((actor: Actor, id: number | null, s: GdtPartnerSettings): GdtPartner => {
      const row = { ...s, pdfDir: s.pdfDir ?? null, pvsPdfDir: s.pvsPdfDir ?? null, active: s.active ? 1 : 0, at: actor.at, userId: actor.userId };
      const before = id === null ? null : getPartner(id);
      if (id !== null && !before) throw new Error(`there is no GDT partner ${id}`);
      const savedId = id ?? Number(q.insertPartner.run(row).lastInsertRowid);
      if (id !== null) q.updatePartner.run({ ...row, id });
      const after = getPartner(savedId)!;
      const strip = (p: GdtPartner | null) => (p ? (({ id: _i, updatedAt: _a, updatedBy: _b, ...rest }) => rest)(p) : null);
      audit.append({
        at: actor.at, userId: actor.userId, action: id === null ? 'gdt.partnerCreated' : 'gdt.partnerChanged', entity: 'gdtPartner', entityId: savedId,
        detail: { before: strip(before), after: strip(after) },
      });
      return after;
    }),
    /**
     * Stores an inbound file; an accepted 6301/6302 also matches or creates its patient and links the number. A 6311
     * is kept with the examination it points at, or refused when its PVS number names no patient known here.
     */
    receiveGdtFile: db.transaction((actor: Actor, f: ReceivedFile) => {
      const match = f.outcome === 'accepted' && f.patient ? patientFor(actor, f.partnerId, f.patient, f.fileName) : null;
      const shown = f.outcome === 'accepted' && f.show ? findShown(f.partnerId, f.show.pvsNumber, f.show.examinedOn) : null;
      const unknown = f.outcome === 'accepted' && f.show && !shown;
      const outcome = unknown ? ('rejected' as const) : f.outcome;
      const reason = unknown ? `patient with PVS number ${f.show!.pvsNumber} is not known here: a 6311 shows only a patient the PVS sent with 6301/6302` : f.reason;
      const why: GdtReason | null = unknown ? { code: 'unknownPatient', args: { pvsNumber: f.show!.pvsNumber } } : f.why;
      const patientId = match?.patientId ?? shown?.patientId ?? null;
      const fileId = Number(
        q.insertFile.run({
          partnerId: f.partnerId, direction: 'in', fileName: f.fileName, bytes: f.bytes, at: actor.at, recordType: f.recordType,
          outcome, reason, ...codeColumns(why), parse: JSON.stringify(f.parse), patientId, sessionId: shown?.sessionId ?? null, documentId: null,
          requestedFor: match ? (f.requestedFor ?? null) : shown ? f.show!.examinedOn : null, amendmentId: null, correctsFileId: null,
        }).lastInsertRowid,
      );
      audit.append({
        at: actor.at, userId: actor.userId, action: outcome === 'accepted' ? 'gdt.fileReceived' : 'gdt.fileRejected', entity: 'gdtFile', entityId: fileId,
        detail: { partnerId: f.partnerId, fileName: f.fileName, recordType: f.recordType, bytes: f.bytes.length, sha256: sha256(f.bytes), reason, patientId,
          ...(shown ? { sessionId: shown.sessionId } : {}) },
      });
      const plan = match ? planRequest(actor, fileId, match.patientId, f.requestedFor ?? null) : null;
      return { fileId, outcome, reason, why, patientId, matchedBy: match?.matchedBy ?? null, plan, shown };
    }),
    /** Stores an outbound file (written, or failed with its reason). */
    recordGdtSent: db.transaction((actor: Actor, f: SentFile) => {
      const fileId = Number(
        q.insertFile.run({
          ...f, ...codeColumns(f.why), documentId: f.documentId ?? null, direction: 'out', at: actor.at, parse: JSON.stringify(f.parse), requestedFor: null,
          amendmentId: f.amendmentId ?? null, correctsFileId: f.correctsFileId ?? null,
        }).lastInsertRowid,
      );
      audit.append({
        at: actor.at, userId: actor.userId, action: f.outcome === 'written' ? 'gdt.resultWritten' : 'gdt.resultFailed',
        entity: f.sessionId !== null ? 'session' : 'gdtFile', entityId: f.sessionId ?? fileId,
        detail: { fileId, partnerId: f.partnerId, fileName: f.fileName, recordType: f.recordType, bytes: f.bytes?.length ?? 0, sha256: sha256(f.bytes), reason: f.reason, documentId: f.documentId ?? null,
          ...(f.amendmentId ? { amendmentId: f.amendmentId, correctsFileId: f.correctsFileId ?? null } : {}) },
      });
      return fileId;
    }),
    pvsNumberOf: (partnerId: number, patientId: number): string | null => (q.numberOf.get(partnerId, patientId) as string | undefined) ?? null,
    /** Every PVS number of a patient with its partner's name (printed on the documents). */
    pvsNumbersOfPatient: (patientId: number): { partner: string; number: string }[] => q.numbersOf.all(patientId) as { partner: string; number: string }[],
    listGdtFiles: (partnerId: number | null, limit: number): GdtFileRow[] =>
      ((partnerId === null ? q.files.all(limit) : q.filesOfPartner.all(partnerId, limit)) as Record<string, unknown>[]).map(toFile),
    gdtFilesOfSession: (sessionId: number): GdtFileRow[] => (q.filesOfSession.all(sessionId) as Record<string, unknown>[]).map(toFile),
    sentToPvs: (owner: { sessionId: number } | { courseId: number }): (GdtFileRow & { sessionNumber: number | null })[] =>
      (q.sent.all({ sessionId: null, courseId: null, ...owner }) as Record<string, unknown>[]).map((r) => ({ ...toFile(r), sessionNumber: r.sessionNumber as number | null })),
    gdtFileBytes: (id: number): Uint8Array | null => (q.bytes.get(id) as Uint8Array | null | undefined) ?? null,
    unsentGdtResults: (): GdtFileRow[] => (q.unsent.all() as Record<string, unknown>[]).map(toFile),
  };
}
