/** The 6310 fields of a session result: text lines of at most 60 characters, adverse events, cancellation, PDF group. */
import { describe, expect, it } from 'vitest';
import { decodeGdt, encodeGdt, fieldValue } from '../../drivers/gdt/codec';
import { result6310, textLines, type SessionResult } from '../../electron/services/gdt/result6310';

const at = (h: number, m: number) => new Date(2026, 10, 20, h, m).getTime();
const RESULT: SessionResult = {
  pvsNumber: '4711', familyName: 'Müller', givenName: 'Jörg', birthDate: '1970-02-01', sessionNumber: 3, plannedInfusions: 6,
  status: 'discharged', cancelReason: null, plannedFor: at(10, 0), startedAt: at(10, 15), stoppedAt: at(12, 15), dischargedAt: at(12, 45),
  substance: 'esketamine', targetMgPerKgPerH: 0.25, totalMg: 41.004, mgPerKg: 0.5695, nrsBefore: 7, nrsAfter: 3,
  adverseEvents: [{ at: at(11, 2), description: 'Übelkeit nach Dosiserhöhung, Ondansetron 4 mg i.v. gegeben, danach deutlich gebessert', severity: 'mild' }],
  signedBy: 'Dr. Meier',
};
const TO = { pvsGdtId: 'PVS', ownGdtId: 'ESKINF', charsetCode: '3' };

describe('result6310', () => {
  it('writes the session in German text lines of at most 60 characters and as test groups', () => {
    const r = result6310(RESULT, TO);
    const bytes = encodeGdt(r, 'iso-8859-15');
    const back = decodeGdt(bytes).records[0]!;
    expect(back.fields).toEqual(r.fields);
    expect([fieldValue(r, '6200'), fieldValue(r, '6201'), fieldValue(r, '3103'), fieldValue(r, '8402')]).toEqual(['20112026', '101500', '01021970', 'ALLG00']);
    const text = r.fields.filter((f) => f.id === '6220').map((f) => f.value);
    expect(text).toEqual([
      'Esketamin i.v. Sitzung 3/6, 0,25 mg/kg/h, 120 min',
      'Kumulativdosis 41 mg (0,57 mg/kg)',
      'NRS vor 7, nach 3',
      'Unerwünschtes Ereignis 11:02: Übelkeit nach Dosiserhöhung,',
      'Ondansetron 4 mg i.v. gegeben, danach deutlich gebessert',
      '(leicht)',
    ]);
    expect(r.fields.filter((f) => f.id === '8480').map((f) => f.value)).toEqual([
      '11:02 Übelkeit nach Dosiserhöhung, Ondansetron 4 mg i.v.',
      'gegeben, danach deutlich gebessert (leicht)',
      '20112026 12:45',
    ]);
    expect(fieldValue(r, '6227')).toBe('Entlassung 12:45, unterschrieben von Dr. Meier');
    const values = r.fields.filter((f) => f.id === '8420').map((f) => f.value);
    expect(values).toEqual(['41', '0.57', '120', '7', '3', '1']);
    expect(fieldValue(r, '6302')).toBeUndefined();
  });

  it('a cancelled session says why; UTF-8 has no 9206; a PDF adds its file group', () => {
    const r = result6310(
      { ...RESULT, status: 'cancelled', cancelReason: 'Patient krank', startedAt: null, stoppedAt: null, dischargedAt: null, totalMg: null, mgPerKg: null, nrsAfter: null, adverseEvents: [] },
      { ...TO, charsetCode: null },
      { pdfPath: 'P:\\gdt\\ESK-3.pdf', description: 'Infusionsprotokoll' },
    );
    expect(r.fields.filter((f) => f.id === '6220').map((f) => f.value)).toEqual(['Sitzung 3/6 abgesagt: Patient krank']);
    expect(fieldValue(r, '9206')).toBeUndefined();
    expect(fieldValue(r, '6201')).toBe('100000');
    expect(r.fields.slice(-4).map((f) => f.id)).toEqual(['6302', '6303', '6304', '6305']);
    expect(fieldValue(r, '6305')).toBe('P:\\gdt\\ESK-3.pdf');
  });

  it('splits at spaces and cuts a word longer than a line', () => {
    expect(textLines('6228', `${'x'.repeat(130)} ende`).map((f) => f.value)).toEqual(['x'.repeat(60), 'x'.repeat(60), 'x'.repeat(10) + ' ende']);
    expect(textLines('6228', '  ')).toEqual([]);
  });
});
