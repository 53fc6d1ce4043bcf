/**
 * The GDT 2.1 link with the practice management system (PVS), records-out.md §1: partner settings (an admin's
 * job: a wrong directory or id sends results nowhere), the files exchanged with what became of them, the PVS's
 * open requests (6302) to plan, and sending a signed session's result (6310) again after a failure.
 */
import { z } from 'zod';
import { GdtReasonArgsSchema, GdtReasonCodeSchema } from '../../gdt/gdtReason';
import { methodTable } from '../methodSpec';
import { EpochMs, Id } from '../schemas';

export const GDT_CHARSET_NAMES = ['iso-8859-15', 'cp437', 'utf-8'] as const;

const OneLine = z.string().regex(/^[^\0\r\n]*$/, 'one line of text');
const Directory = OneLine.trim().min(1).max(260);
/** Long GDT id (8315/8316) and short id (file names): letters, digits, '_' and '-'. */
const GdtId = z.string().trim().regex(/^[A-Za-z0-9_-]{1,8}$/, 'a GDT id is 1 to 8 letters or digits');
const ShortId = z.string().trim().regex(/^[A-Za-z0-9_]{1,4}$/, 'a short GDT id is 1 to 4 letters or digits');

export const GdtPartnerSettings = z.strictObject({
  name: OneLine.trim().min(1).max(60),
  active: z.boolean().default(true),
  /** Where the PVS puts its files for this app, and where this app puts its results for the PVS. */
  inboxDir: Directory,
  outboxDir: Directory,
  pvsGdtId: GdtId,
  ownGdtId: GdtId,
  pvsShortId: ShortId,
  ownShortId: ShortId,
  /** 'fixed': <receiver><sender>.gdt; 'numbered': <receiver><sender>.000, .001 … (first free). */
  fileNaming: z.enum(['fixed', 'numbered']),
  charset: z.enum(GDT_CHARSET_NAMES).default('iso-8859-15'),
  /** Polling interval of the inbox beside fs.watch (network shares often send no change events). */
  pollMs: z.number().int().min(500).max(60_000).default(2000),
  /** Where the signed PDF protocols are written for this PVS (null: the out directory). */
  pdfDir: Directory.nullable().default(null),
  /**
   * That folder as the PVS workstations see it (e.g. \\praxis-srv\gdt\pdf; null: pdfDir). 6305 holds 60 characters
   * and the file name takes up to 26 (\ESK-YYYYMMDD-<document id>.pdf), so at most 34.
   */
  pvsPdfDir: OneLine.trim().min(1).max(34, 'the PDF folder as the PVS sees it has at most 34 characters (GDT 6305 holds 60 with the file name)').nullable().default(null),
});
export type GdtPartnerSettings = z.infer<typeof GdtPartnerSettings>;

export const GdtLinkState = z.object({
  state: z.enum(['watching', 'polling', 'off', 'error']),
  /** English, for the log; the screen says the state, the inbox folder, or the error's code in words. */
  detail: z.string(),
  reasonCode: GdtReasonCodeSchema.nullable(),
  reasonArgs: GdtReasonArgsSchema.nullable(),
});

export const GdtPartner = GdtPartnerSettings.extend({ id: Id, updatedAt: EpochMs, link: GdtLinkState });
export type GdtPartner = z.infer<typeof GdtPartner>;

export const GdtFile = z.object({
  id: Id,
  partnerId: Id,
  direction: z.enum(['in', 'out']),
  fileName: z.string(),
  at: EpochMs,
  byteLength: z.number().int().min(0),
  recordType: z.string().nullable(),
  outcome: z.enum(['accepted', 'rejected', 'written', 'failed']),
  /** Why a file was refused (moved to error/) or a result could not be written: the English text (logs). */
  reason: z.string().nullable(),
  /** The same as a code with its args, said in the user's language; null on files stored before codes (show `reason`). */
  reasonCode: GdtReasonCodeSchema.nullable(),
  reasonArgs: GdtReasonArgsSchema.nullable(),
  /** The decoded fields, charset and every defect found. */
  parse: z.unknown(),
  patientId: Id.nullable(),
  sessionId: Id.nullable(),
  /** The stored signed protocol the 6310 referenced (6302–6305). */
  documentId: Id.nullable(),
  /** A corrected 6310 after an amendment: the amendment and the session's first result it corrects. */
  amendmentId: Id.nullable(),
  correctsFileId: Id.nullable(),
  /** The day (YYYY-MM-DD) a 6301/6302 asks for, or a 6311 asks to show (its 6200). */
  requestedFor: z.string().nullable(),
});
export type GdtFile = z.infer<typeof GdtFile>;

