/**
 * Every way the GDT link refuses a file or fails a result carries its code with data args (core/gdt/gdtReason.ts)
 * beside the English text: the inbound verdicts for each refusal, and the result writer's failures met for real
 * (a missing folder, a name the PVS has not collected, every number taken, a PDF path too long, other bytes).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GDT_REASON_CODES } from '../../core/gdt/gdtReason';
import { encodeGdt, GdtEncodeError, type GdtField } from '../../drivers/gdt/codec';
import { GdtFailure, reasonOf } from '../../electron/services/gdt/gdtFailure';
import { readInbound } from '../../electron/services/gdt/inbound';
import { resultFileName, writeAtomically } from '../../electron/services/gdt/outbox';
import { placeProtocol } from '../../electron/services/gdt/pdfAttachment';
import { tempDir } from '../helpers/tempDir';

const PARTNER = { charset: 'iso-8859-15' as const, ownGdtId: 'ESKINF', pvsGdtId: 'PVS' };
const TODAY = '2026-12-03';
const ascii = (s: string) => new TextEncoder().encode(s);
const record = (type: string, fields: [string, string][]) => encodeGdt({ type, fields: fields.map(([id, value]): GdtField => ({ id, value })) }, 'iso-8859-15');
const person: [string, string][] = [['3000', '4711'], ['3101', 'Müller'], ['3102', 'Jörg'], ['3103', '01021970']];

describe('an inbound file refused', () => {
  it.each([
    ['empty', new Uint8Array(), { code: 'fileEmpty', args: {} }, /^not a GDT file: the file is empty/],
    ['not GDT', ascii('%PDF-1.7\r\n'), { code: 'lineWithoutField', args: { line: 1 } }, /^not a GDT file: line 1/],
    ['no 8000 first', ascii('0143000Hallo\r\n'), { code: 'noRecordTypeFirst', args: { line: 1 } }, /must start with field 8000/],
    ['two records', new Uint8Array([...record('6301', person), ...record('6301', person)]), { code: 'recordCount', args: { count: 2 } }, /this one has 2/],
    ['a 6300', record('6300', person), { code: 'recordTypeNotHandled', args: { recordType: '6300' } }, /6300 \(Stammdaten anfordern\) is not handled/],
    ['another receiver', record('6302', [['8315', 'XY'], ...person]), { code: 'wrongReceiver', args: { receiver: 'XY', ownGdtId: 'ESKINF' } }, /addressed to GDT id "XY"/],
    ['another sender', record('6302', [['8316', 'LABOR'], ...person]), { code: 'wrongSender', args: { sender: 'LABOR', pvsGdtId: 'PVS' } }, /sent by GDT id "LABOR"/],
    ['a long number', record('6302', [['3000', '12345678901'], ...person.slice(1)]), { code: 'pvsNumberTooLong', args: { pvsNumber: '12345678901' } }, /longer than 10/],
    ['a 6311 without number', record('6311', [['6200', '03122026']]), { code: 'fieldsMissing', args: { recordType: '6311', fields: '3000' } }, /the 6311 lacks 3000/],
    [
      'a 6302 without given name and with a wrong birth date',
      record('6302', [['3000', '4711'], ['3101', 'Müller'], ['3103', '31022001']]),
      { code: 'fieldsMissing', args: { recordType: '6302', fields: '3102,3103', found3103: '31022001' } },
      /the 6302 lacks 3102 \(given name\), 3103 \(birth date TTMMJJJJ, found "31022001"\)/,
    ],
    [
      'a 6301 with nothing',
      record('6301', []),
      { code: 'fieldsMissing', args: { recordType: '6301', fields: '3000,3101,3102,3103', found3103: '' } },
      /the 6301 lacks 3000 \(patient number\), 3101 \(name\)/,
    ],
  ])('%s: its code with data args, its English text kept', (_what, bytes, why, reason) => {
    const verdict = readInbound(bytes, PARTNER, TODAY);
    expect(verdict.outcome).toBe('rejected');
    if (verdict.outcome !== 'rejected') return;
    expect(verdict.why).toEqual(why);
    expect(verdict.reason).toMatch(reason);
    // Args are data: numbers, ids, what the file said; no sentence.
    for (const v of Object.values(verdict.why.args)) expect(String(v)).not.toMatch(/ (the|is|not|lacks) /);
  });

  it('an accepted file carries no reason', () => {
    expect(readInbound(record('6302', person), PARTNER, TODAY).outcome).toBe('accepted');
  });
});

describe('a result not written', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());
  const partner = (outboxDir: string, fileNaming: 'fixed' | 'numbered') => ({ outboxDir, pvsShortId: 'PVS', ownShortId: 'ESK', fileNaming });
  const failure = async (p: Promise<unknown>) => {
    const err = await p.then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    return { why: reasonOf(err), message: (err as Error).message };
  };

  it('a folder that is not there, or is a file: its errno and the folder', async () => {
    const missing = join(dir.path, 'offline-share');
    expect(await failure(writeAtomically(missing, 'PVSESK.gdt', ascii('x')))).toMatchObject({
      why: { code: 'folderProblem', args: { errno: 'ENOENT', folder: missing } },
      message: expect.stringMatching(/^ENOENT/),
    });
    const aFile = join(dir.path, 'a-file');
    writeFileSync(aFile, 'x');
    expect((await failure(writeAtomically(aFile, 'PVSESK.gdt', ascii('x')))).why).toEqual({ code: 'folderProblem', args: { errno: 'ENOTDIR', folder: aFile } });
  });

  it('the fixed name not collected yet, or every number taken', async () => {
    const out = join(dir.path, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'PVSESK.gdt'), 'x');
    expect((await failure(resultFileName(partner(out, 'fixed')))).why).toEqual({ code: 'resultNotCollected', args: { file: 'PVSESK.gdt', folder: out } });
    for (let n = 0; n < 1000; n++) writeFileSync(join(out, `PVSESK.${String(n).padStart(3, '0')}`), 'x');
    expect(await failure(resultFileName(partner(out, 'numbered')))).toEqual({
      why: { code: 'allNumbersTaken', args: { first: 'PVSESK.000', last: 'PVSESK.999', folder: out } },
      message: expect.stringMatching(/are all waiting/),
    });
  });

  it('a PDF path longer than 6305 holds, a PDF name holding other bytes, a PDF folder missing', async () => {
    const pdfDir = join(dir.path, 'pdf');
    mkdirSync(pdfDir);
    const session = { at: new Date(2026, 11, 3, 10).getTime(), substanceName: 'Esketamin' };
    const protocol = { documentId: 7, bytes: ascii('%PDF-1.7 seven') };
    const long = { outboxDir: pdfDir, pdfDir, pvsPdfDir: `\\\\praxis-server\\${'x'.repeat(40)}` };
    const tooLong = await failure(placeProtocol(long, protocol, session));
    expect(tooLong.why).toMatchObject({ code: 'pdfPathTooLong', args: { max: 60 } });
    expect(tooLong.why.args.length).toBe(String(tooLong.why.args.path).length);
    writeFileSync(join(pdfDir, 'ESK-20261203-0007.pdf'), 'other bytes');
    const other = await failure(placeProtocol({ outboxDir: pdfDir, pdfDir, pvsPdfDir: null }, protocol, session));
    expect(other.why).toEqual({ code: 'pdfOtherBytes', args: { file: 'ESK-20261203-0007.pdf', folder: pdfDir, documentId: 7 } });
    const missing = join(dir.path, 'pdf-offline');
    const offline = await failure(placeProtocol({ outboxDir: pdfDir, pdfDir: missing, pvsPdfDir: null }, protocol, session));
    expect(offline).toEqual({ why: { code: 'folderProblem', args: { errno: 'ENOENT', folder: missing } }, message: expect.stringMatching(/^the PDF could not be written to /) });
  });

  it('an encoder refusal and anything else: coded without words (the English stays in the log)', () => {
    expect(reasonOf(new GdtEncodeError('field 3101 contains a line break'))).toEqual({ code: 'notEncodable', args: {} });
    expect(reasonOf(new Error('session 3 has no patient or course'))).toEqual({ code: 'internal', args: {} });
    expect(reasonOf(new GdtFailure('noSession', { sessionId: 3 }, 'there is no session 3'))).toEqual({ code: 'noSession', args: { sessionId: 3 } });
    expect(GDT_REASON_CODES.length).toBe(new Set(GDT_REASON_CODES).size);
  });
});
