/**
 * Physiological alarm conditions: the latest usable value of each parameter against the merged limits.
 */
import { isPlausible } from '../vitals';
import { PHYSIOLOGICAL_CODES, PHYSIOLOGICAL_CONDITIONS, PRIORITY_RANK, type Priority } from './codes';
import { usableValue, type Condition, type Observed } from './condition';
import type { Comparison, LimitPriority, Thresholds } from './defaults';

const LIMIT_PRIORITIES: readonly LimitPriority[] = ['high', 'medium'];

function crosses(value: number, op: Comparison, limit: number): boolean {
  switch (op) {
    case '<':
      return value < limit;
    case '<=':
      return value <= limit;
    case '>':
      return value > limit;
    case '>=':
      return value >= limit;
  }
}

/**
 * `metSince` remembers, per code and priority, since when the limit has been crossed without a break; it is
 * the engine's memory for alarm delays and is updated here. The highest priority whose delay has run out wins.
 */
export function judgeVitals(now: number, observed: Observed, thresholds: Thresholds, metSince: Map<string, number>): Condition[] {
  const conditions: Condition[] = [];
  for (const code of PHYSIOLOGICAL_CODES) {
    const { parameter } = PHYSIOLOGICAL_CONDITIONS[code];
    const value = usableValue(observed.latest[parameter]);
    let raised: { priority: Priority; threshold: number } | null = null;
    for (const priority of LIMIT_PRIORITIES) {
      const setting = thresholds.physiological[code][priority];
      const key = `${code}/${priority}`;
      if (!setting || value === null || !isPlausible(parameter, value) || !crosses(value, setting.value.op, setting.value.limit)) {
        metSince.delete(key);
        continue;
      }
      const since = metSince.get(key) ?? now;
      metSince.set(key, since);
      if (raised === null && now - since >= setting.value.delayMs) {
        raised = { priority, threshold: setting.value.limit };
      }
    }
    if (raised && value !== null) {
      conditions.push({
        key: code,
        code,
        kind: 'physiological',
        priority: raised.priority,
        value,
        threshold: raised.threshold,
        params: { value, threshold: raised.threshold },
      });
    }
  }
  return conditions;
}

/**
 * ECG heart rate and oximeter pulse rate crossing the same way are one event: one alarm, at the higher of the two
 * priorities, under whichever of the two is already raised (so a second source agreeing neither clears nor adds one),
 * with the other source's value in its params. Sources that disagree keep their own alarms.
 */
export function mergeRateSources(conditions: Condition[], active: ReadonlyMap<string, unknown>): Condition[] {
  let merged = conditions;
  for (const direction of ['high', 'low'] as const) {
    const hr = merged.find((c) => c.key === `hr.${direction}`);
    const pulse = merged.find((c) => c.key === `pulseRate.${direction}`);
    if (!hr || !pulse) continue;
    const [kept, other] = active.has(pulse.key) && !active.has(hr.key) ? [pulse, hr] : [hr, pulse];
    const priority = PRIORITY_RANK[other.priority] > PRIORITY_RANK[kept.priority] ? other : kept;
    const one: Condition = {
      ...kept,
      priority: priority.priority,
      threshold: priority.threshold,
      params: { ...kept.params, threshold: priority.threshold ?? kept.params.threshold ?? '', otherSource: other.code.split('.')[0]!, otherValue: other.value ?? '' },
    };
    merged = merged.filter((c) => c !== hr && c !== pulse).concat(one);
  }
  return merged;
}
