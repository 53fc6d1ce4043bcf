/**
 * The cost-coverage application draft for a private insurer (§5.5): diagnosis with ICD-10-GM, prior failed therapies,
 * pain over time, treatment plan, GOÄ cost proposal with sources, and the physician's justification fields.
 * Marked as a draft on every page: the physician checks, completes and signs it.
 */
import { fillTemplate } from '../../../core/text';
import type { JustificationTexts } from '../../../core/api/methods/documents';
import { costBlock, type Billing } from './course/costBlock';
import { courseContext, courseSubtitle, diagnosisBlock, patientLine, sessionsTable, type CourseContext, type CourseData } from './course/courseData';
import { outcomeBlock } from './course/outcomeBlock';
import type { CourseRenderOptions } from './courseReport';
import { COURSE_TEXTS } from './courseTexts';
import { formatDateTime, formatNumber } from './format';
import { pageFrame, titleLines } from './frame';
import { PdfWriter } from './pdfWriter';

export interface DossierData extends CourseData {
  billing: Billing;
  justification: { texts: JustificationTexts; saved: { userName: string; at: number } } | null;
}

function planBlock(c: CourseContext): void {
  const { w, C, T, lang } = c;
  const rates = c.details.flatMap((d) => d.prescriptions.map((p) => p.targetMgPerKgPerH));
  const durations = c.view.sessions.flatMap((s) => (s.startedAt !== null && s.stoppedAt !== null ? [(s.stoppedAt - s.startedAt) / 60_000] : []));
  const substance = c.details[0]?.prescription?.substance ?? 'esketamine';
  const range = rates.length ? `${formatNumber(Math.min(...rates), lang, 3)}–${formatNumber(Math.max(...rates), lang, 3)}` : '—';
  const duration = durations.length ? `${formatNumber(Math.min(...durations), lang, 0)}–${formatNumber(Math.max(...durations), lang, 0)} min` : '—';
  w.heading(C.treatmentPlan);
  w.paragraph(fillTemplate(C.planValue, { substance: T.substance[substance] ?? substance, planned: c.view.course.plannedInfusions, kind: T.courseKind[c.view.course.kind] ?? '', doseRange: range, duration }, lang));
  w.paragraph(C.evidenceNote, { color: '#333' });
}

function justificationBlock(c: CourseContext, justification: DossierData['justification']): void {
  const { w, C, lang } = c;
  w.heading(C.justification);
  for (const [field, label] of Object.entries(C.justificationFields)) {
    const text = justification?.texts[field as keyof JustificationTexts]?.trim();
    w.paragraph(label, { bold: true });
    w.paragraph(text || C.toComplete, text ? {} : { color: '#777' });
    w.doc.moveDown(0.4);
  }
  if (justification) w.paragraph(fillTemplate(C.justificationSaved, { by: `${justification.saved.userName}, ${formatDateTime(justification.saved.at, lang)}` }, lang), { color: '#555', size: 8 });
  w.ensureSpace(70);
  w.doc.moveDown(3);
  w.paragraph('_______________________________            _______________________________');
  w.paragraph(C.signatureLine, { size: 8, color: '#555' });
}

export function renderCoverageDossierPdf(data: DossierData, options: CourseRenderOptions): Promise<Uint8Array> {
  const C = COURSE_TEXTS[options.language];
  const w = new PdfWriter({ title: `${C.dossierTitle} – ${data.view.patient.familyName}, ${data.view.patient.givenName}`, language: options.language, fontDir: options.fontDir, createdAt: options.generatedAt });
  const c = courseContext(w, data, options.language);
  titleLines(w.doc, C.dossierTitle, courseSubtitle(c));
  diagnosisBlock(c);
  sessionsTable(c);
  outcomeBlock(c);
  planBlock(c);
  costBlock(c, data.billing);
  justificationBlock(c, data.justification);
  return w.finish(pageFrame({ title: C.dossierTitle, patientLine: patientLine(c), draft: C.dossierDraft, T: c.T, lang: c.lang, generatedAt: options.generatedAt }));
}
