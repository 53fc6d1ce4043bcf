import { AlarmEngine } from '../../../core/alarms/engine';
import { CLINIC_THRESHOLDS, type Thresholds } from '../../../core/alarms/defaults';
import { PARAMETER_UNIT, type MeasurementState, type Reading, type VitalParameter } from '../../../core/vitals';

export const T0 = Date.UTC(2025, 0, 6, 8, 0, 0);
export const SEC = 1000;
export const MIN = 60 * SEC;

export function reading(parameter: VitalParameter, value: number | null, state: MeasurementState = 'valid'): Reading {
  return { parameter, value, unit: PARAMETER_UNIT[parameter], state };
}

/** A normal adult at rest: no limit crossed. */
export function normalVitals(): Reading[] {
  return [reading('hr', 72), reading('pulseRate', 72), reading('spo2', 98), reading('nibpSys', 125), reading('nibpDia', 80), reading('respRate', 14)];
}

/** The normal vitals with `changed` in their place: a monitor sends every parameter each time. */
export function withVitals(...changed: Reading[]): Reading[] {
  const byParameter = new Map(normalVitals().map((r) => [r.parameter, r]));
  for (const r of changed) byParameter.set(r.parameter, r);
  return [...byParameter.values()];
}

/** One monitor frame at `at`, stamped with the device time: required parameters stay current, nothing looks frozen. */
export function frame(at: number, ...changed: Reading[]): Reading[] {
  return withVitals(...changed).map((r) => ({ ...r, deviceTime: at }));
}

/** An engine with a running infusion at 10 ml/h and normal vitals, at T0. */
export function runningEngine(thresholds: Thresholds = CLINIC_THRESHOLDS): AlarmEngine {
  const engine = new AlarmEngine(thresholds);
  engine.infusion(T0, { running: true, documentedRateMlH: 10 });
  engine.readings(T0, normalVitals());
  engine.drainLog();
  return engine;
}

export function codes(engine: AlarmEngine): string[] {
  return engine.state().alarms.map((a) => a.code);
}

export function alarm(engine: AlarmEngine, code: string) {
  return engine.state().alarms.find((a) => a.code === code);
}

/** Sends the same readings once a second from `from` to `to` (inclusive), as a monitor would. */
export function feed(engine: AlarmEngine, from: number, to: number, readings: Reading[]): void {
  for (let t = from; t <= to; t += SEC) engine.readings(t, readings);
}
