/**
 * Clinical scales with their exact items (clinical-requirements §3.2–3.5): discharge scores
 * (PADSS, modified PADSS, modified Aldrete), sedation (RASS, MOAA/S), dissociation and nausea.
 * Texts are German first, then English; item wording follows the sheet.
 */
import type { Problem } from '../settings';
import type { ClinicSettings } from '../clinic/defaults';
import { problem } from '../messages';

export interface Level {
  score: number;
  de: string;
  en: string;
}

export interface ScaleItem {
  id: string;
  de: string;
  en: string;
  /** Points 2, 1, 0 with their descriptions, best first. */
  options: readonly Level[];
}

export const DISCHARGE_SCALES_LIST = ['padss', 'modifiedPadss', 'modifiedAldrete'] as const;
export type DischargeScale = (typeof DISCHARGE_SCALES_LIST)[number];

export interface DischargeScaleDefinition {
  de: string;
  en: string;
  maxPoints: number;
  items: readonly ScaleItem[];
}

function item(id: string, de: string, en: string, two: [string, string], one: [string, string], zero: [string, string]): ScaleItem {
  return {
    id,
    de,
    en,
    options: [
      { score: 2, de: two[0], en: two[1] },
      { score: 1, de: one[0], en: one[1] },
      { score: 0, de: zero[0], en: zero[1] },
    ],
  };
}

const vitalSigns = item(
  'vitalSigns',
  'Vitalzeichen (RR, HF, AF, Temperatur)',
  'Vital signs (BP, HR, RR, temperature)',
  ['innerhalb 20 % des Ausgangswerts', 'within 20 % of the pre-infusion value'],
  ['20–40 % vom Ausgangswert', '20–40 % of the pre-infusion value'],
  ['> 40 % vom Ausgangswert', '> 40 % of the pre-infusion value'],
);
// No surgery here: the bleeding item is scored as the IV site (§3.5 adaptation [E]).
const bleeding = item(
  'bleeding',
  'Blutung (Infusion: Punktionsstelle)',
  'Surgical bleeding (infusion: IV site)',
  ['minimal', 'minimal'],
  ['mäßig', 'moderate'],
  ['stark', 'severe'],
);
const minimalModerateSevere = (id: string, de: string, en: string): ScaleItem =>
  item(id, de, en, ['minimal', 'minimal'], ['mäßig', 'moderate'], ['stark', 'severe']);

