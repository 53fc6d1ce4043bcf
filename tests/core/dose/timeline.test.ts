import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  cumulativeDose,
  InvalidDoseTimelineError,
  pumpStateAt,
  rateIncreaseTimes,
  validateDoseTimeline,
  type DoseEvent,
} from '../../../core/dose/timeline';

const T0 = Date.UTC(2025, 2, 3, 8, 0, 0);
const MIN = 60_000;
const H = 60 * MIN;

describe('cumulativeDose, worked examples', () => {
  it('80 kg at 20 ml/h of 1 mg/ml for 2.5 h → 50 ml = 50 mg = 0.625 mg/kg', () => {
    const timeline = { concentrationMgPerMl: 1, weightKg: 80, events: [{ kind: 'start', at: T0, rateMlPerH: 20 }] as DoseEvent[] };
    expect(cumulativeDose(timeline, T0 + 2.5 * H)).toEqual({ infusedMl: 50, bolusMl: 0, totalMl: 50, totalMg: 50, mgPerKg: 0.625 });
  });

  it('rate change, pause, resume, bolus in ml and mg, stop', () => {
    const events: DoseEvent[] = [
      { kind: 'start', at: T0, rateMlPerH: 10 }, // 1 h → 10 ml
      { kind: 'rateChange', at: T0 + H, rateMlPerH: 20 }, // 30 min → 10 ml
      { kind: 'pause', at: T0 + 1.5 * H }, // 15 min → 0
      { kind: 'rateChange', at: T0 + 1.6 * H, rateMlPerH: 4 }, // while paused: resumes with 4 ml/h
      { kind: 'resume', at: T0 + 1.75 * H }, // 15 min → 1 ml
      { kind: 'bolus', at: T0 + 1.8 * H, amount: 2, unit: 'ml' },
      { kind: 'bolus', at: T0 + 1.9 * H, amount: 5, unit: 'mg' }, // 2.5 ml at 2 mg/ml
      { kind: 'stop', at: T0 + 2 * H },
    ];
    const timeline = { concentrationMgPerMl: 2, weightKg: 50, events };
    const atEnd = cumulativeDose(timeline, T0 + 5 * H);
    expect(atEnd.infusedMl).toBeCloseTo(21, 12);
    expect(atEnd.bolusMl).toBeCloseTo(4.5, 12);
    expect(atEnd.totalMg).toBeCloseTo(51, 12);
    expect(atEnd.mgPerKg).toBeCloseTo(1.02, 12);
    expect(cumulativeDose(timeline, T0 + 1.7 * H).infusedMl).toBeCloseTo(20, 12);
    expect(cumulativeDose(timeline, T0 + 1.8 * H).bolusMl).toBe(2);
    expect(cumulativeDose(timeline, T0 + 1.8 * H - 1).bolusMl).toBe(0);
  });

  it('before the start nothing has been given', () => {
    const timeline = { concentrationMgPerMl: 1, weightKg: 70, events: [{ kind: 'start', at: T0, rateMlPerH: 20 }] as DoseEvent[] };
    expect(cumulativeDose(timeline, T0 - MIN).totalMg).toBe(0);
  });

  it('refuses to compute from a timeline no pump can produce', () => {
    const timeline = { concentrationMgPerMl: 1, weightKg: 70, events: [{ kind: 'pause', at: T0 }] as DoseEvent[] };
    expect(() => cumulativeDose(timeline, T0)).toThrow(InvalidDoseTimelineError);
  });
});

describe('pumpStateAt', () => {
  const events: DoseEvent[] = [
    { kind: 'start', at: T0, rateMlPerH: 10 },
    { kind: 'pause', at: T0 + H },
    { kind: 'resume', at: T0 + 2 * H },
    { kind: 'stop', at: T0 + 3 * H },
  ];
  it('follows the pump: not started, running, paused (keeping the rate), stopped', () => {
    expect(pumpStateAt(events, T0 - 1)).toEqual({ phase: 'notStarted', rateMlPerH: 0 });
    expect(pumpStateAt(events, T0)).toEqual({ phase: 'running', rateMlPerH: 10 });
    expect(pumpStateAt(events, T0 + 1.5 * H)).toEqual({ phase: 'paused', rateMlPerH: 10 });
    expect(pumpStateAt(events, T0 + 2.5 * H)).toEqual({ phase: 'running', rateMlPerH: 10 });
    expect(pumpStateAt(events, T0 + 3 * H)).toEqual({ phase: 'stopped', rateMlPerH: 0 });
  });
});

describe('rateIncreaseTimes', () => {
  it('lists rate changes that raise the rate, also while paused; a resume is not an increase', () => {
    const events: DoseEvent[] = [
      { kind: 'start', at: T0, rateMlPerH: 10 },
      { kind: 'rateChange', at: T0 + H, rateMlPerH: 15 },
      { kind: 'rateChange', at: T0 + 2 * H, rateMlPerH: 12 },
      { kind: 'pause', at: T0 + 3 * H },
      { kind: 'rateChange', at: T0 + 3.1 * H, rateMlPerH: 14 },
      { kind: 'resume', at: T0 + 3.2 * H },
    ];
    expect(rateIncreaseTimes(events)).toEqual([T0 + H, T0 + 3.1 * H]);
  });
});

