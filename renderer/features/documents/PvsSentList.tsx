/**
 * What went to the PVS for a session or a course, and when (issue 14 part 4): each 6310 with its file name, the
 * PDF it points at (6305) and the stored protocol it carried, or in red why it was not written; a corrected 6310
 * after an amendment names the first one it corrects. Reloads on
 * 'gdt.changed', so a result written after signing appears without a click.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/api/contract';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { ProblemList, problemsOf, useLang } from '../../components/ProblemList';
import { dateTime } from '../../format';
import { gdtReasonText } from '../gdt/reasonWords';

type Sent = MethodOutput<'gdt.sent'>[number];

/** The 6305 (path of the PDF as the PVS sees it) from the stored parse of the file, if it has one. */
function pdfPathOf(f: Sent): string | null {
  const parse = f.parse as { records?: { fields: [string, string][] }[] } | null;
  return parse?.records?.[0]?.fields.find(([id]) => id === '6305')?.[1] ?? null;
}

export function PvsSentList({ owner, onOpenDocument }: { owner: { sessionId: number } | { courseId: number }; onOpenDocument(documentId: number): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const [sent, setSent] = useState<Sent[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const sessionId = 'sessionId' in owner ? owner.sessionId : null;
  const courseId = 'courseId' in owner ? owner.courseId : null;

  const load = useCallback(() => {
    api
      .call('gdt.sent', sessionId !== null ? { sessionId } : { courseId: courseId! })
      .then(setSent)
      .catch((e) => setProblems(problemsOf(e)));
  }, [api, sessionId, courseId]);
  useEffect(() => {
    load();
    return api.on('gdt.changed', load);
  }, [api, load]);

  return (
    <div data-testid="pvs-sent">
      <h4>{t('documents.pvs.title')}</h4>
      <ProblemList problems={problems} />
      {sent.length === 0 ? (
        <p className="muted">{t('documents.pvs.none')}</p>
      ) : (
        <table className="table table--compact" data-testid="pvs-sent-list">
          <thead>
            <tr>
              <th>{t('documents.pvs.at')}</th>
              {courseId !== null && <th>{t('documents.pvs.session')}</th>}
              <th>{t('documents.pvs.file')}</th>
              <th>{t('documents.pvs.outcome')}</th>
              <th>{t('documents.pvs.pdf')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sent.map((f) => (
              <tr key={f.id} className={f.outcome === 'failed' ? 'row--bad' : ''} data-testid={`pvs-sent-${f.id}`}>
                <td className="num">{dateTime(f.at, lang)}</td>
                {courseId !== null && <td className="num">{f.sessionNumber ?? '–'}</td>}
                <td className="mono">
                  {f.fileName}
                  {f.correctsFileId !== null && (
                    <span className="muted" data-testid={`pvs-sent-correction-${f.id}`}>
                      {' '}
                      · {t('documents.pvs.correction', { n: f.amendmentId, file: sent.find((x) => x.id === f.correctsFileId)?.fileName ?? `#${f.correctsFileId}` })}
                    </span>
                  )}
                </td>
                <td>{f.outcome === 'written' ? t('documents.pvs.written') : t('documents.pvs.failed', { reason: gdtReasonText(t, f) })}</td>
                <td className="mono">{pdfPathOf(f) ?? t('documents.pvs.noPdf')}</td>
                <td>
                  {f.documentId !== null && (
                    <button className="btn" onClick={() => onOpenDocument(f.documentId!)} data-testid={`pvs-sent-open-${f.id}`}>
                      {t('documents.pvs.openPdf')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
