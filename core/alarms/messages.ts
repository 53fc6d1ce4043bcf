/**
 * Alarm texts, German first (the clinic's language), English second. {name} placeholders are filled from the
 * alarm's params; numbers are written the local way (38,5 °C in German).
 */
import {
  ALARM_PARAMETERS,
  MEASUREMENT_FAULTS,
  REQUIREMENT_CODES,
  type AlarmParameter,
  type AssessmentCode,
  type CapCode,
  type ConditionCode,
  type MeasurementFault,
  type PhysiologicalCode,
  type RequiredParameter,
  type RequirementFault,
  type SystemCode,
} from './codes';
import type { AlarmParams } from './condition';
import { isLinkFaultCode, type LinkFaultCode } from '../devices/linkFault';
import { fillTemplate, type Lang, type MessageText } from '../text';

export type Language = Lang;
export type Text = MessageText;

export const PARAMETER_LABELS: Record<AlarmParameter, Text> = {
  hr: { de: 'Herzfrequenz (EKG)', en: 'Heart rate (ECG)' },
  pulseRate: { de: 'Pulsfrequenz (SpO₂)', en: 'Pulse rate (SpO₂)' },
  spo2: { de: 'SpO₂', en: 'SpO₂' },
  nibpSys: { de: 'NIBD systolisch', en: 'NIBP systolic' },
  nibpDia: { de: 'NIBD diastolisch', en: 'NIBP diastolic' },
  nibpMean: { de: 'NIBD Mitteldruck', en: 'NIBP mean' },
  respRate: { de: 'Atemfrequenz', en: 'Respiratory rate' },
  etco2: { de: 'etCO₂', en: 'EtCO₂' },
  temp: { de: 'Temperatur', en: 'Temperature' },
  pumpRate: { de: 'Pumpenrate', en: 'Pump rate' },
};

const PHYSIOLOGICAL_TEXTS: Record<PhysiologicalCode, Text> = {
  'spo2.low': { de: 'SpO₂ niedrig: {value} % (Grenze {threshold} %)', en: 'SpO₂ low: {value} % (limit {threshold} %)' },
  'spo2.desat': {
    de: 'SpO₂ kritisch niedrig (Desaturierung): {value} % (Grenze {threshold} %)',
    en: 'SpO₂ critically low (desaturation): {value} % (limit {threshold} %)',
  },
  'hr.high': { de: 'Herzfrequenz hoch: {value}/min (Grenze {threshold}/min)', en: 'Heart rate high: {value}/min (limit {threshold}/min)' },
  'hr.low': { de: 'Herzfrequenz niedrig: {value}/min (Grenze {threshold}/min)', en: 'Heart rate low: {value}/min (limit {threshold}/min)' },
  'pulseRate.high': { de: 'Pulsfrequenz hoch: {value}/min (Grenze {threshold}/min)', en: 'Pulse rate high: {value}/min (limit {threshold}/min)' },
  'pulseRate.low': { de: 'Pulsfrequenz niedrig: {value}/min (Grenze {threshold}/min)', en: 'Pulse rate low: {value}/min (limit {threshold}/min)' },
  'nibpSys.high': {
    de: 'Systolischer Blutdruck hoch: {value} mmHg (Grenze {threshold} mmHg)',
    en: 'Systolic blood pressure high: {value} mmHg (limit {threshold} mmHg)',
  },
  'nibpSys.low': {
    de: 'Systolischer Blutdruck niedrig: {value} mmHg (Grenze {threshold} mmHg)',
    en: 'Systolic blood pressure low: {value} mmHg (limit {threshold} mmHg)',
  },
  'nibpDia.high': {
    de: 'Diastolischer Blutdruck hoch: {value} mmHg (Grenze {threshold} mmHg)',
    en: 'Diastolic blood pressure high: {value} mmHg (limit {threshold} mmHg)',
  },
  'nibpDia.low': {
    de: 'Diastolischer Blutdruck niedrig: {value} mmHg (Grenze {threshold} mmHg)',
    en: 'Diastolic blood pressure low: {value} mmHg (limit {threshold} mmHg)',
  },
  'nibpMean.high': {
    de: 'Mittlerer arterieller Druck hoch: {value} mmHg (Grenze {threshold} mmHg)',
    en: 'Mean arterial pressure high: {value} mmHg (limit {threshold} mmHg)',
  },
  'nibpMean.low': {
    de: 'Mittlerer arterieller Druck niedrig: {value} mmHg (Grenze {threshold} mmHg)',
    en: 'Mean arterial pressure low: {value} mmHg (limit {threshold} mmHg)',
  },
  'respRate.high': { de: 'Atemfrequenz hoch: {value}/min (Grenze {threshold}/min)', en: 'Respiratory rate high: {value}/min (limit {threshold}/min)' },
  'respRate.low': { de: 'Atemfrequenz niedrig: {value}/min (Grenze {threshold}/min)', en: 'Respiratory rate low: {value}/min (limit {threshold}/min)' },
  'etco2.high': { de: 'etCO₂ hoch: {value} mmHg (Grenze {threshold} mmHg)', en: 'EtCO₂ high: {value} mmHg (limit {threshold} mmHg)' },
  'etco2.apnoea': {
    de: 'Apnoe-Verdacht: etCO₂ {value} mmHg (unter {threshold} mmHg)',
    en: 'Possible apnoea: EtCO₂ {value} mmHg (below {threshold} mmHg)',
  },
  'temp.high': { de: 'Temperatur hoch: {value} °C (Grenze {threshold} °C)', en: 'Temperature high: {value} °C (limit {threshold} °C)' },
  'temp.low': { de: 'Temperatur niedrig: {value} °C (Grenze {threshold} °C)', en: 'Temperature low: {value} °C (limit {threshold} °C)' },
};

