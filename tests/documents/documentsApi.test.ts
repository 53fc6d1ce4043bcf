/**
 * Documents through the WebSocket API (issue 14 parts 1, 3, 4): a draft before the signature and the final protocol
 * after it, each stored with its bytes and SHA-256; a reprint returns the stored bytes; roles; the course report and
 * the insurer dossier with the physician's justification texts.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_USERS, type TestApp } from '../helpers/appHarness';
import type { WsTestClient } from '../helpers/wsClient';
import { ok, refusal, runSession, type Staff } from '../session/runThrough';
import { pageTexts, savePdf } from './pdfTools';

let app: TestApp;
let staff: Staff;
let admin: WsTestClient;
let courseId: number;
const sessions: number[] = [];

const bytesOf = (r: { pdfBase64: string }) => new Uint8Array(Buffer.from(r.pdfBase64, 'base64'));
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  app = await startTestApp({ simulate: 'never', widenSettingRangesForTests: { postInfusionObservationMin: { min: 0 } } });
  staff = { mfa: await app.login('mfa'), physician: await app.login('physician') };
  admin = await app.login('admin');
  await ok(staff.physician, 'clinicSettings.set', { key: 'postInfusionObservationMin', value: 0, reason: 'test clinic' });
  const patient = await ok(staff.mfa, 'patients.create', { familyName: 'Weiß', givenName: 'Jörg', birthDate: '1970-01-15', insurance: 'private' });
  const course = await ok(staff.physician, 'courses.create', {
    patientId: patient.id,
    kind: 'weekly',
    plannedInfusions: 4,
    indication: 'crps',
    icd10: 'G90.50',
    priorFailedTherapies: [{ therapy: 'Pregabalin 300 mg/d', outcome: 'keine Wirkung' }],
  });
  courseId = course.id;
  sessions.push(await runSession(staff, courseId, 1, 7, 4));
  sessions.push(await runSession(staff, courseId, 1, 6, 5));
}, 60_000);
afterAll(() => app?.close());

describe('documents API', () => {
  it('an unsigned session gives a draft with ENTWURF on every page; signed, the final protocol without it', async () => {
    const sessionId = sessions[0]!;
    const draft = await ok(staff.mfa, 'documents.generateSessionProtocol', { sessionId });
    expect(draft.document.kind).toBe('sessionProtocolDraft');
    expect(draft.document.created.userName).toBe(TEST_USERS.mfa.displayName);
    const draftBytes = bytesOf(draft);
    expect(draft.document.sha256).toBe(sha256(draftBytes));
    const draftPages = pageTexts(savePdf('api-draft', draftBytes));
    draftPages.forEach((p, i) => {
      expect(p).toContain('ENTWURF – nicht unterschrieben');
      expect(p).toContain(`Seite ${i + 1} von ${draftPages.length}`);
    });
    expect(draftPages.join('\n')).toContain('Weiß, Jörg');

    await ok(staff.physician, 'sessions.sign', { sessionId, password: TEST_USERS.physician.password });
    const final = await ok(staff.mfa, 'documents.generateSessionProtocol', { sessionId, language: 'de' });
    expect(final.document.kind).toBe('sessionProtocol');
    const finalPages = pageTexts(savePdf('api-final', bytesOf(final)));
    for (const p of finalPages) expect(p).not.toContain('ENTWURF');
    expect(finalPages.join('\n')).toMatch(/Unterschrieben von\s+Dr\. Meier/);

    const list = await ok(staff.physician, 'documents.list', { sessionId });
    expect(list.map((d: { id: number }) => d.id)).toEqual([final.document.id, draft.document.id]);
  }, 60_000);

  it('a reprint returns the stored bytes, not a regeneration', async () => {
    const sessionId = sessions[0]!;
    const [latest] = await ok(staff.mfa, 'documents.list', { sessionId });
    const again = await ok(staff.physician, 'documents.get', { documentId: latest.id });
    expect(again.document).toEqual(latest);
    expect(sha256(bytesOf(again))).toBe(latest.sha256);
    // A new generation is a new document (its creation time differs), the old one stays as it was.
    const regenerated = await ok(staff.mfa, 'documents.generateSessionProtocol', { sessionId });
    expect(regenerated.document.id).not.toBe(latest.id);
    const old = await ok(staff.mfa, 'documents.get', { documentId: latest.id });
    expect(old.pdfBase64).toBe(again.pdfBase64);
  }, 30_000);

  it('physicians and MFAs only; an unknown document is NOT_FOUND; bad language is BAD_INPUT', async () => {
    expect((await refusal(admin, 'documents.list', { sessionId: sessions[0] })).code).toBe('FORBIDDEN');
    expect((await refusal(admin, 'documents.generateSessionProtocol', { sessionId: sessions[0] })).code).toBe('FORBIDDEN');
    expect((await refusal(staff.mfa, 'documents.get', { documentId: 999_999 })).code).toBe('NOT_FOUND');
    expect((await refusal(staff.mfa, 'documents.generateSessionProtocol', { sessionId: sessions[0], language: 'fr' })).code).toBe('BAD_INPUT');
    expect((await refusal(staff.mfa, 'documents.generateSessionProtocol', { sessionId: 999_999 })).code).toBe('NOT_FOUND');
  });

  it('course report: ICD-10-GM, prior therapies, each session, the outcome share and mean NRS', async () => {
    const r = await ok(staff.mfa, 'documents.generateCourseReport', { courseId });
    expect(r.document.kind).toBe('courseReport');
    const pages = pageTexts(savePdf('api-course-report', bytesOf(r)));
    const all = pages.join('\n');
    expect(all).toContain('Verlaufsbericht Infusionszyklus');
    expect(all).toContain('G90.50');
    expect(all).toContain('Pregabalin 300 mg/d');
    // 7 → 4 is meaningful (3 points), 6 → 5 is not (1 point, 17 %)
    expect(all).toContain('Bedeutsame Schmerzabnahme in 1 von 2 auswertbaren Sitzungen (50 %)');
    expect(all).toContain('Mittlere NRS vor der Infusion 6,5, danach 4,5 (2 Sitzungen)');
    expect(all).toContain('Seite 1 von');
    expect(all).not.toContain('ENTWURF');
    const listed = await ok(staff.mfa, 'documents.list', { courseId });
    expect(listed.some((d: { id: number }) => d.id === r.document.id)).toBe(true);
  }, 30_000);

  it('dossier: GOÄ items with factor and sources, the physician’s justification (physician only), draft on every page', async () => {
    const empty = await ok(staff.mfa, 'documents.coverageJustification', { courseId });
    expect(empty.saved).toBeNull();
    expect((await refusal(staff.mfa, 'documents.saveCoverageJustification', { courseId, texts: { medicalNecessity: 'x' } })).code).toBe('FORBIDDEN');
    const saved = await ok(staff.physician, 'documents.saveCoverageJustification', {
      courseId,
      texts: { medicalNecessity: 'Therapierefraktäres CRPS Typ I nach Radiusfraktur', stopCriteria: 'Keine bedeutsame Abnahme nach 3 Infusionen' },
    });
    expect(saved.saved.userName).toBe('Dr. Meier');
    const r = await ok(staff.mfa, 'documents.generateCoverageDossier', { courseId });
    expect(r.document.kind).toBe('coverageDossier');
    const pages = pageTexts(savePdf('api-dossier', bytesOf(r)));
    pages.forEach((p) => expect(p).toContain('ENTWURF – ärztlich zu prüfen und zu unterschreiben'));
    const all = pages.join('\n');
    expect(all).toContain('Antrag auf Kostenübernahme');
    expect(all).toContain('Therapierefraktäres CRPS Typ I nach Radiusfraktur');
    expect(all).toContain('(von der Ärztin / dem Arzt auszufüllen)'); // the fields not yet written
    expect(all).toMatch(/271\s+Infusion i\.v\. bis 30 min/); // the test sessions last seconds: 271, not 272
    expect(all).toContain('Oxymetrische Untersuchung');
    // The sources in words and citations, never the developer's note.
    expect(all).toMatch(/Faktor 2,3 \(Quelle: Praxisvorgabe · GOÄ § 5 Abs\. 2\)/);
    expect(all).not.toContain('clinical-requirements');
    // 2 further planned infusions of the course are estimated as > 30 min (272)
    expect(all).toMatch(/Weitere geplante Infusionen: 2 ×/);
  }, 30_000);
});
