/** Reads generated PDFs with poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm), as a reviewer's tools would. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const FONT_DIR = join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');
export const RESULTS = join(process.cwd(), 'test-results', 'documents');

export function savePdf(name: string, bytes: Uint8Array): string {
  const file = join(RESULTS, `${name}.pdf`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return file;
}

/** The text of each page (pdftotext separates pages with a form feed). */
export function pageTexts(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
}

export function fonts(file: string): FontRow[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
  return out.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name, type words…, encoding, emb, sub, uni, object, id: emb is the 5th column from the end
    return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: cols[cols.length - 5] === 'yes' };
  });
}

export function info(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

export function xmpMetadata(file: string): string {
  return execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
}

/** Renders every page to test-results/documents/<name>-<n>.png for a person to look at. */
export function renderPages(file: string, name: string, dpi = 70): void {
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', file, join(RESULTS, name)]);
}
