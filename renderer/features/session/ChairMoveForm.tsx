/**
 * "Platz wechseln" before the infusion starts (issue 14 follow-up): the patient sits where a chair is free on the
 * day. The server refuses an occupied chair or a started infusion and says why.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chair } from '../../../core/api/schemas';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { SelectField } from '../../components/Field';
import { ProblemList } from '../../components/ProblemList';
import type { SessionHandle } from './useSession';

export function ChairMoveForm({ handle }: { handle: SessionHandle }) {
  const { t } = useTranslation();
  const api = useApi();
  const session = handle.detail!.session;
  const [chairs, setChairs] = useState<Chair[]>([]);
  const [target, setTarget] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  useEffect(() => {
    let alive = true;
    api
      .call('chairs.list', {})
      .then((list) => alive && setChairs(list))
      .catch(() => {});
    return () => {
      alive = false;
    };
  }, [api]);
  const others = chairs.filter((c) => c.id !== session.chairId);
  const chosen = others.some((c) => String(c.id) === target) ? target : String(others[0]?.id ?? '');
  if (others.length === 0) return null;
  return (
    <form
      className="subform inline-form"
      data-testid="move-chair-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setProblems(await handle.run('sessions.moveChair', { sessionId: session.id, chairId: Number(chosen) }));
      }}
    >
      <SelectField label={t('session.moveChairTo')} value={chosen} options={others.map((c) => ({ value: String(c.id), label: c.name }))} onChange={setTarget} testId="move-chair-select" />
      <button type="submit" className="btn" data-testid="move-chair-button">
        {t('session.moveChair')}
      </button>
      <ProblemList problems={problems} title={t('session.refused')} />
    </form>
  );
}