export const GdtRequest = z.object({
  fileId: Id,
  partnerId: Id,
  at: EpochMs,
  recordType: z.enum(['6301', '6302']),
  patientId: Id,
  patientName: z.string(),
  pvsNumber: z.string(),
  /** The day asked for (YYYY-MM-DD). */
  requestedFor: z.string().nullable(),
  /** The planned session that answers it; null: "Anforderung ohne Zyklus", planned once the physician creates the course. */
  sessionId: Id.nullable(),
  sessionNumber: z.number().int().min(1).nullable(),
  plannedFor: EpochMs.nullable(),
});

export const GdtSendOutcome = z.object({
  partnerId: Id,
  fileId: Id,
  outcome: z.enum(['written', 'failed']),
  fileName: z.string(),
  reason: z.string().nullable(),
  reasonCode: GdtReasonCodeSchema.nullable(),
  reasonArgs: GdtReasonArgsSchema.nullable(),
});
export type GdtSendOutcome = z.infer<typeof GdtSendOutcome>;

export const gdtMethods = methodTable({
  'gdt.partners': { access: 'anyUser', input: z.strictObject({}), output: z.array(GdtPartner) },
  /** Creates (no id) or changes a partner and restarts its inbox watcher. */
  'gdt.savePartner': { access: ['admin'], input: GdtPartnerSettings.extend({ id: Id.optional() }), output: GdtPartner },
  'gdt.files': {
    access: 'anyUser',
    input: z.strictObject({ partnerId: Id.optional(), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(GdtFile),
  },
  /** 6301/6302 requests from the PVS not yet answered with a result: each with its planned session, or waiting for a course. */
  'gdt.requests': { access: 'anyUser', input: z.strictObject({}), output: z.array(GdtRequest) },
  /** Results that could not be written and were not sent since: the app shows them until they are. */
  'gdt.unsent': { access: 'anyUser', input: z.strictObject({}), output: z.array(GdtFile) },
  /** What went to the PVS for a session or a course's sessions, and when (the Dokumente place). */
  'gdt.sent': {
    access: 'anyUser',
    input: z.union([z.strictObject({ sessionId: Id }), z.strictObject({ courseId: Id })]),
    output: z.array(GdtFile.extend({ sessionNumber: z.number().int().min(1).nullable() })),
  },
  /** Writes the 6310 of a signed session again (e.g. after the out directory was unreachable). */
  'gdt.sendResult': {
    access: ['physician', 'admin'],
    input: z.strictObject({
      sessionId: Id,
      pdf: z.strictObject({ pdfPath: OneLine.trim().min(1).max(260), description: OneLine.trim().min(1).max(60) }).optional(),
    }),
    output: z.array(GdtSendOutcome),
  },
});

export const gdtEvents = {
  /** A file came in or went out (or failed), or a partner's link changed: screens reload. */
  'gdt.changed': z.object({ partnerId: Id.nullable() }),
  /**
   * The PVS asks to show an examination (6311): every station shows a notice that opens the session's documents, or
   * the patient's screen when no session was found (sessionId null; examinedOn: the day asked for, if any).
   */
  'gdt.showRequested': z.object({
    fileId: Id,
    patientId: Id,
    patientName: z.string(),
    sessionId: Id.nullable(),
    sessionNumber: z.number().int().min(1).nullable(),
    examinedOn: z.string().nullable(),
  }),
};
