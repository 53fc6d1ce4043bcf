/**
 * The signed protocol as the 6310's file group (records-out.md §1.7): byte-exact against the file group of
 * vectors/gdt/example-esketamine-6310.gdt, the same group order as the real Idana 6310 (vectors/gdt/idana_…),
 * the PDF written whole before the GDT points at it and opened again through 6305, never overwritten by other
 * bytes, and a path longer than 6305 allows refused in words.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGdt, encodeGdt } from '../../drivers/gdt/codec';
import { placeProtocol, pvsPathOf } from '../../electron/services/gdt/pdfAttachment';
import { result6310, type SessionResult } from '../../electron/services/gdt/result6310';
import { renderSessionProtocolPdf } from '../../electron/services/documents/sessionProtocol';
import { FONT_DIR } from '../documents/pdfTools';
import { reviewFixture } from '../documents/reviewFixture';
import { tempDir } from '../helpers/tempDir';
import { vectorBytes } from '../helpers/vectors';

const at = (h: number, m: number) => new Date(2026, 10, 20, h, m).getTime();
// The session of the example file (records-out.md §1.9).
const RESULT: SessionResult = {
  pvsNumber: '4711', familyName: 'Müller', givenName: 'Jörg', birthDate: '1970-02-01', sessionNumber: 3, plannedInfusions: 6,
  status: 'discharged', cancelReason: null, plannedFor: at(10, 0), startedAt: at(10, 15), stoppedAt: at(12, 15), dischargedAt: at(12, 45),
  substance: 'esketamine', targetMgPerKgPerH: 0.25, totalMg: 41, mgPerKg: 0.57, nrsBefore: 7, nrsAfter: 3, adverseEvents: [], signedBy: 'Dr. Meier',
};
const UNC = '\\\\praxis-srv\\gdt\\pdf';

/** The byte lines (with CRLF) of a GDT file. */
function lines(bytes: Uint8Array): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 1; i < bytes.length; i++) {
    if (bytes[i - 1] === 0x0d && bytes[i] === 0x0a) {
      out.push(Buffer.from(bytes.subarray(start, i + 1)));
      start = i + 1;
    }
  }
  return out;
}

let dir: ReturnType<typeof tempDir>;
let pdf: Uint8Array;
beforeAll(async () => {
  dir = tempDir();
  mkdirSync(join(dir.path, 'out'));
  mkdirSync(join(dir.path, 'pdf'));
  pdf = await renderSessionProtocolPdf(reviewFixture({ signed: true }), { language: 'de', fontDir: FONT_DIR, generatedAt: at(12, 50) });
});
afterAll(() => dir.remove());

describe('the protocol PDF as the 6310 file group', () => {
  it('is byte for byte the example 6310’s group, in the Idana sample’s order, and 6305 opens the PDF written before', async () => {
    const partner = { outboxDir: join(dir.path, 'out'), pdfDir: join(dir.path, 'pdf'), pvsPdfDir: UNC };
    const attachment = await placeProtocol(partner, { documentId: 1, bytes: pdf }, { at: RESULT.startedAt!, substanceName: 'Esketamin' });
    const ours = encodeGdt(result6310(RESULT, { pvsGdtId: 'PVS', ownGdtId: 'ESKINF', charsetCode: '3' }, attachment), 'iso-8859-15');
    const example = vectorBytes('gdt/example-esketamine-6310.gdt');
    expect(lines(ours).slice(-4)).toEqual(lines(example).slice(-4));

    // The real-world 6310 (Idana, re-encoded as its 8100 shows) carries the same four fields in the same order.
    const idana = decodeGdt(vectorBytes('gdt/idana_6310_pdf_attachment_utf8.gdt')).records[0]!;
    const idanaGroup = idana.fields.slice(idana.fields.findIndex((f) => f.id === '6302')).map((f) => f.id);
    expect(idanaGroup.slice(0, 4)).toEqual(['6302', '6303', '6304', '6305']);
    expect(idana.fields.find((f) => f.id === '6303')?.value).toBe('PDF');

    // Read back as the PVS would: 6305 → the share (here the local folder behind it) → the very PDF.
    const back = decodeGdt(ours).records[0]!;
    const path6305 = back.fields.find((f) => f.id === '6305')!.value;
    const local = join(partner.pdfDir, path6305.slice(UNC.length + 1));
    expect(readFileSync(local).equals(Buffer.from(pdf))).toBe(true);
    expect(execFileSync('pdfinfo', [local], { encoding: 'utf8' })).toMatch(/Pages:\s+[1-9]/);
    expect(readdirSync(partner.pdfDir)).toEqual(['ESK-20261120-0001.pdf']); // no temp file left
    expect(readdirSync(partner.outboxDir)).toEqual([]);
  });

  it('a resend of the same document leaves the file; other bytes under that name are refused, the file kept', async () => {
    const partner = { outboxDir: join(dir.path, 'out'), pdfDir: null, pvsPdfDir: null };
    const first = await placeProtocol(partner, { documentId: 7, bytes: pdf }, { at: RESULT.startedAt!, substanceName: 'Esketamin' });
    expect(first.pdfPath).toBe(join(dir.path, 'out', 'ESK-20261120-0007.pdf'));
    expect(await placeProtocol(partner, { documentId: 7, bytes: pdf }, { at: RESULT.startedAt!, substanceName: 'Esketamin' })).toEqual(first);
    const other = new Uint8Array([...pdf.subarray(0, 100), 0x20]);
    await expect(placeProtocol(partner, { documentId: 7, bytes: other }, { at: RESULT.startedAt!, substanceName: 'Esketamin' })).rejects.toThrow(
      /ESK-20261120-0007\.pdf in .* holds other bytes than document 7: it was not overwritten/,
    );
    expect(readFileSync(first.pdfPath).equals(Buffer.from(pdf))).toBe(true);
  });

  it('a path longer than 6305 holds is refused before anything is written; a missing folder fails and is not created', async () => {
    const long = { outboxDir: join(dir.path, 'out'), pdfDir: join(dir.path, 'pdf'), pvsPdfDir: `\\\\praxis-srv\\${'x'.repeat(40)}` };
    await expect(placeProtocol(long, { documentId: 2, bytes: pdf }, { at: RESULT.startedAt!, substanceName: 'Esketamin' })).rejects.toThrow(
      /has 75 characters, GDT 6305 allows 60/,
    );
    expect(existsSync(join(dir.path, 'pdf', 'ESK-20261120-0002.pdf'))).toBe(false);
    const gone = { outboxDir: join(dir.path, 'out'), pdfDir: join(dir.path, 'no-such-folder'), pvsPdfDir: 'P:\\pdf' };
    await expect(placeProtocol(gone, { documentId: 3, bytes: pdf }, { at: RESULT.startedAt!, substanceName: 'Esketamin' })).rejects.toThrow(/^the PDF could not be written to .*no-such-folder: ENOENT/);
    expect(existsSync(join(dir.path, 'no-such-folder'))).toBe(false); // nothing created where the share was expected
  });

  it('joins the folder the way it is written', () => {
    expect(pvsPathOf('\\\\srv\\gdt\\', 'a.pdf')).toBe('\\\\srv\\gdt\\a.pdf');
    expect(pvsPathOf('P:', 'a.pdf')).toBe('P:\\a.pdf');
    expect(pvsPathOf('/mnt/pvs/pdf/', 'a.pdf')).toBe('/mnt/pvs/pdf/a.pdf');
  });
});
