/**
 * Every Problem code of the domain rules with its German (first) and English text.
 * Placeholders are {param}; German templates may use a German variant of a param (e.g. {itemDe}).
 * `problem()` only accepts codes from this table, so a code without a text cannot compile.
 */
import { isConditionCode } from './alarms/codes';
import { ALARM_NOTICES, conditionLabel } from './alarms/messages';
import { settingLabel } from './clinic/settingLabels';
import { sourceText } from './clinic/sourceText';
import { fieldLabel } from './fieldLabels';
import type { Problem } from './settings';

import { fillTemplate, type Lang, type MessageText } from './text';

export type { Lang, MessageText } from './text';

export const MESSAGES = {
  // Dose: prescription limits (§2.2, §2.4)
  'dose.weightImplausible': {
    de: 'Gewicht {weight} kg ist nicht plausibel (erlaubt {min}–{max} kg)',
    en: 'Weight {weight} kg is not plausible (allowed {min}–{max} kg)',
  },
  'dose.concentrationNotInCatalogue': {
    de: 'Konzentration {concentration} mg/ml ist nicht im Katalog ({catalogue} mg/ml)',
    en: 'Concentration {concentration} mg/ml is not in the catalogue ({catalogue} mg/ml)',
  },
  'dose.rateNotPositive': {
    de: 'Dosisrate {rate} mg/kg/h muss größer als 0 sein',
    en: 'Dose rate {rate} mg/kg/h must be greater than 0',
  },
  'dose.rateAboveSoftLimit': {
    de: 'Dosisrate {rate} mg/kg/h liegt über der Warngrenze von {limit} mg/kg/h: schriftliche ärztliche Begründung erforderlich',
    en: 'Dose rate {rate} mg/kg/h is above the soft limit of {limit} mg/kg/h: a written physician reason is required',
  },
  'dose.rateAboveHardLimit': {
    de: 'Dosisrate {rate} mg/kg/h liegt über der Höchstgrenze von {limit} mg/kg/h und ist nicht zulässig',
    en: 'Dose rate {rate} mg/kg/h is above the hard limit of {limit} mg/kg/h and is not allowed',
  },
  'dose.bolusNotPositive': {
    de: 'Bolus {mg} mg muss größer als 0 sein',
    en: 'Bolus {mg} mg must be greater than 0',
  },
  'dose.bolusAboveLimit': {
    de: 'Bolus {mgPerKg} mg/kg liegt über dem Höchstbolus von {limit} mg/kg',
    en: 'Bolus {mgPerKg} mg/kg is above the maximum bolus of {limit} mg/kg',
  },
  'dose.sessionDoseAboveLimit': {
    de: 'Gesamtdosis {mgPerKg} mg/kg liegt über der Höchstdosis pro Sitzung von {limit} mg/kg',
    en: 'Cumulative dose {mgPerKg} mg/kg is above the maximum dose per session of {limit} mg/kg',
  },
  'dose.sessionDoseReached': {
    de: 'Höchstdosis der Sitzung erreicht ({mgPerKg} von {limit} mg/kg): keine Erhöhung der Rate',
    en: 'Session maximum dose reached ({mgPerKg} of {limit} mg/kg): the rate cannot be raised',
  },
  'dose.projectionReachesCap': {
    de: 'Bei {rate} mg/kg/h wird die Höchstdosis von {limit} mg/kg in {minutes} min erreicht (jetzt {mgPerKg} mg/kg)',
    en: 'At {rate} mg/kg/h the maximum dose of {limit} mg/kg is reached in {minutes} min (now {mgPerKg} mg/kg)',
  },
  'dose.pumpRateBelowResolution': {
    de: 'Die Pumpe kann {mlPerH} ml/h nicht einstellen (Auflösung {resolution} ml/h)',
    en: 'The pump cannot be set to {mlPerH} ml/h (resolution {resolution} ml/h)',
  },

  // Dose: event timeline
  'dose.timeline.timeInvalid': {
    de: 'Ereignis Nr. {number} ({kind}) hat keine gültige Uhrzeit',
    en: 'Event #{number} ({kind}) has no valid time',
  },
  'dose.timeline.outOfOrder': {
    de: 'Ereignis Nr. {number} ({kind}) liegt zeitlich vor dem vorherigen Ereignis',
    en: 'Event #{number} ({kind}) is dated before the previous event',
  },
  'dose.timeline.rateNotPositive': {
    de: 'Ereignis Nr. {number} ({kind}): Förderrate muss größer als 0 ml/h sein (zum Anhalten „Pause“ verwenden)',
    en: 'Event #{number} ({kind}): pump rate must be greater than 0 ml/h (use pause to halt the pump)',
  },
  'dose.timeline.bolusNotPositive': {
    de: 'Ereignis Nr. {number} ({kind}): Bolusmenge muss größer als 0 sein',
    en: 'Event #{number} ({kind}): bolus amount must be greater than 0',
  },
  'dose.timeline.eventBeforeStart': {
    de: 'Ereignis Nr. {number} ({kind}) liegt vor dem Infusionsstart',
    en: 'Event #{number} ({kind}) comes before the infusion start',
  },
  'dose.timeline.startRepeated': {
    de: 'Ereignis Nr. {number}: Infusion wurde bereits gestartet',
    en: 'Event #{number}: the infusion was already started',
  },
  'dose.timeline.pauseWhileNotRunning': {
    de: 'Ereignis Nr. {number}: Pause, obwohl die Infusion nicht läuft',
    en: 'Event #{number}: pause while the infusion is not running',
  },
  'dose.timeline.resumeWhileNotPaused': {
    de: 'Ereignis Nr. {number}: Fortsetzung, obwohl die Infusion nicht pausiert ist',
    en: 'Event #{number}: resume while the infusion is not paused',
  },
  'dose.timeline.eventAfterStop': {
    de: 'Ereignis Nr. {number} ({kind}) liegt nach dem Infusionsende',
    en: 'Event #{number} ({kind}) comes after the infusion was stopped',
  },

  // Session state machine
  'session.timeInvalid': { de: 'Ereignis hat keine gültige Uhrzeit', en: 'The event has no valid time' },
  'session.eventBeforePrevious': {
    de: 'Ereignis liegt zeitlich vor dem zuletzt dokumentierten Ereignis',
    en: 'The event is dated before the last documented event',
  },
  'session.notCheckedIn': { de: 'Patient ist noch nicht eingecheckt', en: 'The patient has not been checked in yet' },
  'session.alreadyCheckedIn': { de: 'Patient ist bereits eingecheckt', en: 'The patient is already checked in' },
  'session.checklistNotComplete': {
    de: 'Checkliste vor Infusionsbeginn ist nicht abgeschlossen',
    en: 'The pre-infusion checklist is not complete',
  },
  'session.checklistAlreadyComplete': {
    de: 'Checkliste vor Infusionsbeginn ist bereits abgeschlossen',
    en: 'The pre-infusion checklist is already complete',
  },
  'session.checklistNotChecked': {
    de: 'Checkliste wurde nicht geprüft',
    en: 'The checklist has not been checked',
  },
  'session.checklistIncomplete': {
    de: 'Checkliste unvollständig: fehlende Punkte siehe unten',
    en: 'Checklist incomplete: see the missing items below',
  },
  'session.infusionNotStarted': { de: 'Infusion wurde noch nicht gestartet', en: 'The infusion has not been started' },
  'session.infusionAlreadyStarted': { de: 'Infusion wurde bereits gestartet', en: 'The infusion has already been started' },
  'session.infusionNotPaused': { de: 'Infusion ist nicht pausiert', en: 'The infusion is not paused' },
  'session.infusionAlreadyPaused': { de: 'Infusion ist bereits pausiert', en: 'The infusion is already paused' },
  'session.bolusWhilePaused': {
    de: 'Kein Bolus während der Pause: Infusion zuerst fortsetzen',
    en: 'No bolus while paused: resume the infusion first',
  },
  'session.infusionNotStopped': {
    de: 'Infusion ist noch nicht beendet: Pumpe zuerst stoppen',
    en: 'The infusion has not been stopped: stop the pump first',
  },
  'session.infusionAlreadyStopped': {
    de: 'Infusion ist bereits beendet; der Patient ist in der Nachbeobachtung',
    en: 'The infusion has already been stopped; the patient is under post-infusion observation',
  },
  'session.cancelDuringInfusion': {
    de: 'Abbruch während laufender Infusion nicht möglich: Infusion zuerst stoppen',
    en: 'Cannot cancel while the infusion is running: stop the infusion first',
  },
  'session.cancelAfterInfusion': {
    de: 'Sitzung mit verabreichter Infusion kann nicht storniert werden: Nachbeobachtung und Entlassung dokumentieren',
    en: 'A session with an infusion given cannot be cancelled: document observation and discharge',
  },
  'session.cancelReasonMissing': { de: 'Grund für die Stornierung fehlt', en: 'The reason for cancelling is missing' },
  'session.alreadyDischarged': { de: 'Patient ist bereits entlassen', en: 'The patient has already been discharged' },
  'session.alreadyCancelled': { de: 'Sitzung wurde storniert', en: 'The session was cancelled' },
  'session.alreadyTransferred': {
    de: 'Patient wurde bereits notfallmäßig übergeben (Verlegung)',
    en: 'The patient has already been handed over in an emergency (transfer)',
  },
  'session.transferBeforeStart': {
    de: 'Vor Infusionsbeginn gibt es keine Verlegung: Sitzung mit Grund stornieren',
    en: 'There is no transfer before the infusion starts: cancel the session with a reason',
  },
  'session.transferIncomplete': {
    de: 'Verlegung unvollständig dokumentiert',
    en: 'The transfer is not fully documented',
  },
  'transfer.handedOverToMissing': {
    de: 'An wen übergeben (z. B. Rettungsdienst, Notärztin/Notarzt) fehlt',
    en: 'Handed over to whom (e.g. ambulance crew, emergency physician) is missing',
  },
  'transfer.destinationMissing': { de: 'Wohin verlegt (Klinik, Station) fehlt', en: 'Where to (hospital, ward) is missing' },
  'transfer.reasonMissing': { de: 'Grund der Verlegung fehlt', en: 'The reason for the transfer is missing' },
  'session.doseCapReasonRequired': {
    de: 'Bei dieser Rate wird die Höchstdosis der Sitzung bald erreicht: schriftliche ärztliche Begründung erforderlich',
    en: 'At this rate the session maximum dose is reached soon: a written physician reason is required',
  },
  'session.doseBasisMissing': {
    de: 'Gewicht, Konzentration oder Dosisgrenzen fehlen: Dosis kann nicht geprüft werden',
    en: 'Weight, concentration or dose limits are missing: the dose cannot be checked',
  },
  'session.softLimitReasonRequired': {
    de: 'Warngrenze überschritten: schriftliche ärztliche Begründung erforderlich',
    en: 'Soft limit exceeded: a written physician reason is required',
  },
  'session.doseRefused': { de: 'Dosis abgelehnt', en: 'Dose refused' },
  'session.dischargeNotEvaluated': {
    de: 'Entlassungskriterien wurden nicht geprüft',
    en: 'The discharge criteria have not been checked',
  },
  'session.dischargeNotAllowed': {
    de: 'Entlassung nicht möglich: fehlende Kriterien siehe unten',
    en: 'Discharge not possible: see the missing criteria below',
  },

  // Escort (§1.5, §1.11)
  'escort.notPlanned': {
    de: 'Heimweg nicht geplant: Abholperson oder Taxi angeben',
    en: 'Way home not planned: enter a pickup person or a taxi',
  },
  'escort.notConfirmed': { de: 'Abholperson nicht bestätigt', en: 'Pickup not confirmed' },
  'escort.nameMissing': { de: 'Name der Abholperson fehlt', en: 'Name of the pickup person is missing' },
  'escort.relationMissing': {
    de: 'Beziehung der Abholperson zum Patienten fehlt',
    en: "The pickup person's relation to the patient is missing",
  },
  'escort.phoneMissing': { de: 'Telefonnummer der Abholperson fehlt', en: 'Phone number of the pickup person is missing' },
  'escort.phoneInvalid': {
    de: 'Telefonnummer „{phone}“ der Abholperson ist ungültig',
    en: 'Phone number "{phone}" of the pickup person is not valid',
  },
  'escort.arrivalTimeMissing': {
    de: 'Ankunftszeit der Abholperson bzw. des Taxis fehlt',
    en: 'Time of arrival of the pickup person or taxi is missing',
  },
  'escort.taxiCompanyMissing': { de: 'Taxiunternehmen fehlt', en: 'Taxi company is missing' },
  'escort.taxiBookingReferenceMissing': { de: 'Buchungsnummer des Taxis fehlt', en: 'Taxi booking reference is missing' },

  // Discharge gate (§1.11)
  'discharge.infusionNotStopped': { de: 'Infusion ist noch nicht beendet', en: 'The infusion has not been stopped' },
  'discharge.observationTimeNotOver': {
    de: 'Nachbeobachtungszeit ({observationMin} min) noch nicht abgelaufen: noch {remainingMin} min',
    en: 'Post-infusion observation time ({observationMin} min) not over: {remainingMin} min remaining',
  },
  'discharge.scoreMissing': { de: 'Entlassungsscore fehlt', en: 'The discharge score is missing' },
  'discharge.scoreIncomplete': { de: '{scaleDe} ist unvollständig', en: '{scale} is incomplete' },
  'discharge.scoreBeforeInfusionEnd': {
    de: '{scaleDe} wurde vor Infusionsende erhoben: nach Infusionsende neu erheben',
    en: '{scale} was taken before the infusion ended: score again after the infusion',
  },
  'discharge.scoreBelowThreshold': {
    de: '{scaleDe}: {total} Punkte, für die Entlassung mindestens {threshold} erforderlich',
    en: '{scale}: {total} points, at least {threshold} required for discharge',
  },
  'discharge.scaleNotConfigured': {
    de: '{scaleDe} statt des in der Praxis eingestellten {configuredDe}: nur mit schriftlicher Begründung',
    en: '{scale} instead of the clinic\'s configured {configured}: only with a written reason',
  },
  'rateOrder.noneStarted': {
    de: 'Eine Ratenänderung ist erst nach dem Start der Infusion möglich',
    en: 'A rate change can only be ordered once the infusion has started',
  },
  'rateOrder.notPending': {
    de: 'Die Anordnung Nr. {orderId} wartet nicht mehr auf Bestätigung ({status})',
    en: 'Order #{orderId} is no longer waiting for confirmation ({status})',
  },
  'rateOrder.pumpDiffers': {
    de: 'Die Pumpe meldet {pumpRate} ml/h, angeordnet sind {orderedRate} ml/h',
    en: 'The pump reports {pumpRate} ml/h, the order is {orderedRate} ml/h',
  },
  'doseAmendment.fieldNotForKind': {
    de: 'Bei „{kind}“ kann {field} nicht korrigiert werden',
    en: 'A {kind} event has no {field} to correct',
  },
  'doseAmendment.valueInvalid': {
    de: 'Neuer Wert für {field} muss eine Zahl größer als 0 sein',
    en: 'The new value of {field} must be a number greater than 0',
  },
  'doseAmendment.unchanged': {
    de: '{field} hat bereits den Wert {value}',
    en: '{field} already has the value {value}',
  },
  'doseAmendment.timeInFuture': {
    de: 'Die korrigierte Uhrzeit liegt in der Zukunft',
    en: 'The corrected time is in the future',
  },
  'discharge.instructionsNotAcknowledged': {
    de: 'Entlassungshinweise nicht bestätigt (kein Autofahren für {hours} h)',
    en: 'Discharge instructions not acknowledged (no driving for {hours} h)',
  },
  'discharge.scoreBeforeLatestEvent': {
    de: '{scaleDe} wurde vor {eventDe} erhoben: neu erheben',
    en: '{scale} was taken before {event}: score again',
  },
  'discharge.releaseBeforeLatestEvent': {
    de: 'Ärztliche Freigabe wurde vor {eventDe} erteilt: neu freigeben',
    en: 'The physician released the patient before {event}: release again',
  },
  'discharge.highAlarmRecent': {
    de: 'Alarm hoher Priorität in den letzten {withinMin} min: noch {remainingMin} min',
    en: 'High-priority alarm within the last {withinMin} min: {remainingMin} min remaining',
  },
  'discharge.highPriorityAlarmUnresolved': {
    de: '{count} ungelöste(r) Alarm(e) hoher Priorität',
    en: '{count} unresolved high-priority alarm(s)',
  },
  'discharge.physicianReleaseMissing': {
    de: 'Ärztliche Freigabe zur Entlassung fehlt',
    en: 'The physician has not released the patient',
  },
  'discharge.overridePhysicianMissing': {
    de: 'Übersteuerung ohne Namen der Ärztin / des Arztes',
    en: 'Override without the name of the physician',
  },
  'discharge.overrideReasonMissing': {
    de: 'Übersteuerung ohne schriftliche Begründung',
    en: 'Override without a written reason',
  },
  'discharge.overrideCriteriaMissing': {
    de: 'Übersteuerung ohne genanntes Kriterium: jedes übersteuerte Kriterium einzeln angeben',
    en: 'Override without a criterion: name each criterion overridden',
  },
  'discharge.overrideCriterionMet': {
    de: 'Kriterium „{criterion}“ ist erfüllt und wird nicht übersteuert',
    en: 'Criterion "{criterion}" is met and is not overridden',
  },
  'discharge.escortNotOverridable': {
    de: 'Ohne Abholperson oder Taxi keine Entlassung, auch nicht ärztlich übersteuert: im Notfall „Verlegung“ dokumentieren',
    en: 'No discharge without a pickup person or taxi, not even by override: in an emergency document a transfer',
  },

  // Discharge scales (§3.5)
  'scale.itemMissing': { de: 'Kriterium „{itemDe}“ nicht bewertet', en: 'Item "{item}" not scored' },
  'scale.pointsInvalid': {
    de: 'Kriterium „{itemDe}“: {points} Punkte sind nicht möglich (0, 1 oder 2)',
    en: 'Item "{item}": {points} points are not possible (0, 1 or 2)',
  },
  'scale.itemUnknown': { de: 'Unbekanntes Kriterium „{item}“', en: 'Unknown item "{item}"' },
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
  // Login and rights (core/auth, electron/services/auth)
  loginFailed: {
    de: 'Benutzername oder Passwort falsch',
    en: 'User name or password wrong',
  },
  loginLockedOut: {
    de: 'Zu viele falsche Passwörter: bitte {seconds} s warten',
    en: 'Too many wrong passwords: please wait {seconds} s',
  },
  loginRateLimited: {
    de: 'Zu viele Anmeldeversuche aus diesem Fenster: bitte {seconds} s warten',
    en: 'Too many login attempts from this window: please wait {seconds} s',
  },
  pinWrong: {
    de: 'PIN falsch (noch {left} Versuche)',
    en: 'PIN wrong ({left} attempts left)',
  },
  pinTooManyAttempts: {
    de: 'Zu viele PIN-Versuche gleichzeitig: bitte warten',
    en: 'Too many PIN attempts at once: please wait',
  },
  pinLockedOut: {
    de: 'PIN zu oft falsch: abgemeldet, bitte mit Passwort anmelden',
    en: 'PIN wrong too often: logged out, please log in with the password',
  },
  pinNotSet: {
    de: 'Für diesen Benutzer ist keine PIN hinterlegt: bitte mit Passwort anmelden',
    en: 'No PIN set for this user: please log in with the password',
  },
  passwordChangeRequired: {
    de: 'Das Passwort wurde von der Administration neu gesetzt: bitte jetzt ein eigenes neues Passwort wählen',
    en: 'The password was reset by the administration: please choose your own new password now',
  },
  passwordNotNew: {
    de: 'Das neue Passwort muss sich vom bisherigen unterscheiden',
    en: 'The new password must differ from the current one',
  },
  ownRoleChange: {
    de: 'Die eigene Rolle kann nur eine andere Administratorin oder ein anderer Administrator ändern',
    en: 'Only another administrator can change your own role',
  },
  ownPasswordReset: {
    de: 'Das eigene Passwort wird bei der Anmeldung geändert, nicht zurückgesetzt',
    en: 'Change your own password at login; it is not reset',
  },
  missingRole: {
    de: 'Dafür ist die Berechtigung {needed} nötig (angemeldet als {role})',
    en: 'This needs the right of {needed} (logged in as {role})',
  },
  // {field} is the field in words (core/fieldLabels.ts); a field without a name there gets invalidInput.
  invalidField: {
    de: 'Eingabe ungültig: {field}',
    en: 'Invalid input: {field}',
  },
  invalidInput: { de: 'Eine Eingabe ist ungültig', en: 'An input is not valid' },
  'user.nameTaken': { de: 'Den Benutzernamen „{username}“ gibt es schon', en: 'The user name “{username}” is taken' },
  'user.cannotDeactivateSelf': { de: 'Das eigene Benutzerkonto kann man nicht deaktivieren', en: 'You cannot deactivate yourself' },
  // A refusal from main without a listed problem: said in words, its English detail stays in the host's log.
  'api.BAD_INPUT': { de: 'Die Eingabe wurde nicht angenommen', en: 'The input was not accepted' },
  'api.UNAUTHENTICATED': { de: 'Bitte anmelden', en: 'Please log in' },
  'api.FORBIDDEN': { de: 'Dafür fehlt die Berechtigung', en: 'You do not have the right to do this' },
  'api.NOT_FOUND': { de: 'Der Eintrag wurde nicht gefunden (inzwischen geändert oder entfernt?)', en: 'The entry was not found (changed or removed meanwhile?)' },
  'api.CONFLICT': { de: 'Das geht gerade nicht: der Stand hat sich geändert', en: 'Not possible right now: something changed meanwhile' },
  'api.REFUSED': { de: 'Abgelehnt', en: 'Refused' },
  'api.STORAGE': { de: 'SPEICHERFEHLER: nicht gespeichert – bitte sofort die Technik informieren', en: 'STORAGE ERROR: not saved – inform technical support at once' },
  'api.INTERNAL': { de: 'Interner Fehler: nicht ausgeführt – bitte die Technik informieren', en: 'Internal error: not done – please inform technical support' },
  // GDT link with the practice management system (records-out.md §1)
  'gdt.shortIdsEqual': {
    de: 'Die beiden kurzen GDT-Kennungen müssen sich unterscheiden: aus ihnen entstehen die Dateinamen beider Richtungen',
    en: 'The two short GDT ids must differ: they make the file names of both directions',
  },
  'gdt.sessionNotSigned': {
    de: 'Nur eine unterschriebene Sitzung wird an das Praxisverwaltungssystem übermittelt',
    en: 'Only a signed session is sent to the practice management system',
  },
  // The alarm self-test at start (issue 11 item 9)
  'alarm.selfTestOrder': {
    de: 'Der Alarm-Selbsttest zeigt als Nächstes die Priorität {expectedDe}, nicht {priorityDe}',
    en: 'The alarm self-test shows {expected} priority next, not {priority}',
  },
  'alarm.selfTestNotRunning': {
    de: 'Es läuft kein Alarm-Selbsttest: bitte zuerst starten',
    en: 'No alarm self-test is running: start it first',
  },
  'alarm.selfTestIncomplete': {
    de: 'Noch nicht gezeigt: Priorität {missingDe} – der Selbsttest kann so nicht bestanden sein',
    en: 'Not shown yet: {missing} priority – the self-test cannot pass like this',
  },
  'alarm.selfTestNoSound': {
    de: 'Der Ton wurde nicht abgespielt für: Priorität {silentDe} – der Selbsttest kann so nicht bestanden sein',
    en: 'The sound did not play for: {silent} priority – the self-test cannot pass like this',
  },
  'alarm.selfTestStale': {
    de: 'Dieser Selbsttest gehört zu einem früheren Start der App: Fenster neu laden und erneut prüfen',
    en: 'This self-test belongs to an earlier start of the app: reload the window and run it again',
  },
  // Backups and the restore drill (issue 15); {reason} is the backup file's or the folder's problem in one line
  'backup.running': {
    de: 'Gerade wird eine Sicherung geschrieben: bitte warten, bis sie fertig ist',
    en: 'A backup is being written right now: wait for it to finish',
  },
  'backup.restoreDirNotFullPath': {
    de: 'Bitte den vollständigen Pfad des Ordners angeben, in den wiederhergestellt wird, nicht „{dir}“',
    en: "Give the full path of the folder to restore into, not '{dir}'",
  },
  'backup.restoreIntoDataFolder': {
    de: 'In einen Ordner außerhalb des laufenden Datenordners wiederherstellen: die laufende Datenbank wird nie überschrieben',
    en: 'Restore into a folder outside the running data folder: the running database is never overwritten',
  },
  'backup.notRestored': {
    de: 'Die Sicherung {file} wurde nicht wiederhergestellt: {reason}',
    en: 'The backup {file} was not restored: {reason}',
  },
  'backup.folderNotFullPath': {
    de: 'Der Sicherungsordner muss ein vollständiger Pfad sein, nicht „{folder}“',
    en: "The backup folder must be a full path, not '{folder}'",
  },
  'backup.folderInDataFolder': {
    de: 'Der Sicherungsordner darf nicht im Datenordner liegen: eine Sicherung muss den Verlust des Datenordners überstehen',
    en: 'The backup folder must not lie inside the data folder: a backup must survive losing the data folder',
  },
  'backup.settingOutOfRange': {
    de: '{setting} muss eine ganze Zahl zwischen {min} und {max} sein',
    en: '{setting} must be a whole number between {min} and {max}',
  },
  'backup.folderUnreadable': {
    de: 'Der Sicherungsordner {folder} kann nicht gelesen werden ({reason})',
    en: 'The backup folder {folder} cannot be read ({reason})',
  },
  'backup.nothingToChange': {
    de: 'Keine Einstellung zum Ändern angegeben',
    en: 'No setting to change was given',
  },
  // The database could not write (envelope code STORAGE), never a clinical refusal
  'storage.vitalsWaiting': {
    de: '{count} Messwerte dieses Platzes sind noch nicht gespeichert: erst unterschreiben, wenn die Speicherung wieder funktioniert (Technik informieren).',
    en: '{count} readings of this chair are not stored yet: sign once storage works again (call technical support).',
  },
  'storage.failed': {
    de: 'Datenbankfehler ({detail}): es wurde nichts gespeichert oder verändert – bitte erneut versuchen und sofort die Technik informieren.',
    en: 'Database failure ({detail}): nothing was saved or changed – please try again and call technical support now.',
  },
} as const satisfies Record<string, MessageText>;

