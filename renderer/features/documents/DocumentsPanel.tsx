/**
 * The Dokumente place of a session or a course (issue 14): generate, preview the PDF in the page from the bytes the
 * API returns (a blob URL, no file system), reopen the stored bytes (reprint, never a regeneration), the list of
 * generated documents with who, when and the SHA-256, and what went to the PVS and when (PvsSentList).
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/api/contract';
import type { Insurance } from '../../../core/api/methods/sessionSchemas';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { ProblemList, problemsOf, useLang } from '../../components/ProblemList';
import { dateTime } from '../../format';
import { JustificationForm } from './JustificationForm';
import { PvsSentList } from './PvsSentList';

/** A course's patient insurance decides whether the cost-coverage application is offered (private only). */
type Owner = { sessionId: number; signed: boolean } | { courseId: number; insurance: Insurance | null };
type Listed = MethodOutput<'documents.list'>[number];
type WithBytes = MethodOutput<'documents.get'>;
type Generate = 'documents.generateSessionProtocol' | 'documents.generateCourseReport' | 'documents.generateCoverageDossier';

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** SHA-256 of the bytes shown, so the screen can say they are the stored document's. */
async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function DocumentsPanel({ owner }: { owner: Owner }) {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const uiLang = useLang();
  const [language, setLanguage] = useState<'de' | 'en'>(uiLang);
  const [documents, setDocuments] = useState<Listed[]>([]);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [preview, setPreview] = useState<{ id: number; url: string; sha256: string; matches: boolean } | null>(null);
  const sessionId = 'sessionId' in owner ? owner.sessionId : null;
  const courseId = 'courseId' in owner ? owner.courseId : null;

  const load = useCallback(async () => {
    try {
      setDocuments(await api.call('documents.list', sessionId !== null ? { sessionId } : { courseId: courseId! }));
    } catch (e) {
      setProblems(problemsOf(e));
    }
  }, [api, sessionId, courseId]);
  useEffect(() => {
    void load();
  }, [load]);
  // The blob URL holds the PDF in memory: free it when the preview changes or the panel goes.
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview.url) : undefined), [preview]);

  const show = async (r: WithBytes) => {
    const bytes = bytesOf(r.pdfBase64);
    const sha256 = await sha256Hex(bytes);
    setPreview({ id: r.document.id, url: URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' })), sha256, matches: sha256 === r.document.sha256 });
  };
  const generate = async (method: Generate) => {
    setBusy(true);
    setProblems([]);
    try {
      const input = 'sessionId' in owner ? { sessionId: owner.sessionId, language } : { courseId: owner.courseId, language };
      await show(await api.call(method, input as never));
      await load();
    } catch (e) {
      setProblems(problemsOf(e));
    } finally {
      setBusy(false);
    }
  };
  const reopen = async (documentId: number) => {
    try {
      await show(await api.call('documents.get', { documentId }));
    } catch (e) {
      setProblems(problemsOf(e));
    }
  };

  return (
    <section className="panel" data-testid="documents-panel">
      <h3>{t('documents.title')}</h3>
      <div className="row">
        <label>
          {t('documents.language')}{' '}
          <select className="input input--inline" value={language} onChange={(e) => setLanguage(e.target.value as 'de' | 'en')} data-testid="documents-language">
            <option value="de">{t('documents.languages.de')}</option>
            <option value="en">{t('documents.languages.en')}</option>
          </select>
        </label>
        {'sessionId' in owner ? (
          <button className="btn btn--primary" disabled={busy} onClick={() => generate('documents.generateSessionProtocol')} data-testid="documents-generate-protocol">
            {busy ? t('documents.generating') : owner.signed ? t('documents.generateProtocol') : t('documents.generateDraft')}
          </button>
        ) : (
          <>
            <button className="btn btn--primary" disabled={busy} onClick={() => generate('documents.generateCourseReport')} data-testid="documents-generate-report">
              {t('documents.generateCourseReport')}
            </button>
            {owner.insurance === 'private' ? (
              <button className="btn" disabled={busy} onClick={() => generate('documents.generateCoverageDossier')} data-testid="documents-generate-dossier">
                {t('documents.generateDossier')}
              </button>
            ) : (
              <span className="muted" data-testid="documents-no-dossier">
                {t(owner.insurance === 'statutory' ? 'documents.dossierStatutory' : 'documents.dossierNotPrivate')}
              </span>
            )}
          </>
        )}
      </div>
      {'sessionId' in owner && !owner.signed && <p className="muted">{t('documents.unsignedHint')}</p>}
      <ProblemList problems={problems} />
      {documents.length === 0 ? (
        <p className="muted">{t('documents.none')}</p>
      ) : (
        <table className="table table--compact" data-testid="documents-list">
          <thead>
            <tr>
              <th>{t('documents.columns.kind')}</th>
              <th>{t('documents.columns.created')}</th>
              <th>{t('documents.columns.by')}</th>
              <th>{t('documents.columns.hash')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id} data-testid={`document-${d.id}`}>
                <td>
                  {t(`documents.kinds.${d.kind}`)} ({d.language.toUpperCase()})
                  {courseId !== null && d.sessionNumber !== null && ` · ${t('documents.sessionNumber', { n: d.sessionNumber })}`}
                </td>
                <td className="num">{dateTime(d.created.at, lang)}</td>
                <td>{d.created.userName}</td>
                <td className="mono" title={d.sha256}>
                  {d.sha256.slice(0, 16)}…
                </td>
                <td>
                  <button className="btn" onClick={() => reopen(d.id)} data-testid={`document-reprint-${d.id}`}>
                    {t('documents.reprint')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PvsSentList owner={sessionId !== null ? { sessionId } : { courseId: courseId! }} onOpenDocument={(id) => void reopen(id)} />
      {preview && (
        <div className="document-preview" data-testid="document-preview">
          <div className="row">
            <a className="btn" href={preview.url} download={`dokument-${preview.id}.pdf`}>
              {t('documents.download')}
            </a>
            <button className="btn" onClick={() => setPreview(null)}>
              {t('documents.closePreview')}
            </button>
          </div>
          <p className={preview.matches ? 'muted' : 'problems problems--refusal'} data-testid="document-preview-hash" data-sha256={preview.sha256}>
            {t(preview.matches ? 'documents.hashMatches' : 'documents.hashDiffers', { hash: preview.sha256 })}
          </p>
          <iframe title={t('documents.preview')} src={preview.url} data-testid="document-preview-frame" />
        </div>
      )}
      {'courseId' in owner && <JustificationForm courseId={owner.courseId} />}
    </section>
  );
}
