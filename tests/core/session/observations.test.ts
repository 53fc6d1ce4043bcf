import { describe, it, expect } from 'vitest';
import { validateObservation, type Observation, type ObservationContext } from '../../../core/session/observations';

const AT = Date.UTC(2025, 2, 3, 9, 0, 0);
const MFA = 3;
const DOC = 2;
const context: ObservationContext = { now: AT + 5 * 60_000, earliest: AT - 3_600_000, staff: new Map([[MFA, 'mfa'], [DOC, 'physician']]) };
const codes = (o: Observation): string[] => validateObservation(o, context).map((p) => p.code);
const midazolam = { drug: 'midazolam', dose: 1, unit: 'mg', route: 'iv', at: AT + 60_000, givenBy: MFA, orderedBy: DOC } as const;

describe('validateObservation', () => {
  const valid: Observation[] = [
    { kind: 'pain', at: AT, nrs: 0 },
    { kind: 'pain', at: AT, nrs: 10 },
    { kind: 'sedation', at: AT, scale: 'rass', score: -5 },
    { kind: 'sedation', at: AT, scale: 'rass', score: 4 },
    { kind: 'sedation', at: AT, scale: 'moaas', score: 0 },
    { kind: 'sedation', at: AT, scale: 'moaas', score: 5 },
    { kind: 'dissociation', at: AT, score: 3 },
    { kind: 'nausea', at: AT, score: 2, vomitingEpisodes: 1 },
    { kind: 'bloodPressure', at: AT, systolicMmHg: 145, diastolicMmHg: 90, heartRate: 88 },
    { kind: 'note', at: AT, text: 'Patient schläft' },
    {
      kind: 'adverseEvent',
      at: AT,
      description: 'Angst, Derealisation',
      severity: 'moderate',
      rescueMedication: midazolam,
    },
    { kind: 'adverseEvent', at: AT, description: 'SpO₂ 89 %', severity: 'mild', rescueMedication: { ...midazolam, drug: 'oxygen', dose: 2, unit: 'l/min', route: 'nasalCannula', at: AT } },
  ];
  it.each(valid.map((o) => [o.kind, o] as const))('accepts a valid %s observation', (_kind, o) => {
    expect(codes(o)).toEqual([]);
  });

  const invalid: Array<[Observation, string[]]> = [
    [{ kind: 'pain', at: AT, nrs: 11 }, ['observation.nrsInvalid']],
    [{ kind: 'pain', at: AT, nrs: 2.5 }, ['observation.nrsInvalid']],
    [{ kind: 'sedation', at: AT, scale: 'rass', score: 5 }, ['observation.rassInvalid']],
    [{ kind: 'sedation', at: AT, scale: 'rass', score: -6 }, ['observation.rassInvalid']],
    [{ kind: 'sedation', at: AT, scale: 'moaas', score: -1 }, ['observation.moaasInvalid']],
    [{ kind: 'sedation', at: AT, scale: 'moaas', score: 6 }, ['observation.moaasInvalid']],
    [{ kind: 'dissociation', at: AT, score: 4 }, ['observation.dissociationInvalid']],
    [{ kind: 'nausea', at: AT, score: 4, vomitingEpisodes: -1 }, ['observation.nauseaInvalid', 'observation.vomitingInvalid']],
    [{ kind: 'bloodPressure', at: AT, systolicMmHg: 80, diastolicMmHg: 90 }, ['observation.bloodPressureImplausible']],
    [{ kind: 'bloodPressure', at: AT, systolicMmHg: 1200, diastolicMmHg: 80, heartRate: 400 }, ['observation.bloodPressureImplausible', 'observation.heartRateImplausible']],
    [{ kind: 'note', at: AT, text: '   ' }, ['observation.noteEmpty']],
    [{ kind: 'note', at: AT, text: 'x'.repeat(4001) }, ['observation.textTooLong']],
    [{ kind: 'pain', at: Number.NaN, nrs: 3 }, ['observation.timeInvalid']],
    [{ kind: 'pain', at: 0, nrs: 3 }, ['observation.timeBeforeSession']],
    [{ kind: 'pain', at: context.now + 2 * 60_000 + 1, nrs: 3 }, ['observation.timeInFuture']],
    [{ kind: 'nausea', at: AT, score: 1, vomitingEpisodes: 51 }, ['observation.vomitingInvalid']],
    [
      {
        kind: 'adverseEvent',
        at: AT,
        description: '',
        severity: 'fatal' as 'severe',
        rescueMedication: { drug: 'clonidine', dose: 1, unit: 'mg', route: 'faceMask', at: AT - 1, givenBy: 99, orderedBy: MFA },
      },
      [
        'observation.adverseEventDescriptionMissing',
        'observation.adverseEventSeverityInvalid',
        'observation.rescueDoseOutOfRange',
        'observation.rescueUnitWrong',
        'observation.rescueRouteMissing',
        'observation.rescueTimeInvalid',
        'observation.rescueGivenByUnknown',
        'observation.rescueOrderedByNotPhysician',
      ],
    ],
    [
      { kind: 'adverseEvent', at: AT, description: 'x', severity: 'mild', rescueMedication: { ...midazolam, drug: 'naloxone' as 'midazolam' } },
      ['observation.rescueDrugMissing'],
    ],
    [
      { kind: 'adverseEvent', at: AT, description: 'x', severity: 'mild', rescueMedication: { ...midazolam, at: context.now + 3 * 60_000 } },
      ['observation.timeInFuture'],
    ],
  ];
  it.each(invalid)('refuses %o', (o, expected) => {
    expect(codes(o)).toEqual(expected);
  });
});
