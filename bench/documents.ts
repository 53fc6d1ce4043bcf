/**
 * Documents (issue 14 target: a course of 7 sessions in ≤ 2 s): the course report and the insurer dossier rendered
 * from a course of 7 realistic sessions, and one session protocol with 2.5 h of vitals. Rendering only: reading the
 * data is the courses.view / sessions.review cost measured in bench/sessions.ts. Median of 5 runs after a warm-up.
 */
import { join } from 'node:path';
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
