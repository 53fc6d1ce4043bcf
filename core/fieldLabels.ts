/**
 * The names of input fields in words, for the refusal "Eingabe ungültig: {field}" (the dispatcher names the field by
 * its path in the contract, e.g. `patient.birthDate`): keyed by the path's last name. A field not listed here is not
 * named (the text says "eine Eingabe"), never shown by its code name.
 */
import type { MessageText } from './text';

export const FIELD_LABELS: Record<string, MessageText> = {
  username: { de: 'Benutzername', en: 'user name' },
  password: { de: 'Passwort', en: 'password' },
  newPassword: { de: 'neues Passwort', en: 'new password' },
  pin: { de: 'PIN', en: 'PIN' },
  displayName: { de: 'Anzeigename', en: 'display name' },
  role: { de: 'Rolle', en: 'role' },
  familyName: { de: 'Nachname', en: 'family name' },
  givenName: { de: 'Vorname', en: 'given name' },
  birthDate: { de: 'Geburtsdatum', en: 'date of birth' },
  weightKg: { de: 'Gewicht', en: 'weight' },
  concentrationMgPerMl: { de: 'Konzentration', en: 'concentration' },
  targetMgPerKgPerH: { de: 'Zieldosis', en: 'target dose' },
  rateMlPerH: { de: 'Rate', en: 'rate' },
  amount: { de: 'Menge', en: 'amount' },
  reason: { de: 'Begründung', en: 'reason' },
  softLimitReason: { de: 'Begründung für die Überschreitung', en: 'reason for exceeding the limit' },
  cancelReason: { de: 'Grund der Absage', en: 'reason for cancelling' },
  plannedInfusions: { de: 'geplante Infusionen', en: 'planned infusions' },
  plannedFor: { de: 'geplanter Termin', en: 'planned date' },
  indication: { de: 'Indikation', en: 'indication' },
  icd10: { de: 'ICD-10-Code', en: 'ICD-10 code' },
  sessionNumber: { de: 'Sitzungsnummer', en: 'session number' },
  pvsNumber: { de: 'PVS-Patientennummer', en: 'PMS patient number' },
  nrs: { de: 'Schmerz (NRS)', en: 'pain (NRS)' },
  score: { de: 'Wert', en: 'score' },
  systolicMmHg: { de: 'Blutdruck systolisch', en: 'systolic blood pressure' },
  diastolicMmHg: { de: 'Blutdruck diastolisch', en: 'diastolic blood pressure' },
  heartRate: { de: 'Herzfrequenz', en: 'heart rate' },
  value: { de: 'Wert', en: 'value' },
  at: { de: 'Zeitpunkt', en: 'time' },
  portPath: { de: 'Anschluss', en: 'port' },
  pumpPortPath: { de: 'Anschluss des Perfusors', en: 'syringe pump port' },
  correction: { de: 'Korrektur', en: 'correction' },
  phone: { de: 'Telefonnummer', en: 'phone number' },
  name: { de: 'Name', en: 'name' },
  // Fields of the checklist and the session as the audit entries store them (the review's record, issue 12).
  courseId: { de: 'Zyklus', en: 'course' },
  chairId: { de: 'Platz', en: 'chair' },
  sessionId: { de: 'Sitzung', en: 'session' },
  userId: { de: 'Benutzer (Nummer)', en: 'user (number)' },
  items: { de: 'Angaben', en: 'entries' },
  offLabelConsent: { de: 'Off-Label-Einwilligung', en: 'off-label consent' },
  signedAt: { de: 'unterschrieben am', en: 'signed on' },
  infoSheetVersion: { de: 'Version Aufklärungsbogen', en: 'information sheet version' },
  offLabelClause: { de: 'Off-Label-Hinweis', en: 'off-label clause' },
  safetyBriefingGiven: { de: 'Sicherungsaufklärung', en: 'safety briefing' },
  weight: { de: 'Gewicht', en: 'weight' },
  kg: { de: 'kg', en: 'kg' },
  measuredAt: { de: 'gemessen am', en: 'measured on' },
  baselineVitals: { de: 'Ausgangswerte', en: 'baseline vitals' },
  source: { de: 'Quelle', en: 'source' },
  spo2: { de: 'SpO₂', en: 'SpO₂' },
  baselinePainNrs: { de: 'Schmerz vor der Infusion (NRS)', en: 'pain before the infusion (NRS)' },
  fasting: { de: 'Nüchternheit', en: 'fasting' },
  lastMealAt: { de: 'letzte Mahlzeit', en: 'last meal' },
  escort: { de: 'Heimweg', en: 'way home' },
  relation: { de: 'Beziehung', en: 'relation' },
  arrivalAt: { de: 'Ankunft', en: 'arrival' },
  responsiblePhysician: { de: 'verantwortliche Ärztin/verantwortlicher Arzt', en: 'responsible physician' },
  onSite: { de: 'anwesend', en: 'on site' },
  absoluteContraindicationFound: { de: 'absolute Kontraindikation gefunden', en: 'absolute contraindication found' },
  problems: { de: 'offene Punkte', en: 'open items' },
  message: { de: 'Meldung', en: 'message' },
  code: { de: 'Kennung', en: 'code' },
  kind: { de: 'Art', en: 'kind' },
  event: { de: 'Ereignis', en: 'event' },
};

/** The field of a contract path in words, or null when it has no name here. */
export function fieldLabel(path: string, lang: 'de' | 'en'): string | null {
  const last = path.split('.').filter((p) => !/^\d+$/.test(p)).pop();
  return last !== undefined && Object.hasOwn(FIELD_LABELS, last) ? FIELD_LABELS[last]![lang] : null;
}
