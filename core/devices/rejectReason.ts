/**
 * Why a driver threw a frame away, as a closed list of codes: the link counts rejections per code
 * (LinkStatus.rejectReasons) and the screen says each in the user's language (renderer/i18n `link.reject.*`).
 * The technical particulars (which parameter, the exception text) stay in RejectedFrame.detail for logs.
 */
import { z } from 'zod';

export const REJECT_REASONS = [
  // Any protocol.
  'implausibleValue',
  'decoderError',
  'checksumMismatch',
  'lengthMismatch',
  'frameTooLong',
  'frameTooShort',
  'bytesOutsideFrame',
  'frameRestarted',
  // Masimo ASCII 1 lines.
  'lineTooLong',
  'badDateTime',
  'noDateTime',
  'tokenWithoutKeyValue',
  'malformedValue',
  'malformedField',
  'noSpo2OrPulse',
  // GE/Datex S/5 records.
  'frameEndsInEscape',
  'recordTooShort',
  'recordLengthMismatch',
  'subRecordOutsideRecord',
  // Philips MIB/RS232.
  'frameAborted',
  'notDataExport',
  'malformedMessage',
  'unexpectedUnit',
  // Nonin.
  'truncatedRecord',
  'outOfSync',
  'incompletePacket',
  // B. Braun BCC.
  'malformedBlock',
  'blockWithoutAddress',
  'malformedQuadruple',
] as const;

export const RejectReasonSchema = z.enum(REJECT_REASONS);
export type RejectReason = z.infer<typeof RejectReasonSchema>;
