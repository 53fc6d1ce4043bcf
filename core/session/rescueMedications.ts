/**
 * The rescue medications of the sheet (§1.7): a benzodiazepine or an α2-agonist for psychotomimetic effects and
 * agitation, an antiemetic for nausea/vomiting, oxygen for respiratory events. Drugs that do not treat ketamine
 * effects (naloxone does not reverse ketamine; an antihypertensive is not among the sheet's rescue drugs) are not
 * offered. Doses are plausibility bounds per single administration to catch typing errors [E]: the responsible
 * physician approves this list before go-live (clinical-requirements §0).
 */
import type { MessageText } from '../text';

/** Routes of administration, with their words. */
export const RESCUE_ROUTES = {
  iv: { de: 'i.v.', en: 'i.v.' },
  nasalCannula: { de: 'Nasenbrille', en: 'nasal cannula' },
  faceMask: { de: 'Maske', en: 'face mask' },
} as const satisfies Record<string, MessageText>;
export type RescueRoute = keyof typeof RESCUE_ROUTES;
export const RESCUE_ROUTE_IDS = Object.keys(RESCUE_ROUTES) as [RescueRoute, ...RescueRoute[]];

export interface RescueDrug {
  name: MessageText;
  /** What it is given for, shown next to the name. */
  purpose: MessageText;
  unit: string;
  routes: readonly RescueRoute[];
  /** Plausible single dose (typing-error bounds, not a clinical recommendation). */
  minDose: number;
  maxDose: number;
  source: string;
}

export const RESCUE_DRUGS = {
  midazolam: {
    name: { de: 'Midazolam', en: 'Midazolam' },
    purpose: { de: 'Benzodiazepin: Agitation, Halluzinationen, Dysphorie', en: 'benzodiazepine: agitation, hallucinations, dysphoria' },
    unit: 'mg',
    routes: ['iv'],
    minDose: 0.5,
    maxDose: 5,
    source: 'clinical-requirements §1.7 [U]/[E] (S1, S11, S31)',
  },
  clonidine: {
    name: { de: 'Clonidin', en: 'Clonidine' },
    purpose: { de: 'α2-Agonist: psychomimetische und kardiovaskuläre Wirkungen', en: 'α2-agonist: psychotomimetic and cardiovascular effects' },
    unit: 'µg',
    routes: ['iv'],
    minDose: 15,
    maxDose: 150,
    source: 'clinical-requirements §1.7 [U]/[E] (S1, S11)',
  },
  ondansetron: {
    name: { de: 'Ondansetron', en: 'Ondansetron' },
    purpose: { de: 'Antiemetikum: Übelkeit, Erbrechen', en: 'antiemetic: nausea, vomiting' },
    unit: 'mg',
    routes: ['iv'],
    minDose: 1,
    maxDose: 8,
    source: 'clinical-requirements §1.7, §1.9 [E] (antiemetic, S31; the sheet names the class: clinic to confirm the drug)',
  },
  oxygen: {
    name: { de: 'Sauerstoff', en: 'Oxygen' },
    purpose: { de: 'respiratorisches Ereignis, SpO₂-Abfall', en: 'respiratory event, SpO₂ drop' },
    unit: 'l/min',
    routes: ['nasalCannula', 'faceMask'],
    minDose: 1,
    maxDose: 15,
    source: 'clinical-requirements §1.7 [E] (S31)',
  },
} as const satisfies Record<string, RescueDrug>;

export type RescueDrugId = keyof typeof RESCUE_DRUGS;
export const RESCUE_DRUG_IDS = Object.keys(RESCUE_DRUGS) as [RescueDrugId, ...RescueDrugId[]];
