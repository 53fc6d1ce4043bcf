/**
 * What a course treats. This is a pain centre: pain indications only, each with its Cohen 2018 evidence grade
 * for the "evidence" badge (§1.1). A psychiatric indication is refused unless a psychiatrist's attestation is recorded.
 */

export const PAIN_INDICATIONS = [
  'crps',
  'spinalCordInjuryPain',
  'mixedNeuropathicPain',
  'phantomLimbPain',
  'postherpeticNeuralgia',
  'fibromyalgia',
  'cancerPain',
  'ischaemicPain',
  'migraineHeadache',
  'lowBackPain',
] as const;
export type PainIndication = (typeof PAIN_INDICATIONS)[number];

export const PSYCHIATRIC_INDICATIONS = ['treatmentResistantDepression', 'otherPsychiatric'] as const;
export type PsychiatricIndication = (typeof PSYCHIATRIC_INDICATIONS)[number];

export type Indication = PainIndication | PsychiatricIndication;

export interface Evidence {
  grade: 'B' | 'C' | 'D';
  strength: 'moderate' | 'weak' | 'weakOrNone';
}

/** Cohen 2018 (§1.1 [G], S3, S4): CRPS moderate (B), spinal cord injury weak (C), all others weak or none (D). */
export const PAIN_EVIDENCE: Record<PainIndication, Evidence> = {
  crps: { grade: 'B', strength: 'moderate' },
  spinalCordInjuryPain: { grade: 'C', strength: 'weak' },
  mixedNeuropathicPain: { grade: 'D', strength: 'weakOrNone' },
  phantomLimbPain: { grade: 'D', strength: 'weakOrNone' },
  postherpeticNeuralgia: { grade: 'D', strength: 'weakOrNone' },
  fibromyalgia: { grade: 'D', strength: 'weakOrNone' },
  cancerPain: { grade: 'D', strength: 'weakOrNone' },
  ischaemicPain: { grade: 'D', strength: 'weakOrNone' },
  migraineHeadache: { grade: 'D', strength: 'weakOrNone' },
  lowBackPain: { grade: 'D', strength: 'weakOrNone' },
};

export function isPainIndication(indication: Indication): indication is PainIndication {
  return (PAIN_INDICATIONS as readonly string[]).includes(indication);
}

/** The indication in words, German first: the same names on screen and in every document. */
export const INDICATION_LABELS: Record<Indication, { de: string; en: string }> = {
  crps: { de: 'CRPS (komplexes regionales Schmerzsyndrom)', en: 'CRPS (complex regional pain syndrome)' },
  spinalCordInjuryPain: { de: 'Schmerz nach Rückenmarksverletzung', en: 'Spinal cord injury pain' },
  mixedNeuropathicPain: { de: 'Gemischter neuropathischer Schmerz', en: 'Mixed neuropathic pain' },
  phantomLimbPain: { de: 'Phantomschmerz', en: 'Phantom limb pain' },
  postherpeticNeuralgia: { de: 'Postherpetische Neuralgie', en: 'Postherpetic neuralgia' },
  fibromyalgia: { de: 'Fibromyalgie', en: 'Fibromyalgia' },
  cancerPain: { de: 'Tumorschmerz', en: 'Cancer pain' },
  ischaemicPain: { de: 'Ischämischer Schmerz', en: 'Ischaemic pain' },
  migraineHeadache: { de: 'Migräne / Kopfschmerz', en: 'Migraine / headache' },
  lowBackPain: { de: 'Kreuzschmerz', en: 'Low back pain' },
  treatmentResistantDepression: { de: 'Therapieresistente Depression (psychiatrisch)', en: 'Treatment-resistant depression (psychiatric)' },
  otherPsychiatric: { de: 'Andere psychiatrische Indikation', en: 'Other psychiatric indication' },
};

export function indicationLabels(lang: 'de' | 'en'): Record<Indication, string> {
  return Object.fromEntries(Object.entries(INDICATION_LABELS).map(([k, v]) => [k, v[lang]])) as Record<Indication, string>;
}
