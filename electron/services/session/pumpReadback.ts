/**
 * Confirms a pending rate order from the pump itself (issue 10 point 8): when the chair's syringe pump reports
 * (pumpRate, B. Braun BCC via PumpLink) the ordered rate, the order is confirmed at the time of that reading and the
 * rate change enters the dose timeline — the same as the MFA pressing "pump set". Pending orders per chair are
 * re-read after every session change.
 */
import type { StoredReading } from '../../../core/api/schemas';
import { pendingRateOrder, pumpShowsOrderedRate, type RateOrder } from '../../../core/dose/rateOrders';
import type { SessionStatus } from '../../../core/session/stateMachine';
import type { DbClient } from '../../../db/client';
import type { EventBus } from '../eventBus';
import { loadSettings } from './clinicSettings';
import { ordersOf } from './doseRecordHandlers';

export interface PumpReadbackOptions {
  db: DbClient;
  bus: EventBus;
  onInfusion?: (chairId: number, input: { sessionId: number | null; running: boolean; documentedRateMlH: number | null }) => void;
  log?: (message: string) => void;
}

interface Pending {
  sessionId: number;
  running: boolean;
  order: RateOrder;
  resolutionMlPerH: number;
  confirming: boolean;
}

export class PumpReadback {
  private readonly pending = new Map<number, Pending>();
  private unsubscribe: (() => void) | null = null;
  private work: Promise<void> = Promise.resolve();

  constructor(private readonly options: PumpReadbackOptions) {}

  async start(): Promise<void> {
    for (const light of await this.options.db.call('sessionSummaries', { statuses: ['running', 'paused'] })) await this.refresh(light.session.id);
    this.unsubscribe = this.options.bus.subscribe((event, payload) => {
      if (event === 'session.changed') this.queue(() => this.refresh((payload as { sessionId: number }).sessionId));
      if (event === 'vitals.readings') {
        const p = payload as { chairId: number; readings: StoredReading[] };
        const rate = [...p.readings].reverse().find((r) => r.parameter === 'pumpRate' && r.state === 'valid' && r.value !== null);
        if (rate) this.queue(() => this.onPumpRate(p.chairId, rate.value!, rate.receivedAt));
      }
    });
  }

  /** Resolves when every reading and change seen so far is handled. */
  stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    return this.work;
  }

  private queue(task: () => Promise<void>): void {
    this.work = this.work.then(task).catch((err) => this.options.log?.(`pump read-back: ${(err as Error).message}`));
  }

  private async refresh(sessionId: number): Promise<void> {
    const b = await this.options.db.call('sessionBundle', sessionId);
    if (!b) return;
    const chairId = b.session.chairId;
    const order = b.session.state === 'running' || b.session.state === 'paused' ? pendingRateOrder(ordersOf(b), b.session.stoppedAt) : null;
    if (!order) {
      if (this.pending.get(chairId)?.sessionId === sessionId) this.pending.delete(chairId);
      return;
    }
    const { settings } = await loadSettings(this.options.db);
    this.pending.set(chairId, { sessionId, running: b.session.state === 'running', order, resolutionMlPerH: settings.pumpResolutionMlPerH, confirming: false });
  }

  private async onPumpRate(chairId: number, pumpRateMlPerH: number, at: number): Promise<void> {
    const p = this.pending.get(chairId);
    // A reading from before the order shows the pump as it was, not as ordered.
    if (!p || p.confirming || at < p.order.orderedAt || !pumpShowsOrderedRate(pumpRateMlPerH, p.order, p.resolutionMlPerH)) return;
    p.confirming = true;
    try {
      await this.options.db.call('confirmRate', { userId: null, at }, p.sessionId, { orderId: p.order.id, at, via: 'pumpReadback', pumpRateMlPerH });
    } catch (err) {
      // Confirmed by the MFA in the meantime, or stopped: the session change re-reads what is pending.
      this.options.log?.(`pump read-back of chair ${chairId}: ${(err as Error).message}`);
      return;
    } finally {
      this.pending.delete(chairId);
    }
    if (p.running) this.options.onInfusion?.(chairId, { sessionId: p.sessionId, running: true, documentedRateMlH: p.order.rateMlPerH });
    const b = await this.options.db.call('sessionBundle', p.sessionId);
    if (b) this.options.bus.emit('session.changed', { sessionId: p.sessionId, chairId, status: b.session.state as SessionStatus });
  }
}
