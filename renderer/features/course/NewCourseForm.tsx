/** A new treatment course: weekly (3–6 infusions) or daily (3–7 days), indication, prior failed therapies. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Course } from '../../../core/api/methods/sessionSchemas';
import { isPainIndication, PAIN_EVIDENCE, PAIN_INDICATIONS, PSYCHIATRIC_INDICATIONS, type Indication } from '../../../core/course/indication';
import { CLINIC_DEFAULTS } from '../../../core/clinic/defaults';
import { sourceText } from '../../../core/clinic/sourceText';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { SelectField, TextField } from '../../components/Field';
import { ProblemList, problemsOf, useLang } from '../../components/ProblemList';

/** "Pregabalin – no effect" → { therapy, outcome }. */
function parseTherapies(text: string): { therapy: string; outcome?: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const [therapy, ...rest] = line.split(/\s[–-]\s/);
      const outcome = rest.join(' – ').trim();
      return outcome ? { therapy: therapy!.trim(), outcome } : { therapy: therapy!.trim() };
    });
}

export function NewCourseForm({ patientId, onCreated }: { patientId: number; onCreated(c: Course): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const [kind, setKind] = useState<'weekly' | 'daily'>('weekly');
  const [planned, setPlanned] = useState('6');
  const [indication, setIndication] = useState<Indication>('crps');
  const [icd10, setIcd] = useState('');
  const [psychiatrist, setPsychiatrist] = useState('');
  const [prior, setPrior] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const range =
    kind === 'weekly'
      ? [CLINIC_DEFAULTS.weeklyCourseMinInfusions, CLINIC_DEFAULTS.weeklyCourseMaxInfusions]
      : [CLINIC_DEFAULTS.dailyCourseMinDays, CLINIC_DEFAULTS.dailyCourseMaxDays];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const course = await api.call('courses.create', {
        patientId,
        kind,
        plannedInfusions: Number(planned),
        indication,
        ...(icd10.trim() ? { icd10: icd10.trim() } : {}),
        ...(!isPainIndication(indication) && psychiatrist.trim() ? { psychiatristAttestation: { psychiatrist: psychiatrist.trim(), at: Date.now() } } : {}),
        priorFailedTherapies: parseTherapies(prior),
      });
      onCreated(course);
    } catch (err) {
      setProblems(problemsOf(err));
    }
  };

  const options = [...PAIN_INDICATIONS, ...PSYCHIATRIC_INDICATIONS].map((i) => ({
    value: i as Indication,
    label: isPainIndication(i) ? `${t(`indication.${i}`)} (${PAIN_EVIDENCE[i].grade})` : t(`indication.${i}`),
  }));

  return (
    <form className="panel form" onSubmit={submit} data-testid="new-course">
      <h3>{t('course.newTitle')}</h3>
      <SelectField
        label={t('course.kind')}
        value={kind}
        testId="course-kind"
        options={[
          { value: 'weekly', label: t('course.weekly') },
          { value: 'daily', label: t('course.daily') },
        ]}
        onChange={(k) => {
          setKind(k);
          setPlanned(k === 'weekly' ? '6' : '5');
        }}
      />
      <TextField
        label={t('course.plannedInfusions')}
        type="number"
        value={planned}
        onChange={setPlanned}
        testId="course-planned"
        hint={`${range[0]!.value}–${range[1]!.value} · ${sourceText(range[0]!.source, lang)}`}
      />
      <SelectField<Indication> label={t('course.indication')} value={indication} options={options} onChange={setIndication} testId="course-indication" />
      {!isPainIndication(indication) && (
        <>
          <p className="warn-text">{t('course.psychiatric')}</p>
          <TextField label={t('course.psychiatrist')} value={psychiatrist} onChange={setPsychiatrist} testId="course-psychiatrist" />
        </>
      )}
      <TextField label={t('course.icd10')} value={icd10} onChange={setIcd} testId="course-icd" />
      <label className="field">
        <span className="field__label">{t('course.priorTherapies')}</span>
        <textarea className="input" rows={3} value={prior} onChange={(e) => setPrior(e.target.value)} data-testid="course-prior" />
      </label>
      <ProblemList problems={problems} title={t('session.refused')} testId="course-problems" />
      <button type="submit" className="btn btn--primary" data-testid="course-create">
        {t('course.create')}
      </button>
    </form>
  );
}