describe('validateDoseTimeline', () => {
  const cases: Array<[string, DoseEvent[], string[]]> = [
    ['valid', [{ kind: 'start', at: T0, rateMlPerH: 1 }, { kind: 'stop', at: T0 }], []],
    ['event before start', [{ kind: 'bolus', at: T0, amount: 1, unit: 'ml' }], ['dose.timeline.eventBeforeStart']],
    [
      'start twice',
      [
        { kind: 'start', at: T0, rateMlPerH: 1 },
        { kind: 'start', at: T0, rateMlPerH: 1 },
      ],
      ['dose.timeline.startRepeated'],
    ],
    [
      'pause while paused',
      [
        { kind: 'start', at: T0, rateMlPerH: 1 },
        { kind: 'pause', at: T0 },
        { kind: 'pause', at: T0 },
      ],
      ['dose.timeline.pauseWhileNotRunning'],
    ],
    [
      'resume while running',
      [
        { kind: 'start', at: T0, rateMlPerH: 1 },
        { kind: 'resume', at: T0 },
      ],
      ['dose.timeline.resumeWhileNotPaused'],
    ],
    [
      'anything after stop',
      [
        { kind: 'start', at: T0, rateMlPerH: 1 },
        { kind: 'stop', at: T0 },
        { kind: 'bolus', at: T0, amount: 1, unit: 'mg' },
      ],
      ['dose.timeline.eventAfterStop'],
    ],
    [
      'out of time order',
      [
        { kind: 'start', at: T0, rateMlPerH: 1 },
        { kind: 'stop', at: T0 - 1 },
      ],
      ['dose.timeline.outOfOrder'],
    ],
    ['invalid time', [{ kind: 'start', at: Number.NaN, rateMlPerH: 1 }], ['dose.timeline.timeInvalid']],
    ['rate 0 (use pause)', [{ kind: 'start', at: T0, rateMlPerH: 0 }], ['dose.timeline.rateNotPositive']],
    [
      'bolus 0',
      [
        { kind: 'start', at: T0, rateMlPerH: 1 },
        { kind: 'bolus', at: T0, amount: 0, unit: 'ml' },
      ],
      ['dose.timeline.bolusNotPositive'],
    ],
  ];
  it.each(cases)('%s', (_name, events, codes) => {
    expect(validateDoseTimeline(events).map((p) => p.code)).toEqual(codes);
  });
});

// ---- Property test against an independent exact integral (BigInt rationals) ----

interface Rational {
  n: bigint;
  d: bigint;
}
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const rat = (n: bigint, d: bigint = 1n): Rational => {
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
};
const add = (a: Rational, b: Rational): Rational => rat(a.n * b.d + b.n * a.d, a.d * b.d);
const mul = (a: Rational, b: Rational): Rational => rat(a.n * b.n, a.d * b.d);
const toNumber = (a: Rational): number => Number(a.n) / Number(a.d);

/** Rates in 0.1 ml/h steps (the pump's resolution) and integer ms: the exact integral is rational. */
type Step =
  | { kind: 'rateChange'; dtMs: number; rateTenths: number }
  | { kind: 'pause' | 'resume' | 'stop'; dtMs: number }
  | { kind: 'bolus'; dtMs: number; amountTenths: number; unit: 'ml' | 'mg' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('rateChange' as const), dtMs: fc.integer({ min: 0, max: 2 * H }), rateTenths: fc.integer({ min: 1, max: 5000 }) }),
  fc.record({ kind: fc.constantFrom('pause' as const, 'resume' as const, 'stop' as const), dtMs: fc.integer({ min: 0, max: 2 * H }) }),
  fc.record({
    kind: fc.constant('bolus' as const),
    dtMs: fc.integer({ min: 0, max: 2 * H }),
    amountTenths: fc.integer({ min: 1, max: 200 }),
    unit: fc.constantFrom('ml' as const, 'mg' as const),
  }),
);

/** Builds a valid timeline from arbitrary steps, skipping steps the pump could not take. */
function buildEvents(startRateTenths: number, steps: Step[]): DoseEvent[] {
  const events: DoseEvent[] = [{ kind: 'start', at: T0, rateMlPerH: startRateTenths / 10 }];
  let at = T0;
  let phase: 'running' | 'paused' | 'stopped' = 'running';
  for (const step of steps) {
    if (phase === 'stopped') break;
    if (step.kind === 'pause' && phase !== 'running') continue;
    if (step.kind === 'resume' && phase !== 'paused') continue;
    at += step.dtMs;
    if (step.kind === 'rateChange') events.push({ kind: 'rateChange', at, rateMlPerH: step.rateTenths / 10 });
    else if (step.kind === 'bolus') events.push({ kind: 'bolus', at, amount: step.amountTenths / 10, unit: step.unit });
    else events.push({ kind: step.kind, at });
    if (step.kind === 'pause') phase = 'paused';
    if (step.kind === 'resume') phase = 'running';
    if (step.kind === 'stop') phase = 'stopped';
  }
  return events;
}