const SYSTEM_TEXTS: Record<SystemCode, Text> = {
  'data.none': { de: 'Keine Daten seit {seconds} s', en: 'No data for {seconds} s' },
  'link.lost': { de: 'Geräteverbindung unterbrochen: {reason}', en: 'Device link lost: {reason}' },
  'pump.rateMismatch': {
    de: 'Pumpenrate {pumpRate} ml/h weicht von der dokumentierten Rate {documentedRate} ml/h ab',
    en: 'Pump rate {pumpRate} ml/h differs from the documented rate {documentedRate} ml/h',
  },
  'observation.overdue': { de: 'Beobachtung überfällig: {kind} seit {minutes} min', en: 'Observation overdue: {kind} for {minutes} min' },
  'clock.drift': {
    de: 'Monitoruhr weicht {seconds} s von der PC-Uhr ab (Grenze {limit} s)',
    en: 'Monitor clock differs from the PC clock by {seconds} s (limit {limit} s)',
  },
  'session.none': {
    // Short enough to be read whole in an alarm row at 1366 px and on a tile.
    de: 'Vitalwerte ohne Sitzung: nicht überwacht',
    en: 'Vital signs without a session: not watched',
  },
};

/**
 * Why a device link failed (core/devices/linkFault.ts): the 'link.lost' alarm's {reason} and the link badge say these.
 * The path comes last, in brackets, so that a cut row still says what happened.
 */
export const LINK_FAULT_TEXTS: Record<LinkFaultCode, Text> = {
  portMissing: { de: 'Anschluss nicht gefunden ({path})', en: 'port not found ({path})' },
  portDenied: { de: 'kein Zugriff auf den Anschluss, Rechte fehlen ({path})', en: 'no access to the port, permission missing ({path})' },
  portBusy: { de: 'Anschluss belegt, anderes Programm? ({path})', en: 'port in use, another program? ({path})' },
  portOpenFailed: { de: 'Anschluss lässt sich nicht öffnen ({path})', en: 'the port cannot be opened ({path})' },
  deviceDisconnected: { de: 'Gerät getrennt', en: 'device disconnected' },
  portClosed: { de: 'Anschluss geschlossen', en: 'port closed' },
  portError: { de: 'Störung am Anschluss', en: 'port fault' },
  writeFailed: { de: 'Senden an das Gerät gescheitert', en: 'sending to the device failed' },
  silentReopen: { de: 'seit {seconds} s keine Daten – Anschluss wird neu geöffnet', en: 'no data for {seconds} s – reopening the port' },
};

export function linkFaultText(code: LinkFaultCode, args: Readonly<Record<string, string | number>>, language: Language = 'de'): string {
  return fillTemplate(LINK_FAULT_TEXTS[code][language], args, language);
}

const CAP_TEXTS: Record<CapCode, Text> = {
  'dose.capNear': {
    de: 'Höchstdosis der Sitzung in {minutes} min erreicht: {mgPerKg} von {limit} mg/kg',
    en: 'Session maximum dose reached in {minutes} min: {mgPerKg} of {limit} mg/kg',
  },
  'dose.capReached': {
    de: 'Höchstdosis der Sitzung überschritten: {mgPerKg} von {limit} mg/kg – Infusion stoppen?',
    en: 'Session maximum dose crossed: {mgPerKg} of {limit} mg/kg – stop the infusion?',
  },
  'duration.capNear': {
    de: 'Maximale Sitzungsdauer in {minutes} min erreicht ({limit} min)',
    en: 'Maximum session duration reached in {minutes} min ({limit} min)',
  },
  'duration.capReached': {
    de: 'Maximale Sitzungsdauer überschritten: {minutes} von {limit} min – Infusion stoppen?',
    en: 'Maximum session duration crossed: {minutes} of {limit} min – stop the infusion?',
  },
};

