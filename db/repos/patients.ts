/** Patients and their courses of infusions. */
import { nameSearchKey, prefixEnd } from '../../core/patients/searchKey';
import type { AuditLog } from '../audit';
import type { DB } from '../open';
import type { Actor } from './users';

export interface StampRow {
  userId: number;
  userName: string;
  at: number;
}

/** gesetzlich / privat / Selbstzahler (migration 0202); null until known. */
export type Insurance = 'statutory' | 'private' | 'selfPay';

export interface PatientRow {
  id: number;
  familyName: string;
  givenName: string;
  birthDate: string;
  insurance: Insurance | null;
  created: StampRow | null;
}

export interface CourseRow {
  id: number;
  patientId: number;
  kind: 'weekly' | 'daily';
  plannedInfusions: number;
  indication: string;
  icd10: string | null;
  psychiatristAttestation: { psychiatrist: string; at: number } | null;
  priorFailedTherapies: { therapy: string; outcome?: string }[];
  created: StampRow;
}

export interface NewCourse {
  patientId: number;
  kind: 'weekly' | 'daily';
  plannedInfusions: number;
  indication: string;
  icd10?: string;
  psychiatristAttestation?: { psychiatrist: string; at: number };
  priorFailedTherapies: readonly { therapy: string; outcome?: string }[];
}

const PATIENT_SQL = `SELECT p.id, p.family_name AS familyName, p.given_name AS givenName, p.birth_date AS birthDate, p.insurance,
  p.created_at AS createdAt, p.created_by AS createdBy, u.display_name AS createdByName
  FROM patients p LEFT JOIN users u ON u.id = p.created_by`;
const COURSE_SQL = `SELECT c.*, u.display_name AS created_by_name FROM courses c JOIN users u ON u.id = c.created_by`;

type RawPatient = Omit<PatientRow, 'created'> & { createdAt: number; createdBy: number | null; createdByName: string | null };

function toPatient(r: RawPatient): PatientRow {
  const { createdAt, createdBy, createdByName, ...rest } = r;
  return { ...rest, created: createdBy === null ? null : { userId: createdBy, userName: createdByName ?? '', at: createdAt } };
}

export function toCourse(r: Record<string, unknown>): CourseRow {
  return {
    id: r.id as number,
    patientId: r.patient_id as number,
    kind: r.kind as CourseRow['kind'],
    plannedInfusions: r.planned_infusions as number,
    indication: r.indication as string,
    icd10: (r.icd10 as string | null) ?? null,
    psychiatristAttestation:
      r.psychiatrist === null ? null : { psychiatrist: r.psychiatrist as string, at: r.psychiatrist_attested_at as number },
    priorFailedTherapies: JSON.parse(r.prior_failed_therapies as string),
    created: { userId: r.created_by as number, userName: r.created_by_name as string, at: r.created_at as number },
  };
}

export function createPatientsRepo(db: DB, audit: AuditLog) {
  // Both walk patient_search's indexes in order: no full scan and no sort of all patients.
  const list = db.prepare(`${PATIENT_SQL} JOIN patient_search ps ON ps.patient_id = p.id ORDER BY ps.family_key, ps.given_key LIMIT 500`);
  const search = db.prepare(`${PATIENT_SQL} JOIN patient_search ps ON ps.patient_id = p.id
    WHERE p.id IN (SELECT patient_id FROM patient_search WHERE family_key >= @q AND family_key < @end
                   UNION SELECT patient_id FROM patient_search WHERE given_key >= @q AND given_key < @end)
    ORDER BY ps.family_key, ps.given_key LIMIT 500`);
  const insertSearchKeys = db.prepare('INSERT INTO patient_search (patient_id, family_key, given_key) VALUES (?, ?, ?)');
  const byId = db.prepare(`${PATIENT_SQL} WHERE p.id = ?`);
  const insert = db.prepare('INSERT INTO patients (family_name, given_name, birth_date, insurance, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)');
  // The audit entry is written first; audit_seq names it (migration 0060 refuses a change without a fresh one).
  const updateInsurance = db.prepare('UPDATE patients SET insurance = ?, audit_seq = ? WHERE id = ?');
  const coursesOf = db.prepare(`${COURSE_SQL} WHERE c.patient_id = ? ORDER BY c.id`);
  const courseById = db.prepare(`${COURSE_SQL} WHERE c.id = ?`);
  const insertCourse = db.prepare(
    `INSERT INTO courses (patient_id, kind, planned_infusions, indication, icd10, psychiatrist, psychiatrist_attested_at,
      prior_failed_therapies, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const getPatient = (id: number): PatientRow | null => {
    const r = byId.get(id) as RawPatient | undefined;
    return r ? toPatient(r) : null;
  };
  const getCourse = (id: number): CourseRow | null => {
    const r = courseById.get(id) as Record<string, unknown> | undefined;
    return r ? toCourse(r) : null;
  };

  return {
    listPatients(query?: string): PatientRow[] {
      // A prefix of the family or the given name, whatever its case or accents.
      const q = nameSearchKey(query ?? '');
      const rows = q ? search.all({ q, end: prefixEnd(q) }) : list.all();
      return (rows as RawPatient[]).map(toPatient);
    },
    getPatient,
    createPatient: db.transaction((actor: Actor, p: { familyName: string; givenName: string; birthDate: string; insurance?: Insurance | null }) => {
      const id = Number(insert.run(p.familyName.trim(), p.givenName.trim(), p.birthDate, p.insurance ?? null, actor.at, actor.userId).lastInsertRowid);
      insertSearchKeys.run(id, nameSearchKey(p.familyName), nameSearchKey(p.givenName));
      audit.append({ at: actor.at, userId: actor.userId, action: 'patient.created', entity: 'patient', entityId: id, detail: p });
      return getPatient(id)!;
    }),
    /** Changes how a patient is insured; `source` says whether a person entered it or the PVS sent it. */
    setInsurance: db.transaction((actor: Actor, patientId: number, insurance: Insurance, source: 'form' | 'gdt') => {
      const before = getPatient(patientId);
      if (!before) throw new Error(`there is no patient ${patientId}`);
      if (before.insurance === insurance) return before;
      const seq = audit.append({
        at: actor.at, userId: actor.userId, action: 'patient.insuranceChanged', entity: 'patient', entityId: patientId,
        detail: { before: before.insurance, after: insurance, source },
      });
      updateInsurance.run(insurance, seq, patientId);
      return getPatient(patientId)!;
    }),
    listCourses: (patientId: number): CourseRow[] => (coursesOf.all(patientId) as Record<string, unknown>[]).map(toCourse),
    getCourse,
    createCourse: db.transaction((actor: Actor, c: NewCourse) => {
      const id = Number(
        insertCourse.run(
          c.patientId,
          c.kind,
          c.plannedInfusions,
          c.indication,
          c.icd10 ?? null,
          c.psychiatristAttestation?.psychiatrist ?? null,
          c.psychiatristAttestation?.at ?? null,
          JSON.stringify(c.priorFailedTherapies),
          actor.at,
          actor.userId,
        ).lastInsertRowid,
      );
      audit.append({ at: actor.at, userId: actor.userId, action: 'course.created', entity: 'course', entityId: id, detail: c });
      return getCourse(id)!;
    }),
  };
}