export type ProblemCode = keyof typeof MESSAGES;

export function problem(code: ProblemCode, params?: Record<string, string | number>): Problem {
  const message = fillTemplate(MESSAGES[code].en, params, 'en');
  return params === undefined ? { code, message } : { code, message, params };
}

/** The problem's text in the chosen language; an unknown code falls back to the problem's own English message. */
export function formatProblem(p: Problem, lang: Lang): string {
  if (p.code === 'invalidField') {
    const field = fieldLabel(String(p.params?.field ?? ''), lang);
    return field === null ? MESSAGES.invalidInput[lang] : fillTemplate(MESSAGES.invalidField[lang], { field }, lang);
  }
  const text = (MESSAGES as Record<string, MessageText>)[p.code] ?? ALARM_NOTICES[p.code];
  return text === undefined ? p.message : fillTemplate(text[lang], readableParams(p.params, lang), lang);
}

/** Placeholders that name a setting, a source or an alarm condition, in words: never their code names. */
function readableParams(params: Problem['params'], lang: Lang): Problem['params'] {
  if (!params) return params;
  const out = { ...params };
  for (const name of ['key', 'other'] as const) if (typeof out[name] === 'string') out[name] = settingLabel(out[name], lang);
  if (typeof out.source === 'string') out.source = sourceText(out.source, lang);
  if (typeof out.code === 'string' && isConditionCode(out.code)) out.code = conditionLabel(out.code, lang);
  return out;
}
