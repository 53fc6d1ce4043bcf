/** One GDT partner's settings (admin only): folders (results, PDFs), GDT ids, file naming, charset, polling interval. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../core/api/contract';
import { GDT_CHARSET_NAMES } from '../../../core/api/methods/gdt';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { CheckField, SelectField, TextField } from '../../components/Field';
import { ProblemList, problemsOf } from '../../components/ProblemList';

type Partner = MethodOutput<'gdt.partners'>[number];
type Draft = Omit<MethodInput<'gdt.savePartner'>, 'pollMs'> & { pollMs: string };

const NEW: Draft = {
  name: 'PVS', active: true, inboxDir: '', outboxDir: '', pvsGdtId: 'PVS', ownGdtId: 'ESKINF', pvsShortId: 'PVS', ownShortId: 'ESK',
  fileNaming: 'fixed', charset: 'iso-8859-15', pollMs: '2000',
};
const CHARSET_LABEL: Record<(typeof GDT_CHARSET_NAMES)[number], string> = { 'iso-8859-15': 'ISO 8859-15 (9206 = 3)', cp437: 'IBM CP 437 (9206 = 2)', 'utf-8': 'UTF-8' };

function draftOf(p: Partner | null): Draft {
  if (!p) return NEW;
  const { link: _link, updatedAt: _at, pollMs, ...settings } = p;
  return { ...settings, pollMs: String(pollMs) };
}

export function PartnerForm({ partner, canEdit, onSaved }: { partner: Partner | null; canEdit: boolean; onSaved(p: Partner): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [draft, setDraft] = useState<Draft>(() => draftOf(partner));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      const saved = await api.call('gdt.savePartner', { ...draft, pollMs: Number(draft.pollMs) });
      setProblems([]);
      setMessage(t('gdt.saved', { name: saved.name }));
      onSaved(saved);
    } catch (err) {
      setMessage(null);
      setProblems(problemsOf(err));
    }
  }

  const stem = (a: string, b: string) => `${a}${b}`;
  // An empty PDF folder means the default (the out directory; as the PVS sees it: the same folder).
  const optional = (key: 'pdfDir' | 'pvsPdfDir') => (value: string) => setDraft((d) => ({ ...d, [key]: value.trim() ? value : null }));
  return (
    <form className="form-card" onSubmit={save} data-testid="gdt-partner-form">
      <h3>{partner ? partner.name : t('gdt.newPartner')}</h3>
      <fieldset disabled={!canEdit}>
        <TextField label={t('gdt.name')} value={draft.name} onChange={set('name')} required testId="gdt-name" />
        <CheckField label={t('gdt.active')} checked={draft.active ?? true} onChange={set('active')} />
        <TextField label={t('gdt.inboxDir')} value={draft.inboxDir} onChange={set('inboxDir')} required testId="gdt-inbox" />
        <TextField label={t('gdt.outboxDir')} value={draft.outboxDir} onChange={set('outboxDir')} required testId="gdt-outbox" />
        <TextField label={t('gdt.pdfDir')} value={draft.pdfDir ?? ''} onChange={optional('pdfDir')} testId="gdt-pdf-dir" />
        <TextField label={t('gdt.pvsPdfDir')} value={draft.pvsPdfDir ?? ''} onChange={optional('pvsPdfDir')} testId="gdt-pvs-pdf-dir" />
        <TextField label={t('gdt.pvsGdtId')} value={draft.pvsGdtId} onChange={set('pvsGdtId')} required />
        <TextField label={t('gdt.ownGdtId')} value={draft.ownGdtId} onChange={set('ownGdtId')} required />
        <TextField label={t('gdt.pvsShortId')} value={draft.pvsShortId} onChange={set('pvsShortId')} required />
        <TextField label={t('gdt.ownShortId')} value={draft.ownShortId} onChange={set('ownShortId')} required />
        <SelectField
          label={t('gdt.fileNaming')}
          value={draft.fileNaming}
          options={[
            { value: 'fixed', label: t('gdt.fixed', { name: stem(draft.pvsShortId, draft.ownShortId) }) },
            { value: 'numbered', label: t('gdt.numbered', { name: stem(draft.pvsShortId, draft.ownShortId) }) },
          ]}
          onChange={set('fileNaming')}
        />
        <SelectField
          label={t('gdt.charset')}
          value={draft.charset ?? 'iso-8859-15'}
          options={GDT_CHARSET_NAMES.map((c) => ({ value: c, label: CHARSET_LABEL[c] }))}
          onChange={(c) => setDraft((d) => ({ ...d, charset: c }))}
        />
        <TextField label={t('gdt.pollMs')} type="number" unit="ms" value={draft.pollMs} onChange={set('pollMs')} required />
      </fieldset>
      <ProblemList problems={problems} />
      {message && <p role="status">{message}</p>}
      {canEdit && (
        <button className="primary" type="submit" data-testid="gdt-save">
          {t('gdt.save')}
        </button>
      )}
    </form>
  );
}
