/** Why a GDT file was refused or a result not written, in the user's language (texts: reasonTexts.ts). */
import type { TFunction } from 'i18next';
import { folderProblemOf, MISSING_FIELDS, type GdtReasonArgs, type GdtReasonCode, type MissingField } from '../../../core/gdt/gdtReason';

export interface CodedReason {
  /** The English text stored with the file: shown only for files from before codes, so never blank. */
  reason: string | null;
  reasonCode: GdtReasonCode | null;
  reasonArgs: GdtReasonArgs | null;
}

export function gdtReasonText(t: TFunction, r: CodedReason): string {
  if (r.reasonCode === null) return r.reason ?? '';
  const args = r.reasonArgs ?? {};
  if (r.reasonCode === 'fieldsMissing') return t('gdt.why.fieldsMissing', { ...args, fields: fieldWords(t, args).join(', ') });
  if (r.reasonCode === 'folderProblem') {
    const kind = folderProblemOf(String(args.errno ?? ''));
    return kind === 'other' ? t('gdt.why.folderProblem', args) : t(`gdt.whyFolder.${kind}`, args);
  }
  return t(`gdt.why.${r.reasonCode}`, args);
}

/** "Name (3101), Geburtsdatum (3103, TTMMJJJJ; gefunden „31.02.1970“)" from fields "3101,3103". */
function fieldWords(t: TFunction, args: GdtReasonArgs): string[] {
  const ids = String(args.fields ?? '').split(',').filter((id): id is MissingField => (MISSING_FIELDS as readonly string[]).includes(id));
  return ids.map((id) => (id === '3103' && args.found3103 ? t('gdt.whyBirthDateFound', { found: args.found3103 }) : t(`gdt.whyField.${id}`)));
}
