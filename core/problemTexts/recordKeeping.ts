/** Problem texts of what is documented: checklist, observations, course, signed records and their integrity. German first; placeholders are {param} (core/messages.ts). */
import type { MessageText } from '../text';

export const RECORD_PROBLEM_TEXTS = {
  // Pre-infusion checklist (§1.5, §1.6, §5.2)
  'checklist.consentMissing': {
    de: 'Off-Label-Einwilligung liegt nicht vor',
    en: 'No off-label consent on file',
  },
  'checklist.consentOutdated': {
    de: 'Einwilligung auf Aufklärungsbogen Version {signed}, aktuell ist Version {current}: erneute Aufklärung erforderlich',
    en: 'Consent was given on information sheet version {signed}, current is {current}: re-consent required',
  },
  'checklist.offLabelClauseMissing': {
    de: 'Off-Label-Hinweis in der Einwilligung nicht bestätigt',
    en: 'Off-label clause of the consent not confirmed',
  },
  'checklist.safetyBriefingMissing': {
    de: 'Sicherungsaufklärung (kein Autofahren, Begleitperson) nicht dokumentiert',
    en: 'Safety instructions (no driving, escort) not documented',
  },
  'checklist.contraindicationsNotAsked': {
    de: 'Kontraindikationen nicht erfragt bzw. nicht ärztlich bestätigt',
    en: 'Contraindications not asked or not confirmed by a physician',
  },
  'checklist.contraindicationPresent': {
    de: 'Absolute Kontraindikation festgestellt: keine Infusion',
    en: 'Absolute contraindication found: no infusion',
  },
  'checklist.weightMissing': { de: 'Körpergewicht fehlt', en: 'Body weight is missing' },
  'checklist.weightOutdated': {
    de: 'Körpergewicht ist {ageDays} Tage alt (höchstens {maxDays} Tage): neu wiegen',
    en: 'Body weight is {ageDays} days old (at most {maxDays} days): weigh again',
  },
  'checklist.baselineVitalsMissing': {
    de: 'Ausgangs-Vitalwerte fehlen (vom Monitor oder manuell)',
    en: 'Baseline vital signs missing (from the monitor or typed)',
  },
  'checklist.baselineVitalMissing': { de: 'Ausgangswert {vitalDe} fehlt', en: 'Baseline {vital} is missing' },
  'checklist.baselineVitalImplausible': {
    de: 'Ausgangswert {vitalDe} {value} ist nicht plausibel (erlaubt {min}–{max})',
    en: 'Baseline {vital} {value} is not plausible (allowed {min}–{max})',
  },
  'checklist.baselineBloodPressureTooHigh': {
    de: 'Ausgangsblutdruck {systolic}/{diastolic} mmHg über {limit} mmHg: Kontraindikation laut Fachinformation',
    en: 'Baseline blood pressure {systolic}/{diastolic} mmHg above {limit} mmHg: contraindication per the label',
  },
  'checklist.baselinePainMissing': { de: 'Schmerz-NRS vor der Infusion fehlt', en: 'Pre-infusion pain NRS is missing' },
  'checklist.fastingStatusMissing': { de: 'Nüchternstatus nicht dokumentiert', en: 'Fasting status not documented' },
  'checklist.fastingTooShort': {
    de: 'Nüchternzeit {hours} h, mindestens {minHours} h erforderlich',
    en: 'Fasting for {hours} h, at least {minHours} h required',
  },
  'checklist.physicianMissing': {
    de: 'Verantwortliche Ärztin / verantwortlicher Arzt nicht eingetragen',
    en: 'Responsible physician not recorded',
  },
  'checklist.physicianNotFound': {
    de: 'Verantwortliche Ärztin / verantwortlicher Arzt ist kein aktives Arztkonto',
    en: 'The responsible physician is not an active physician account',
  },
  'checklist.dateInFuture': {
    de: '{itemDe}: Datum liegt in der Zukunft',
    en: '{item}: the date lies in the future',
  },
  'checklist.dateTooEarly': {
    de: '{itemDe}: Datum liegt vor dem {earliest} und ist nicht plausibel',
    en: '{item}: the date lies before {earliest} and is not plausible',
  },
  'checklist.changedAfterCompletion': {
    de: 'Checkliste oder Verordnung wurde nach dem Abschluss der Checkliste geändert: Punkte siehe unten',
    en: 'Checklist or prescription changed after the checklist was completed: see the items below',
  },
  'checklist.prescriptionMissing': { de: 'Keine Verordnung vorhanden', en: 'There is no prescription' },
  'checklist.physicianNotOnSite': {
    de: '{physician} ist nicht vor Ort: Infusion nur mit anwesender Ärztin / anwesendem Arzt',
    en: '{physician} is not on site: infusion only with a physician present',
  },

  // Observations (§3)
  'observation.roundKindTwice': { de: 'Eine Runde enthält jede Beobachtung nur einmal ({kind} doppelt)', en: 'A round holds each observation once ({kind} twice)' },
  'observation.timeInvalid': { de: 'Beobachtung hat keine gültige Uhrzeit', en: 'The observation has no valid time' },
  'observation.nrsInvalid': { de: 'Schmerz-NRS {value} ist ungültig (ganze Zahl 0–10)', en: 'Pain NRS {value} is not valid (whole number 0–10)' },
  'observation.rassInvalid': { de: 'RASS {value} ist ungültig (−5 bis +4)', en: 'RASS {value} is not valid (−5 to +4)' },
  'observation.moaasInvalid': { de: 'MOAA/S {value} ist ungültig (0–5)', en: 'MOAA/S {value} is not valid (0–5)' },
  'observation.dissociationInvalid': { de: 'Dissoziation {value} ist ungültig (0–3)', en: 'Dissociation {value} is not valid (0–3)' },
  'observation.nauseaInvalid': { de: 'Übelkeit {value} ist ungültig (0–3)', en: 'Nausea {value} is not valid (0–3)' },
  'observation.vomitingInvalid': {
    de: 'Anzahl Erbrechen {value} ist ungültig',
    en: 'Number of vomiting episodes {value} is not valid',
  },
  'observation.bloodPressureImplausible': {
    de: 'Blutdruck {systolic}/{diastolic} mmHg ist nicht plausibel',
    en: 'Blood pressure {systolic}/{diastolic} mmHg is not plausible',
  },
  'observation.heartRateImplausible': { de: 'Herzfrequenz {value}/min ist nicht plausibel', en: 'Heart rate {value}/min is not plausible' },
  'observation.spo2Implausible': { de: 'SpO₂ {value} % ist nicht plausibel', en: 'SpO₂ {value} % is not plausible' },
  'observation.noteEmpty': { de: 'Freitext ist leer', en: 'The note is empty' },
  'observation.textTooLong': { de: 'Text ist länger als {max} Zeichen', en: 'The text is longer than {max} characters' },
  'observation.adverseEventDescriptionMissing': {
    de: 'Beschreibung des unerwünschten Ereignisses fehlt',
    en: 'Description of the adverse event is missing',
  },
  'observation.adverseEventSeverityInvalid': {
    de: 'Schweregrad des unerwünschten Ereignisses fehlt (leicht, mittel, schwer)',
    en: 'Severity of the adverse event is missing (mild, moderate, severe)',
  },
  'observation.timeBeforeSession': {
    de: 'Uhrzeit liegt vor dem Beginn der Sitzung (Check-in)',
    en: 'The time lies before the session began (check-in)',
  },
  'observation.timeInFuture': {
    de: 'Uhrzeit liegt in der Zukunft (mehr als {toleranceMin} min nach der Serverzeit)',
    en: 'The time lies in the future (more than {toleranceMin} min after the server clock)',
  },
  'observation.rescueDrugMissing': {
    de: 'Notfallmedikament nicht aus der Liste gewählt',
    en: 'Rescue drug not chosen from the list',
  },
  'observation.rescueDoseOutOfRange': {
    de: 'Dosis {dose} {unit} {drugDe} ist nicht plausibel (erlaubt {min}–{max} {unit})',
    en: 'Dose {dose} {unit} of {drug} is not plausible (allowed {min}–{max} {unit})',
  },
  'observation.rescueUnitWrong': {
    de: 'Einheit {unit} passt nicht zum Medikament (richtig: {expected})',
    en: 'Unit {unit} does not fit the drug (expected {expected})',
  },
  'observation.rescueRouteMissing': {
    de: 'Applikationsweg des Notfallmedikaments fehlt oder passt nicht zum Medikament',
    en: 'Route of the rescue drug is missing or does not fit the drug',
  },
  'observation.rescueTimeInvalid': {
    de: 'Gabe des Notfallmedikaments liegt vor dem Ereignis',
    en: 'The rescue drug is dated before the adverse event',
  },
  'observation.rescueGivenByUnknown': {
    de: 'Wer das Notfallmedikament gegeben hat, ist keine aktive MFA / kein aktiver Arzt',
    en: 'Who gave the rescue drug is not an active MFA or physician',
  },
  'observation.rescueOrderedByNotPhysician': {
    de: 'Das Notfallmedikament muss von einer aktiven Ärztin / einem aktiven Arzt angeordnet sein',
    en: 'The rescue drug must be ordered by an active physician',
  },

  // Course (§1.1, §1.8)
  'course.weeklyLengthOutOfRange': {
    de: 'Wöchentlicher Zyklus mit {count} Infusionen: erlaubt sind {min}–{max}',
    en: 'Weekly course with {count} infusions: {min}–{max} allowed',
  },
  'course.dailyLengthOutOfRange': {
    de: 'Täglicher Zyklus mit {count} Tagen: erlaubt sind {min}–{max}',
    en: 'Daily course with {count} days: {min}–{max} allowed',
  },
  'course.psychiatricIndicationWithoutAttestation': {
    de: 'Psychiatrische Indikation nur mit dokumentierter fachpsychiatrischer Stellungnahme',
    en: "Psychiatric indication only with a psychiatrist's attestation on record",
  },
  'course.priorTherapyNameMissing': {
    de: 'Vorbehandlung ohne Bezeichnung',
    en: 'Prior therapy without a name',
  },
  'course.sessionNumberInvalid': {
    de: 'Sitzungsnummer {session} ist ungültig oder doppelt',
    en: 'Session number {session} is not valid or repeated',
  },
  'course.nrsOutOfRange': {
    de: 'Sitzung {session}: NRS {value} liegt außerhalb von 0–10',
    en: 'Session {session}: NRS {value} is outside 0–10',
  },
  'checklist.weightDiffersFromPrescription': {
    de: 'Gewicht in der Checkliste ({checklistKg} kg) weicht von der Verordnung ({prescribedKg} kg) ab: bitte neu verordnen',
    en: 'Weight in the checklist ({checklistKg} kg) differs from the prescription ({prescribedKg} kg): please prescribe again',
  },
  'course.full': {
    de: 'Der Zyklus sieht {count} Infusionen vor, alle sind schon geplant',
    en: 'The course plans {count} infusions and all are already planned',
  },
  // The cost-coverage application goes to a private insurer (clinical sheet §5.5)
  'dossier.statutoryPatient': {
    de: 'Gesetzlich versichert: ein Antrag auf Kostenübernahme an die private Krankenversicherung ist für diesen Patienten nicht vorgesehen',
    en: 'Statutory insurance: a cost-coverage application to a private insurer does not apply to this patient',
  },
  'dossier.notPrivate': {
    de: 'Der Antrag auf Kostenübernahme ist nur für privat Versicherte: bitte die Versicherungsart im Patientenformular angeben',
    en: 'The cost-coverage application is for privately insured patients only: please enter the insurance on the patient form',
  },

  // Session records, sign-off and amendments (issue 5)
  'session.signed': {
    de: 'Die Sitzung ist von {physician} signiert und gesperrt: Korrekturen nur als Nachtrag',
    en: 'The session is signed by {physician} and locked: corrections are amendments',
  },
  'session.notFinished': {
    de: 'Die Sitzung ist noch nicht abgeschlossen ({status}): erst nach Entlassung, Verlegung oder Absage signieren',
    en: 'The session is not finished ({status}): sign it after discharge, transfer or cancellation',
  },
  'signature.passwordWrong': {
    de: 'Passwort falsch: zum Signieren bitte das eigene Passwort erneut eingeben',
    en: 'Password wrong: signing needs your own password again',
  },
  'amendment.correctionMissing': { de: 'Der Nachtrag enthält keine Korrektur', en: 'The amendment holds no correction' },
  'amendment.reasonMissing': { de: 'Begründung des Nachtrags fehlt', en: 'Reason for the amendment is missing' },

  // Integrity of signed records (issue 9): the content hash recomputed against the signed one
  'record.partChanged': {
    de: 'Weicht vom signierten Inhalt ab: {partDe}',
    en: 'Differs from the signed content: {part}',
  },
  'record.signatureRowChanged': {
    de: 'Die Signatur der Sitzung passt nicht zu ihrem Eintrag im Audit-Protokoll',
    en: 'The session signature does not match its audit log entry',
  },
  'record.signatureMissing': {
    de: 'Die Signatur der Sitzung ist unvollständig: Signaturzeile, Sperre oder Eintrag im Audit-Protokoll fehlt',
    en: 'The session signature is incomplete: the signature row, the lock or its audit log entry is missing',
  },
  'record.auditEntryChanged': {
    de: 'Der Audit-Eintrag der Signatur wurde nach dem Schreiben geändert',
    en: 'The audit log entry of the signature was changed after it was written',
  },
  'record.signedWithoutHash': {
    de: 'Vor der Inhaltsprüfung signiert: kein Inhaltshash zum Vergleichen',
    en: 'Signed before content hashes were stored: no hash to compare',
  },
  'record.unreadable': {
    de: 'Der signierte Inhalt ist nicht mehr lesbar: {reason}',
    en: 'The signed content can no longer be read: {reason}',
  },
  'record.amendmentChanged': {
    de: 'Nachtrag {id} wurde nach seiner Signatur geändert',
    en: 'Amendment {id} was changed after it was signed',
  },
  'session.plannedForImplausible': {
    de: 'Geplanter Termin liegt mehr als einen Tag zurück oder mehr als ein Jahr voraus',
    en: 'The planned time is more than a day ago or more than a year ahead',
  },
  'escort.arrivalImplausible': {
    de: 'Ankunftszeit der Abholung liegt nicht innerhalb eines Tages um jetzt',
    en: 'The pickup arrival time is not within a day of now',
  },
  'course.attestationDateImplausible': {
    de: 'Datum der psychiatrischen Stellungnahme liegt in der Zukunft oder vor 2000',
    en: "The date of the psychiatrist's attestation lies in the future or before 2000",
  },
  'patient.familyNameMissing': { de: 'Nachname fehlt', en: 'Family name is missing' },
  'patient.givenNameMissing': { de: 'Vorname fehlt', en: 'Given name is missing' },
  'patient.birthDateInvalid': {
    de: 'Geburtsdatum {birthDate} ist kein Kalenderdatum der letzten {maxYears} Jahre',
    en: 'Birth date {birthDate} is not a calendar date within the last {maxYears} years',
  },
  'setting.reasonMissing': {
    de: 'Änderung einer Praxiseinstellung nur mit Begründung',
    en: 'A change of a clinic setting needs a reason',
  },
  'setting.valueInvalid': {
    de: 'Wert für {key} ungültig: {rule}',
    en: 'Value for {key} not valid: {rule}',
  },
  'setting.unknown': { de: 'Es gibt keine Praxiseinstellung {key}', en: 'There is no clinic setting {key}' },
  'setting.notANumber': { de: '{key}: Wert ist keine Zahl', en: '{key}: the value is not a number' },
  'setting.notWhole': { de: '{key}: {value} ist keine ganze Zahl', en: '{key}: {value} is not a whole number' },
  'setting.outOfRange': {
    de: '{key}: {value} liegt außerhalb des klinisch zulässigen Bereichs {min}–{max} {unit} ({source})',
    en: '{key}: {value} is outside the clinical range {min}–{max} {unit} ({source})',
  },
  'setting.notAChoice': { de: '{key}: „{value}“ ist nicht erlaubt (erlaubt: {choices})', en: '{key}: "{value}" is not allowed (allowed: {choices})' },
  'setting.listEmpty': { de: '{key}: die Liste braucht mindestens einen Wert', en: '{key}: the list needs at least one value' },
  'setting.unchanged': { de: '{key} hat bereits den Wert {value}', en: '{key} already has the value {value}' },
  'setting.mustNotExceed': {
    de: '{key} ({value}) darf nicht über {other} ({otherValue}) liegen',
    en: '{key} ({value}) may not be above {other} ({otherValue})',
  },
  'setting.mustBeBelow': {
    de: '{key} ({value}) muss unter {other} ({otherValue}) liegen',
    en: '{key} ({value}) must be below {other} ({otherValue})',
  },
  'setting.notInCatalogue': {
    de: '{key}: {value} mg/ml steht nicht im Konzentrationskatalog ({catalogue} mg/ml)',
    en: '{key}: {value} mg/ml is not in the concentration catalogue ({catalogue} mg/ml)',
  },
} as const satisfies Record<string, MessageText>;
