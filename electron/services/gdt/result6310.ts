/**
 * The 6310 (Daten einer Untersuchung übermitteln) for one finished session, as GDT fields (records-out.md §1.6,
 * §1.7, §1.9): who it is for (8315/8316, 3000 from the PVS), when (6200/6201), ALLG00, the findings as text
 * (6220, at most 60 characters a line, repeated), the discharge as a comment (6227), the key values as test
 * groups (8410/8411/8420/8421, 8480 for text results) and the PDF as a file group (6302–6305) when there is one.
 * A corrected result (after an amendment) opens its findings with the correction and the first result it replaces.
 */
import type { GdtField, GdtRecord } from '../../../drivers/gdt/codec';

export interface SessionResult {
  pvsNumber: string;
  familyName: string;
  givenName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sessionNumber: number;
  plannedInfusions: number;
  status: 'discharged' | 'cancelled';
  cancelReason: string | null;
  plannedFor: number;
  startedAt: number | null;
  stoppedAt: number | null;
  dischargedAt: number | null;
  substance: 'esketamine' | 'racemicKetamine' | null;
  targetMgPerKgPerH: number | null;
  totalMg: number | null;
  mgPerKg: number | null;
  nrsBefore: number | null;
  nrsAfter: number | null;
  adverseEvents: { at: number; description: string; severity: 'mild' | 'moderate' | 'severe' }[];
  signedBy: string;
}

export interface ResultAddressing {
  pvsGdtId: string;
  ownGdtId: string;
  /** 9206 of the partner's charset (null: UTF-8, none). */
  charsetCode: string | null;
}

export interface PdfAttachment {
  /** The path as the PVS workstations see it (≤ 60 characters, records-out.md §1.7). */
  pdfPath: string;
  description: string;
  /** 6302 archive id; the session's own by default. */
  archiveId?: string;
}

/** A corrected result after an amendment of the signed session: what changed, and the first result it replaces. */
export interface Correction {
  amendment: { id: number; at: number; by: string; correction: string; reason: string };
  first: { at: number; fileName: string; archiveId: string | null };
}

const MAX_TEXT = 60;
export const SUBSTANCE: Record<NonNullable<SessionResult['substance']>, string> = { esketamine: 'Esketamin', racemicKetamine: 'Ketamin (Racemat)' };
const SEVERITY: Record<SessionResult['adverseEvents'][number]['severity'], string> = { mild: 'leicht', moderate: 'mittel', severe: 'schwer' };

const two = (n: number) => String(n).padStart(2, '0');
/** TTMMJJJJ and HHMMSS in the clinic's local time (the time zone of the app's process). */
export const gdtDate = (ms: number) => {
  const d = new Date(ms);
  return `${two(d.getDate())}${two(d.getMonth() + 1)}${d.getFullYear()}`;
};
export const gdtTime = (ms: number) => {
  const d = new Date(ms);
  return `${two(d.getHours())}${two(d.getMinutes())}${two(d.getSeconds())}`;
};
const clock = (ms: number) => {
  const d = new Date(ms);
  return `${two(d.getHours())}:${two(d.getMinutes())}`;
};
/** German decimal comma for text; a GDT numeric result (8420) keeps the point. */
const round = (n: number, digits: number) => Number(n.toFixed(digits));
const german = (n: number, digits = 2) => String(round(n, digits)).replace('.', ',');

