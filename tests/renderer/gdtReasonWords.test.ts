/** The GDT link's reasons said in words with a real i18next: German and English from code + args, old rows by their text. */
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { GDT_REASON_CODES, type GdtReasonArgs, type GdtReasonCode } from '../../core/gdt/gdtReason';
import { gdtReasonText } from '../../renderer/features/gdt/reasonWords';
import { de } from '../../renderer/i18n/de';
import { en } from '../../renderer/i18n/en';
import { germanTextFindings } from '../helpers/germanText';

const t: Record<'de' | 'en', TFunction> = {} as never;

beforeAll(async () => {
  for (const lng of ['de', 'en'] as const) {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { de: { translation: de }, en: { translation: en } }, lng, fallbackLng: 'de', interpolation: { escapeValue: false } });
    t[lng] = i18n.t;
  }
});

const coded = (reasonCode: GdtReasonCode, reasonArgs: GdtReasonArgs) => ({ reason: 'the English text kept for the log', reasonCode, reasonArgs });

/** Args as the link stores them, one set per code. */
const SAMPLE_ARGS: Record<GdtReasonCode, GdtReasonArgs> = {
  fileEmpty: {},
  lineWithoutField: { line: 3 },
  noRecordTypeFirst: { line: 1 },
  recordCount: { count: 2 },
  recordTypeNotHandled: { recordType: '6300' },
  wrongReceiver: { receiver: 'XY', ownGdtId: 'INFUSION' },
  wrongSender: { sender: 'LABOR', pvsGdtId: 'PVS' },
  pvsNumberTooLong: { pvsNumber: '12345678901' },
  fieldsMissing: { recordType: '6302', fields: '3101,3103', found3103: '31022001' },
  cutShort: { declared: 1001, actual: 640, seconds: 10 },
  unknownPatient: { pvsNumber: '4711' },
  noSession: { sessionId: 3 },
  sessionNotSigned: { sessionId: 3 },
  noPvsNumber: { familyName: 'Ohne', givenName: 'Nummer', partner: 'Praxis-PVS' },
  protocolNotMade: {},
  pdfPathTooLong: { path: 'P:\\ESK\\ESK-20261203-0007.pdf', length: 61, max: 60 },
  pdfOtherBytes: { file: 'ESK-20261203-0007.pdf', folder: '/srv/gdt/pdf', documentId: 7 },
  resultNotCollected: { file: 'PVSESK.gdt', folder: '/srv/gdt/out' },
  allNumbersTaken: { first: 'PVSESK.000', last: 'PVSESK.999', folder: '/srv/gdt/out' },
  folderProblem: { errno: 'EIO', folder: '/srv/gdt/out' },
  notEncodable: {},
  internal: {},
};

describe('GDT reasons in words', () => {
  it('say the refusals the clinic meets in German, with the file’s data filled in', () => {
    expect(gdtReasonText(t.de, coded('wrongReceiver', SAMPLE_ARGS.wrongReceiver))).toBe('an GDT-ID „XY“ adressiert (8315), diese Anwendung ist „INFUSION“');
    expect(gdtReasonText(t.de, coded('recordTypeNotHandled', SAMPLE_ARGS.recordTypeNotHandled))).toMatch(/^Satzart 6300 wird hier nicht verarbeitet/);
    expect(gdtReasonText(t.de, coded('unknownPatient', SAMPLE_ARGS.unknownPatient))).toMatch(/^Patient mit PVS-Nummer 4711 ist hier nicht bekannt/);
    expect(gdtReasonText(t.de, coded('cutShort', SAMPLE_ARGS.cutShort))).toMatch(/^Datei unvollständig: laut 8100 1001 Bytes, vorhanden 640/);
    expect(gdtReasonText(t.de, coded('lineWithoutField', SAMPLE_ARGS.lineWithoutField))).toMatch(/^keine GDT-Datei \(Zeile 3: /);
    expect(gdtReasonText(t.de, coded('fieldsMissing', SAMPLE_ARGS.fieldsMissing))).toBe('im Satz 6302 fehlt: Name (3101), Geburtsdatum (3103, TTMMJJJJ; gefunden „31022001“)');
    expect(gdtReasonText(t.de, coded('fieldsMissing', { recordType: '6301', fields: '3000,3103', found3103: '' }))).toBe(
      'im Satz 6301 fehlt: Patientennummer (3000), Geburtsdatum (3103, TTMMJJJJ)',
    );
    expect(gdtReasonText(t.en, coded('fieldsMissing', SAMPLE_ARGS.fieldsMissing))).toBe('the 6302 lacks surname (3101), birth date (3103, DDMMYYYY; found "31022001")');
  });

  it('say a folder’s errno as what it means, any other errno with its name', () => {
    const folder = (errno: string) => gdtReasonText(t.de, coded('folderProblem', { errno, folder: '/srv/gdt/out' }));
    expect(folder('EACCES')).toBe('kein Schreibrecht im Ordner /srv/gdt/out');
    expect(folder('EPERM')).toBe('kein Schreibrecht im Ordner /srv/gdt/out');
    expect(folder('ENOENT')).toBe('Ordner /srv/gdt/out nicht gefunden');
    expect(folder('ENOSPC')).toBe('kein Platz mehr im Ordner /srv/gdt/out');
    expect(folder('EROFS')).toBe('Ordner /srv/gdt/out ist schreibgeschützt');
    expect(folder('EIO')).toBe('Dateifehler EIO im Ordner /srv/gdt/out');
    expect(gdtReasonText(t.en, coded('folderProblem', { errno: 'EACCES', folder: '/srv/gdt/out' }))).toBe('no permission to write in the folder /srv/gdt/out');
  });

  it('say every code in German without English words, code names or unfilled placeholders, and never the stored English', () => {
    for (const code of GDT_REASON_CODES) {
      const german = gdtReasonText(t.de, coded(code, SAMPLE_ARGS[code]));
      expect(germanTextFindings(german), german).toEqual([]);
      expect(german, code).not.toMatch(/{{|}}|English/);
      const english = gdtReasonText(t.en, coded(code, SAMPLE_ARGS[code]));
      expect(english, code).not.toBe(german);
      expect(english, code).not.toMatch(/{{|}}/);
    }
  });

  it('a file stored before codes shows its stored text, never blank', () => {
    expect(gdtReasonText(t.de, { reason: 'record type 6300 is not handled here', reasonCode: null, reasonArgs: null })).toBe('record type 6300 is not handled here');
    expect(gdtReasonText(t.de, { reason: null, reasonCode: null, reasonArgs: null })).toBe('');
  });
});
