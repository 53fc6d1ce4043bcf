/**
 * The GDT link as a whole: one inbox watcher per active partner (restarted when its settings change) and the
 * result writer. writeResult6310 never throws for a partner's failure: each outcome (written or failed, with its
 * reason) is stored, announced ('gdt.changed') and returned, so a failure shows and never touches the signature.
 * The 6310 carries the signed PDF protocol (6302–6305, ./pdfAttachment.ts) when the link is given `signedProtocol`.
 * An amendment of a signed session sends a corrected 6310 (with the corrected protocol) to every partner that got the
 * first one; the first stays as it was, in the PVS and in the database.
 */
import type { GdtSendOutcome } from '../../../core/api/methods/gdt';
import type { GdtReason } from '../../../core/gdt/gdtReason';
import { CHARSET_9206 } from '../../../drivers/gdt/charsets';
import { decodeGdt, encodeGdt } from '../../../drivers/gdt/codec';
import type { DbClient } from '../../../db/client';
import type { GdtFileRow, GdtPartner } from '../../../db/repos/gdt';
import type { EventBus } from '../eventBus';
import { loadSettings } from '../session/clinicSettings';
import { latestPrescription, summaryOf } from '../session/sessionView';
import { GdtFailure, reasonOf } from './gdtFailure';
import { GdtInbox, linkState, type LinkState } from './inbox';
import { summaryOf as parseSummaryOf } from './inbound';
import { resultFileName, writeAtomically } from './outbox';
import { placeProtocol, type SignedProtocol } from './pdfAttachment';
import { result6310, SUBSTANCE, type Correction, type PdfAttachment, type SessionResult } from './result6310';

export interface GdtLinkDeps {
  db: DbClient;
  bus: EventBus;
  now?: () => number;
  log?: (message: string) => void;
  /** The stored final protocol of a signed session (generated once, then reused for every partner and resend). */
  signedProtocol?: (sessionId: number) => Promise<SignedProtocol>;
}

export class GdtLink {
  private readonly inboxes = new Map<number, GdtInbox>();
  private writing: Promise<unknown> = Promise.resolve();
  private readonly now: () => number;
  private readonly log: (message: string) => void;

  constructor(private readonly deps: GdtLinkDeps) {
    this.now = deps.now ?? Date.now;
    this.log = deps.log ?? ((m) => console.error(m));
  }

