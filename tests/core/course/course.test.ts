import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { courseRules, validateCoursePlan, type CoursePlan } from '../../../core/course/coursePlan';
import { isPainIndication, PAIN_EVIDENCE, PAIN_INDICATIONS } from '../../../core/course/indication';
import { meaningfulDropRule, painChange, painTrend, validateSessionPain } from '../../../core/course/painTrend';
import { clinicSettings } from '../../../core/clinic/defaults';

const rules = courseRules(clinicSettings());
const rule = meaningfulDropRule(clinicSettings());
const plan: CoursePlan = {
  kind: 'weekly',
  plannedInfusions: 6,
  indication: 'crps',
  icd10: 'G90.50',
  priorFailedTherapies: [{ therapy: 'Pregabalin', outcome: 'no effect' }],
};
const codes = (p: CoursePlan): string[] => validateCoursePlan(p, rules).map((x) => x.code);

describe('validateCoursePlan', () => {
  it('a weekly course of 3–6 infusions and a daily course of 3–7 days are fine', () => {
    expect(codes(plan)).toEqual([]);
    expect(codes({ ...plan, plannedInfusions: 3 })).toEqual([]);
    expect(codes({ ...plan, kind: 'daily', plannedInfusions: 7 })).toEqual([]);
  });

  it('refuses courses outside those lengths', () => {
    expect(codes({ ...plan, plannedInfusions: 7 })).toEqual(['course.weeklyLengthOutOfRange']);
    expect(codes({ ...plan, plannedInfusions: 2 })).toEqual(['course.weeklyLengthOutOfRange']);
    expect(codes({ ...plan, kind: 'daily', plannedInfusions: 8 })).toEqual(['course.dailyLengthOutOfRange']);
    expect(codes({ ...plan, plannedInfusions: 4.5 })).toEqual(['course.weeklyLengthOutOfRange']);
  });

  it('refuses a psychiatric indication unless a psychiatrist attested it', () => {
    expect(codes({ ...plan, indication: 'treatmentResistantDepression' })).toEqual(['course.psychiatricIndicationWithoutAttestation']);
    expect(codes({ ...plan, indication: 'treatmentResistantDepression', psychiatristAttestation: { psychiatrist: ' ', at: 0 } })).toEqual([
      'course.psychiatricIndicationWithoutAttestation',
    ]);
    expect(codes({ ...plan, indication: 'otherPsychiatric', psychiatristAttestation: { psychiatrist: 'Dr. Berg', at: 0 } })).toEqual([]);
  });

  it('prior failed therapies need a name', () => {
    expect(codes({ ...plan, priorFailedTherapies: [{ therapy: '' }] })).toEqual(['course.priorTherapyNameMissing']);
  });
});

describe('indications', () => {
  it('every pain indication has a Cohen 2018 evidence grade; only CRPS is moderate', () => {
    expect(PAIN_INDICATIONS.every(isPainIndication)).toBe(true);
    expect(PAIN_INDICATIONS.filter((i) => PAIN_EVIDENCE[i].strength === 'moderate')).toEqual(['crps']);
    expect(PAIN_EVIDENCE.spinalCordInjuryPain.grade).toBe('C');
    expect(isPainIndication('treatmentResistantDepression')).toBe(false);
  });
});

describe('pain change and meaningful drop (§1.8: ≥ 2 points or ≥ 30 %)', () => {
  it.each([
    [7, 5, true], // 2 points
    [7, 6, false], // 1 point, 14 %
    [3, 2, true], // 1 point but 33 %
    [2, 1.5, false], // 0.5 points, 25 %
    [5, 5, false],
    [4, 6, false], // worse
    [0, 0, false],
  ])('%d → %d meaningful: %s', (from, to, meaningful) => {
    expect(painChange(from, to, rule).meaningful).toBe(meaningful);
  });

  it('gives points and percent', () => {
    expect(painChange(8, 4, rule)).toEqual({ from: 8, to: 4, dropPoints: 4, dropPercent: 50, meaningful: true });
    expect(painChange(0, 1, rule)).toEqual({ from: 0, to: 1, dropPoints: -1, meaningful: false });
  });
});

describe('painTrend', () => {
  it('course trend from the first to the latest pre-infusion NRS, e.g. 7.5 → 3.4, and the share of meaningful sessions', () => {
    const trend = painTrend(
      [
        { sessionNumber: 2, nrsBefore: 6, nrsAfter: 5.5 },
        { sessionNumber: 1, nrsBefore: 7.5, nrsAfter: 4 },
        { sessionNumber: 3, nrsBefore: 5, nrsAfter: 2 },
        { sessionNumber: 4, nrsBefore: 3.4 },
      ],
      rule,
    );
    expect(trend.course).toMatchObject({ from: 7.5, to: 3.4, meaningful: true });
    expect(trend.course?.dropPoints).toBeCloseTo(4.1, 12);
    expect(trend.sessions.map((s) => [s.sessionNumber, s.change?.meaningful])).toEqual([
      [1, true],
      [2, false],
      [3, true],
      [4, undefined],
    ]);
    expect(trend.assessedSessions).toBe(3);
    expect(trend.meaningfulSessions).toBe(2);
    expect(trend.meaningfulShare).toBeCloseTo(2 / 3, 12);
  });

  it('no course trend from a single session, no share without assessed sessions', () => {
    expect(painTrend([{ sessionNumber: 1, nrsBefore: 7 }], rule)).toEqual({
      sessions: [{ sessionNumber: 1 }],
      assessedSessions: 0,
      meaningfulSessions: 0,
    });
  });

  it('the share always lies in 0–1 and counts only sessions with both values', () => {
    const nrs = fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined });
    fc.assert(
      fc.property(fc.array(fc.record({ nrsBefore: nrs, nrsAfter: nrs }), { maxLength: 8 }), (values) => {
        const sessions = values.map((v, i) => ({ sessionNumber: i + 1, ...v }));
        const trend = painTrend(sessions, rule);
        const both = sessions.filter((s) => s.nrsBefore !== undefined && s.nrsAfter !== undefined).length;
        expect(trend.assessedSessions).toBe(both);
        expect(trend.meaningfulSessions).toBeLessThanOrEqual(both);
        if (trend.meaningfulShare !== undefined) expect(trend.meaningfulShare).toBeGreaterThanOrEqual(0);
        if (trend.meaningfulShare !== undefined) expect(trend.meaningfulShare).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('validateSessionPain', () => {
  it('names NRS outside 0–10 and repeated session numbers', () => {
    expect(
      validateSessionPain([
        { sessionNumber: 1, nrsBefore: 12 },
        { sessionNumber: 1, nrsAfter: 3 },
      ]).map((p) => p.code),
    ).toEqual(['course.nrsOutOfRange', 'course.sessionNumberInvalid']);
  });
});
