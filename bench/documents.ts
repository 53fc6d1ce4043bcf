/**
 * Documents (issue 14 target: a course of 7 sessions in ≤ 2 s): the course report and the insurer dossier rendered
 * from a course of 7 realistic sessions, and one session protocol with 2.5 h of vitals. Rendering only: reading the
 * data is the courses.view / sessions.review cost measured in bench/sessions.ts. Median of 5 runs after a warm-up.
 * And the whole generation as the app does it (benchGeneration): one course of 7 signed sessions with 2 h of 1 Hz
 * vitals each, written through the DB layer; read through the database worker, rendered and stored.
 */
import { join } from 'node:path';
import { DbClient } from '../db/client';
import { createDocumentService } from '../electron/services/documents/documentService';
import { EventBus } from '../electron/services/eventBus';
import { createSessionHandlers } from '../electron/services/session/handlers';
import { tempDir, TEST_AUDIT_KEY } from '../tests/helpers/tempDir';
import { DB_WORKER, fill } from './sessions';
import type { CourseData } from '../electron/services/documents/course/courseData';
import { renderCourseReportPdf } from '../electron/services/documents/courseReport';
import { renderCoverageDossierPdf } from '../electron/services/documents/coverageDossier';
import { renderSessionProtocolPdf } from '../electron/services/documents/sessionProtocol';
import { reviewFixture } from '../tests/documents/reviewFixture';
import type { BenchRow } from './storage';

const fontDir = join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');
const options = { language: 'de' as const, fontDir, generatedAt: Date.UTC(2026, 2, 7, 14) };

function courseOf7(): CourseData {
  const details = Array.from({ length: 7 }, (_, i) => reviewFixture({ signed: true, sessionNumber: i + 1, extraObservations: 10 }).detail);
  const first = details[0]!;
  return {
    details,
    view: {
      course: { ...first.course, plannedInfusions: 7 },
      patient: first.patient,
      sessions: details.map((d) => d.session),
      painTrend: {
        sessions: details.map((d) => ({ sessionNumber: d.session.sessionNumber, change: { from: 7, to: 3, dropPoints: 4, dropPercent: 57, meaningful: true } })),
        course: { from: 7, to: 5, dropPoints: 2, dropPercent: 29, meaningful: true },
        assessedSessions: 7,
        meaningfulSessions: 7,
        meaningfulShare: 1,
      },
      meaningfulDrop: { minPoints: 2, minPercent: 30, source: 'bench' },
    },
  };
}

async function median(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[2]!;
}

export async function benchDocuments(): Promise<BenchRow[]> {
  const course = courseOf7();
  const billing = { items: [1, 5, 602, 650], factor: 2.3, itemsSource: 'bench', factorSource: 'bench' };
  const review = reviewFixture({ signed: true, amended: true });
  const report = await median(() => renderCourseReportPdf(course, options));
  const dossier = await median(() => renderCoverageDossierPdf({ ...course, billing, justification: null }, options));
  const protocol = await median(() => renderSessionProtocolPdf(review, options));
  return [
    { name: 'course report, 7 sessions (render)', value: report, unit: 'ms', target: '≤ 2000 ms' },
    { name: 'cost-coverage dossier, 7 sessions (render)', value: dossier, unit: 'ms', target: '≤ 2000 ms' },
    { name: 'session protocol, 2.5 h vitals at 30 s (render)', value: protocol, unit: 'ms', target: '≤ 2000 ms' },
  ];
}

/** The documents service on a real database of one course of 7 signed sessions: read, render, store. */
export async function benchGeneration(): Promise<BenchRow[]> {
  const dir = tempDir('infusion-bench-documents-');
  try {
    const file = join(dir.path, 'clinic.sqlite');
    const { sessionIds, courseIds } = fill(file, dir.path, 7, 7);
    const db = await DbClient.open(DB_WORKER, file, { auditKey: TEST_AUDIT_KEY });
    try {
      const handlers = createSessionHandlers({ db, bus: new EventBus(), verifyPassword: async () => true });
      const internal = { clientId: 'bench', user: null };
      const service = createDocumentService({
        db,
        review: async (sessionId) => handlers['sessions.review']({ sessionId }, internal),
        courseView: async (courseId) => handlers['courses.view']({ courseId }, internal),
        sessionDetail: async (sessionId) => handlers['sessions.get']({ sessionId }, internal),
        fontDir,
      });
      const actor = () => ({ userId: 2, at: Date.now() });
      const courseId = courseIds[0]!;
      // The cost-coverage application is for a private patient only.
      await db.call('setInsurance', actor(), (await db.call('getCourse', courseId))!.patientId, 'private', 'form');
      const report = await median(() => service.generateCourseReport(actor(), courseId, 'de'));
      const dossier = await median(() => service.generateCoverageDossier(actor(), courseId, 'de'));
      const protocol = await median(() => service.generateSessionProtocol(actor(), sessionIds[0]!, 'de'));
      const pages = (bytes: Uint8Array) => (Buffer.from(bytes).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
      const sample = await service.generateCourseReport(actor(), courseId, 'de');
      return [
        { name: 'course report, 7 signed sessions (read + render + store)', value: report, unit: 'ms', target: '≤ 2000 ms', detail: `${pages(sample.bytes)} page(s), ${sample.bytes.length} bytes` },
        { name: 'cost-coverage dossier, 7 sessions (read + render + store)', value: dossier, unit: 'ms', target: '≤ 2000 ms' },
        { name: 'session protocol, 2 h vitals at 1 Hz (read + render + store)', value: protocol, unit: 'ms', target: '≤ 2000 ms' },
      ];
    } finally {
      await db.close();
    }
  } finally {
    dir.remove();
  }
}

// Run on its own: node --import tsx bench/documents.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of [...(await benchDocuments()), ...(await benchGeneration())]) {
    console.log(`${r.name.padEnd(64)} ${r.value.toFixed(0).padStart(6)} ${r.unit} ${r.target ? `(target ${r.target})` : ''} ${r.detail ?? ''}`);
  }
}
