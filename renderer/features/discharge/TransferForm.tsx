/**
 * Emergency end of the session (issue 10): handed over to whom, where to, why. The session ends as "transferred",
 * never as a discharge; a running pump stops with it. Physicians only.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../core/settings';
import { TextField } from '../../components/Field';
import { ProblemList } from '../../components/ProblemList';
import type { SessionHandle } from '../session/useSession';

export function TransferForm({ handle }: { handle: SessionHandle }) {
  const { t } = useTranslation();
  const [handedOverTo, setHandedOverTo] = useState('');
  const [destination, setDestination] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblems(await handle.run('discharge.transfer', { sessionId: handle.detail!.session.id, handedOverTo, destination, reason }));
  };
  return (
    <form className="subform override" onSubmit={submit} data-testid="transfer-form">
      <h4>{t('transfer.title')}</h4>
      <p className="muted">{t('transfer.hint')}</p>
      <TextField label={t('transfer.handedOverTo')} value={handedOverTo} onChange={setHandedOverTo} testId="transfer-to" />
      <TextField label={t('transfer.destination')} value={destination} onChange={setDestination} testId="transfer-destination" />
      <TextField label={t('transfer.reason')} value={reason} onChange={setReason} testId="transfer-reason" />
      <ProblemList problems={problems} title={t('session.refused')} testId="transfer-refusal" />
      <button type="submit" className="btn btn--danger" data-testid="transfer-do">
        {t('transfer.do')}
      </button>
    </form>
  );
}
