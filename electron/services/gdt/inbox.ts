/**
 * One partner's inbox: fs.watch for prompt reaction plus a poll every pollMs (network shares often send no change
 * events). Only files addressed to this app are taken (<own short id><PVS short id>.gdt or .NNN, any case); each is
 * stored raw with its verdict, then deleted (accepted, as the GDT receiver does) or moved to error/ with a
 * '.reason.txt' beside it (refused). When the database cannot store it, the file stays where it is for the next
 * round: nothing is lost. Nothing here throws into the host: every failure becomes the link's state.
 */
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventPayload } from '../../../core/api/contract';
import type { DbApi } from '../../../db/api';
import type { DbClient } from '../../../db/client';
import type { GdtPartner } from '../../../db/repos/gdt';
import type { GdtReasonArgs, GdtReasonCode } from '../../../core/gdt/gdtReason';
import { inFolder, reasonOf } from './gdtFailure';
import { readInbound } from './inbound';

export interface LinkState {
  state: 'watching' | 'polling' | 'off' | 'error';
  /** English, for the log. */
  detail: string;
  /** Why the state is 'error', said in words by the screen (core/gdt/gdtReason.ts); null otherwise. */
  reasonCode: GdtReasonCode | null;
  reasonArgs: GdtReasonArgs | null;
}

/** A state without an error to explain. */
export const linkState = (state: LinkState['state'], detail: string): LinkState => ({ state, detail, reasonCode: null, reasonArgs: null });

export interface InboxDeps {
  db: DbClient;
  now: () => number;
  /** A file was stored, or the link's state changed. */
  onChange: (partnerId: number) => void;
  /** A request planned a session: schedules reload. */
  onPlanned: (sessionId: number, chairId: number) => void;
  /** A 6311 asks to show an examination of a known patient: every station shows a notice. */
  onShowRequested: (request: EventPayload<'gdt.showRequested'>) => void;
  log: (message: string) => void;
}