const ASSESSMENT_TEXTS: Record<AssessmentCode, Text> = {
  'sedation.deep': {
    de: 'Sedierung zu tief: {scale} {score} (Grenze {threshold}) – Infusion reduzieren/stoppen? Ärztin/Arzt',
    en: 'Sedation too deep: {scale} {score} (limit {threshold}) – reduce/stop the infusion? Physician',
  },
  'sedation.agitated': {
    de: 'Agitation/Dysphorie: {scale} {score} (Grenze {threshold})',
    en: 'Agitation/dysphoria: {scale} {score} (limit {threshold})',
  },
  'dissociation.marked': { de: 'Dissoziation {score} von 3 (Grenze {threshold})', en: 'Dissociation {score} of 3 (limit {threshold})' },
  'nibpSys.aboveBaseline': {
    de: 'Systolischer Blutdruck {value} mmHg über Ausgangswert {baseline} mmHg + {percent} % ({threshold} mmHg)',
    en: 'Systolic blood pressure {value} mmHg above baseline {baseline} mmHg + {percent} % ({threshold} mmHg)',
  },
  'etco2.fromBaseline': {
    de: 'etCO₂ {value} mmHg weicht {change} mmHg vom Ausgangswert {baseline} mmHg ab (Grenze ± {limit} mmHg)',
    en: 'EtCO₂ {value} mmHg differs by {change} mmHg from baseline {baseline} mmHg (limit ± {limit} mmHg)',
  },
};

const REQUIRED_LABELS: Record<RequiredParameter, Text> = {
  spo2: PARAMETER_LABELS.spo2,
  hr: { de: 'Herz-/Pulsfrequenz', en: 'Heart/pulse rate' },
  nibp: { de: 'Blutdruck (NIBD)', en: 'Blood pressure (NIBP)' },
  etco2: PARAMETER_LABELS.etco2,
  respRate: PARAMETER_LABELS.respRate,
};

/** NIBP counts minutes to its interval; the continuous parameters count seconds. */
const REQUIREMENT_TEXTS: Record<RequirementFault, { continuous: Text; nibp?: Text }> = {
  missing: {
    continuous: { de: '{label}: kein Messwert seit Infusionsbeginn ({seconds} s)', en: '{label}: no value since the infusion start ({seconds} s)' },
    nibp: { de: '{label}: keine Manschettenmessung seit Infusionsbeginn ({minutes} min)', en: '{label}: no cuff measurement since the infusion start ({minutes} min)' },
  },
  stale: {
    continuous: { de: '{label}: letzter Messwert {seconds} s alt (Grenze {limit} s)', en: '{label}: last value {seconds} s old (limit {limit} s)' },
    nibp: { de: '{label}: letzte Manschettenmessung vor {minutes} min (Grenze {limit} min)', en: '{label}: last cuff measurement {minutes} min ago (limit {limit} min)' },
  },
  frozen: {
    continuous: { de: '{label}: Wert {value} seit {seconds} s unverändert – Monitor prüfen', en: '{label}: value {value} unchanged for {seconds} s – check the monitor' },
  },
};

function requirementTexts(): Record<string, Text> {
  const texts: Record<string, Text> = {};
  for (const code of REQUIREMENT_CODES) {
    const [parameter, fault] = code.split('.') as [RequiredParameter, RequirementFault];
    const label = REQUIRED_LABELS[parameter];
    const text = (parameter === 'nibp' ? REQUIREMENT_TEXTS[fault].nibp : undefined) ?? REQUIREMENT_TEXTS[fault].continuous;
    texts[code] = { de: text.de.replace('{label}', label.de), en: text.en.replace('{label}', label.en) };
  }
  return texts;
}

const FAULT_TEXTS: Record<MeasurementFault, Text> = {
  sensorOff: { de: '{label}: Sensor ab', en: '{label}: sensor off' },
  invalid: { de: '{label}: Messwert ungültig', en: '{label}: invalid measurement' },
  demo: { de: '{label}: Demo-Modus – keine Patientendaten', en: '{label}: demo mode – not patient data' },
};

