/**
 * GOÄ items that come into question for an infusion session (clinical-requirements §5.4). The physician or the
 * practice system makes the final choice; which items and which factor the dossier proposes are clinic settings.
 * Point value: 5,82873 Cent (GOÄ § 5 Abs. 1). A reformed GOÄ is being negotiated: re-check at go-live (§5.4 [U]).
 */
export interface GoaeItem {
  number: number;
  points: number;
  de: string;
  en: string;
  source: string;
}

export const GOAE_POINT_VALUE_CENT = 5.82873;

export const GOAE_ITEMS: Record<number, GoaeItem> = {
  1: { number: 1, points: 80, de: 'Beratung', en: 'Consultation', source: '§5.4 [U] standard GOÄ' },
  3: { number: 3, points: 150, de: 'Eingehende Beratung (mind. 10 min)', en: 'Detailed consultation (≥ 10 min)', source: '§5.4 [U] standard GOÄ' },
  5: { number: 5, points: 80, de: 'Symptombezogene Untersuchung', en: 'Symptom-related examination', source: '§5.4 [U] standard GOÄ' },
  56: { number: 56, points: 180, de: 'Verweilen ohne Unterbrechung, je angefangene halbe Stunde', en: 'Staying without interruption, per half hour begun', source: '§5.4 [G] S100' },
  271: { number: 271, points: 120, de: 'Infusion i.v. bis 30 min', en: 'IV infusion up to 30 min', source: '§5.4 [G] S95, S96' },
  272: { number: 272, points: 180, de: 'Infusion i.v. länger als 30 min', en: 'IV infusion longer than 30 min', source: '§5.4 [G] S95, S96' },
  602: { number: 602, points: 152, de: 'Oxymetrische Untersuchung(en)', en: 'Oximetry', source: '§5.4 [G] S97, S98' },
  650: { number: 650, points: 152, de: 'EKG zur Rhythmus- und Verlaufskontrolle', en: 'ECG for rhythm and course control', source: '§5.4 [G] S99' },
  651: { number: 651, points: 253, de: 'Ruhe-EKG mit mind. 9 Ableitungen', en: 'Resting ECG with ≥ 9 leads', source: '§5.4 [G] S99' },
};

export interface GoaeLine {
  item: GoaeItem;
  factor: number;
  count: number;
  /** Euro, rounded to the cent as on an invoice. */
  amountEur: number;
}

/** One invoice line: points × point value × factor × count, rounded to the cent. */
export function goaeLine(number: number, factor: number, count = 1): GoaeLine | null {
  const item = GOAE_ITEMS[number];
  if (!item) return null;
  const amountEur = Math.round(item.points * GOAE_POINT_VALUE_CENT * factor) / 100;
  return { item, factor, count, amountEur: Math.round(amountEur * count * 100) / 100 };
}

/** 271 for an infusion up to 30 min, 272 beyond: they exclude each other in one session (§5.4). */
export function infusionItemFor(durationMin: number): 271 | 272 {
  return durationMin > 30 ? 272 : 271;
}
