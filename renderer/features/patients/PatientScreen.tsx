/**
 * One patient: how she is insured, the PVS's requests (planned, or waiting for a course), the treatment courses and
 * the form for a new course (weekly or daily).
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/api/contract';
import type { Course, Insurance, Patient } from '../../../core/api/methods/sessionSchemas';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { ProblemList, problemsOf, useLang } from '../../components/ProblemList';
import { useNav } from '../../stores/navStore';
import { useMay } from '../auth/useMay';
import { NewCourseForm } from '../course/NewCourseForm';
import { dateTime, day, isoDate } from '../../format';
import { InsuranceField } from './InsuranceField';

type PvsRequest = MethodOutput<'gdt.requests'>[number];

export function PatientScreen({ patientId }: { patientId: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const go = useNav((s) => s.go);
  const [patient, setPatient] = useState<Patient | null>(null);
  const [courses, setCourses] = useState<Course[]>([]);
  const [requests, setRequests] = useState<PvsRequest[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const mayCreateCourse = useMay('courses.create');
  const maySetInsurance = useMay('patients.setInsurance');

  const load = useCallback(async () => {
    try {
      const [all, list, open] = await Promise.all([api.call('patients.list', {}), api.call('courses.list', { patientId }), api.call('gdt.requests', {})]);
      setPatient(all.find((p) => p.id === patientId) ?? null);
      setCourses(list);
      setRequests(open.filter((r) => r.patientId === patientId));
    } catch (e) {
      setProblems(problemsOf(e));
    }
  }, [api, patientId]);
  useEffect(() => {
    void load();
    // A course created at another station, or a request from the PVS, appears without a reload (issue 12 item 3).
    const offPatients = api.on('patients.changed', (p) => p.patientId === patientId && void load());
    const offGdt = api.on('gdt.changed', () => void load());
    return () => {
      offPatients();
      offGdt();
    };
  }, [api, load, patientId]);
  const saveInsurance = async (insurance: Insurance) => {
    setProblems([]);
    try {
      setPatient(await api.call('patients.setInsurance', { patientId, insurance }));
    } catch (e) {
      setProblems(problemsOf(e));
    }
  };

  return (
    <main className="page" data-testid="patient-screen">
      <div className="page__head">
        <button className="btn" onClick={() => go({ name: 'patients' })}>
          ← {t('patient.back')}
        </button>
        {patient && (
          <h2>
            {patient.familyName}, {patient.givenName} <span className="muted">{t('patient.born', { date: isoDate(patient.birthDate, lang) })}</span>
          </h2>
        )}
      </div>
      <ProblemList problems={problems} />
      {patient && (
        <div className="row" data-testid="patient-insurance-row">
          {maySetInsurance ? (
            <InsuranceField value={patient.insurance ?? 'unknown'} onChange={(v) => v !== 'unknown' && void saveInsurance(v)} testId="patient-insurance" />
          ) : (
            <p>
              {t('patient.insurance')}: {t(`patient.insurances.${patient.insurance ?? 'unknown'}`)}
            </p>
          )}
        </div>
      )}
      {requests.length > 0 && (
        <ul className="list" data-testid="patient-pvs-requests">
          {requests.map((r) => (
            <li key={r.fileId} className={r.sessionId === null ? 'warn-text' : 'muted'}>
              {r.sessionId === null
                ? t('patient.gdtWaiting', { type: r.recordType, date: dateTime(r.at, lang) })
                : t('patient.gdtPlanned', { type: r.recordType, date: dateTime(r.at, lang), n: r.sessionNumber })}
            </li>
          ))}
        </ul>
      )}
      <div className="page__cols">
        <section className="panel">
          <h3>{t('patient.courses')}</h3>
          {courses.length === 0 ? (
            <p className="muted">{t('patient.noCourses')}</p>
          ) : (
            <ul className="list">
              {courses.map((c) => (
                <li key={c.id}>
                  <button className="list__item" data-testid={`course-${c.id}`} onClick={() => go({ name: 'course', courseId: c.id })}>
                    <strong>{t(`indication.${c.indication}`)}</strong>
                    <span className="muted">
                      {t(c.kind === 'weekly' ? 'course.weeklyShort' : 'course.dailyShort')}, {c.plannedInfusions} ·{' '}
                      {day(c.created.at, lang)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        {mayCreateCourse ? (
          <NewCourseForm patientId={patientId} onCreated={(c) => go({ name: 'course', courseId: c.id })} />
        ) : (
          <p className="panel muted" data-testid="course-by-physician">{t('pending.course')}</p>
        )}
      </div>
    </main>
  );
}
