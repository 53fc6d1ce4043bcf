/** The physician's worklist rule (issue 12 item 4): what waits for her, and in which order, against a reference list. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SESSION_STATUSES } from '../../../core/session/stateMachine';
import { awaitingOf, worklistOf, type WorklistCandidate } from '../../../core/session/worklist';

const H = 3_600_000;
const NOW = 100 * H;
const base: WorklistCandidate = {
  id: 1, status: 'planned', signed: false, hasPrescription: false, released: false,
  checkedInAt: null, stoppedAt: null, dischargedAt: null, lastEventAt: null, plannedFor: 0,
};
const c = (over: Partial<WorklistCandidate>): WorklistCandidate => ({ ...base, ...over });

describe('what waits for the physician', () => {
  it('a prescription before the start, a release in observation, a signature when finished', () => {
    expect(awaitingOf(c({ status: 'planned' }))).toBeNull();
    expect(awaitingOf(c({ status: 'checkedIn', checkedInAt: 5 }))).toEqual({ awaiting: 'prescription', since: 5 });
    expect(awaitingOf(c({ status: 'checklistComplete', hasPrescription: true }))).toBeNull();
    expect(awaitingOf(c({ status: 'running', hasPrescription: true }))).toBeNull();
    expect(awaitingOf(c({ status: 'postObservation', stoppedAt: 7 }))).toEqual({ awaiting: 'release', since: 7 });
    expect(awaitingOf(c({ status: 'postObservation', released: true }))).toBeNull();
    expect(awaitingOf(c({ status: 'discharged', stoppedAt: 7, dischargedAt: 9 }))).toEqual({ awaiting: 'signature', since: 9 });
    expect(awaitingOf(c({ status: 'transferred', stoppedAt: 7 }))).toEqual({ awaiting: 'signature', since: 7 });
    expect(awaitingOf(c({ status: 'cancelled', lastEventAt: 3 }))).toEqual({ awaiting: 'signature', since: 3 });
    expect(awaitingOf(c({ status: 'discharged', signed: true }))).toBeNull();
  });

  it('is overdue only as a signature older than the clinic setting', () => {
    const list = worklistOf(
      [
        c({ id: 1, status: 'discharged', dischargedAt: NOW - 25 * H }),
        c({ id: 2, status: 'discharged', dischargedAt: NOW - 23 * H }),
        c({ id: 3, status: 'postObservation', stoppedAt: NOW - 30 * H }),
      ],
      NOW,
      24,
    );
    expect(list.map((e) => [e.sessionId, e.overdue])).toEqual([[1, true], [3, false], [2, false]]);
  });

  it('orders any mix as the reference: overdue signatures, releases, prescriptions, other signatures; oldest first', () => {
    const candidate = fc.record({
      status: fc.constantFrom(...SESSION_STATUSES),
      signed: fc.boolean(),
      hasPrescription: fc.boolean(),
      released: fc.boolean(),
      at: fc.integer({ min: 0, max: 99 * H }),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 30 }), fc.integer({ min: 1, max: 72 }), (raw, hours) => {
        const cands = raw.map((r, i) => c({ ...r, id: i + 1, checkedInAt: r.at, stoppedAt: r.at, dischargedAt: r.at, lastEventAt: r.at }));
        const list = worklistOf(cands, NOW, hours);
        // Reference: filter each group by hand, then concatenate.
        const finished = (x: WorklistCandidate) => ['discharged', 'transferred', 'cancelled'].includes(x.status) && !x.signed;
        const old = (x: WorklistCandidate) => NOW - x.stoppedAt! > hours * H;
        const byAge = (a: WorklistCandidate, b: WorklistCandidate) => a.stoppedAt! - b.stoppedAt! || a.id - b.id;
        const expected = [
          ...cands.filter((x) => finished(x) && old(x)).sort(byAge),
          ...cands.filter((x) => x.status === 'postObservation' && !x.released).sort(byAge),
          ...cands.filter((x) => (x.status === 'checkedIn' || x.status === 'checklistComplete') && !x.hasPrescription).sort(byAge),
          ...cands.filter((x) => finished(x) && !old(x)).sort(byAge),
        ].map((x) => x.id);
        expect(list.map((e) => e.sessionId)).toEqual(expected);
      }),
    );
  });
});
