/**
 * The infusion protocol of one session for the patient file (§ 630f BGB), drawn from the same review data the
 * sign-off screen gets. An unsigned session prints "ENTWURF – nicht unterschrieben" on every page.
 */
import type { Lang } from '../../../core/text';
import type { PvsNumber } from './format';
import { PdfWriter } from './pdfWriter';
import { alarmSection } from './protocol/alarmSection';
import { protocolContext, type Review } from './protocol/context';
import { dischargeSection } from './protocol/dischargeSection';
import { doseSection, prescriptionSection } from './protocol/doseSection';
import { protocolFrame, protocolTitle, titleBlock } from './protocol/header';
import { adverseEventSection, observationSection } from './protocol/observationSection';
import { checklistSection, patientSection } from './protocol/patientSection';
import { amendmentSection, signatureSection } from './protocol/signatureSection';
import { vitalsChart } from './protocol/vitalsChart';

export interface RenderOptions {
  language: Lang;
  fontDir: string;
  /** Printed as "Erstellt …" and written as the PDF's creation date. */
  generatedAt: number;
  /** Names of the accounts the record refers to by id. */
  staffNames?: ReadonlyMap<number, string>;
  /** The patient's numbers in the practice systems (GDT 3000). */
  pvsNumbers?: readonly PvsNumber[];
}

/** The SHA-256 of the signed content as stored with the signature (the review recomputes it: db/recordSeal.ts). */
export function signedContentHash(review: Review): string | null {
  return review.integrity.contentHash;
}

export function renderSessionProtocolPdf(review: Review, options: RenderOptions): Promise<Uint8Array> {
  const d = review.detail;
  const probe = protocolContext(null as unknown as PdfWriter, review, options.language, null);
  const w = new PdfWriter({
    title: `${protocolTitle(probe)} – ${d.patient.familyName}, ${d.patient.givenName} – ${d.session.sessionNumber}`,
    language: options.language,
    fontDir: options.fontDir,
    createdAt: options.generatedAt,
    author: d.session.signed?.userName,
  });
  const ctx = { ...protocolContext(w, review, options.language, signedContentHash(review), options.staffNames), pvsNumbers: options.pvsNumbers };
  titleBlock(ctx);
  patientSection(ctx);
  checklistSection(ctx);
  prescriptionSection(ctx);
  doseSection(ctx);
  vitalsChart(ctx);
  observationSection(ctx);
  adverseEventSection(ctx);
  alarmSection(ctx);
  dischargeSection(ctx);
  signatureSection(ctx);
  amendmentSection(ctx);
  return w.finish(protocolFrame(ctx, options.generatedAt));
}
