/**
 * What a German text shown to clinicians must not contain, shared by the catalogue scan (tests/core/germanTexts.test.ts)
 * and the rendered-screen scan (tests/e2e/germanScreens.test.ts). Words that are German too (Patient, Alarm, Name,
 * Start, Stop, Pause, Rate, Status, Limit, Test) are not on the list.
 */
const ENGLISH_WORDS = [
  'the', 'and', 'is', 'are', 'was', 'of', 'for', 'with', 'by', 'to', 'from', 'not', 'no', 'or', 'this', 'that', 'please',
  'taken', 'user', 'password', 'invalid', 'error', 'failed', 'missing', 'required', 'unknown', 'none', 'value', 'input',
  'moderate', 'mild', 'severe', 'override', 'clinic', 'racemic', 'item', 'source', 'default', 'setting', 'settings',
  'session', 'chair', 'course', 'save', 'cancel', 'delete', 'loading', 'yes', 'high', 'low', 'medium', 'limit',
  'if', 'measured', 'below', 'above', 'per', 'during', 'after', 'before', 'until', 'each', 'every',
  // The drivers' words for a device link (now codes said in words: core/devices/linkPhase.ts).
  'waiting', 'receiving', 'displayed', 'requested', 'associated', 'association', 'reassociating', 'connected',
  // Their words for rejected frames and device notices (now codes said in words: core/devices/rejectReason.ts, deviceNotice.ts).
  'data', 'frame', 'frames', 'record', 'mismatch', 'malformed', 'too', 'bad', 'without', 'unexpected', 'incomplete', 'truncated',
  'oximeter', 'pump', 'bolus', 'answered', 'cleared',
  // Their words for device alarms and sensor messages (now codes said in words: core/devices/deviceAlarms.ts).
  'active', 'silenced', 'exceeded', 'changing', 'sensor', 'search', 'interference', 'occlusion', 'syringe', 'empty',
  // The GDT link's words for refused files and unwritten results (now codes said in words: core/gdt/gdtReason.ts).
  'lacks', 'addressed', 'handled', 'short', 'says', 'sent', 'carries', 'known', 'here', 'given', 'birth', 'found', 'folder',
  'collected', 'written', 'overwritten', 'allows', 'characters', 'permission', 'space', 'internal', 'details', 'cannot', 'number', 'surname',
  // Their words for why a link failed, with the OS's (now codes said in words: core/devices/linkFault.ts).
  'open', 'port', 'closed', 'disconnected', 'reopening', 'such', 'file', 'directory', 'denied', 'busy',
];

export interface GermanTextRule {
  name: string;
  find: (text: string) => string[];
  /** A text the rule must catch (the scan is tested on it). */
  example: string;
}

// Not inside a word, a {placeholder} or a path (/dev/serial/by-id/, the folder error/).
const ENGLISH = new RegExp(`(?<![\\p{L}\\d{/-])(${ENGLISH_WORDS.join('|')})(?![\\p{L}\\d}/-])`, 'gu');
/** Units and names written the same in German: not code names. */
const NOT_CODE = new Set(['mmHg', 'etCO', 'ttyUSB0', 'ttyS0']);
const all = (re: RegExp) => (text: string) => [...text.matchAll(re)].map((m) => m[0]);

export const GERMAN_TEXT_RULES: GermanTextRule[] = [
  // Lower case only: "Limit" and "Default" start a German noun, "the"/"limit" in a German sentence are English.
  { name: 'English word', find: (t) => all(ENGLISH)(t).map((w) => `English word "${w}"`), example: 'the user name x is taken' },
  {
    name: 'code name or translation key',
    // spo2.low, respRate, alarm.noDataMediumMs, session.start; not "z. B." or "d. h." or "0.15".
    find: (t) => all(/(?<![\p{L}\d{.])[a-z][a-z0-9]*(?:[A-Z][a-zA-Z0-9]*|(?:\.[a-z][a-zA-Z0-9]+)+)(?![\p{L}\d}])/gu)(t).filter((w) => !NOT_CODE.has(w)),
    example: 'Alarm spo2.low bei respRate',
  },
  // "§ 630f BGB" is the law the clinicians know; "§2.2" is a section of the requirements.
  {
    name: 'developer reference',
    find: all(/§\d+(\.\d+)*|§\s?\d+\.\d+|\[[A-Z]\]|\bitem \d+|clinical-requirements|\(S\d+(, S\d+)*\)/g),
    example: 'clinical-requirements §2.2 [E] (S31)',
  },
  // Two parts of a status that say the same ("Daten kommen – Daten kommen"): one of them is noise.
  { name: 'the same words twice around a dash', find: all(/(?<![\p{L}])(\p{L}[\p{L} ]{3,}) – \1(?![\p{L}])/gu), example: 'Zustand: Daten kommen – Daten kommen' },
  // The app writes dd.mm.yyyy (what its date fields accept); 3.12.2026 came from the browser's locale.
  { name: 'date without its zeros (German: 03.12.2026)', find: all(/(?<![\d.])(\d\.\d{1,2}|\d{2}\.\d)\.\d{4}(?!\d)/g), example: 'angelegt am 3.12.2026' },
  { name: 'ISO date', find: all(/\b\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?\b/g), example: 'am 2026-12-03' },
  { name: 'RR or NIBP (German: Blutdruck, NIBD, AF)', find: all(/(?<![\p{L}])(RR|NIBP)(?![\p{L}])/gu), example: 'RR systolisch' },
  { name: '"Empfang" for the monitor link', find: all(/Empfang/g), example: 'Empfang' },
  // One word per thing (docs/glossary.md): the course of infusions is the "Zyklus", never a "Kurs".
  { name: '"Kurs" for the course (German: Zyklus)', find: all(/(?<![\p{L}])Kurse?s?(?![\p{L}])/gu), example: 'Anforderung ohne Kurs' },
  // "Pumpe 1.3" is pillar 1, slot 3 of the B. Braun rack (drivers/protocols/bbraun-bcc/quads.ts pumpPlace), not a number.
  { name: 'decimal point in a German number', find: all(/(?<![\d.§]|GDT |§ |Abschnitt |Pumpe |\d, )\d+\.\d+(?![\d.])/g), example: 'Dosis 0.15 mg' },
];

/** Each problem of one German text, in words; empty when it reads as German. */
export function germanTextFindings(text: string): string[] {
  // An absolute path is shown as it is (the simulated port /tmp/infusion-pty-29671.3431043-xtlagT/app, also in
  // brackets after a link fault): not read as words.
  const words = text.replace(/(?<![^\s(])\/[^\s)]+/g, ' ');
  return GERMAN_TEXT_RULES.flatMap((rule) => rule.find(words).map((hit) => `${rule.name}: ${hit}`));
}
