/**
 * "Platz wechseln" before the infusion starts (issue 14 follow-up): the patient sits where a chair is free on the
 * day. Chairs with a seated patient are marked and listed last, a free one is chosen first; the server still refuses
 * an occupied chair or a started infusion and says why (another station may seat someone meanwhile).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../core/api/methods/sessionSchemas';
import type { Chair } from '../../../core/api/schemas';
import { SEATED_STATUSES } from '../../../core/session/stateMachine';
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
  const [seated, setSeated] = useState<SessionSummary[]>([]);
  const [target, setTarget] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  useEffect(() => {
    let alive = true;
    // Again after every change of this session (the handle's detail follows session.changed of any station).
    Promise.all([api.call('chairs.list', {}), api.call('sessions.list', { statuses: [...SEATED_STATUSES] })])
      .then(([list, sessions]) => {
        if (!alive) return;
        setChairs(list);
        setSeated(sessions.filter((x) => x.id !== session.id));
      })
      .catch(() => {});
    return () => {
      alive = false;
    };
  }, [api, handle.detail, session.id]);
  const occupant = (chairId: number) => seated.find((x) => x.chairId === chairId);
  const others = chairs.filter((c) => c.id !== session.chairId).sort((a, b) => Number(!!occupant(a.id)) - Number(!!occupant(b.id)) || a.id - b.id);
  const chosen = others.some((c) => String(c.id) === target) ? target : String(others[0]?.id ?? '');
  if (others.length === 0) return null;
  const label = (c: Chair) => {
    const o = occupant(c.id);
    return o ? t('session.moveChairOccupied', { chair: c.name, patient: o.patientName }) : c.name;
  };
  return (
    <form
      className="subform inline-form"
      data-testid="move-chair-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setProblems(await handle.run('sessions.moveChair', { sessionId: session.id, chairId: Number(chosen) }));
      }}
    >
      <SelectField label={t('session.moveChairTo')} value={chosen} options={others.map((c) => ({ value: String(c.id), label: label(c) }))} onChange={setTarget} testId="move-chair-select" />
      <button type="submit" className="btn" data-testid="move-chair-button">
        {t('session.moveChair')}
      </button>
      <ProblemList problems={problems} title={t('session.refused')} />
    </form>
  );
}
