/**
 * The session protocol PDF (issue 14 part 1) read back with poppler: texts, page numbers, the draft mark on every
 * page of an unsigned session and on none of a signed one, embedded fonts, A4, PDF/A metadata. Pages are rendered
 * to test-results/documents/ for a person to look at.
 */
import { describe, expect, it } from 'vitest';
import { formatTime } from '../../electron/services/documents/format';
import { renderSessionProtocolPdf, signedContentHash } from '../../electron/services/documents/sessionProtocol';
import { FONT_DIR, fonts, info, pageTexts, renderPages, savePdf, xmpMetadata } from './pdfTools';
import { reviewFixture, T0 } from './reviewFixture';

const generatedAt = T0 + 6 * 3_600_000;
const render = (review: ReturnType<typeof reviewFixture>, language: 'de' | 'en' = 'de') =>
  renderSessionProtocolPdf(review, { language, fontDir: FONT_DIR, generatedAt, staffNames: new Map([[2, 'Dr. Meier'], [3, 'Schwester Jürgens']]) });

describe('session protocol PDF', () => {
  it('unsigned: ENTWURF and "Seite x von N" on every page, German content, fonts embedded, A4, PDF/A-3b', async () => {
    const file = savePdf('protocol-unsigned', await render(reviewFixture({ signed: false, amended: false })));
    renderPages(file, 'protocol-unsigned');
    const pages = pageTexts(file);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain('ENTWURF – nicht unterschrieben');
      expect(text, `page ${i + 1}`).toContain(`Seite ${i + 1} von ${pages.length}`);
    });
    const all = pages.join('\n');
    for (const expected of [
      'Infusions- und Überwachungsprotokoll Esketamin i.v.',
      'Sitzung 3 von 6',
      'Müller-Lüdenscheidt, Jürgen',
      'CRPS (komplexes regionales Schmerzsyndrom)',
      'G90.50',
      'Pregabalin bis 600 mg/d',
      'Checkliste vor der Infusion',
      'Dosisverlauf',
      'Ratenänderung',
      'Durchbruchschmerz',
      'Gesamtdosis: 31,4 mg = 0,436 mg/kg',
      'Vitalwerte und Dosisrate',
      'Ondansetron 4 mg i.v.',
      'Dr. Meier (anwesend)', // the responsible physician's account by name
      'SpO₂ niedrig: 91 % (Grenze 92 %)',
      'Modifizierter PADSS',
      'Maria Huber (Tochter)',
      'Nicht unterschrieben: dieses Dokument ist ein Entwurf.',
    ]) {
      expect(all).toContain(expected);
    }
    // The acknowledgement row takes its limit from the row that raised the alarm: no placeholder is ever printed.
    expect(all).not.toMatch(/\{\w+\}/);
    const f = fonts(file);
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.embedded && x.name.includes('DejaVu'))).toBe(true);
    const meta = info(file);
    expect(meta['Page size']).toContain('(A4)');
    expect(Number(meta.Pages)).toBe(pages.length);
    expect(meta.Tagged).toBe('yes');
    expect(meta['PDF version']).toBe('1.7');
    const xmp = xmpMetadata(file);
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
  });

  it('signed: no draft mark on any page; signer, time and content hash ("—" when the signature has none)', async () => {
    const review = reviewFixture({ signed: true });
    expect(signedContentHash(review)).toBeNull();
    const file = savePdf('protocol-signed', await render(review));
    renderPages(file, 'protocol-signed');
    const pages = pageTexts(file);
    for (const text of pages) expect(text).not.toContain('ENTWURF');
    const all = pages.join('\n');
    expect(all).toMatch(/Unterschrieben von\s+Dr\. Meier/);
    expect(all).toMatch(/Inhalts-Prüfsumme \(SHA-256\)\s+—/);
    expect(pages.at(-1)).toContain(`Seite ${pages.length} von ${pages.length}`);
  });

  it('prints the stored content hash once the review carries it', async () => {
    const hash = 'ab'.repeat(32);
    const review = reviewFixture({ signed: true, contentHash: hash });
    expect(signedContentHash(review)).toBe(hash);
    const text = pageTexts(savePdf('protocol-hash', await render(review))).join('\n');
    expect(text).toContain(hash);
  });

  it('a signed record whose content no longer matches its hash says so in red, with each difference', async () => {
    const review = reviewFixture({ signed: true, contentHash: 'cd'.repeat(32) });
    review.integrity = { status: 'changed', contentHash: 'cd'.repeat(32), problems: [{ code: 'test.changed', message: 'dose event 6 differs from the signed content' }] };
    const text = pageTexts(savePdf('protocol-changed', await render(review))).join('\n');
    expect(text).toContain('ACHTUNG: der gespeicherte Inhalt stimmt nicht mehr mit der Unterschrift überein:');
    expect(text).toContain('dose event 6 differs from the signed content');
  });

  it('an amendment shows the original entry beside the correction', async () => {
    const file = savePdf('protocol-amended', await render(reviewFixture({ signed: true, amended: true })));
    const all = pageTexts(file).join('\n').replace(/\s+/g, ' ');
    expect(all).toContain('Nachträge und Korrekturen');
    expect(all).toContain(`Dosisereignis ${formatTime(T0 + 100 * 60_000, 'de')} Ratenänderung 14,4 ml/h`);
    expect(all).toContain('Rate 14,4 ml/h um 09:42');
    expect(all).toMatch(/Uhrzeit laut .*Pumpenprotokoll/);
  });

  it('a confirmed rate order is said in the document’s language, also for a row from before that stored English words', async () => {
    const review = reviewFixture({ signed: true });
    const ordered = { userId: 2, userName: 'Dr. Meier', at: T0 };
    const events = review.detail.doseEvents;
    // Event 2: stored before (English reason text); event 6: stored now (no text, the order is the reason).
    events[1] = { ...events[1]!, reason: 'order #1 confirmed at the pump', order: { id: 1, ordered, via: 'mfa' } };
    events[5] = { ...events[5]!, reason: null, order: { id: 2, ordered, via: 'pumpReadback' } };
    const text = async (language: 'de' | 'en') =>
      pageTexts(savePdf(`protocol-orders-${language}`, await render(review, language))).join(' ').replace(/\s+/g, ' ');
    // The reason column wraps: other cells of the row may come between the words of a line.
    const phrase = (words: string) => new RegExp(words.split(' ').map((w) => w.replace(/[.']/g, '\\$&')).join('(?: \\S+){0,4}? '));
    const de = await text('de');
    expect(de).toMatch(phrase('Anordnung Nr. 1 an der Pumpe bestätigt'));
    expect(de).toMatch(phrase('Anordnung Nr. 2 durch die Rückmeldung der Pumpe bestätigt'));
    expect(de).not.toContain('confirmed');
    const en = await text('en');
    expect(en).toMatch(phrase('Order no. 1 confirmed at the pump'));
    expect(en).toMatch(phrase("Order no. 2 confirmed by the pump's read-back"));
  });

  it('a lost device link says why in the document’s language; a row from before faults were codes keeps its stored text', async () => {
    const review = reviewFixture({ signed: true });
    const at = review.alarms[0]!.at - 30 * 60_000;
    const row = { chairId: 1, sessionId: 11, type: 'raised', code: 'link.lost', priority: 'medium', userId: null, userName: null } as const;
    review.alarms.unshift(
      { ...row, id: 90, at, alarmId: 'l1', detail: { params: { reason: 'cannot open /tmp/x: No such file', fault: 'portMissing', path: '/dev/ttyUSB0', errno: 'ENOENT' } } },
      { ...row, id: 91, at: at + 60_000, alarmId: 'l2', detail: { params: { reason: 'USB adapter unplugged' } } },
    );
    const text = async (language: 'de' | 'en') =>
      pageTexts(savePdf(`protocol-link-${language}`, await render(review, language))).join(' ').replace(/\s+/g, ' ');
    const de = await text('de');
    expect(de).toMatch(/Anschluss nicht gefunden/);
    expect(de).not.toContain('cannot open');
    expect(de).toContain('USB adapter unplugged');
    expect(await text('en')).toMatch(/port not found/);
  });

  it('English on request', async () => {
    const file = savePdf('protocol-en', await render(reviewFixture({ signed: false }), 'en'));
    renderPages(file, 'protocol-en');
    const pages = pageTexts(file);
    pages.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(text).toContain('DRAFT – not signed');
    });
    const all = pages.join('\n');
    expect(all).toContain('Infusion and monitoring record Esketamine i.v.');
    expect(all).toContain('Dose timeline');
    expect(all).toContain('Total dose: 31.4 mg = 0.436 mg/kg');
    expect(all).not.toContain('Dosisverlauf');
  });

  it('long tables run over pages without losing a row; the header is repeated on each page', async () => {
    const extra = 180;
    const file = savePdf('protocol-long', await render(reviewFixture({ signed: true, extraObservations: extra })));
    renderPages(file, 'protocol-long', 50);
    const pages = pageTexts(file);
    expect(pages.length).toBeGreaterThan(5);
    const observationPages = pages.filter((p) => p.includes('RASS'));
    expect(observationPages.length).toBeGreaterThan(2);
    for (const p of observationPages) expect(p).toContain('dokumentiert von');
    const rassRows = pages.join('\n').match(/RASS (0|-1) –/g) ?? [];
    expect(rassRows.length).toBe(extra + 1); // the fixture's own RASS row + the extra ones
  }, 60_000); // 180 rows and poppler on a shared machine: past the 20 s default under load
});
