/**
 * What a 6311 from the PVS ("Daten einer Untersuchung zeigen", records-out.md §1.2) points at: the patient its PVS
 * number is linked to (a 6311 never creates or links a patient: it asks about an examination the app reported), and
 * with a day (6200) that patient's session of that local day. A 6310 carries the day the infusion started (else the
 * planned day), so the same day finds it; of two sessions that day the signed one, then the one not cancelled,
 * then the newest. Days are the clinic's local days, as everywhere in the app.
 */
import type { DB } from '../open';
import { dayBounds } from './gdtRequests';

export interface ShownExamination {
  patientId: number;
  /** "Family, Given" as the notice names the patient. */
  patientName: string;
  /** The session of the day asked for; null: no day given, or no session that day (the patient's screen is shown). */
  sessionId: number | null;
  sessionNumber: number | null;
}

export function createGdtShowFinder(db: DB) {
  const q = {
    patient: db.prepare(`SELECT p.id, p.family_name || ', ' || p.given_name AS name FROM pvs_patients m JOIN patients p ON p.id = m.patient_id
      WHERE m.partner_id = ? AND m.pvs_number = ?`),
    sessionOfDay: db.prepare(`SELECT id, session_number AS sessionNumber FROM infusion_sessions
      WHERE patient_id = ? AND coalesce(started_at, planned_for) >= ? AND coalesce(started_at, planned_for) < ?
      ORDER BY signed_at IS NULL, state = 'cancelled', id DESC LIMIT 1`),
  };
  /** null: the PVS number is not linked to a patient of this partner. */
  return (partnerId: number, pvsNumber: string, day: string | null): ShownExamination | null => {
    const patient = q.patient.get(partnerId, pvsNumber) as { id: number; name: string } | undefined;
    if (!patient) return null;
    let session: { id: number; sessionNumber: number } | undefined;
    if (day !== null) {
      const { from, to } = dayBounds(day);
      session = q.sessionOfDay.get(patient.id, from, to) as typeof session;
    }
    return { patientId: patient.id, patientName: patient.name, sessionId: session?.id ?? null, sessionNumber: session?.sessionNumber ?? null };
  };
}
