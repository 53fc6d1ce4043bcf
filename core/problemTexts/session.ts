/** Problem texts of the infusion session: dose limits and timeline, the session states, escort, discharge gate and scales. German first; placeholders are {param} (core/messages.ts). */
import type { MessageText } from '../text';

export const SESSION_PROBLEM_TEXTS = {
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
  'session.moveAfterStart': {
    de: 'Platzwechsel nur vor Infusionsbeginn möglich: die Infusion hat begonnen oder die Sitzung ist beendet',
    en: 'The chair can only be changed before the infusion starts: the infusion has started or the session has ended',
  },
  'session.chairUnknown': { de: 'Platz {chair} gibt es nicht', en: 'There is no chair {chair}' },
  'session.chairOccupied': {
    de: 'Platz {chair} ist belegt: dort läuft die Sitzung von {name}',
    en: 'Chair {chair} is occupied by the session of {name}',
  },
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
} as const satisfies Record<string, MessageText>;