/** §3.5: PADSS (Chung, original), modified PADSS (no intake/output item) and modified Aldrete (1995); each max 10. */
export const DISCHARGE_SCALES: Record<DischargeScale, DischargeScaleDefinition> = {
  padss: {
    de: 'PADSS (Post-Anaesthetic Discharge Scoring System, Original)',
    en: 'PADSS (Post-Anaesthetic Discharge Scoring System, original)',
    maxPoints: 10,
    items: [
      vitalSigns,
      item(
        'activityMentalStatus',
        'Aktivität und mentaler Status',
        'Activity and mental status',
        ['zu Zeit, Ort und Person orientiert und sicherer Gang', 'oriented ×3 and steady gait'],
        ['zu Zeit, Ort und Person orientiert oder sicherer Gang', 'oriented ×3 or steady gait'],
        ['keines von beiden', 'neither'],
      ),
      item(
        'painNauseaVomiting',
        'Schmerz, Übelkeit und/oder Erbrechen',
        'Pain, nausea and/or vomiting',
        ['minimal', 'minimal'],
        ['mäßig, behandlungsbedürftig gewesen', 'moderate, required treatment'],
        ['stark, behandlungsbedürftig', 'severe, requiring treatment'],
      ),
      bleeding,
      item(
        'intakeOutput',
        'Flüssigkeitsaufnahme und Ausscheidung',
        'Intake and output',
        ['hat getrunken und Wasser gelassen', 'has had oral fluids and voided'],
        ['hat getrunken oder Wasser gelassen', 'has had oral fluids or voided'],
        ['keines von beiden', 'neither'],
      ),
    ],
  },
  modifiedPadss: {
    de: 'Modifizierter PADSS (ohne Ausscheidung)',
    en: 'Modified PADSS (without intake and output)',
    maxPoints: 10,
    items: [
      vitalSigns,
      item(
        'ambulation',
        'Gehfähigkeit',
        'Ambulation',
        ['sicherer Gang, kein Schwindel', 'steady gait, no dizziness'],
        ['nur mit Hilfe', 'with assistance'],
        ['nicht gehfähig / Schwindel', 'none / dizziness'],
      ),
      minimalModerateSevere('nauseaVomiting', 'Übelkeit/Erbrechen', 'Nausea/vomiting'),
      minimalModerateSevere('pain', 'Schmerz', 'Pain'),
      bleeding,
    ],
  },
  modifiedAldrete: {
    de: 'Modifizierter Aldrete-Score (1995)',
    en: 'Modified Aldrete score (1995)',
    maxPoints: 10,
    items: [
      item(
        'activity',
        'Aktivität',
        'Activity',
        ['bewegt 4 Extremitäten spontan oder auf Aufforderung', 'moves 4 extremities voluntarily or on command'],
        ['bewegt 2 Extremitäten', 'moves 2 extremities'],
        ['keine Bewegung', 'none'],
      ),
      item(
        'respiration',
        'Atmung',
        'Respiration',
        ['atmet tief durch und hustet frei', 'breathes deeply and coughs freely'],
        ['Dyspnoe oder eingeschränkte Atmung', 'dyspnoea or limited breathing'],
        ['Apnoe', 'apnoeic'],
      ),
      item(
        'circulation',
        'Kreislauf',
        'Circulation',
        ['Blutdruck ± 20 mmHg (bzw. ± 20 %) vom Ausgangswert', 'BP ± 20 mmHg (or ± 20 %) of the pre-infusion level'],
        ['Blutdruck ± 20–49 mmHg (bzw. 20–49 %) vom Ausgangswert', 'BP ± 20–49 mmHg (or 20–49 %) of the pre-infusion level'],
        ['Blutdruck ± ≥ 50 mmHg (bzw. ≥ 50 %) vom Ausgangswert', 'BP ± ≥ 50 mmHg (or ≥ 50 %) of the pre-infusion level'],
      ),
      item(
        'consciousness',
        'Bewusstsein',
        'Consciousness',
        ['vollständig wach', 'fully awake'],
        ['auf Ansprache erweckbar', 'arousable on calling'],
        ['reagiert nicht', 'not responding'],
      ),
      item(
        'spo2',
        'Sauerstoffsättigung (SpO₂)',
        'Oxygen saturation (SpO₂)',
        ['> 92 % bei Raumluft', '> 92 % on room air'],
        ['benötigt O₂, um > 90 % zu halten', 'needs O₂ to keep > 90 %'],
        ['< 90 % trotz O₂', '< 90 % even with O₂'],
      ),
    ],
  },
};

/** Points per item id, as ticked on the form. */
export type DischargeAnswers = Readonly<Record<string, number>>;

export interface DischargeScore {
  scale: DischargeScale;
  total: number;
  maxPoints: number;
  /** True when every item was scored with a valid value; only a complete score can release a patient. */
  complete: boolean;
  problems: Problem[];
}

export function scoreDischarge(scale: DischargeScale, answers: DischargeAnswers): DischargeScore {
  const definition = DISCHARGE_SCALES[scale];
  const problems: Problem[] = [];
  let total = 0;
  for (const scaleItem of definition.items) {
    const points = answers[scaleItem.id];
    if (points === undefined) problems.push(problem('scale.itemMissing', { item: scaleItem.en, itemDe: scaleItem.de }));
    else if (!scaleItem.options.some((option) => option.score === points)) {
      problems.push(problem('scale.pointsInvalid', { item: scaleItem.en, itemDe: scaleItem.de, points }));
    } else total += points;
  }
  for (const id of Object.keys(answers)) {
    if (!definition.items.some((scaleItem) => scaleItem.id === id)) problems.push(problem('scale.itemUnknown', { item: id }));
  }
  return { scale, total, maxPoints: definition.maxPoints, complete: problems.length === 0, problems };
}

export function dischargeThreshold(scale: DischargeScale, settings: ClinicSettings): number {
  switch (scale) {
    case 'padss':
      return settings.padssThreshold;
    case 'modifiedPadss':
      return settings.modifiedPadssThreshold;
    case 'modifiedAldrete':
      return settings.modifiedAldreteThreshold;
  }
}