  async start(): Promise<void> {
    await Promise.all((await this.deps.db.call('listGdtPartners')).map((p) => this.startInbox(p)));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.inboxes.values()].map((i) => i.stop()));
    this.inboxes.clear();
    await this.writing;
  }

  /** After a partner's settings were saved: its watcher restarts with them (or stops when switched off). */
  async restart(partner: GdtPartner): Promise<void> {
    await this.inboxes.get(partner.id)?.stop();
    this.inboxes.delete(partner.id);
    await this.startInbox(partner);
    this.changed(partner.id);
  }

  state(partnerId: number): LinkState {
    return this.inboxes.get(partnerId)?.state ?? linkState('off', 'switched off');
  }

  /** Reads every inbox now (tests, and a "check now" in the screen); resolves when done. */
  async scanNow(): Promise<void> {
    await Promise.all([...this.inboxes.values()].map((i) => i.scan()));
  }

  private async startInbox(partner: GdtPartner): Promise<void> {
    if (!partner.active) return;
    const inbox = new GdtInbox(partner, {
      db: this.deps.db, now: this.now, onChange: (id) => this.changed(id), log: this.log,
      onPlanned: (sessionId, chairId) => this.deps.bus.emit('session.changed', { sessionId, chairId, status: 'planned' }),
      onShowRequested: (request) => this.deps.bus.emit('gdt.showRequested', request),
    });
    this.inboxes.set(partner.id, inbox);
    await inbox.start();
  }

  private changed(partnerId: number | null): void {
    this.deps.bus.emit('gdt.changed', { partnerId });
  }

  /**
   * Writes the 6310 of a signed session to every active partner, in turn (numbered names are chosen one at a time).
   * No active partner: nothing to do.
   */
  writeResult6310(sessionId: number, pdf?: PdfAttachment): Promise<GdtSendOutcome[]> {
    const run = this.writing.then(() => this.writeAll(sessionId, pdf));
    this.writing = run.catch(() => undefined);
    return run;
  }

  /**
   * After an amendment of a signed session: a corrected 6310 to each active partner that has a written first result
   * of the session (a partner that never got one gets the corrected protocol with its next send, as its first).
   */
  writeCorrection6310(sessionId: number, amendmentId: number): Promise<GdtSendOutcome[]> {
    const run = this.writing.then(() => this.writeAll(sessionId, undefined, amendmentId));
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async writeAll(sessionId: number, pdf?: PdfAttachment, amendmentId?: number): Promise<GdtSendOutcome[]> {
    const partners = (await this.deps.db.call('listGdtPartners')).filter((p) => p.active);
    const out: GdtSendOutcome[] = [];
    // One protocol for all partners, asked for only when a partner needs it (a manual PDF path replaces it).
    let protocol: Promise<SignedProtocol> | null = null;
    const protocolOnce = () => (protocol ??= this.deps.signedProtocol!(sessionId));
    const source = pdf ? { manual: pdf } : this.deps.signedProtocol ? { protocol: protocolOnce } : {};
    const firsts = await this.firstResults(sessionId);
    // A result sent again after the first went out and the record was amended is a correction too (of the newest amendment).
    const newest = amendmentId ?? (await this.deps.db.call('sessionBundle', sessionId))?.amendments.at(-1)?.id;
    for (const partner of partners) {
      const first = firsts.get(partner.id);
      if (amendmentId !== undefined && !first) continue;
      out.push(await this.writeOne(partner, sessionId, source, first && newest !== undefined ? { amendmentId: newest, first } : undefined));
    }
    return out;
  }

  /** Each partner's first written result of the session (the one a correction refers to). */
  private async firstResults(sessionId: number): Promise<Map<number, GdtFileRow>> {
    const firsts = new Map<number, GdtFileRow>();
    for (const f of await this.deps.db.call('gdtFilesOfSession', sessionId)) {
      const first = f.direction === 'out' && f.recordType === '6310' && f.outcome === 'written' && f.correctsFileId === null;
      if (first && !firsts.has(f.partnerId)) firsts.set(f.partnerId, f);
    }
    return firsts;
  }

  private async correctionOf(sessionId: number, amendmentId: number, first: GdtFileRow): Promise<Correction> {
    const b = await this.deps.db.call('sessionBundle', sessionId);
    const a = b?.amendments.find((x) => x.id === amendmentId);
    if (!a) throw new Error(`session ${sessionId} has no amendment ${amendmentId}`);
    const parse = first.parse as { records?: { fields: [string, string][] }[] };
    const archiveId = parse.records?.[0]?.fields.find(([id]) => id === '6302')?.[1] ?? null;
    return {
      amendment: { id: a.id, at: a.signed.at, by: a.signed.userName, correction: a.correction, reason: a.reason },
      first: { at: first.at, fileName: first.fileName, archiveId },
    };
  }

  private async writeOne(
    partner: GdtPartner,
    sessionId: number,
    source: { manual?: PdfAttachment; protocol?: () => Promise<SignedProtocol> },
    corrects?: { amendmentId: number; first: GdtFileRow },
  ): Promise<GdtSendOutcome> {
    let fileName = '';
    let bytes: Uint8Array | null = null;
    let patientId: number | null = null;
    let documentId: number | null = null;
    let reason: string | null = null;
    let why: GdtReason | null = null;
    try {
      const result = await this.sessionResult(partner, sessionId);
      patientId = result.patientId;
      const correction = corrects ? await this.correctionOf(sessionId, corrects.amendmentId, corrects.first) : undefined;
      let pdf = source.manual;
      if (source.protocol) {
        const protocol = await source.protocol().catch((err: Error) => {
          throw new GdtFailure('protocolNotMade', {}, `the signed protocol PDF could not be made: ${err.message}`);
        });
        const r = result.result;
        const substanceName = r.substance ? SUBSTANCE[r.substance] : 'Infusion';
        // The PDF first: the GDT file must never point at a file that is not there.
        pdf = await placeProtocol(partner, protocol, { at: r.startedAt ?? r.plannedFor, substanceName });
        documentId = protocol.documentId;
      }
      const record = result6310(result.result, { pvsGdtId: partner.pvsGdtId, ownGdtId: partner.ownGdtId, charsetCode: CHARSET_9206[partner.charset] }, pdf, correction);
      bytes = encodeGdt(record, partner.charset);
      fileName = await resultFileName(partner);
      await writeAtomically(partner.outboxDir, fileName, bytes);
    } catch (err) {
      reason = (err as Error).message;
      why = reasonOf(err);
    }
    const outcome = reason === null ? ('written' as const) : ('failed' as const);
    // A failed result keeps the bytes it would have had, under the name it would have got.
    fileName ||= `${partner.pvsShortId}${partner.ownShortId}.${partner.fileNaming === 'fixed' ? 'gdt' : 'NNN'}`;
    if (reason !== null) this.log(`GDT ${partner.name}: the result of session ${sessionId} was not written: ${reason}`);
    const fileId = await this.deps.db.call('recordGdtSent', { userId: null, at: this.now() }, {
      partnerId: partner.id,
      fileName,
      bytes,
      recordType: '6310',
      outcome,
      reason,
      why,
      parse: bytes ? parseSummaryOf(decodeGdt(bytes, partner.charset)) : { error: reason ?? '', line: 0 },
      patientId,
      sessionId,
      documentId,
      amendmentId: corrects?.amendmentId ?? null,
      correctsFileId: corrects?.first.id ?? null,
    });
    this.changed(partner.id);
    return { partnerId: partner.id, fileId, outcome, fileName, reason, reasonCode: why?.code ?? null, reasonArgs: why?.args ?? null };
  }

  private async sessionResult(partner: GdtPartner, sessionId: number): Promise<{ patientId: number; result: SessionResult }> {
    const b = await this.deps.db.call('sessionBundle', sessionId);
    if (!b) throw new GdtFailure('noSession', { sessionId }, `there is no session ${sessionId}`);
    const s = b.session;
    if (!s.signed) throw new GdtFailure('sessionNotSigned', { sessionId }, `session ${sessionId} is not signed: only signed results go to the PVS`);
    const [patient, course, settings, pvsNumber] = await Promise.all([
      this.deps.db.call('getPatient', s.patientId),
      this.deps.db.call('getCourse', s.courseId),
      loadSettings(this.deps.db),
      this.deps.db.call('pvsNumberOf', partner.id, s.patientId),
    ]);
    if (!patient || !course) throw new Error(`session ${sessionId} has no patient or course`);
    if (pvsNumber === null) {
      const args = { familyName: patient.familyName, givenName: patient.givenName, partner: partner.name };
      throw new GdtFailure('noPvsNumber', args, `${patient.familyName}, ${patient.givenName} has no patient number from ${partner.name}: the PVS never sent a 6301/6302 for this patient`);
    }
    const summary = summaryOf(b, settings.settings, this.now());
    const p = latestPrescription(b);
    return {
      patientId: patient.id,
      result: {
        pvsNumber,
        familyName: patient.familyName,
        givenName: patient.givenName,
        birthDate: patient.birthDate,
        sessionNumber: s.sessionNumber,
        plannedInfusions: course.plannedInfusions,
        status: s.state === 'cancelled' ? 'cancelled' : 'discharged',
        cancelReason: s.cancelReason,
        plannedFor: s.plannedFor,
        startedAt: s.startedAt,
        stoppedAt: s.stoppedAt,
        dischargedAt: s.dischargedAt,
        substance: p?.substance ?? null,
        targetMgPerKgPerH: p?.targetMgPerKgPerH ?? null,
        totalMg: summary.totalMg,
        mgPerKg: summary.mgPerKg,
        nrsBefore: summary.nrsBefore,
        nrsAfter: summary.nrsAfter,
        adverseEvents: b.observations
          .filter((o) => o.kind === 'adverseEvent')
          .map((o) => ({ at: o.at, description: String(o.data.description ?? ''), severity: o.data.severity as 'mild' | 'moderate' | 'severe' })),
        signedBy: s.signed.userName,
      },
    };
  }
}
