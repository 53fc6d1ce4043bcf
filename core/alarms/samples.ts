/**
 * Readings that arrive together (several monitor frames in one serial read) split back into the samples they
 * were, in order: a parameter seen again starts the next sample. The engine judges each sample on its own, so a
 * crossing that lasted one frame is raised (and ends) instead of being hidden by the frame after it in the
 * same read (issue 11 bench: such crossings were lost).
 */
import type { Reading } from '../vitals';

export function samplesInOrder<R extends Pick<Reading, 'parameter'>>(readings: readonly R[]): R[][] {
  const samples: R[][] = [];
  let current: R[] = [];
  const seen = new Set<string>();
  for (const r of readings) {
    if (seen.has(r.parameter)) {
      samples.push(current);
      current = [];
      seen.clear();
    }
    seen.add(r.parameter);
    current.push(r);
  }
  if (current.length > 0) samples.push(current);
  return samples;
}