/** RASS (Sessler 2002), §3.2 [G]: +4 combative … −5 unarousable. */
export const RASS_LEVELS: readonly Level[] = [
  { score: 4, de: 'Streitlustig: offen aggressiv, unmittelbare Gefahr für das Personal', en: 'Combative: overtly combative or violent, immediate danger to staff' },
  { score: 3, de: 'Sehr agitiert: zieht oder entfernt Schläuche oder Katheter; aggressiv', en: 'Very agitated: pulls or removes tubes or catheters; aggressive' },
  { score: 2, de: 'Agitiert: häufige ungezielte Bewegungen', en: 'Agitated: frequent non-purposeful movement' },
  { score: 1, de: 'Unruhig: ängstlich, Bewegungen nicht aggressiv', en: 'Restless: anxious, movements not aggressive' },
  { score: 0, de: 'Wach und ruhig', en: 'Alert and calm' },
  { score: -1, de: 'Schläfrig: nicht ganz wach, anhaltend (> 10 s) wach mit Blickkontakt auf Ansprache', en: 'Drowsy: not fully alert, sustained (> 10 s) awakening with eye contact to voice' },
  { score: -2, de: 'Leichte Sedierung: kurz (< 10 s) wach mit Blickkontakt auf Ansprache', en: 'Light sedation: briefly (< 10 s) awakens with eye contact to voice' },
  { score: -3, de: 'Mäßige Sedierung: Bewegung oder Augenöffnen auf Ansprache, kein Blickkontakt', en: 'Moderate sedation: movement or eye opening to voice, no eye contact' },
  { score: -4, de: 'Tiefe Sedierung: keine Reaktion auf Ansprache, Bewegung oder Augenöffnen auf körperlichen Reiz', en: 'Deep sedation: no response to voice, movement or eye opening to physical stimulation' },
  { score: -5, de: 'Nicht erweckbar: keine Reaktion auf Ansprache oder körperlichen Reiz', en: 'Unarousable: no response to voice or physical stimulation' },
];

/** MOAA/S, §3.2 [G]: 5 alert … 0 no response to painful trapezius squeeze. */
export const MOAAS_LEVELS: readonly Level[] = [
  { score: 5, de: 'Reagiert prompt auf Ansprache mit Namen in normalem Tonfall (wach)', en: 'Responds readily to name spoken in normal tone (alert)' },
  { score: 4, de: 'Reagiert verlangsamt auf Ansprache mit Namen in normalem Tonfall', en: 'Lethargic response to name spoken in normal tone' },
  { score: 3, de: 'Reagiert erst auf lautes und/oder wiederholtes Rufen des Namens', en: 'Responds only after name is called loudly and/or repeatedly' },
  { score: 2, de: 'Reagiert erst auf leichtes Anstoßen oder Schütteln', en: 'Responds only after mild prodding or shaking' },
  { score: 1, de: 'Reagiert erst auf schmerzhaften Trapeziusgriff', en: 'Responds only after painful trapezius squeeze' },
  { score: 0, de: 'Keine Reaktion auf schmerzhaften Trapeziusgriff', en: 'No response to painful trapezius squeeze' },
];

/** Simple dissociation rating for MFA use, §3.3 [E] (CADSS item texts are licensed and not embedded). */
export const DISSOCIATION_LEVELS: readonly Level[] = [
  { score: 0, de: 'Keine', en: 'None' },
  { score: 1, de: 'Leicht (wahrgenommen, nicht belastend)', en: 'Mild (aware, not distressed)' },
  { score: 2, de: 'Mäßig (belastend, aber beruhigbar)', en: 'Moderate (distressed but reassurable)' },
  { score: 3, de: 'Schwer (Panik, Halluzinationen, nicht sicher)', en: 'Severe (panic, hallucinations, unsafe)' },
];

/** 4-point verbal nausea scale, §3.4 [G]. */
export const NAUSEA_LEVELS: readonly Level[] = [
  { score: 0, de: 'Keine Übelkeit', en: 'No nausea' },
  { score: 1, de: 'Leichte Übelkeit', en: 'Mild nausea' },
  { score: 2, de: 'Mäßige Übelkeit', en: 'Moderate nausea' },
  { score: 3, de: 'Starke Übelkeit', en: 'Severe nausea' },
];

/** NRS pain bands, §3.1 [G]: 0 none, 1–3 mild, 4–6 moderate, 7–10 severe. */
export function painBand(nrs: number): 'none' | 'mild' | 'moderate' | 'severe' {
  if (nrs === 0) return 'none';
  if (nrs <= 3) return 'mild';
  return nrs <= 6 ? 'moderate' : 'severe';
}
