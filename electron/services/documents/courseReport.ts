/**
 * The course report (issue 14 part 3): indication with ICD-10-GM, prior failed therapies, each session's dose and
 * NRS before/after, the course outcome by the rules of core/course, and the adverse events.
 */
import type { Lang } from '../../../core/text';
import { adverseEventsBlock, outcomeBlock } from './course/outcomeBlock';
import { courseContext, courseSubtitle, diagnosisBlock, patientLine, sessionsTable, type CourseData } from './course/courseData';
import { pageFrame, titleLines } from './frame';
import { PdfWriter } from './pdfWriter';
import { COURSE_TEXTS } from './courseTexts';

export interface CourseRenderOptions {
  language: Lang;
  fontDir: string;
  generatedAt: number;
}

export function renderCourseReportPdf(data: CourseData, options: CourseRenderOptions): Promise<Uint8Array> {
  const title = COURSE_TEXTS[options.language].reportTitle;
  const w = new PdfWriter({ title: `${title} – ${data.view.patient.familyName}, ${data.view.patient.givenName}`, language: options.language, fontDir: options.fontDir, createdAt: options.generatedAt });
  const c = courseContext(w, data, options.language);
  titleLines(w.doc, title, courseSubtitle(c));
  diagnosisBlock(c);
  sessionsTable(c);
  outcomeBlock(c);
  adverseEventsBlock(c);
  return w.finish(pageFrame({ title, patientLine: patientLine(c), T: c.T, lang: c.lang, generatedAt: options.generatedAt }));
}
