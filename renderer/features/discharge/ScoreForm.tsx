/**
 * The discharge score with the scale's exact items (PADSS, modified PADSS, modified Aldrete). On the configured scale
 * it saves itself once every item is answered, and again on each later change until the discharge (issue 12: one
 * click less; each save is the MFA's own audited entry). Another scale needs its reason, so it keeps its button.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DISCHARGE_SCALES, DISCHARGE_SCALES_LIST, type DischargeScale } from '../../../core/session/scales';
import type { Problem } from '../../../core/settings';
import { SelectField, TextField } from '../../components/Field';
import { hhmm } from '../../format';
import { ProblemList, useLang } from '../../components/ProblemList';
import { LevelPicker } from '../session/LevelPicker';
import { settingSource } from '../session/settingValue';
import { useClinicSettings } from '../session/useClinicSettings';
import type { SessionHandle } from '../session/useSession';

export function ScoreForm({ handle }: { handle: SessionHandle }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = useClinicSettings();
  const detail = handle.detail!;
  const recorded = detail.discharge.score;
  const [scale, setScale] = useState<DischargeScale | ''>(recorded?.scale ?? '');
  const chosen: DischargeScale = scale || detail.discharge.configuredScale;
  const [answers, setAnswers] = useState<Record<string, number>>(recorded && recorded.scale === chosen ? recorded.answers : {});
  const [problems, setProblems] = useState<Problem[]>([]);
  const [otherScaleReason, setOtherScaleReason] = useState('');
  const configured = detail.discharge.configuredScale;
  const def = DISCHARGE_SCALES[chosen];
  const total = Object.values(answers).reduce((a, b) => a + b, 0);

  const record = async (given: Record<string, number>) => {
    const reason = chosen !== configured && otherScaleReason.trim() ? { otherScaleReason } : {};
    setProblems(await handle.run('discharge.recordScore', { sessionId: detail.session.id, scale: chosen, answers: given, ...reason }));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await record(answers);
  };
  const answer = (itemId: string, points: number) => {
    const next = { ...answers, [itemId]: points };
    setAnswers(next);
    if (chosen === configured && def.items.every((i) => next[i.id] !== undefined)) void record(next);
  };
  return (
    <form className="subform" onSubmit={submit} data-testid="score-form">
      <h4>{t('discharge.score')}</h4>
      <SelectField<DischargeScale>
        label={t('discharge.scale')}
        value={chosen}
        testId="score-scale"
        hint={settingSource(rows, 'dischargeScale', lang)}
        options={DISCHARGE_SCALES_LIST.map((s) => ({ value: s, label: DISCHARGE_SCALES[s][lang] }))}
        onChange={(s) => {
          setScale(s);
          setAnswers({});
        }}
      />
      {chosen !== configured && (
        <TextField
          label={t('dischargeScale.otherReason', { scale: DISCHARGE_SCALES[configured][lang] })}
          value={otherScaleReason}
          onChange={setOtherScaleReason}
          testId="score-other-scale-reason"
        />
      )}
      {def.items.map((item) => (
        <LevelPicker
          key={item.id}
          label={item[lang]}
          levels={item.options}
          value={answers[item.id]}
          onChange={(points) => answer(item.id, points)}
          testId={`score-item-${item.id}`}
        />
      ))}
      <p className="score-total" data-testid="score-total">
        {total} / {def.maxPoints}
      </p>
      {recorded && (
        <p className="ok-text" data-testid="score-recorded">
          ✓{' '}
          {t('discharge.scoreSaved', {
            score: t('discharge.scoreTotal', { total: recorded.total, max: recorded.maxPoints, threshold: recorded.threshold }),
            name: recorded.recorded.userName,
            time: hhmm(recorded.recorded.at),
          })}
        </p>
      )}
      <ProblemList problems={problems} title={t('session.refused')} testId="score-refusal" />
      {chosen !== configured && (
        <button type="submit" className="btn btn--primary" data-testid="score-save">
          {t('discharge.recordScore')}
        </button>
      )}
    </form>
  );
}
