/** The course outcome (share of meaningful drops, mean NRS before vs after) and the adverse events of all sessions. */
import { citedSourceText } from '../../../../core/clinic/sourceText';
import { meanPainBeforeAfter } from '../../../../core/course/painTrend';
import { fillTemplate } from '../../../../core/text';
import { formatDateTime, formatNumber } from '../format';
import { rescueText, type RecordedRescue } from '../rescue';
import type { CourseContext } from './courseData';

export function outcomeBlock(c: CourseContext): void {
  const { w, C, lang } = c;
  const trend = c.view.painTrend;
  const rule = c.view.meaningfulDrop;
  const say = (t: string, p: Record<string, string | number>) => fillTemplate(t, p, lang);
  w.heading(C.outcome);
  const mean = meanPainBeforeAfter({ ...trend, sessions: trend.sessions.map((s) => ({ sessionNumber: s.sessionNumber, ...(s.change ? { change: { ...s.change } } : {}) })) });
  if (!mean || trend.meaningfulShare === undefined) {
    w.paragraph(C.noAssessment);
  } else {
    w.paragraph(say(C.meaningfulShare, { m: trend.meaningfulSessions, n: trend.assessedSessions, share: formatNumber(trend.meaningfulShare * 100, lang, 0) }), { bold: true });
    w.paragraph(say(C.meanBeforeAfter, { before: formatNumber(mean.before, lang, 1), after: formatNumber(mean.after, lang, 1), n: mean.sessions }), { bold: true });
  }
  if (trend.course) {
    w.paragraph(say(C.courseChange, { from: formatNumber(trend.course.from, lang, 1), to: formatNumber(trend.course.to, lang, 1), points: formatNumber(trend.course.dropPoints, lang, 1) }));
  }
  w.paragraph(say(C.rule, { points: rule.minPoints, percent: rule.minPercent, source: citedSourceText(rule.source, lang) }), { color: '#555', size: 8 });
}

export function adverseEventsBlock(c: CourseContext): void {
  const { w, T, C, lang } = c;
  w.heading(C.adverse);
  const rows = c.details.flatMap((d) =>
    d.observations
      .filter((o) => o.observation.kind === 'adverseEvent')
      .map((o) => {
        const rescue = o.observation.rescueMedication as RecordedRescue | undefined;
        return [
          String(d.session.sessionNumber),
          formatDateTime(o.observation.at, lang),
          T.severity[String(o.observation.severity)] ?? String(o.observation.severity),
          String(o.observation.description ?? ''),
          rescue ? rescueText(rescue, lang) : '—',
        ];
      }),
  );
  const cols = C.adverseColumns;
  w.table(cols.map((header, i) => ({ header, width: [40, 80, 50, 200, 120][i]! })), rows, { emptyText: C.none });
}
