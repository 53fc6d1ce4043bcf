/** A course: plan, indication, pain trend (e.g. 7,5 → 3,4) with the share of meaningful sessions, sessions, and planning the next one. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseView } from '../../../core/api/methods/sessionSchemas';
import { sourceText } from '../../../core/clinic/sourceText';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { DateTimeField } from '../../components/DateFields';
import { SelectField, TextField } from '../../components/Field';
import { ProblemList, problemsOf, useLang } from '../../components/ProblemList';
import { useLiveStore } from '../../stores/liveStore';
import { useNav } from '../../stores/navStore';
import { useMay } from '../auth/useMay';
import { dateTime, fromLocalInput, isoDate, num, toLocalInput } from '../../format';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { StatusBadge } from '../session/StatusBadge';
import { PainTrendChart } from './PainTrendChart';
import { coalesce } from '../../api/coalesce';

export function CourseScreen({ courseId }: { courseId: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const go = useNav((s) => s.go);
  const lang = useLang();
  const [view, setView] = useState<CourseView | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const mayPlan = useMay('sessions.plan');

  const load = useCallback(async () => {
    try {
      setView(await api.call('courses.view', { courseId }));
    } catch (e) {
      setProblems(problemsOf(e));
    }
  }, [api, courseId]);
  useEffect(() => {
    void load();
    // Sessions planned, run or signed at another station change this course's list and trend (issue 12 item 3).
    const reload = coalesce(load);
    const offSessions = api.on('session.changed', reload);
    const offCourse = api.on('patients.changed', (p) => p.courseId === courseId && reload());
    return () => {
      offSessions();
      offCourse();
    };
  }, [api, load, courseId]);

  if (!view) return <main className="page"><ProblemList problems={problems} /></main>;
  const { course, patient, sessions, painTrend, meaningfulDrop } = view;
  const done = sessions.filter((s) => s.status === 'discharged').length;
  return (
    <main className="page" data-testid="course-screen">
      <div className="page__head">
        <button className="btn" onClick={() => go({ name: 'patient', patientId: patient.id })}>
          ← {patient.familyName}, {patient.givenName}
        </button>
        <h2>{t('course.title', { indication: t(`indication.${course.indication}`) })}</h2>
      </div>
      <p className="lead">
        {t('course.summary', { kind: t(course.kind === 'weekly' ? 'course.weeklyShort' : 'course.dailyShort'), planned: course.plannedInfusions, done })}
        {course.evidenceGrade && <span className="chip chip--evidence">{t('course.evidence', { grade: course.evidenceGrade })}</span>}
        {course.icd10 && <span className="chip">{course.icd10}</span>}
        {course.psychiatristAttestation && <span className="chip">{t('course.attestation', { name: course.psychiatristAttestation.psychiatrist })}</span>}
      </p>
      {course.priorFailedTherapies.length > 0 && (
        <p className="muted">
          {t('course.prior')}: {course.priorFailedTherapies.map((p) => (p.outcome ? `${p.therapy} (${p.outcome})` : p.therapy)).join('; ')}
        </p>
      )}
      <div className="page__cols">
        <section className="panel" data-testid="pain-trend">
          <h3>{t('course.painTrend')}</h3>
          {painTrend.course ? (
            <div className="pain-trend__big" data-testid="pain-trend-course">
              {num(painTrend.course.from, lang, 1)} → {num(painTrend.course.to, lang, 1)}
              {painTrend.course.meaningful && <span className="chip chip--ok">−{num(painTrend.course.dropPoints, lang, 1)}</span>}
            </div>
          ) : (
            <p className="muted">{t('course.painTrendNone')}</p>
          )}
          {painTrend.meaningfulShare !== undefined && (
            <p data-testid="pain-trend-share">
              {t('course.meaningfulShare', {
                meaningful: painTrend.meaningfulSessions,
                assessed: painTrend.assessedSessions,
                percent: num(painTrend.meaningfulShare * 100, lang, 0),
              })}
            </p>
          )}
          <p className="source">
            {t('course.meaningfulRule', { points: meaningfulDrop.minPoints, percent: meaningfulDrop.minPercent, source: sourceText(meaningfulDrop.source, lang) })}
          </p>
          <PainTrendChart sessions={sessions} />
        </section>
        {mayPlan && <PlanSessionForm courseId={courseId} onPlanned={(id) => go({ name: 'session', sessionId: id })} />}
      </div>
      <section className="panel">
        <h3>{t('course.sessions')}</h3>
        <table className="table" data-testid="course-sessions">
          <thead>
            <tr>
              <th>{t('course.sessionNo')}</th>
              <th>{t('course.date')}</th>
              <th>{t('course.chair')}</th>
              <th>{t('course.status')}</th>
              <th>{t('course.nrsBeforeAfter')}</th>
              <th>{t('course.dose')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => {
              const change = painTrend.sessions.find((p) => p.sessionNumber === s.sessionNumber)?.change;
              return (
                <tr key={s.id}>
                  <td>{s.sessionNumber}</td>
                  <td>{dateTime(s.startedAt ?? s.plannedFor, lang)}</td>
                  <td>{s.chairName}</td>
                  <td>
                    <StatusBadge status={s.status} />
                  </td>
                  <td>
                    {num(s.nrsBefore, lang, 1)} → {num(s.nrsAfter, lang, 1)} {change?.meaningful && <span className="chip chip--ok">✓</span>}
                  </td>
                  <td>{s.totalMg === null ? '–' : `${num(s.totalMg, lang, 1)} mg · ${num(s.mgPerKg, lang, 3)} mg/kg`}</td>
                  <td>
                    <button className="btn" data-testid={`open-session-${s.sessionNumber}`} onClick={() => go({ name: 'session', sessionId: s.id })}>
                      {t('course.open')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <DocumentsPanel owner={{ courseId, insurance: patient.insurance }} />
      <p className="muted">{isoDate(patient.birthDate, lang)}</p>
    </main>
  );
}

function PlanSessionForm({ courseId, onPlanned }: { courseId: number; onPlanned(sessionId: number): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const chairs = Object.values(useLiveStore((s) => s.chairs));
  const [chairId, setChairId] = useState<string>('');
  const [at, setAt] = useState(() => toLocalInput(Date.now()));
  const [problems, setProblems] = useState<Problem[]>([]);
  const chosen = chairId || String(chairs[0]?.id ?? '');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      // A wrong or empty time is named next to its field; nothing is planned for a time nobody chose.
      const plannedFor = fromLocalInput(at);
      if (plannedFor === undefined) return;
      const d = await api.call('sessions.plan', { courseId, chairId: Number(chosen), plannedFor });
      onPlanned(d.session.id);
    } catch (err) {
      setProblems(problemsOf(err));
    }
  };
  return (
    <form className="panel form" onSubmit={submit} data-testid="plan-session">
      <h3>{t('course.plan')}</h3>
      <SelectField
        label={t('course.planChair')}
        value={chosen}
        testId="plan-chair"
        options={chairs.map((c) => ({ value: String(c.id), label: c.name }))}
        onChange={setChairId}
      />
      <DateTimeField label={t('course.planAt')} value={at} onChange={setAt} required testId="plan-at" />
      <ProblemList problems={problems} title={t('session.refused')} />
      <button type="submit" className="btn btn--primary" data-testid="plan-submit">
        {t('course.plan')}
      </button>
    </form>
  );
}
