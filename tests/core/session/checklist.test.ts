import { describe, it, expect } from 'vitest';
import { checklistRules, typingErrors, validateChecklist, type ChecklistConfirmations, type PreInfusionChecklist } from '../../../core/session/checklist';
import { clinicSettings } from '../../../core/clinic/defaults';
import { formatProblem } from '../../../core/messages';

const NOW = Date.UTC(2025, 2, 3, 8, 0, 0);
const H = 3_600_000;
const rules = checklistRules(clinicSettings(), 'v3');

const complete: PreInfusionChecklist = {
  offLabelConsent: { signedAt: NOW - 7 * 24 * H, infoSheetVersion: 'v3', offLabelClause: true, safetyBriefingGiven: true },
  weight: { kg: 72, measuredAt: NOW - H },
  baselineVitals: { source: 'monitor', at: NOW - 600_000, systolicMmHg: 132, diastolicMmHg: 84, heartRate: 72, spo2: 98 },
  baselinePainNrs: 7,
  fasting: { lastMealAt: NOW - 3 * H },
  escort: { kind: 'person', name: 'Anna Huber', phone: '0171 2345678' },
  responsiblePhysician: { userId: 7, onSite: true },
};
const confirmed: ChecklistConfirmations = {
  contraindications: { physicianName: 'Dr. Maier', at: NOW - H, absoluteContraindicationFound: false },
  physicians: new Map([[7, 'Dr. Maier']]),
};

const codes = (checklist: PreInfusionChecklist, r = rules, c = confirmed): string[] => validateChecklist(checklist, NOW, r, c).map((p) => p.code);

describe('validateChecklist', () => {
  it('a complete checklist has nothing missing', () => {
    expect(codes(complete)).toEqual([]);
  });

  it('an empty checklist lists every item', () => {
    expect(codes({}, rules, { physicians: new Map() })).toEqual([
      'checklist.consentMissing',
      'checklist.contraindicationsNotAsked',
      'checklist.weightMissing',
      'checklist.baselineVitalsMissing',
      'checklist.baselinePainMissing',
      'checklist.fastingStatusMissing',
      'escort.notPlanned',
      'checklist.physicianMissing',
    ]);
  });

  it('consent: outdated information sheet, off-label clause, safety briefing', () => {
    const consent = { signedAt: NOW, infoSheetVersion: 'v2', offLabelClause: false, safetyBriefingGiven: false };
    expect(codes({ ...complete, offLabelConsent: consent })).toEqual([
      'checklist.consentOutdated',
      'checklist.offLabelClauseMissing',
      'checklist.safetyBriefingMissing',
    ]);
  });

  it('an absolute contraindication stops the infusion', () => {
    const found = { ...confirmed, contraindications: { physicianName: 'Dr. Maier', at: NOW, absoluteContraindicationFound: true } };
    expect(codes(complete, rules, found)).toEqual([
      'checklist.contraindicationPresent',
    ]);
  });

  it('weight: implausible and too old', () => {
    expect(codes({ ...complete, weight: { kg: 7.2, measuredAt: NOW - 40 * 24 * H } })).toEqual([
      'dose.weightImplausible',
      'checklist.weightOutdated',
    ]);
  });

  it('baseline vitals typed by hand: each missing value named', () => {
    const problems = validateChecklist({ ...complete, baselineVitals: { source: 'manual', at: NOW, systolicMmHg: 130 } }, NOW, rules, confirmed);
    expect(problems.map((p) => formatProblem(p, 'de'))).toEqual([
      'Ausgangswert Blutdruck diastolisch fehlt',
      'Ausgangswert Herzfrequenz fehlt',
      'Ausgangswert SpO₂ fehlt',
    ]);
  });

  it('baseline BP above 180/100 mmHg is a contraindication (label)', () => {
    const vitals = { source: 'monitor' as const, at: NOW, systolicMmHg: 185, diastolicMmHg: 95, heartRate: 80, spo2: 97 };
    const problems = validateChecklist({ ...complete, baselineVitals: vitals }, NOW, rules, confirmed);
    expect(problems.map((p) => p.code)).toEqual(['checklist.baselineBloodPressureTooHigh']);
    expect(formatProblem(problems[0]!, 'de')).toBe(
      'Ausgangsblutdruck 185/95 mmHg über 180/100 mmHg: Kontraindikation laut Fachinformation',
    );
    expect(codes({ ...complete, baselineVitals: { ...vitals, systolicMmHg: 180, diastolicMmHg: 100 } })).toEqual([]);
  });

  it('baseline pain NRS must be 0–10', () => {
    expect(codes({ ...complete, baselinePainNrs: 11 })).toEqual(['observation.nrsInvalid']);
  });

  it('fasting: only recorded by default; a clinic minimum is enforced when set', () => {
    const strict = checklistRules(clinicSettings({ minFastingHours: 4 }), 'v3');
    expect(codes(complete, strict)).toEqual(['checklist.fastingTooShort']);
    expect(codes({ ...complete, fasting: { lastMealAt: NOW - 4 * H } }, strict)).toEqual([]);
  });

  it('escort: a pickup person needs name and phone; a taxi needs the company', () => {
    expect(codes({ ...complete, escort: { kind: 'person', name: 'Anna' } })).toEqual(['escort.phoneMissing']);
    expect(codes({ ...complete, escort: { kind: 'taxi' } })).toEqual(['escort.taxiCompanyMissing']);
    expect(codes({ ...complete, escort: { kind: 'taxi', company: 'IsarFunk' } })).toEqual([]);
  });

  it('the responsible physician must be on site', () => {
    expect(codes({ ...complete, responsiblePhysician: { userId: 7, onSite: false } })).toEqual(['checklist.physicianNotOnSite']);
  });

  it('the responsible physician is an active physician account, not a typed name', () => {
    const problems = validateChecklist({ ...complete, responsiblePhysician: { userId: 8, onSite: true } }, NOW, rules, confirmed);
    expect(problems).toEqual([expect.objectContaining({ code: 'checklist.physicianNotFound', params: { field: 'checklist.responsiblePhysician.userId' } })]);
    expect(typingErrors(problems)).toHaveLength(1);
  });

  it('dates in the future or before they could be are typing errors naming the field; open items are not', () => {
    const problems = validateChecklist(
      {
        ...complete,
        offLabelConsent: { ...complete.offLabelConsent!, signedAt: NOW + 30 * 24 * H },
        weight: { kg: 72, measuredAt: NOW + 3 * 60_000 },
        baselineVitals: { ...complete.baselineVitals!, at: NOW + H },
        fasting: { lastMealAt: NOW - 8 * 24 * H },
        baselinePainNrs: undefined,
      },
      NOW,
      rules,
      confirmed,
    );
    expect(typingErrors(problems).map((p) => p.params?.field)).toEqual([
      'checklist.offLabelConsent.signedAt',
      'checklist.weight.measuredAt',
      'checklist.baselineVitals.at',
      'checklist.fasting.lastMealAt',
    ]);
    expect(problems.map((p) => p.code)).toContain('checklist.baselinePainMissing');
    expect(codes({ ...complete, weight: { kg: 72, measuredAt: NOW + 2 * 60_000 } })).toEqual([]); // within the clock tolerance
  });

  it('baseline vitals out of their plausible range name the field', () => {
    const problems = validateChecklist({ ...complete, baselineVitals: { ...complete.baselineVitals!, spo2: 500, heartRate: 5 } }, NOW, rules, confirmed);
    expect(typingErrors(problems).map((p) => p.params?.field)).toEqual(['checklist.baselineVitals.heartRate', 'checklist.baselineVitals.spo2']);
  });
});
