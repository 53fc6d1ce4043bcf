/**
 * The one way documents are drawn: pdfkit in the main process, A4, DejaVu fonts embedded, PDF/A-3b, tagged, pages
 * buffered so the frame (header, "Seite x von y", draft mark) is drawn once the page count is known.
 * Layout helpers keep text inside the page: a table row that does not fit starts a new page with its header again.
 */
import PDFDocument from 'pdfkit';
import { join } from 'node:path';
import type { Lang } from '../../../core/text';

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 62, bottom: 56, left: 48, right: 48 };
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
export const BOTTOM = A4.height - MARGIN.bottom;

export const FONT = { regular: 'Sans', bold: 'SansBold', condensed: 'SansCond', condensedBold: 'SansCondBold' } as const;
const FONT_FILES: Record<(typeof FONT)[keyof typeof FONT], string> = {
  Sans: 'DejaVuSans.ttf',
  SansBold: 'DejaVuSans-Bold.ttf',
  SansCond: 'DejaVuSansCondensed.ttf',
  SansCondBold: 'DejaVuSansCondensed-Bold.ttf',
};

export interface PdfOptions {
  title: string;
  language: Lang;
  /** Folder of the DejaVu TTF files (dejavu-fonts-ttf/ttf). */
  fontDir: string;
  /** Written as the creation date: the time the document was generated. */
  createdAt: number;
  author?: string;
}

export type Doc = PDFKit.PDFDocument;

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

export class PdfWriter {
  readonly doc: Doc;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Uint8Array>;

  constructor(options: PdfOptions) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      autoFirstPage: true,
      subset: 'PDF/A-3b',
      pdfVersion: '1.7',
      tagged: true,
      lang: options.language === 'de' ? 'de-DE' : 'en-GB',
      displayTitle: true,
      // No standard (non-embedded) font is ever loaded: PDF/A needs every font embedded.
      font: null as unknown as string,
      info: {
        Title: options.title,
        Author: options.author ?? '',
        Creator: 'Infusionsüberwachung',
        CreationDate: new Date(options.createdAt),
        ModDate: new Date(options.createdAt),
      },
    });
    for (const [name, file] of Object.entries(FONT_FILES)) this.doc.registerFont(name, join(options.fontDir, file));
    this.doc.font(FONT.regular).fontSize(9);
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => this.chunks.push(c));
      this.doc.on('end', () => resolve(new Uint8Array(Buffer.concat(this.chunks))));
      this.doc.on('error', reject);
    });
  }

  get y(): number {
    return this.doc.y;
  }

  /** Starts a new page unless `height` points still fit above the bottom margin. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > BOTTOM) this.doc.addPage();
  }

  heading(text: string): void {
    this.ensureSpace(40);
    this.doc.moveDown(0.6);
    this.doc.font(FONT.bold).fontSize(11).fillColor('#000').text(text, MARGIN.left, this.doc.y, { width: CONTENT_WIDTH });
    const y = this.doc.y + 1;
    this.doc.moveTo(MARGIN.left, y).lineTo(MARGIN.left + CONTENT_WIDTH, y).lineWidth(0.5).strokeColor('#888').stroke();
    this.doc.y = y + 4;
    this.doc.font(FONT.regular).fontSize(9);
  }

  paragraph(text: string, options: { bold?: boolean; color?: string; size?: number } = {}): void {
    const font = options.bold ? FONT.bold : FONT.regular;
    this.doc.font(font).fontSize(options.size ?? 9);
    const height = this.doc.heightOfString(text, { width: CONTENT_WIDTH });
    this.ensureSpace(height);
    this.doc.fillColor(options.color ?? '#000').text(text, MARGIN.left, this.doc.y, { width: CONTENT_WIDTH });
    this.doc.font(FONT.regular).fontSize(9).fillColor('#000');
  }

  /** Label/value pairs in two columns of label + value; long values wrap inside their column. */
  keyValues(rows: readonly (readonly [string, string])[], options: { labelWidth?: number; condensedValues?: boolean } = {}): void {
    const labelWidth = options.labelWidth ?? 150;
    const valueWidth = CONTENT_WIDTH - labelWidth;
    const valueFont = options.condensedValues ? FONT.condensed : FONT.regular;
    for (const [label, value] of rows) {
      const labelHeight = this.doc.font(FONT.regular).fontSize(9).heightOfString(label, { width: labelWidth - 6 });
      const valueHeight = this.doc.font(valueFont).heightOfString(value || '—', { width: valueWidth });
      const height = Math.max(labelHeight, valueHeight);
      this.ensureSpace(height + 2);
      const y = this.doc.y;
      this.doc.font(FONT.regular).fillColor('#444').text(label, MARGIN.left, y, { width: labelWidth - 6 });
      this.doc.font(valueFont).fillColor('#000').text(value || '—', MARGIN.left + labelWidth, y, { width: valueWidth });
      this.doc.font(FONT.regular);
      this.doc.y = y + height + 2;
    }
  }

  /** A table with a header row repeated on every page it spans; cells wrap, rows never split across pages. */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], options: { emptyText?: string; rowColor?: (i: number) => string | undefined } = {}): void {
    const doc = this.doc;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const scale = CONTENT_WIDTH / total;
    const widths = columns.map((c) => c.width * scale);
    const pad = 3;
    const cellHeight = (cells: readonly string[], font: string) => {
      doc.font(font).fontSize(8);
      return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
    };
    const drawRow = (cells: readonly string[], font: string, fill?: string) => {
      const h = cellHeight(cells, font);
      const y = doc.y;
      if (fill) doc.rect(MARGIN.left, y, CONTENT_WIDTH, h).fillColor(fill).fill();
      let x = MARGIN.left;
      doc.font(font).fontSize(8).fillColor('#000');
      cells.forEach((c, i) => {
        doc.text(c, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: columns[i]!.align ?? 'left' });
        x += widths[i]!;
      });
      doc.moveTo(MARGIN.left, y + h).lineTo(MARGIN.left + CONTENT_WIDTH, y + h).lineWidth(0.3).strokeColor('#bbb').stroke();
      doc.y = y + h;
    };
    const header = columns.map((c) => c.header);
    const headerHeight = cellHeight(header, FONT.condensedBold);
    if (rows.length === 0) {
      this.paragraph(options.emptyText ?? '—', { color: '#555' });
      return;
    }
    this.ensureSpace(headerHeight + cellHeight(rows[0]!, FONT.condensed));
    drawRow(header, FONT.condensedBold, '#e8e8e8');
    rows.forEach((row, i) => {
      const h = cellHeight(row, FONT.condensed);
      if (doc.y + h > BOTTOM) {
        doc.addPage();
        drawRow(header, FONT.condensedBold, '#e8e8e8');
      }
      drawRow(row, FONT.condensed, options.rowColor?.(i));
    });
    doc.font(FONT.regular).fontSize(9).fillColor('#000');
    doc.x = MARGIN.left;
    doc.moveDown(0.3);
  }

  /** Draws on every buffered page (header, footer, draft mark), then finishes the file. */
  finish(frame: (doc: Doc, page: number, pageCount: number) => void): Promise<Uint8Array> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      frame(this.doc, i - range.start + 1, range.count);
    }
    this.doc.end();
    return this.done;
  }
}
