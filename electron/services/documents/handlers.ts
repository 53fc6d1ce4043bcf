/** The documents calls (issue 14): generate (stored with its bytes), list, reprint the stored bytes, dossier texts. */
import type { SessionUser } from '../../../core/auth/roles';
import type { DbClient } from '../../../db/client';
import type { DocumentRow } from '../../../db/repos/documents';
import type { Actor } from '../../../db/repos/users';
import { userOf, type HandlersFor } from '../../ipc/dispatcher';
import type { DocumentService } from './documentService';

export type DocumentsMethods =
  | 'documents.list' | 'documents.generateSessionProtocol' | 'documents.generateCourseReport' | 'documents.generateCoverageDossier'
  | 'documents.get' | 'documents.coverageJustification' | 'documents.saveCoverageJustification';

const withBase64 = ({ document, bytes }: { document: DocumentRow; bytes: Uint8Array }) => ({ document, pdfBase64: Buffer.from(bytes).toString('base64') });

export function createDocumentsHandlers(service: DocumentService, db: DbClient, now: () => number = Date.now): HandlersFor<DocumentsMethods> {
  const actorOf = (user: SessionUser): Actor => ({ userId: user.id, at: now() });
  const justification = async (courseId: number) => (await db.call('coverageJustification', courseId)) ?? { texts: {}, saved: null };
  return {
    'documents.list': (input) => db.call('listDocuments', input),
    'documents.generateSessionProtocol': async ({ sessionId, language }, ctx) => withBase64(await service.generateSessionProtocol(actorOf(userOf(ctx)), sessionId, language)),
    'documents.generateCourseReport': async ({ courseId, language }, ctx) => withBase64(await service.generateCourseReport(actorOf(userOf(ctx)), courseId, language)),
    'documents.generateCoverageDossier': async ({ courseId, language }, ctx) => withBase64(await service.generateCoverageDossier(actorOf(userOf(ctx)), courseId, language)),
    'documents.get': async ({ documentId }) => withBase64(await service.stored(documentId)),
    'documents.coverageJustification': ({ courseId }) => justification(courseId),
    'documents.saveCoverageJustification': async ({ courseId, texts }, ctx) => {
      await db.call('saveCoverageJustification', actorOf(userOf(ctx)), courseId, texts as Record<string, string>);
      return justification(courseId);
    },
  };
}
