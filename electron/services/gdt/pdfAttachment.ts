/**
 * The signed protocol as the 6310's file group (records-out.md §1.7, vectors/gdt/example-esketamine-6310.gdt): the
 * PDF is written whole (temp file + rename) into the partner's PDF folder before the GDT file that points at it;
 * 6302 names it (ESK-<date of the session>-<document id>), 6305 gives the path as the PVS workstations see it.
 * A PDF never overwrites another: the same name with other bytes is refused (the PVS may keep only the link).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GdtPartner } from '../../../db/repos/gdt';
import { GdtFailure, inFolder } from './gdtFailure';
import { writeAtomically } from './outbox';
import type { PdfAttachment } from './result6310';

/** The stored signed protocol of a session (documents 0130). */
export interface SignedProtocol {
  documentId: number;
  bytes: Uint8Array;
}

/** 6305 holds at most 60 characters (records-out.md §1.6). */
export const MAX_6305 = 60;

const two = (n: number) => String(n).padStart(2, '0');

export function archiveIdOf(sessionAt: number, documentId: number): string {
  const d = new Date(sessionAt);
  return `ESK-${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}-${String(documentId).padStart(4, '0')}`;
}

/** Joins like the folder is written: a Windows/UNC folder with '\', any other with '/'. */
export function pvsPathOf(folder: string, fileName: string): string {
  const windows = folder.includes('\\') || /^[A-Za-z]:/.test(folder);
  const sep = windows ? '\\' : '/';
  return `${folder.replace(/[\\/]+$/, '')}${sep}${fileName}`;
}

/** Writes the PDF (unless the very same bytes are there already) and returns the 6302–6305 group's content. */
export async function placeProtocol(
  partner: Pick<GdtPartner, 'outboxDir' | 'pdfDir' | 'pvsPdfDir'>,
  protocol: SignedProtocol,
  session: { at: number; substanceName: string },
): Promise<PdfAttachment> {
  const archiveId = archiveIdOf(session.at, protocol.documentId);
  const fileName = `${archiveId}.pdf`;
  const dir = partner.pdfDir ?? partner.outboxDir;
  const pdfPath = pvsPathOf(partner.pvsPdfDir ?? dir, fileName);
  if (pdfPath.length > MAX_6305) {
    throw new GdtFailure('pdfPathTooLong', { path: pdfPath, length: pdfPath.length, max: MAX_6305 }, `the PDF path "${pdfPath}" has ${pdfPath.length} characters, GDT 6305 allows ${MAX_6305}: set a shorter PDF folder as the PVS sees it`);
  }
  const there = await readFile(join(dir, fileName)).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw inFolder(dir, err);
  });
  if (there && !Buffer.from(protocol.bytes).equals(there)) {
    throw new GdtFailure('pdfOtherBytes', { file: fileName, folder: dir, documentId: protocol.documentId }, `${fileName} in ${dir} holds other bytes than document ${protocol.documentId}: it was not overwritten`);
  }
  if (!there) {
    await writeAtomically(dir, fileName, protocol.bytes).catch((err: Error) => {
      throw inFolder(dir, err, (m) => `the PDF could not be written to ${dir}: ${m}`);
    });
  }
  const d = new Date(session.at);
  return { archiveId, pdfPath, description: `Infusionsprotokoll ${session.substanceName} ${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()}` };
}
