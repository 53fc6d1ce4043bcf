/** The alarms of one session, with priority, text and who acknowledged. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/api/contract';
import { ALARM_MESSAGES } from '../../../core/alarms/messages';
import { fillTemplate } from '../../../core/text';
import { useApi } from '../../api/ApiContext';
import { useLang } from '../../components/ProblemList';
import { hhmmss } from '../../format';

type Entry = MethodOutput<'alarms.log'>[number];

export function AlarmLog({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const lang = useLang();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  useEffect(() => {
    api
      .call('alarms.log', { sessionId })
      .then(setEntries)
      .catch(() => setEntries([]));
  }, [api, sessionId]);
  if (!entries || entries.length === 0) return <p className="muted">{t('review.noAlarms')}</p>;
  return (
    <table className="table table--compact" data-testid="alarm-log">
      <tbody>
        {entries.map((e) => {
          const text = e.code ? (ALARM_MESSAGES as Record<string, { de: string; en: string } | undefined>)[e.code] : undefined;
          const params = Object.fromEntries(Object.entries(e.detail).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<string, string | number>;
          return (
            <tr key={e.id} className={e.priority === 'high' ? 'row--high' : undefined}>
              <td className="num">{hhmmss(e.at)}</td>
              <td>{e.priority ?? ''}</td>
              <td>{e.type}</td>
              <td>{text ? fillTemplate(text[lang], params, lang) : (e.code ?? '')}</td>
              <td className="muted">{e.userName ?? ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
