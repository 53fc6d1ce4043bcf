/**
 * A simulated patient during an esketamine infusion: plausible baseline, a moderate rise of blood pressure
 * and heart rate after the start (esketamine is sympathomimetic), slow drift, single-beat motion artefacts,
 * and now and then a sensor that comes off. Deterministic for a given seed, so tests can rely on it.
 */
import type { VitalsSnapshot } from './device';
import { seededRandom } from './random';

export interface PatientScenario {
  seed?: number;
  /** Infusion starts this long after the simulation starts: HR +10 /min and SBP +15 mmHg over 10 min. */
  infusionStartAfterMs?: number;
  /** SpO2 falls to about 85 % over one minute from this moment (for alarm tests). */
  desaturateAfterMs?: number;
  /** The probe comes off for 20 s once in this period; 0 never. */
  sensorOffEveryMs?: number;
  /** Probability per sample of a motion artefact on HR. */
  artefactRate?: number;
  /** NIBP cuff interval. */
  nibpEveryMs?: number;
}

const BASELINE = { hr: 72, sys: 126, dia: 79, spo2: 97.5, respRate: 14, etco2: 37, temp: 36.6 };
const RISE_MS = 10 * 60_000;
const SENSOR_OFF_MS = 20_000;

export class SimulatedPatient {
  private readonly random: () => number;
  private drift = { hr: 0, sys: 0, spo2: 0, respRate: 0 };
  private nibp = { sys: BASELINE.sys, dia: BASELINE.dia, at: Number.NEGATIVE_INFINITY };

  constructor(
    private readonly startedAt: number,
    private readonly scenario: PatientScenario = {},
  ) {
    this.random = seededRandom(scenario.seed ?? 1);
  }

  snapshot(now: number): VitalsSnapshot {
    const s = this.scenario;
    const elapsed = now - this.startedAt;
    const r = () => this.random() - 0.5;
    // Bounded random walk: vitals wander but return to the curve.
    this.drift.hr = this.drift.hr * 0.9 + r() * 1.5;
    this.drift.sys = this.drift.sys * 0.9 + r() * 2;
    this.drift.spo2 = this.drift.spo2 * 0.8 + r() * 0.4;
    this.drift.respRate = this.drift.respRate * 0.9 + r() * 0.6;

    const sinceStart = elapsed - (s.infusionStartAfterMs ?? 60_000);
    const rise = sinceStart <= 0 ? 0 : Math.min(1, sinceStart / RISE_MS);
    let spo2 = BASELINE.spo2 + this.drift.spo2;
    if (s.desaturateAfterMs !== undefined && elapsed >= s.desaturateAfterMs) {
      spo2 -= Math.min(1, (elapsed - s.desaturateAfterMs) / 60_000) * 12.5;
    }
    let hr = BASELINE.hr + 10 * rise + this.drift.hr;
    // Motion artefact: one implausible beat count, rare enough (about one per 40 min at 5-s records) not to drown the demo.
    if (this.random() < (s.artefactRate ?? 0.002)) hr += 25 + this.random() * 25;

    const every = s.nibpEveryMs ?? 5 * 60_000;
    if (now - this.nibp.at >= every) {
      this.nibp = { sys: BASELINE.sys + 15 * rise + this.drift.sys, dia: BASELINE.dia + 8 * rise + this.drift.sys / 2, at: now };
    }
    const offEvery = s.sensorOffEveryMs ?? 15 * 60_000;
    const sensorOff = offEvery > 0 && elapsed > offEvery && elapsed % offEvery < SENSOR_OFF_MS;
    const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;
    return {
      time: now,
      sensorOff,
      nibpMeasuredAt: this.nibp.at,
      values: {
        hr: round(hr),
        pulseRate: round(hr),
        spo2: Math.min(100, round(spo2)),
        nibpSys: round(this.nibp.sys),
        nibpDia: round(this.nibp.dia),
        nibpMean: round((this.nibp.sys + 2 * this.nibp.dia) / 3),
        respRate: round(BASELINE.respRate + this.drift.respRate),
        etco2: round(BASELINE.etco2 + this.drift.respRate / 2),
        temp: round(BASELINE.temp + this.drift.spo2 / 10, 1),
      },
    };
  }
}
