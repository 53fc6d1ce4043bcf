/** A rescue drug as recorded (core/session/rescueMedications.ts ids) in the document's words. */
import { RESCUE_DRUGS, RESCUE_ROUTES } from '../../../core/session/rescueMedications';
import type { Lang } from '../../../core/text';
import { formatNumber, formatTime } from './format';

export interface RecordedRescue {
  drug: string;
  dose: number;
  route: string;
  at?: number;
  givenBy?: number;
  orderedBy?: number;
}

/** "Ondansetron 4 mg i.v., 10:16" and, when names are known, who gave and who ordered it. */
export function rescueText(r: RecordedRescue, lang: Lang, nameOf?: (userId: number | undefined) => string): string {
  const drug = (RESCUE_DRUGS as Record<string, { name: { de: string; en: string }; unit: string } | undefined>)[r.drug];
  const route = (RESCUE_ROUTES as Record<string, { de: string; en: string } | undefined>)[r.route];
  const base = `${drug ? drug.name[lang] : r.drug} ${formatNumber(r.dose, lang, 2)} ${drug?.unit ?? ''} ${route ? route[lang] : r.route}`.replace(/\s+/g, ' ').trim();
  const time = r.at !== undefined ? `, ${formatTime(r.at, lang)}` : '';
  if (!nameOf) return base + time;
  const who = lang === 'de' ? `gegeben: ${nameOf(r.givenBy)}, angeordnet: ${nameOf(r.orderedBy)}` : `given by ${nameOf(r.givenBy)}, ordered by ${nameOf(r.orderedBy)}`;
  return `${base}${time} (${who})`;
}
