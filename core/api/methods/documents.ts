/**
 * Documents (issue 14): the session protocol for the patient file, the course report and the insurer dossier.
 * Generated in the main process and stored with their bytes; a reprint returns those stored bytes, never a
 * regeneration. The PDF crosses the boundary as base64 (the renderer never touches the file system).
 * Physicians and MFAs may generate and view; the final protocol needs a signed session, otherwise it is a draft.
 */
import { z } from 'zod';
import { methodTable } from '../methodSpec';
import { EpochMs, Id } from '../schemas';

const CLINICAL = ['mfa', 'physician'] as const;
const PHYSICIAN = ['physician'] as const;

export const DocumentKindSchema = z.enum(['sessionProtocol', 'sessionProtocolDraft', 'courseReport', 'coverageDossier']);
export const DocumentLanguage = z.enum(['de', 'en']);

export const DocumentInfo = z.object({
  id: Id,
  kind: DocumentKindSchema,
  sessionId: Id.nullable(),
  /** The session's number in its course, for a session document. */
  sessionNumber: z.number().int().min(1).nullable(),
  courseId: Id.nullable(),
  language: DocumentLanguage,
  /** SHA-256 of the stored bytes, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sizeBytes: z.number().int().min(1),
  created: z.object({ userId: Id, userName: z.string(), at: EpochMs }),
});
export type DocumentInfo = z.infer<typeof DocumentInfo>;

export const DocumentWithBytes = z.object({ document: DocumentInfo, pdfBase64: z.string().min(1) });

/** The medical justification fields of the cost-coverage application, written by the physician. */
const Justification = z.string().max(4000).optional();
export const JustificationTexts = z.strictObject({
  medicalNecessity: Justification,
  treatmentPlan: Justification,
  expectedOutcome: Justification,
  stopCriteria: Justification,
});
export type JustificationTexts = z.infer<typeof JustificationTexts>;
const Justified = z.object({ texts: JustificationTexts, saved: z.object({ userId: Id, userName: z.string(), at: EpochMs }).nullable() });

const SessionDocument = z.strictObject({ sessionId: Id, language: DocumentLanguage.default('de') });
const CourseDocument = z.strictObject({ courseId: Id, language: DocumentLanguage.default('de') });

export const documentsMethods = methodTable({
  'documents.list': {
    access: CLINICAL,
    input: z.union([z.strictObject({ sessionId: Id }), z.strictObject({ courseId: Id })]),
    output: z.array(DocumentInfo),
  },
  /** The final protocol of a signed session; of an unsigned one a draft marked "ENTWURF" on every page. */
  'documents.generateSessionProtocol': { access: CLINICAL, input: SessionDocument, output: DocumentWithBytes },
  'documents.generateCourseReport': { access: CLINICAL, input: CourseDocument, output: DocumentWithBytes },
  /** The cost-coverage application draft for a private insurer, with the GOÄ items of each session. */
  'documents.generateCoverageDossier': { access: CLINICAL, input: CourseDocument, output: DocumentWithBytes },
  /** Reprint: the stored bytes of a document generated before. */
  'documents.get': { access: CLINICAL, input: z.strictObject({ documentId: Id }), output: DocumentWithBytes },
  'documents.coverageJustification': {
    access: CLINICAL,
    input: z.strictObject({ courseId: Id }),
    output: Justified,
  },
  'documents.saveCoverageJustification': {
    access: PHYSICIAN,
    input: z.strictObject({ courseId: Id, texts: JustificationTexts }),
    output: Justified,
  },
});