/** Splits a text into lines of at most 60 characters at spaces (a longer word is cut). */
export function textLines(id: string, text: string): GdtField[] {
  const words = text.trim().split(/\s+/);
  const lines: string[] = [];
  let current = '';
  for (let word of words) {
    while (word.length > MAX_TEXT) {
      if (current) lines.push(current);
      lines.push(word.slice(0, MAX_TEXT));
      word = word.slice(MAX_TEXT);
      current = '';
    }
    if (!current) current = word;
    else if (current.length + 1 + word.length <= MAX_TEXT) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines.map((value) => ({ id, value }));
}

function test(ident: string, name: string, value: number | null, unit: string, digits = 2): GdtField[] {
  if (value === null) return [];
  return [
    { id: '8410', value: ident },
    { id: '8411', value: name },
    { id: '8420', value: String(round(value, digits)) },
    { id: '8421', value: unit },
  ];
}

function findings(r: SessionResult): string[] {
  if (r.status === 'cancelled') return [`Sitzung ${r.sessionNumber}/${r.plannedInfusions} abgesagt: ${r.cancelReason ?? ''}`];
  const minutes = r.startedAt !== null && r.stoppedAt !== null ? Math.round((r.stoppedAt - r.startedAt) / 60_000) : null;
  const head = [
    `${r.substance ? SUBSTANCE[r.substance] : 'Infusion'} i.v. Sitzung ${r.sessionNumber}/${r.plannedInfusions}`,
    ...(r.targetMgPerKgPerH !== null ? [`${german(r.targetMgPerKgPerH, 3)} mg/kg/h`] : []),
    ...(minutes !== null ? [`${minutes} min`] : []),
  ].join(', ');
  const dose = r.totalMg !== null ? [`Kumulativdosis ${german(r.totalMg)} mg${r.mgPerKg !== null ? ` (${german(r.mgPerKg, 3)} mg/kg)` : ''}`] : [];
  const nrs = `NRS vor ${r.nrsBefore ?? '–'}, nach ${r.nrsAfter ?? '–'}`;
  const events =
    r.adverseEvents.length === 0
      ? ['Keine unerwünschten Ereignisse']
      : r.adverseEvents.map((e) => `Unerwünschtes Ereignis ${clock(e.at)}: ${e.description} (${SEVERITY[e.severity]})`);
  return [head, ...dose, nrs, ...events];
}

/** The first findings lines of a corrected result (6220): marked as a correction, with the reference and the change. */
function correctionLines(c: Correction): string[] {
  const at = (ms: number) => `${gdtDate(ms).replace(/^(\d\d)(\d\d)/, '$1.$2.')} ${clock(ms)}`;
  return [
    `KORREKTUR des Befunds vom ${at(c.first.at)}`,
    `ersetzt ${c.first.fileName}${c.first.archiveId ? ` (Archiv ${c.first.archiveId})` : ''}`,
    // A dose correction reads "old → new": the arrow is in no GDT single-byte charset.
    `Nachtrag Nr. ${c.amendment.id} vom ${at(c.amendment.at)}, ${c.amendment.by}: ${c.amendment.correction.replace(/→/g, '->')}`,
    `Grund: ${c.amendment.reason}`,
  ];
}

export function result6310(r: SessionResult, to: ResultAddressing, pdf?: PdfAttachment, correction?: Correction): GdtRecord {
  const when = r.startedAt ?? r.plannedFor;
  const [y, m, d] = r.birthDate.split('-');
  const minutes = r.startedAt !== null && r.stoppedAt !== null ? (r.stoppedAt - r.startedAt) / 60_000 : null;
  const fields: GdtField[] = [
    { id: '8315', value: to.pvsGdtId },
    { id: '8316', value: to.ownGdtId },
    ...(to.charsetCode ? [{ id: '9206', value: to.charsetCode }] : []),
    { id: '9218', value: '02.10' },
    { id: '3000', value: r.pvsNumber },
    { id: '3101', value: r.familyName },
    { id: '3102', value: r.givenName },
    { id: '3103', value: `${d}${m}${y}` },
    { id: '6200', value: gdtDate(when) },
    { id: '6201', value: gdtTime(when) },
    // No infusion code in the QMS list: ALLG00 "nicht näher spezifizierte Untersuchung" (records-out.md §1.6).
    { id: '8402', value: 'ALLG00' },
    ...[...(correction ? correctionLines(correction) : []), ...findings(r)].flatMap((t) => textLines('6220', t)),
    ...(r.dischargedAt !== null ? textLines('6227', `Entlassung ${clock(r.dischargedAt)}, unterschrieben von ${r.signedBy}`) : textLines('6227', `Unterschrieben von ${r.signedBy}`)),
    ...test('DOSE_MG', `${r.substance ? SUBSTANCE[r.substance] : 'Dosis'} kumulativ`, r.totalMg, 'mg'),
    ...test('DOSE_MGKG', 'Dosis pro kg Körpergewicht', r.mgPerKg, 'mg/kg', 3),
    ...test('DURATION', 'Infusionsdauer', minutes, 'min', 0),
    ...test('NRS_PRE', 'Schmerz NRS vor Infusion', r.nrsBefore, '/10', 1),
    ...test('NRS_POST', 'Schmerz NRS nach Infusion', r.nrsAfter, '/10', 1),
    { id: '8410', value: 'AE' },
    { id: '8411', value: 'Unerwünschte Ereignisse' },
    { id: '8420', value: String(r.adverseEvents.length) },
    ...r.adverseEvents.flatMap((e) => textLines('8480', `${clock(e.at)} ${e.description} (${SEVERITY[e.severity]})`)),
    ...(r.dischargedAt !== null
      ? [{ id: '8410', value: 'DISCHARGE' }, { id: '8411', value: 'Entlassung' }, { id: '8480', value: `${gdtDate(r.dischargedAt)} ${clock(r.dischargedAt)}` }]
      : []),
    ...(pdf
      ? [
          { id: '6302', value: pdf.archiveId ?? `ESK-${gdtDate(when)}-${r.sessionNumber}` },
          { id: '6303', value: 'PDF' },
          ...textLines('6304', correction ? `${pdf.description} (korrigiert)` : pdf.description).slice(0, 1),
          { id: '6305', value: pdf.pdfPath },
        ]
      : []),
  ];
  return { type: '6310', fields };
}
