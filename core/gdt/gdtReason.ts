/**
 * Why the GDT link refused a file or could not write a result, as a closed list of codes: the main process keeps an
 * English text for logs and the stored `reason`, the screens say the code in the user's language (renderer
 * `gdt.why.*`) with its args filled in. Args are data only (record types, GDT ids, field ids, byte counts, seconds,
 * an errno code such as "EACCES", a folder or file name), never words. A code once stored is never removed.
 */
import { z } from 'zod';
import { TextArgsSchema } from '../text';

export const GDT_REASON_CODES = [
  // An inbound file (electron/services/gdt/inbound.ts, inbox.ts; db/repos/gdt.ts for the unknown patient).
  'fileEmpty',
  'lineWithoutField',
  'noRecordTypeFirst',
  'recordCount',
  'recordTypeNotHandled',
  'wrongReceiver',
  'wrongSender',
  'pvsNumberTooLong',
  'fieldsMissing',
  'cutShort',
  'unknownPatient',
  // A result (6310) not written (electron/services/gdt/gdtLink.ts, outbox.ts, pdfAttachment.ts).
  'noSession',
  'sessionNotSigned',
  'noPvsNumber',
  'protocolNotMade',
  'pdfPathTooLong',
  'pdfOtherBytes',
  'resultNotCollected',
  'allNumbersTaken',
  'folderProblem',
  'notEncodable',
  'internal',
] as const;

export const GdtReasonCodeSchema = z.enum(GDT_REASON_CODES);
export type GdtReasonCode = z.infer<typeof GdtReasonCodeSchema>;
export const GdtReasonArgsSchema = TextArgsSchema;
export type GdtReasonArgs = z.infer<typeof GdtReasonArgsSchema>;

export interface GdtReason {
  code: GdtReasonCode;
  args: GdtReasonArgs;
}

/** The fields a refused 6301/6302/6311 lacks (`fieldsMissing`'s `fields`, comma-joined ids). */
export const MISSING_FIELDS = ['3000', '3101', '3102', '3103'] as const;
export type MissingField = (typeof MISSING_FIELDS)[number];

/** What a folder's errno means for the user (`folderProblem`'s `errno`): the screen words follow these kinds. */
export const FOLDER_PROBLEMS = ['noPermission', 'notFound', 'full', 'readOnly', 'other'] as const;
export type FolderProblem = (typeof FOLDER_PROBLEMS)[number];

const FOLDER_PROBLEM_OF: Record<string, FolderProblem> = {
  EACCES: 'noPermission',
  EPERM: 'noPermission',
  ENOENT: 'notFound',
  ENOTDIR: 'notFound',
  ENOSPC: 'full',
  EDQUOT: 'full',
  EROFS: 'readOnly',
};

export function folderProblemOf(errno: string): FolderProblem {
  return FOLDER_PROBLEM_OF[errno] ?? 'other';
}

export function isGdtReasonCode(code: string): code is GdtReasonCode {
  return (GDT_REASON_CODES as readonly string[]).includes(code);
}
