/**
 * A clinic setting's name in words (the key stays in code and in the history's data). Alarm limits
 * `alarm.<condition>.<priority>` are named by their condition and priority; the others are listed here.
 */
import { conditionLabel } from '../alarms/messages';
import { isConditionCode } from '../alarms/codes';
import { DISCHARGE_SCALES } from '../session/scales';
import type { Lang, MessageText } from '../text';

const L = (de: string, en: string): MessageText => ({ de, en });

export const SETTING_LABELS: Record<string, MessageText> = {
  defaultSubstance: L('Substanz (Standard)', 'Substance (default)'),
  defaultConcentrationMgPerMl: L('Konzentration (Standard)', 'Concentration (default)'),
  esketamineConcentrationsMgPerMl: L('Esketamin: Konzentrationen zur Auswahl', 'Esketamine: concentrations to choose'),
  racemicKetamineConcentrationsMgPerMl: L('Ketamin (Racemat): Konzentrationen zur Auswahl', 'Ketamine (racemate): concentrations to choose'),
  pumpResolutionMlPerH: L('Raster der Perfusor-Rate', 'Syringe pump rate step'),
  minPlausibleWeightKg: L('Gewicht: kleinster plausibler Wert', 'Weight: lowest plausible value'),
  maxPlausibleWeightKg: L('Gewicht: größter plausibler Wert', 'Weight: highest plausible value'),
  maxWeightAgeDays: L('Gewicht: höchstens so alt', 'Weight: at most this old'),
  esketamineStartRateMgPerKgPerH: L('Esketamin: Startrate', 'Esketamine: start rate'),
  esketamineSoftLimitMgPerKgPerH: L('Esketamin: Warngrenze der Rate', 'Esketamine: rate warning limit'),
  esketamineHardLimitMgPerKgPerH: L('Esketamin: Höchstrate', 'Esketamine: maximum rate'),
  esketamineMaxBolusMgPerKg: L('Esketamin: größter Bolus', 'Esketamine: largest bolus'),
  esketamineMaxSessionDoseMgPerKg: L('Esketamin: Höchstdosis je Sitzung', 'Esketamine: maximum dose per session'),
  racemicKetamineStartRateMgPerKgPerH: L('Ketamin (Racemat): Startrate', 'Ketamine (racemate): start rate'),
  racemicKetamineSoftLimitMgPerKgPerH: L('Ketamin (Racemat): Warngrenze der Rate', 'Ketamine (racemate): rate warning limit'),
  racemicKetamineHardLimitMgPerKgPerH: L('Ketamin (Racemat): Höchstrate', 'Ketamine (racemate): maximum rate'),
  racemicKetamineMaxBolusMgPerKg: L('Ketamin (Racemat): größter Bolus', 'Ketamine (racemate): largest bolus'),
  racemicKetamineMaxSessionDoseMgPerKg: L('Ketamin (Racemat): Höchstdosis je Sitzung', 'Ketamine (racemate): maximum dose per session'),
  maxSessionDurationMin: L('Längste Infusionsdauer', 'Longest infusion'),
  capProjectionMin: L('Vorwarnung vor Dosis- oder Zeitgrenze', 'Early warning before a dose or time limit'),
  contraindicationSystolicMmHg: L('Kontraindikation: Blutdruck systolisch ab', 'Contraindication: systolic blood pressure from'),
  contraindicationDiastolicMmHg: L('Kontraindikation: Blutdruck diastolisch ab', 'Contraindication: diastolic blood pressure from'),
  minFastingHours: L('Nüchternzeit', 'Fasting time'),
  bloodPressureEarlyIntervalMin: L('Blutdruck: Abstand in der Anfangsphase', 'Blood pressure: interval early on'),
  bloodPressureEarlyPhaseMin: L('Blutdruck: Dauer der Anfangsphase', 'Blood pressure: length of the early phase'),
  bloodPressureIntervalMin: L('Blutdruck: Abstand danach', 'Blood pressure: interval afterwards'),
  scaleIntervalMin: L('Beobachtungen: Abstand', 'Observations: interval'),
  recoveryIntervalMin: L('Nachbeobachtung: Abstand', 'Post-infusion observation: interval'),
  postInfusionObservationMin: L('Nachbeobachtung: Dauer', 'Post-infusion observation: length'),
  dischargeScale: L('Entlassungsskala', 'Discharge scale'),
  padssThreshold: L('PADSS: Mindestpunkte', 'PADSS: minimum points'),
  modifiedPadssThreshold: L('Modifizierter PADSS: Mindestpunkte', 'Modified PADSS: minimum points'),
  modifiedAldreteThreshold: L('Modifizierter Aldrete: Mindestpunkte', 'Modified Aldrete: minimum points'),
  noDrivingHours: L('Kein Autofahren für', 'No driving for'),
  noHighAlarmWithinMin: L('Entlassung: kein hoher Alarm in den letzten', 'Discharge: no high alarm within the last'),
  abnormalRassAtMost: L('Auffällig: RASS höchstens', 'Abnormal: RASS at most'),
  abnormalRassAtLeast: L('Auffällig: RASS mindestens', 'Abnormal: RASS at least'),
  abnormalMoaasAtMost: L('Auffällig: MOAA/S höchstens', 'Abnormal: MOAA/S at most'),
  abnormalDissociationAtLeast: L('Auffällig: Dissoziation ab', 'Abnormal: dissociation from'),
  abnormalSystolicBelowMmHg: L('Auffällig: Blutdruck systolisch unter', 'Abnormal: systolic blood pressure below'),
  abnormalSystolicAboveMmHg: L('Auffällig: Blutdruck systolisch über', 'Abnormal: systolic blood pressure above'),
  abnormalSpo2BelowPercent: L('Auffällig: SpO₂ unter', 'Abnormal: SpO₂ below'),
  weeklyCourseMinInfusions: L('Wöchentlicher Zyklus: mindestens Infusionen', 'Weekly course: at least infusions'),
  weeklyCourseMaxInfusions: L('Wöchentlicher Zyklus: höchstens Infusionen', 'Weekly course: at most infusions'),
  dailyCourseMinDays: L('Täglicher Zyklus: mindestens Tage', 'Daily course: at least days'),
  dailyCourseMaxDays: L('Täglicher Zyklus: höchstens Tage', 'Daily course: at most days'),
  meaningfulPainDropPoints: L('Bedeutsame Schmerzminderung: Punkte', 'Meaningful pain reduction: points'),
  meaningfulPainDropPercent: L('Bedeutsame Schmerzminderung: Prozent', 'Meaningful pain reduction: percent'),
  goaeSessionItems: L('GOÄ-Ziffern je Sitzung', 'GOÄ items per session'),
  goaeFactor: L('GOÄ-Steigerungsfaktor', 'GOÄ factor'),
  signatureOverdueHours: L('Unterschrift überfällig nach', 'Signature overdue after'),
  infoSheetVersion: L('Version des Aufklärungsbogens (Off-Label)', 'Version of the off-label information sheet'),
  'alarm.noDataMediumMs': L('Keine Daten: mittlerer Alarm nach', 'No data: medium alarm after'),
  'alarm.noDataHighMs': L('Keine Daten: hoher Alarm nach', 'No data: high alarm after'),
  'alarm.pumpToleranceMlH': L('Perfusor-Rate weicht ab: Toleranz ml/h', 'Pump rate differs: tolerance ml/h'),
  'alarm.pumpTolerancePercent': L('Perfusor-Rate weicht ab: Toleranz %', 'Pump rate differs: tolerance %'),
  'alarm.observationOverdueMediumMs': L('Beobachtung überfällig: mittlerer Alarm nach', 'Observation overdue: medium alarm after'),
  'alarm.observationOverdueHighMs': L('Beobachtung überfällig: hoher Alarm nach', 'Observation overdue: high alarm after'),
  'alarm.audioPauseMs': L('Ton pausieren: Dauer', 'Pause audio: length'),
  'alarm.escalationMs': L('Nicht quittiert: Ärztin/Arzt rufen nach', 'Not acknowledged: call the physician after'),
  'alarm.reminderMs': L('Quittiert und weiter bestehend: erneut nach', 'Acknowledged and persisting: again after'),
  'alarm.requiredSpo2MaxAgeMs': L('SpO₂ fehlt: Alarm nach', 'SpO₂ missing: alarm after'),
  'alarm.requiredHrMaxAgeMs': L('Herz-/Pulsfrequenz fehlt: Alarm nach', 'Heart/pulse rate missing: alarm after'),
  'alarm.requiredEtco2MaxAgeMs': L('etCO₂ fehlt: Alarm nach (0 = nicht verlangt)', 'EtCO₂ missing: alarm after (0 = not required)'),
  'alarm.requiredRespRateMaxAgeMs': L('Atemfrequenz fehlt: Alarm nach (0 = nicht verlangt)', 'Respiratory rate missing: alarm after (0 = not required)'),
  'alarm.nibpGraceMs': L('Blutdruck veraltet: Zuschlag zum Messabstand', 'Blood pressure stale: grace beyond the interval'),
  'alarm.frozenMs': L('Wert eingefroren: gleicher Messwert seit', 'Frozen value: same sample for'),
  'alarm.frozenValueMs': L('Herzfrequenz unverändert seit', 'Heart rate unchanged for'),
  'alarm.sedationRassMediumAtMost': L('Sedierung RASS: mittlerer Alarm bei höchstens', 'Sedation RASS: medium alarm at most'),
  'alarm.sedationRassHighAtMost': L('Sedierung RASS: hoher Alarm bei höchstens', 'Sedation RASS: high alarm at most'),
  'alarm.agitationRassAtLeast': L('Unruhe RASS: Alarm ab', 'Agitation RASS: alarm from'),
  'alarm.sedationMoaasMediumAtMost': L('Sedierung MOAA/S: mittlerer Alarm bei höchstens', 'Sedation MOAA/S: medium alarm at most'),
  'alarm.sedationMoaasHighAtMost': L('Sedierung MOAA/S: hoher Alarm bei höchstens', 'Sedation MOAA/S: high alarm at most'),
  'alarm.dissociationMediumAtLeast': L('Dissoziation: mittlerer Alarm ab', 'Dissociation: medium alarm from'),
  'alarm.dissociationHighAtLeast': L('Dissoziation: hoher Alarm ab', 'Dissociation: high alarm from'),
  'alarm.systolicAboveBaselinePercent': L('Blutdruck systolisch über Ausgangswert: Alarm ab', 'Systolic blood pressure above baseline: alarm from'),
  'alarm.etco2FromBaselineMmHg': L('etCO₂ weicht vom Ausgangswert ab: Alarm ab', 'EtCO₂ differs from baseline: alarm from'),
  'alarm.clockDriftMs': L('Uhr des Monitors weicht ab um mehr als', 'Monitor clock off by more than'),
};

const PRIORITY: Record<string, MessageText> = { medium: L('mittel', 'medium'), high: L('hoch', 'high') };

/** The setting's name in words; a key without one keeps its key (the i18n scan names any such key). */
export function settingLabel(key: string, lang: Lang): string {
  const listed = SETTING_LABELS[key];
  if (listed) return listed[lang];
  const m = /^alarm\.(.+)\.(medium|high)$/.exec(key);
  if (m && isConditionCode(m[1]!)) return `${conditionLabel(m[1]!, lang)} – ${lang === 'de' ? 'Priorität' : 'priority'} ${PRIORITY[m[2]!]![lang]}`;
  return key;
}

const CHOICES: Record<string, MessageText> = {
  esketamine: L('Esketamin', 'Esketamine'),
  racemicKetamine: L('Ketamin (Racemat)', 'Ketamine (racemate)'),
  ...DISCHARGE_SCALES,
};

/** A setting's value from a fixed list (substance, discharge scale) in words; other values as they are. */
export function choiceLabel(value: string, lang: Lang): string {
  return Object.hasOwn(CHOICES, value) ? CHOICES[value]![lang] : value;
}
