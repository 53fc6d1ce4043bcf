/** What the course documents draw from: the course screen's view plus each session's record (no vitals). */
import type { MethodOutput } from '../../../../core/api/contract';
import { INDICATION_LABELS } from '../../../../core/course/indication';
import { fillTemplate, type Lang } from '../../../../core/text';
import { COURSE_TEXTS, type CourseTexts } from '../courseTexts';
import { formatDate, formatIsoDate, formatNumber, formatPvsNumbers, type PvsNumber } from '../format';
import type { PdfWriter } from '../pdfWriter';
import { DOCUMENT_TEXTS, type DocumentTexts } from '../texts';

export interface CourseData {
  view: MethodOutput<'courses.view'>;
  details: MethodOutput<'sessions.get'>[];
  /** The patient's numbers in the practice systems (GDT 3000). */
  pvsNumbers?: readonly PvsNumber[];
}

export interface CourseContext extends CourseData {
  w: PdfWriter;
  lang: Lang;
  T: DocumentTexts;
  C: CourseTexts;
}

export function courseContext(w: PdfWriter, data: CourseData, lang: Lang): CourseContext {
  return { ...data, w, lang, T: DOCUMENT_TEXTS[lang], C: COURSE_TEXTS[lang] };
}

export function patientLine(c: CourseContext): string {
  const p = c.view.patient;
  return `${p.familyName}, ${p.givenName} (* ${formatIsoDate(p.birthDate, c.lang)})`;
}

export function courseSubtitle(c: CourseContext): string {
  const course = c.view.course;
  const done = c.view.sessions.filter((s) => s.status === 'discharged' || s.status === 'transferred').length;
  return fillTemplate(c.C.courseLine, { indication: INDICATION_LABELS[course.indication][c.lang], kind: c.T.courseKind[course.kind] ?? course.kind, done, planned: course.plannedInfusions }, c.lang);
}

/** Patient, diagnosis with ICD-10-GM and evidence grade, and the prior therapies that failed. */
export function diagnosisBlock(c: CourseContext): void {
  const { w, T, C, lang } = c;
  const p = c.view.patient;
  const course = c.view.course;
  w.heading(T.patient);
  w.keyValues([
    [T.name, `${p.familyName}, ${p.givenName}`],
    [T.birthDate, formatIsoDate(p.birthDate, lang)],
    [T.patientNumber, String(p.id)],
    [T.pvsNumber, formatPvsNumbers(c.pvsNumbers)],
  ]);
  w.heading(C.diagnosis);
  w.keyValues([
    [T.indication, INDICATION_LABELS[course.indication][lang]],
    [T.icd10, course.icd10 ?? '—'],
    [T.evidence, course.evidenceGrade ?? '—'],
    [T.plannedInfusions, `${course.plannedInfusions} (${T.courseKind[course.kind] ?? course.kind}), ${formatDate(course.created.at, lang)}`],
  ]);
  w.paragraph(T.priorTherapies, { bold: true });
  w.table(
    [{ header: C.priorColumns[0]!, width: 200 }, { header: C.priorColumns[1]!, width: 290 }],
    course.priorFailedTherapies.map((t) => [t.therapy, t.outcome ?? '—']),
    { emptyText: C.none },
  );
}

/** Per session: date, dose and NRS before/after with the drop, as the course view computes it (core/course). */
export function sessionsTable(c: CourseContext): void {
  const { w, T, C, lang } = c;
  const trend = new Map(c.view.painTrend.sessions.map((s) => [s.sessionNumber, s.change]));
  w.heading(C.sessions);
  const cols = C.sessionColumns;
  w.table(
    cols.map((header, i) => ({ header, width: [24, 54, 62, 42, 38, 38, 38, 56, 56, 82][i]!, ...(i >= 3 && i <= 7 ? { align: 'right' as const } : {}) })),
    c.view.sessions.map((s) => {
      const change = trend.get(s.sessionNumber);
      return [
        String(s.sessionNumber),
        formatDate(s.startedAt ?? s.plannedFor, lang),
        T.statusNames[s.status] ?? s.status,
        formatNumber(s.totalMg, lang, 1),
        formatNumber(s.mgPerKg, lang, 3),
        formatNumber(s.nrsBefore, lang, 1),
        formatNumber(s.nrsAfter, lang, 1),
        change ? `${formatNumber(change.dropPoints, lang, 1)} (${formatNumber(change.dropPercent, lang, 0)} %)` : '—',
        change ? (change.meaningful ? T.yes : T.no) : '—',
        s.signed ? `${s.signed.userName}` : T.no,
      ];
    }),
    { emptyText: C.none },
  );
}
