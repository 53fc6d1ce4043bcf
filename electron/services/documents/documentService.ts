/**
 * Generates, stores and reprints documents. Rendering reads the same data the screens get (session review, course
 * view, session details); storing goes through db/ with the bytes and their SHA-256, audited.
 * `renderSessionProtocol` is the one entry for other services (e.g. the GDT link) that need the PDF's bytes.
 */
import { AppError } from '../../../core/api/envelope';
import type { MethodOutput } from '../../../core/api/contract';
import { citedSourceText } from '../../../core/clinic/sourceText';
import { formatProblem, problem } from '../../../core/messages';
import type { Lang } from '../../../core/text';
import type { DbClient } from '../../../db/client';
import type { DocumentKind } from '../../../db/repos/documents';
import type { Actor } from '../../../db/repos/users';
import { renderCourseReportPdf } from './courseReport';
import { renderCoverageDossierPdf } from './coverageDossier';
import { loadSettings, settingRows } from '../session/clinicSettings';
import { renderSessionProtocolPdf } from './sessionProtocol';

export interface DocumentDeps {
  db: DbClient;
  /** The sign-off screen's data of a session (sessions.review). */
  review: (sessionId: number) => Promise<MethodOutput<'sessions.review'>>;
  /** The course screen's data (courses.view). */
  courseView: (courseId: number) => Promise<MethodOutput<'courses.view'>>;
  /** One session's whole record without vitals (sessions.get). */
  sessionDetail: (sessionId: number) => Promise<MethodOutput<'sessions.get'>>;
  /** Folder of the DejaVu TTF files. */
  fontDir: string;
  now?: () => number;
}

export interface RenderRequest {
  language: Lang;
}

export type DocumentService = ReturnType<typeof createDocumentService>;

export function createDocumentService(deps: DocumentDeps) {
  const now = deps.now ?? Date.now;
  const options = (language: Lang) => ({ language, fontDir: deps.fontDir, generatedAt: now() });
  const staffNames = async () => new Map((await deps.db.call('listUsers')).map((u) => [u.id, u.displayName] as const));

  async function courseData(courseId: number) {
    const view = await deps.courseView(courseId);
    const [details, pvsNumbers] = await Promise.all([Promise.all(view.sessions.map((s) => deps.sessionDetail(s.id))), deps.db.call('pvsNumbersOfPatient', view.patient.id)]);
    return { view, details, pvsNumbers };
  }
  async function protocolOf(sessionId: number, language: Lang) {
    const [review, names] = await Promise.all([deps.review(sessionId), staffNames()]);
    const pvsNumbers = await deps.db.call('pvsNumbersOfPatient', review.detail.patient.id);
    return { review, bytes: await renderSessionProtocolPdf(review, { ...options(language), staffNames: names, pvsNumbers }) };
  }

  async function store(actor: Actor, kind: DocumentKind, owner: { sessionId: number } | { courseId: number }, language: Lang, bytes: Uint8Array) {
    const document = await deps.db.call('storeDocument', actor, { kind, ...owner, language, bytes });
    return { document, bytes };
  }

  const service = {
    /** The protocol's bytes, not stored: a signed session gives the final protocol, an unsigned one a draft. */
    async renderSessionProtocol(sessionId: number, request: RenderRequest = { language: 'de' }): Promise<Uint8Array> {
      return (await protocolOf(sessionId, request.language)).bytes;
    },
    async generateSessionProtocol(actor: Actor, sessionId: number, language: Lang) {
      const { review, bytes } = await protocolOf(sessionId, language);
      return store(actor, review.detail.session.signed ? 'sessionProtocol' : 'sessionProtocolDraft', { sessionId }, language, bytes);
    },
    /**
     * The final German protocol that goes to the PVS with the 6310: the stored one when it is newer than the signature
     * and every amendment (a resend gives the same bytes), else generated now and stored in the signer's name.
     */
    async signedProtocol(sessionId: number): Promise<{ documentId: number; bytes: Uint8Array }> {
      const b = await deps.db.call('sessionBundle', sessionId);
      const signed = b?.session.signed;
      if (!b || !signed) throw new AppError('REFUSED', `session ${sessionId} is not signed: it has no final protocol`);
      const recordChangedAt = Math.max(signed.at, ...b.amendments.map((a) => a.signed.at));
      const stored = (await deps.db.call('listDocuments', { sessionId })).find((d) => d.kind === 'sessionProtocol' && d.language === 'de' && d.created.at >= recordChangedAt);
      if (stored) return { documentId: stored.id, bytes: (await service.stored(stored.id)).bytes };
      const made = await service.generateSessionProtocol({ userId: signed.userId, at: now() }, sessionId, 'de');
      return { documentId: made.document.id, bytes: made.bytes };
    },
    async generateCourseReport(actor: Actor, courseId: number, language: Lang) {
      const data = await courseData(courseId);
      return store(actor, 'courseReport', { courseId }, language, await renderCourseReportPdf(data, options(language)));
    },
    async generateCoverageDossier(actor: Actor, courseId: number, language: Lang) {
      const [data, inForce, justification] = await Promise.all([courseData(courseId), loadSettings(deps.db), deps.db.call('coverageJustification', courseId)]);
      const insurance = data.view.patient.insurance;
      if (insurance !== 'private') {
        const p = problem(insurance === 'statutory' ? 'dossier.statutoryPatient' : 'dossier.notPrivate');
        throw new AppError('REFUSED', formatProblem(p, 'de'), [p]);
      }
      const rows = settingRows(inForce);
      const sourceOf = (key: string) => citedSourceText(rows.find((r) => r.key === key)?.source ?? '', language);
      const billing = { items: inForce.settings.goaeSessionItems, factor: inForce.settings.goaeFactor, itemsSource: sourceOf('goaeSessionItems'), factorSource: sourceOf('goaeFactor') };
      const bytes = await renderCoverageDossierPdf({ ...data, billing, justification }, options(language));
      return store(actor, 'coverageDossier', { courseId }, language, bytes);
    },
    async stored(documentId: number) {
      const found = await deps.db.call('storedDocument', documentId);
      if (!found) throw new AppError('NOT_FOUND', `there is no document ${documentId}`);
      return found;
    },
  };
  return service;
}