function faultTexts(): Record<string, Text> {
  const texts: Record<string, Text> = {};
  for (const parameter of ALARM_PARAMETERS) {
    for (const fault of MEASUREMENT_FAULTS) {
      const label = PARAMETER_LABELS[parameter];
      texts[`${parameter}.${fault}`] = {
        de: FAULT_TEXTS[fault].de.replace('{label}', label.de),
        en: FAULT_TEXTS[fault].en.replace('{label}', label.en),
      };
    }
  }
  return texts;
}

export const ALARM_MESSAGES = {
  ...PHYSIOLOGICAL_TEXTS,
  ...SYSTEM_TEXTS,
  ...CAP_TEXTS,
  ...ASSESSMENT_TEXTS,
  ...faultTexts(),
  ...requirementTexts(),
} as Record<ConditionCode, Text>;

/** Texts around the alarms: escalation, audio pause banner, and the Problems the alarm code returns. */
export const ALARM_NOTICES: Record<string, Text> = {
  'alarm.escalated': { de: 'Nicht quittiert – Ärztin/Arzt rufen', en: 'Not acknowledged – call the physician' },
  'audio.paused': { de: 'Audio pausiert – noch {seconds} s', en: 'Audio paused – {seconds} s left' },
  'alarm.secondary': {
    de: 'Sekundäre Alarmierung: Der Patientenmonitor bleibt das primäre Alarmsystem.',
    en: 'Secondary alerts: the patient monitor remains the primary alarm system.',
  },
  'alarm.switchOffRefused': {
    de: 'Alarme können bei laufender Infusion nicht ausgeschaltet werden.',
    en: 'Alarms cannot be switched off while an infusion is running.',
  },
  'alarm.notFound': { de: 'Dieser Alarm ist nicht mehr aktiv.', en: 'This alarm is no longer active.' },
  'alarm.unknownCode': { de: 'Unbekannte Alarmbedingung {code}.', en: 'Unknown alarm condition {code}.' },
  'operator.missing': {
    de: 'Jede Alarmaktion wird mit Bediener dokumentiert: bitte zuerst anmelden.',
    en: 'Every alarm action is documented with the operator: sign in first.',
  },
  'override.reasonMissing': {
    de: 'Eine patientenbezogene Grenzwertänderung braucht Ärztin/Arzt und Begründung.',
    en: 'A patient override needs the physician and a reason.',
  },
  'override.unknownCode': { de: 'Unbekannte Alarmbedingung {code}.', en: 'Unknown alarm condition {code}.' },
  'override.unknownPriority': { de: '{code}: Priorität muss „mittel“ oder „hoch“ sein.', en: '{code}: priority must be medium or high.' },
  'override.notANumber': { de: '{code} ({priority}): Der Grenzwert ist keine Zahl.', en: '{code} ({priority}): the limit is not a number.' },
  'override.implausible': {
    de: '{code} ({priority}): Der Grenzwert liegt außerhalb des Messbereichs.',
    en: '{code} ({priority}): the limit is outside the measurable range.',
  },
  'override.outOfBounds': {
    de: '{code} ({priority}): Der Grenzwert liegt außerhalb der klinischen Grenzen {min}–{max}.',
    en: '{code} ({priority}): the limit is outside the clinical bounds {min}–{max}.',
  },
  'override.inverted': {
    de: 'Die Grenzwerte widersprechen sich (untere Grenze über oberer oder Priorität vertauscht).',
    en: 'The limits contradict each other (lower above upper, or priorities swapped).',
  },
};

export function alarmMessage(code: ConditionCode, params: AlarmParams, language: Language = 'de'): string {
  return fillTemplate(ALARM_MESSAGES[code][language], paramsInWords(code, params, language), language);
}

/**
 * A params value that is itself a code, in words: a lost link's `fault` becomes its {reason}. A row without one
 * (written before faults were codes) or with a code this build does not know keeps its reason text as stored.
 */
function paramsInWords(code: ConditionCode, params: AlarmParams, language: Language): AlarmParams {
  if (code !== 'link.lost' || !isLinkFaultCode(params.fault)) return params;
  return { ...params, reason: linkFaultText(params.fault, params, language) };
}

/** A condition's name without its numbers ("Atemfrequenz hoch"), for lists of limits and settings. */
export function conditionLabel(code: string, language: Language = 'de'): string {
  const text = (ALARM_MESSAGES as Record<string, Text | undefined>)[code]?.[language];
  return text === undefined ? code : text.split(':')[0]!.trim();
}
