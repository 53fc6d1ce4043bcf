/** The physician's medical justification texts of the cost-coverage application: stored, printed in the dossier. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/api/contract';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { ProblemList, problemsOf, useLang } from '../../components/ProblemList';
import { dateTime } from '../../format';
import { useAuth } from '../../stores/authStore';

type Justification = MethodOutput<'documents.coverageJustification'>;
const FIELDS = ['medicalNecessity', 'treatmentPlan', 'expectedOutcome', 'stopCriteria'] as const;

export function JustificationForm({ courseId }: { courseId: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const physician = useAuth((s) => s.status?.user?.role === 'physician');
  const [current, setCurrent] = useState<Justification | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  useEffect(() => {
    api
      .call('documents.coverageJustification', { courseId })
      .then((j) => {
        setCurrent(j);
        setTexts({ ...j.texts } as Record<string, string>);
      })
      .catch((e) => setProblems(problemsOf(e)));
  }, [api, courseId]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      setCurrent(await api.call('documents.saveCoverageJustification', { courseId, texts }));
      setProblems([]);
    } catch (err) {
      setProblems(problemsOf(err));
    }
  };

  return (
    <form className="form" onSubmit={save} data-testid="justification-form">
      <h4>{t('documents.justification.title')}</h4>
      {!physician && <p className="muted">{t('documents.justification.physicianOnly')}</p>}
      {FIELDS.map((f) => (
        <label key={f} className="field">
          <span>{t(`documents.justification.${f}`)}</span>
          <textarea value={texts[f] ?? ''} rows={3} maxLength={4000} disabled={!physician} onChange={(e) => setTexts({ ...texts, [f]: e.target.value })} data-testid={`justification-${f}`} />
        </label>
      ))}
      {current?.saved && <p className="muted">{t('documents.justification.saved', { name: current.saved.userName, at: dateTime(current.saved.at, lang) })}</p>}
      <ProblemList problems={problems} />
      {physician && (
        <button type="submit" className="btn btn--primary" data-testid="justification-save">
          {t('documents.justification.save')}
        </button>
      )}
    </form>
  );
}
