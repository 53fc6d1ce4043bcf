/**
 * A setting's or limit's source in words for clinicians. The sources in code are notes for the developers and the
 * physician who signs the settings off ("clinical-requirements §2.2 [E] (S45)"); the screen shows what kind of
 * source it is, the section of the clinic's requirements and the literature numbers, never the note itself.
 * Evidence grades as in clinical-requirements.md: [G] guideline or drug label, [D] derived from one, [E] example
 * to be set by the clinic, [U] clinic's own use.
 */
import type { Lang, MessageText } from '../text';

const GRADE: Record<string, MessageText> = {
  G: { de: 'Leitlinie oder Fachinformation', en: 'guideline or drug label' },
  D: { de: 'daraus abgeleitet (ärztlich freizugeben)', en: 'derived from it (physician to approve)' },
  E: { de: 'Vorschlag, von der Klinik festzulegen', en: 'proposal, to be set by the clinic' },
  U: { de: 'Praxisvorgabe', en: 'practice rule' },
};
const WORDS = {
  sections: { de: 'Anforderungen Abschnitt', en: 'requirements section' },
  literature: { de: 'Literatur', en: 'literature' },
  technical: { de: 'technische Vorgabe', en: 'technical default' },
  clinicSetting: { de: 'von der Klinik geändert', en: 'changed by the clinic' },
  patient: { de: 'patientenbezogen von {by}: {reason} (Klinikwert {clinic})', en: 'for this patient by {by}: {reason} (clinic value {clinic})' },
  changedBy: { de: 'geändert von {by}: {reason}', en: 'changed by {by}: {reason}' },
  none: { de: 'keiner', en: 'none' },
} satisfies Record<string, MessageText>;

const PATIENT_OVERRIDE = /^Patient override by (.*?): (.*) \(clinic: (.*)\)$/s;
/** A setting changed by a person (electron/services/backup/handlers.ts): who and why stay visible. */
const CHANGED_BY = /^changed by (.*?): (.*) \(default: .*\)$/s;

/** The source of a per-patient limit (its form is read back by sourceText). */
export function patientOverrideSource(by: string, reason: string, clinicLimit: number | null): string {
  return `Patient override by ${by}: ${reason} (clinic: ${clinicLimit ?? 'none'})`;
}

const unique = (list: string[]) => [...new Set(list)];

export function sourceText(source: string, lang: Lang): string {
  const override = PATIENT_OVERRIDE.exec(source);
  if (override) {
    const [, by, reason, clinic] = override;
    const value = clinic === 'none' ? WORDS.none[lang] : lang === 'de' ? clinic!.replace('.', ',') : clinic!;
    return WORDS.patient[lang].replace('{by}', by!).replace('{reason}', reason!).replace('{clinic}', value);
  }
  const changed = CHANGED_BY.exec(source);
  if (changed) return WORDS.changedBy[lang].replace('{by}', changed[1]!).replace('{reason}', changed[2]!);
  if (source.startsWith('clinic setting')) return WORDS.clinicSetting[lang];
  const grades = unique([...source.matchAll(/\[([GDEU])\]/g)].map((m) => GRADE[m[1]!]![lang]));
  const sections = unique([...source.matchAll(/§\s?(\d+(?:\.\d+)*)(?!\s?Abs)/g)].map((m) => m[1]!)).filter((s) => !/^\d{3,}$/.test(s));
  const literature = unique([...source.matchAll(/\bS(\d+)\b/g)].map((m) => m[1]!));
  const parts = [
    ...grades,
    ...(sections.length > 0 ? [`${WORDS.sections[lang]} ${sections.join(', ')}`] : []),
    ...(literature.length > 0 ? [`${WORDS.literature[lang]} ${literature.join(', ')}`] : []),
  ];
  return parts.length > 0 ? parts.join(' · ') : WORDS.technical[lang];
}

/** "Farrar 2001", "Cohen et al. 2018", "GOÄ § 5 Abs. 2": what a reader outside the clinic can look up. */
const CITATION = /\b[A-ZÄÖÜ][a-zäöüß]+(?: et al\.)? (?:19|20)\d{2}\b|GOÄ § ?\d+(?: Abs\. ?\d+)?/g;

/**
 * A source in a document that leaves the clinic (course report, insurer dossier): the kind of source and the
 * citations a reader can look up, without the sections of the clinic's own requirements; several sources joined
 * in one string (points and percent of one rule) are named once.
 */
export function citedSourceText(source: string, lang: Lang): string {
  const grades = unique([...source.matchAll(/\[([GDEU])\]/g)].map((m) => GRADE[m[1]!]![lang]));
  const citations = unique([...source.matchAll(CITATION)].map((m) => m[0].replace(/§ ?/, '§ ')));
  return citations.length > 0 ? [...grades, ...citations].join(' · ') : sourceText(source, lang);
}