/**
 * Independent oracle: the rate at any instant is found by replaying all events up to it from scratch,
 * and the integral is summed exactly over the intervals between distinct event times.
 */
function exactTotalMl(events: DoseEvent[], concentration: number, t: number): Rational {
  const tenths = (x: number): bigint => BigInt(Math.round(x * 10));
  const rateTenthsJustAfter = (time: number): bigint => {
    let running = false;
    let rate = 0n;
    for (const e of events.filter((x) => x.at <= time)) {
      if (e.kind === 'start') [running, rate] = [true, tenths(e.rateMlPerH)];
      if (e.kind === 'rateChange') rate = tenths(e.rateMlPerH);
      if (e.kind === 'pause' || e.kind === 'stop') running = false;
      if (e.kind === 'resume') running = true;
    }
    return running ? rate : 0n;
  };
  const times = [...new Set(events.map((e) => e.at).filter((x) => x <= t)), t].sort((a, b) => a - b);
  let total = rat(0n);
  for (let i = 0; i + 1 < times.length; i++) {
    const a = times[i]!;
    const b = times[i + 1]!;
    // ml = (tenths/10 ml/h) × (Δms / 3 600 000 ms/h)
    total = add(total, rat(rateTenthsJustAfter(a) * BigInt(b - a), 36_000_000n));
  }
  for (const e of events) {
    if (e.kind !== 'bolus' || e.at > t) continue;
    const ml = e.unit === 'ml' ? rat(tenths(e.amount), 10n) : mul(rat(tenths(e.amount), 10n), rat(1n, BigInt(concentration)));
    total = add(total, ml);
  }
  return total;
}

describe('cumulativeDose, properties', () => {
  const scenario = fc.record({
    startRateTenths: fc.integer({ min: 1, max: 5000 }),
    steps: fc.array(stepArb, { maxLength: 25 }),
    concentration: fc.constantFrom(1, 2, 5),
    weightKg: fc.integer({ min: 30, max: 250 }),
    queryOffsetMs: fc.integer({ min: -H, max: 40 * H }),
  });

  it('equals the exact piecewise-linear integral at any time t', () => {
    fc.assert(
      fc.property(scenario, ({ startRateTenths, steps, concentration, weightKg, queryOffsetMs }) => {
        const events = buildEvents(startRateTenths, steps);
        const t = T0 + queryOffsetMs;
        const dose = cumulativeDose({ concentrationMgPerMl: concentration, weightKg, events }, t);
        const exactMl = toNumber(exactTotalMl(events, concentration, t));
        const tolerance = 1e-9 * Math.max(1, exactMl);
        expect(Math.abs(dose.totalMl - exactMl)).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(dose.totalMg - exactMl * concentration)).toBeLessThanOrEqual(tolerance * concentration);
        expect(Math.abs(dose.mgPerKg - (exactMl * concentration) / weightKg)).toBeLessThanOrEqual(tolerance * concentration);
      }),
      { numRuns: 300 },
    );
  });

  it('also at every event time exactly (segment boundaries, simultaneous events)', () => {
    fc.assert(
      fc.property(scenario, ({ startRateTenths, steps, concentration, weightKg }) => {
        const events = buildEvents(startRateTenths, steps);
        for (const { at } of events) {
          const dose = cumulativeDose({ concentrationMgPerMl: concentration, weightKg, events }, at);
          const exactMl = toNumber(exactTotalMl(events, concentration, at));
          expect(Math.abs(dose.totalMl - exactMl)).toBeLessThanOrEqual(1e-9 * Math.max(1, exactMl));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('never decreases over time, and stays constant after stop', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 10 * H }), ({ startRateTenths, steps, concentration, weightKg, queryOffsetMs }, later) => {
        const timeline = { concentrationMgPerMl: concentration, weightKg, events: buildEvents(startRateTenths, steps) };
        const t = T0 + queryOffsetMs;
        expect(cumulativeDose(timeline, t + later).totalMl).toBeGreaterThanOrEqual(cumulativeDose(timeline, t).totalMl);
        const stop = timeline.events.find((e) => e.kind === 'stop');
        if (stop !== undefined) {
          expect(cumulativeDose(timeline, stop.at + later).totalMl).toBe(cumulativeDose(timeline, stop.at).totalMl);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the generated timelines are valid ones', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.array(stepArb, { maxLength: 25 }), (rate, steps) => {
        expect(validateDoseTimeline(buildEvents(rate, steps))).toEqual([]);
      }),
    );
  });
});
