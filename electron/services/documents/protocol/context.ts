/** What every section of the session protocol draws from: the review data, the language and the writer. */
import type { MethodOutput } from '../../../../core/api/contract';
import { fillTemplate, type Lang } from '../../../../core/text';
import { formatDateTime } from '../format';
import type { PdfWriter } from '../pdfWriter';
import { DOCUMENT_TEXTS, type DocumentTexts } from '../texts';
import type { PvsNumber } from '../format';

/** The review data of the sign-off screen (sessions.review). */
export type Review = MethodOutput<'sessions.review'>;
export type Detail = Review['detail'];

export interface ProtocolContext {
  w: PdfWriter;
  review: Review;
  lang: Lang;
  T: DocumentTexts;
  /** The signed record's content hash, or null when none is stored (printed as "—"). */
  contentHash: string | null;
  /** Display names of the accounts the record refers to by id (responsible physician, who gave a rescue drug). */
  staffNames: ReadonlyMap<number, string>;
  /** The patient's numbers in the practice systems, printed beside the app's own number (the PDF is filed there). */
  pvsNumbers?: readonly PvsNumber[];
}

export function protocolContext(w: PdfWriter, review: Review, lang: Lang, contentHash: string | null, staffNames: ReadonlyMap<number, string> = new Map()): ProtocolContext {
  return { w, review, lang, T: DOCUMENT_TEXTS[lang], contentHash, staffNames };
}

/** An account's name, or its number when the name is not known. */
export function nameOf(ctx: ProtocolContext, userId: number | undefined): string {
  return userId === undefined ? '—' : (ctx.staffNames.get(userId) ?? `#${userId}`);
}

export function say(ctx: ProtocolContext, template: string, params: Record<string, string | number | undefined>): string {
  return fillTemplate(template, params, ctx.lang);
}

/** "Dr. Meier, 07.03.2026 14:05" */
export function stamp(ctx: ProtocolContext, s: { userName: string; at: number } | null | undefined): string {
  return s ? say(ctx, ctx.T.stampValue, { by: s.userName, at: formatDateTime(s.at, ctx.lang) }) : '—';
}

export function yesNo(ctx: ProtocolContext, value: boolean | undefined): string {
  return value === undefined ? '—' : value ? ctx.T.yes : ctx.T.no;
}
