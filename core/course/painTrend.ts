/**
 * Pain across a course (§1.8, §3.1): NRS before and after each infusion, the change per session and over the
 * course, and the share of sessions with a clinically meaningful drop. "Meaningful" is the Farrar 2001 anchor
 * cited in §1.8 [G, S32]: a drop of ≥ 2 NRS points or ≥ 30 % (either suffices), flagged as in §1.8 [D].
 */
import type { Problem } from '../settings';
import type { ClinicSettings } from '../clinic/defaults';
import { problem } from '../messages';

export interface SessionPain {
  sessionNumber: number;
  /** NRS 0–10 before the infusion; may be a mean (e.g. "average last 7 days"), so decimals are allowed. */
  nrsBefore?: number;
  nrsAfter?: number;
}

export interface MeaningfulDropRule {
  minPoints: number;
  minPercent: number;
}

export function meaningfulDropRule(settings: ClinicSettings): MeaningfulDropRule {
  return { minPoints: settings.meaningfulPainDropPoints, minPercent: settings.meaningfulPainDropPercent };
}

export interface PainChange {
  from: number;
  to: number;
  /** Positive = less pain. */
  dropPoints: number;
  /** Drop as % of `from`; undefined when `from` is 0 (no pain to reduce). */
  dropPercent?: number;
  meaningful: boolean;
}

export function painChange(from: number, to: number, rule: MeaningfulDropRule): PainChange {
  const dropPoints = from - to;
  const dropPercent = from > 0 ? (dropPoints / from) * 100 : undefined;
  const meaningful = dropPoints > 0 && (dropPoints >= rule.minPoints || (dropPercent !== undefined && dropPercent >= rule.minPercent));
  return dropPercent === undefined ? { from, to, dropPoints, meaningful } : { from, to, dropPoints, dropPercent, meaningful };
}

export interface PainTrend {
  /** Per session in session order: the change from before to after the infusion, where both were recorded. */
  sessions: { sessionNumber: number; change?: PainChange }[];
  /**
   * Over the course: pre-infusion NRS of the first session → pre-infusion NRS of the latest session, e.g. 7.5 → 3.4.
   * Pre-infusion values because they show what lasts between infusions, not the acute effect.
   */
  course?: PainChange;
  /** Sessions with both values recorded, and how many of them had a meaningful drop. */
  assessedSessions: number;
  meaningfulSessions: number;
  /** meaningfulSessions ÷ assessedSessions, 0–1; undefined when no session was assessed. */
  meaningfulShare?: number;
}

export function painTrend(sessions: readonly SessionPain[], rule: MeaningfulDropRule): PainTrend {
  const ordered = [...sessions].sort((a, b) => a.sessionNumber - b.sessionNumber);
  const perSession = ordered.map(({ sessionNumber, nrsBefore, nrsAfter }) =>
    nrsBefore !== undefined && nrsAfter !== undefined ? { sessionNumber, change: painChange(nrsBefore, nrsAfter, rule) } : { sessionNumber },
  );
  const assessed = perSession.flatMap((s) => (s.change === undefined ? [] : [s.change]));
  const meaningfulSessions = assessed.filter((c) => c.meaningful).length;
  const befores = ordered.flatMap((s) => (s.nrsBefore === undefined ? [] : [s.nrsBefore]));
  const first = befores[0];
  const latest = befores[befores.length - 1];
  return {
    sessions: perSession,
    ...(first !== undefined && latest !== undefined && befores.length > 1 ? { course: painChange(first, latest, rule) } : {}),
    assessedSessions: assessed.length,
    meaningfulSessions,
    ...(assessed.length > 0 ? { meaningfulShare: meaningfulSessions / assessed.length } : {}),
  };
}

/** NRS values must lie within 0–10; session numbers must be unique positive integers. */
export function validateSessionPain(sessions: readonly SessionPain[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<number>();
  for (const s of sessions) {
    if (!Number.isInteger(s.sessionNumber) || s.sessionNumber < 1 || seen.has(s.sessionNumber)) {
      problems.push(problem('course.sessionNumberInvalid', { session: s.sessionNumber }));
    }
    seen.add(s.sessionNumber);
    for (const value of [s.nrsBefore, s.nrsAfter]) {
      if (value !== undefined && !(value >= 0 && value <= 10)) problems.push(problem('course.nrsOutOfRange', { session: s.sessionNumber, value }));
    }
  }
  return problems;
}

/** Mean NRS before and after the infusions over the sessions with both values (the course outcome, §5.5 item 3). */
export function meanPainBeforeAfter(trend: PainTrend): { before: number; after: number; sessions: number } | undefined {
  const changes = trend.sessions.flatMap((s) => (s.change ? [s.change] : []));
  if (changes.length === 0) return undefined;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { before: mean(changes.map((c) => c.from)), after: mean(changes.map((c) => c.to)), sessions: changes.length };
}