/** How long a file shorter than its 8100 may keep growing before it is refused as cut short. */
const INCOMPLETE_GRACE_MS = 10_000;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class GdtInbox {
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly pattern: RegExp;
  state: LinkState = linkState('off', 'not started');

  constructor(
    private readonly partner: GdtPartner,
    private readonly deps: InboxDeps,
  ) {
    this.pattern = new RegExp(`^${escape(partner.ownShortId)}${escape(partner.pvsShortId)}\\.(gdt|\\d{3})$`, 'i');
  }

  /** Resolves after the first reading of the inbox (its state is known then). */
  start(): Promise<void> {
    this.timer = setInterval(() => void this.scan(), this.partner.pollMs);
    this.startWatch();
    return this.scan();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.watcher?.close();
    await this.running;
  }

  /** Reads the inbox now (and once more if a scan is running); resolves when done. */
  scan(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.scanOnce();
      } while (this.again && !this.stopped);
      this.running = null;
    })();
    return this.running;
  }

  private startWatch(): void {
    try {
      this.watcher = watch(this.partner.inboxDir, () => void this.scan());
      this.watcher.on('error', (err) => {
        this.watcher?.close();
        this.watcher = null;
        this.setState(linkState('polling', `fs.watch stopped (${err.message}); polling every ${this.partner.pollMs} ms`));
      });
    } catch {
      this.watcher = null; // no change events here (missing folder, some shares): the poll reads it
    }
  }

  private setState(next: LinkState): void {
    if (next.state === this.state.state && next.detail === this.state.detail) return;
    if (next.state === 'error') this.deps.log(`GDT ${this.partner.name}: ${next.detail}`);
    this.state = next;
    this.deps.onChange(this.partner.id);
  }

  private async scanOnce(): Promise<void> {
    const dir = this.partner.inboxDir;
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => this.pattern.test(n)).sort();
    } catch (err) {
      const why = reasonOf(inFolder(dir, err)); // its errno in words, else internal
      this.setState({ state: 'error', detail: `cannot read the inbox ${dir}: ${(err as Error).message}`, reasonCode: why.code, reasonArgs: why.args });
      return;
    }
    if (!this.watcher) this.startWatch();
    const ok = this.watcher
      ? linkState('watching', `${dir} (watched, and read every ${this.partner.pollMs} ms)`)
      : linkState('polling', `${dir} (read every ${this.partner.pollMs} ms)`);
    for (const name of names) {
      if (this.stopped) return;
      // A file that could not be read (its folder's errno said in words) or not stored (the database: internal).
      const problem = await this.take(name).then(
        (text) => (text === null ? null : { text, why: reasonOf(null) }),
        (err: Error) => ({ text: `${name}: ${err.message}`, why: reasonOf(inFolder(this.partner.inboxDir, err)) }),
      );
      if (problem) {
        this.setState({ state: 'error', detail: problem.text, reasonCode: problem.why.code, reasonArgs: problem.why.args });
        return;
      }
    }
    this.setState(ok);
  }

  /** Takes one file; returns a problem in words when it had to stay (e.g. the database cannot write). */
  private async take(name: string): Promise<string | null> {
    const path = join(this.partner.inboxDir, name);
    let bytes: Uint8Array;
    let modifiedAt: number;
    try {
      [bytes, modifiedAt] = await Promise.all([readFile(path).then((b) => new Uint8Array(b)), stat(path).then((s) => s.mtimeMs)]);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null; // taken meanwhile (another scan, the PVS)
      throw err;
    }
    const at = this.deps.now();
    const verdict = readInbound(bytes, this.partner, new Date(at).toISOString().slice(0, 10));
    if (verdict.outcome === 'incomplete' && at - modifiedAt < INCOMPLETE_GRACE_MS) return null; // still being written
    const final =
      verdict.outcome === 'incomplete'
        ? {
            outcome: 'rejected' as const,
            recordType: null,
            reason: `cut short: 8100 says ${verdict.declared} bytes, the file has ${verdict.actual} and did not grow for ${INCOMPLETE_GRACE_MS / 1000} s`,
            why: { code: 'cutShort' as const, args: { declared: verdict.declared, actual: verdict.actual, seconds: INCOMPLETE_GRACE_MS / 1000 } },
            parse: { error: 'incomplete', line: 0 },
          }
        : verdict;
    let stored: Awaited<ReturnType<DbApi['receiveGdtFile']>>;
    try {
      stored = await this.deps.db.call('receiveGdtFile', { userId: null, at }, {
        partnerId: this.partner.id,
        fileName: name,
        bytes,
        recordType: final.recordType,
        outcome: final.outcome === 'rejected' ? 'rejected' : 'accepted',
        reason: final.outcome === 'rejected' ? final.reason : null,
        why: final.outcome === 'rejected' ? final.why : null,
        parse: final.parse,
        ...(final.outcome === 'accepted' ? { patient: final.patient, requestedFor: final.requestedFor } : {}),
        ...(final.outcome === 'showRequested' ? { show: { pvsNumber: final.pvsNumber, examinedOn: final.examinedOn } } : {}),
      });
      if (stored.plan?.how === 'planned') this.deps.onPlanned(stored.plan.sessionId, stored.plan.chairId);
      if (stored.shown) this.deps.onShowRequested({ fileId: stored.fileId, ...stored.shown, examinedOn: final.outcome === 'showRequested' ? final.examinedOn : null });
    } catch (err) {
      return `${name} stays in the inbox: it could not be stored (${(err as Error).message})`;
    }
    // A 6311 of an unknown patient is refused by the database: it goes aside like any refused file.
    if (stored.outcome === 'accepted') await rm(path, { force: true });
    else await this.moveAside(name, stored.reason ?? 'refused');
    this.deps.onChange(this.partner.id);
    return null;
  }

  private async moveAside(name: string, reason: string): Promise<void> {
    const errorDir = join(this.partner.inboxDir, 'error');
    await mkdir(errorDir, { recursive: true });
    // Never overwrite an earlier refused file of the same name.
    const target = `${new Date(this.deps.now()).toISOString().replace(/[:.]/g, '-')}-${name}`;
    await writeFile(join(errorDir, `${target}.reason.txt`), `${reason}\n`);
    await rename(join(this.partner.inboxDir, name), join(errorDir, target));
  }
}
