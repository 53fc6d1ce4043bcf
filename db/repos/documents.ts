/**
 * Generated documents with their bytes (a reprint returns exactly these bytes) and the dossier's justification
 * texts. The SHA-256 is computed here from the bytes being stored, so the listed hash is the stored file's.
 */
import { createHash } from 'node:crypto';
import type { AuditLog } from '../audit';
import type { DB } from '../open';
import type { StampRow } from './patients';
import type { Actor } from './users';

export type DocumentKind = 'sessionProtocol' | 'sessionProtocolDraft' | 'courseReport' | 'coverageDossier';

export interface DocumentRow {
  id: number;
  kind: DocumentKind;
  sessionId: number | null;
  /** The session's number in its course (a course's list holds the protocols of all its sessions). */
  sessionNumber: number | null;
  courseId: number | null;
  language: 'de' | 'en';
  sha256: string;
  sizeBytes: number;
  created: StampRow;
}

export interface NewDocument {
  kind: DocumentKind;
  sessionId?: number;
  courseId?: number;
  language: 'de' | 'en';
  bytes: Uint8Array;
}

const COLUMNS = `d.id, d.kind, d.session_id AS sessionId, d.course_id AS courseId, d.language, d.sha256, length(d.bytes) AS sizeBytes,
  (SELECT s.session_number FROM infusion_sessions s WHERE s.id = d.session_id) AS sessionNumber,
  d.created_at AS at, d.created_by AS userId, u.display_name AS userName`;

type Raw = Omit<DocumentRow, 'created'> & { at: number; userId: number; userName: string };
const toRow = ({ at, userId, userName, ...r }: Raw): DocumentRow => ({ ...r, created: { userId, userName, at } });

export function createDocumentsRepo(db: DB, audit: AuditLog) {
  const insert = db.prepare(`INSERT INTO documents (kind, session_id, course_id, language, created_at, created_by, sha256, bytes)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM documents d JOIN users u ON u.id = d.created_by WHERE d.id = ?`);
  const bytesOf = db.prepare('SELECT bytes FROM documents WHERE id = ?').pluck();
  const ofSession = db.prepare(`SELECT ${COLUMNS} FROM documents d JOIN users u ON u.id = d.created_by WHERE d.session_id = ? ORDER BY d.id DESC`);
  const ofCourse = db.prepare(`SELECT ${COLUMNS} FROM documents d JOIN users u ON u.id = d.created_by
    WHERE d.course_id = ? OR d.session_id IN (SELECT id FROM infusion_sessions WHERE course_id = ?) ORDER BY d.id DESC`);
  const insertJustification = db.prepare('INSERT INTO coverage_justifications (course_id, texts, saved_at, saved_by) VALUES (?, ?, ?, ?)');
  const latestJustification = db.prepare(`SELECT j.texts, j.saved_at AS at, j.saved_by AS userId, u.display_name AS userName
    FROM coverage_justifications j JOIN users u ON u.id = j.saved_by WHERE j.course_id = ? ORDER BY j.id DESC LIMIT 1`);

  return {
    storeDocument: db.transaction((actor: Actor, doc: NewDocument): DocumentRow => {
      const bytes = Buffer.from(doc.bytes);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const id = Number(insert.run(doc.kind, doc.sessionId ?? null, doc.courseId ?? null, doc.language, actor.at, actor.userId, sha256, bytes).lastInsertRowid);
      audit.append({
        at: actor.at,
        userId: actor.userId,
        action: 'document.generated',
        entity: 'document',
        entityId: id,
        detail: { kind: doc.kind, sessionId: doc.sessionId ?? null, courseId: doc.courseId ?? null, language: doc.language, sha256, sizeBytes: bytes.length },
      });
      return toRow(byId.get(id) as Raw);
    }),
    listDocuments(filter: { sessionId: number } | { courseId: number }): DocumentRow[] {
      const rows = 'sessionId' in filter ? ofSession.all(filter.sessionId) : ofCourse.all(filter.courseId, filter.courseId);
      return (rows as Raw[]).map(toRow);
    },
    /** The stored document and its bytes, exactly as generated; null when there is none with this id. */
    storedDocument(id: number): { document: DocumentRow; bytes: Uint8Array } | null {
      const row = byId.get(id) as Raw | undefined;
      if (!row) return null;
      return { document: toRow(row), bytes: new Uint8Array(bytesOf.get(id) as Buffer) };
    },
    saveCoverageJustification: db.transaction((actor: Actor, courseId: number, texts: Record<string, string>) => {
      const id = Number(insertJustification.run(courseId, JSON.stringify(texts), actor.at, actor.userId).lastInsertRowid);
      audit.append({ at: actor.at, userId: actor.userId, action: 'coverage.justificationSaved', entity: 'course', entityId: courseId, detail: { id, fields: Object.keys(texts) } });
    }),
    coverageJustification(courseId: number): { texts: Record<string, string>; saved: StampRow } | null {
      const r = latestJustification.get(courseId) as { texts: string; at: number; userId: number; userName: string } | undefined;
      return r ? { texts: JSON.parse(r.texts) as Record<string, string>, saved: { userId: r.userId, userName: r.userName, at: r.at } } : null;
    },
  };
}
