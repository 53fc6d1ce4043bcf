/**
 * A realistic review of one 2.5-hour session (the data the sign-off screen gets), built by hand so the protocol's
 * layout is tested with long tables, pauses, a bolus, an adverse event with rescue drug and alarms. Checked against
 * the contract's schema by the tests, so it cannot drift from what the API returns.
 */
import { SessionReview } from '../../core/api/methods/sessionSchemas';
import { bucketTrend, CHART_MAX_BUCKETS } from '../../core/trendBuckets';
import type { VitalParameter } from '../../core/vitals';

const MIN = 60_000;
export const T0 = Date.UTC(2026, 2, 7, 8, 0, 0);
const meier = (at: number) => ({ userId: 2, userName: 'Dr. Meier', at });
const mfa = (at: number) => ({ userId: 3, userName: 'Schwester Jürgens', at });

export interface FixtureOptions {
  signed?: boolean;
  amended?: boolean;
  /** Extra observations to make the tables run over several pages. */
  extraObservations?: number;
  sessionNumber?: number;
  /** The signed content's SHA-256 as the review reports it. */
  contentHash?: string;
}

/** Samples of one parameter every stepMs (null: no valid value), as the monitor would have delivered them. */
function series(parameter: VitalParameter, from: number, to: number, stepMs: number, value: (t: number, i: number) => number | null) {
  const samples: { t: number; value: number | null; state: 'valid' | 'invalid' }[] = [];
  for (let t = from, i = 0; t <= to; t += stepMs, i++) {
    const v = value(t, i);
    samples.push({ t, value: v, state: v === null ? 'invalid' : 'valid' });
  }
  return [parameter, samples] as const;
}

export function reviewFixture(options: FixtureOptions = {}): SessionReview {
  const start = T0;
  const stop = T0 + 150 * MIN;
  const discharged = stop + 65 * MIN;
  const from = start - 15 * MIN;
  const to = discharged;
  const rate = (ml: number) => ({ rateMlPerH: ml, rateMgPerKgPerH: ml / 72 });
  const none = { rateMlPerH: null, rateMgPerKgPerH: null, amount: null, unit: null, reason: null, corrections: [], order: null };
  const doseEvents = [
    { id: 1, kind: 'start', at: start, ...none, ...rate(7.2), by: mfa(start) },
    { id: 2, kind: 'rateChange', at: start + 30 * MIN, ...none, ...rate(10.8), by: meier(start + 30 * MIN) },
    { id: 3, kind: 'bolus', at: start + 60 * MIN, ...none, amount: 5, unit: 'mg', reason: 'Durchbruchschmerz', by: meier(start + 60 * MIN) },
    { id: 4, kind: 'pause', at: start + 75 * MIN, ...none, reason: 'Übelkeit, Antiemetikum', by: mfa(start + 75 * MIN) },
    { id: 5, kind: 'resume', at: start + 85 * MIN, ...none, by: mfa(start + 85 * MIN) },
    { id: 6, kind: 'rateChange', at: start + 100 * MIN, ...none, ...rate(14.4), by: meier(start + 100 * MIN) },
    { id: 7, kind: 'stop', at: stop, ...none, reason: 'Zieldauer erreicht', by: mfa(stop) },
  ];
  // Exact integral: 7.2 ml/h × 0.5 h + 10.8 × (45 + 15) min + 5 mg + 14.4 × 50 min (1 mg/ml)
  const totalMg = 7.2 * 0.5 + 10.8 * 0.75 + 10.8 * (15 / 60) + 5 + 14.4 * (50 / 60);
  const observations = [
    { id: 1, observation: { kind: 'bloodPressure', at: start + 5 * MIN, systolicMmHg: 134, diastolicMmHg: 84, heartRate: 78 }, recorded: mfa(start + 5 * MIN) },
    { id: 2, observation: { kind: 'sedation', at: start + 15 * MIN, scale: 'rass', score: 0 }, recorded: mfa(start + 15 * MIN) },
    { id: 3, observation: { kind: 'dissociation', at: start + 15 * MIN, score: 1 }, recorded: mfa(start + 15 * MIN) },
    { id: 4, observation: { kind: 'pain', at: start + 55 * MIN, nrs: 8 }, recorded: mfa(start + 55 * MIN) },
    { id: 5, observation: { kind: 'nausea', at: start + 74 * MIN, score: 2, vomitingEpisodes: 1 }, recorded: mfa(start + 74 * MIN) },
    {
      id: 6,
      observation: {
        kind: 'adverseEvent',
        at: start + 75 * MIN,
        description: 'Übelkeit mit einmaligem Erbrechen, Infusion pausiert',
        severity: 'moderate',
        rescueMedication: { drug: 'ondansetron', dose: 4, route: 'iv', at: start + 76 * MIN, givenBy: 3, orderedBy: 2 },
      },
      recorded: mfa(start + 77 * MIN),
    },
    { id: 7, observation: { kind: 'sedation', at: start + 90 * MIN, scale: 'moaas', score: 4 }, recorded: mfa(start + 90 * MIN) },
    { id: 8, observation: { kind: 'note', at: start + 120 * MIN, text: 'Patientin entspannt, berichtet leichte Wahrnehmungsveränderungen – ärztlich gesehen.' }, recorded: meier(start + 120 * MIN) },
    { id: 9, observation: { kind: 'pain', at: stop + 30 * MIN, nrs: 3 }, recorded: mfa(stop + 30 * MIN) },
  ];
  for (let i = 0; i < (options.extraObservations ?? 0); i++) {
    const at = start + (i * 150 * MIN) / Math.max(1, options.extraObservations ?? 1);
    observations.push({ id: 100 + i, observation: { kind: 'sedation', at, scale: 'rass', score: i % 3 === 0 ? -1 : 0 }, recorded: mfa(at) });
  }
  observations.sort((a, b) => a.observation.at - b.observation.at);
  const signed = options.signed ? meier(discharged + 20 * MIN) : null;
  const amendments = options.amended
    ? [{ id: 1, target: 'doseEvent', targetId: 6, correction: 'Rate 14,4 ml/h um 09:42 (nicht 09:40) umgestellt', reason: 'Uhrzeit laut Pumpenprotokoll', signed: meier(discharged + 40 * MIN) }]
    : [];
  const summary = {
    id: 11,
    courseId: 4,
    patientId: 7,
    patientName: 'Müller-Lüdenscheidt, Jürgen',
    chairId: 1,
    chairName: 'Platz 1',
    sessionNumber: options.sessionNumber ?? 3,
    status: 'discharged',
    plannedFor: start - 30 * MIN,
    startedAt: start,
    stoppedAt: stop,
    dischargedAt: discharged,
    signed,
    nrsBefore: 7,
    nrsAfter: 3,
    pendingRateOrder: null,
    totalMg,
    mgPerKg: totalMg / 72,
  };
  const review = {
    detail: {
      now: discharged + 60 * MIN,
      session: summary,
      patient: { id: 7, familyName: 'Müller-Lüdenscheidt', givenName: 'Jürgen', birthDate: '1961-04-23', insurance: 'private', created: mfa(T0 - 90 * 86_400_000) },
      course: {
        id: 4,
        patientId: 7,
        kind: 'weekly',
        plannedInfusions: 6,
        indication: 'crps',
        evidenceGrade: 'B',
        icd10: 'G90.50',
        psychiatristAttestation: null,
        priorFailedTherapies: [
          { therapy: 'Pregabalin bis 600 mg/d (8 Wochen)', outcome: 'keine Wirkung, Schwindel' },
          { therapy: 'Amitriptylin 50 mg/d', outcome: 'Mundtrockenheit, abgesetzt' },
          { therapy: 'Physiotherapie, Ergotherapie' },
        ],
        created: meier(T0 - 30 * 86_400_000),
      },
      prescription: null as unknown,
      prescriptions: [] as unknown[],
      doseEvents,
      dose: {
        at: stop,
        infusedMl: totalMg - 5,
        bolusMl: 5,
        totalMl: totalMg,
        totalMg,
        mgPerKg: totalMg / 72,
        pumpPhase: 'stopped',
        rateMlPerH: 0,
        rateMgPerKgPerH: 0,
        problems: [],
      },
      checklist: {
        items: {
          offLabelConsent: { signedAt: T0 - 7 * 86_400_000, infoSheetVersion: '2026-01', offLabelClause: true, safetyBriefingGiven: true },
          weight: { kg: 72, measuredAt: start - 25 * MIN },
          baselineVitals: { source: 'monitor', at: start - 10 * MIN, systolicMmHg: 128, diastolicMmHg: 82, heartRate: 72, spo2: 98 },
          baselinePainNrs: 7,
          fasting: { lastMealAt: start - 4 * 60 * MIN },
          escort: { kind: 'person', name: 'Maria Huber', relation: 'Tochter', phone: '+49 89 1234567' },
          responsiblePhysician: { userId: 2, onSite: true },
        },
        contraindications: { absoluteContraindicationFound: false, confirmed: meier(start - 20 * MIN) },
        problems: [],
        saved: mfa(start - 10 * MIN),
      },
      observations,
      schedule: null,
      discharge: {
        observationEndsAt: stop + 60 * MIN,
        observationMin: 60,
        configuredScale: 'modifiedPadss',
        escort: { escort: { kind: 'person', name: 'Maria Huber', relation: 'Tochter', phone: '+49 89 1234567', arrivalAt: stop + 55 * MIN }, confirmed: mfa(stop + 50 * MIN) },
        score: {
          id: 1,
          scale: 'modifiedPadss',
          answers: { vitalSigns: 2, ambulation: 2, nauseaVomiting: 1, pain: 2, bleeding: 2 },
          total: 9,
          maxPoints: 10,
          threshold: 9,
          complete: true,
          otherScaleReason: null,
          recorded: mfa(stop + 58 * MIN),
        },
        instructionsAcknowledged: mfa(stop + 59 * MIN),
        physicianRelease: meier(stop + 61 * MIN),
        override: null,
        allowed: false,
        missing: [],
        unresolvedHighPriorityAlarms: 0,
      },
      transfer: null,
      cancelReason: null,
      amendments,
      rateOrders: [],
      pendingRateOrder: null,
      allowedEvents: [],
    },
    integrity: signed ? { status: 'intact', contentHash: options.contentHash ?? null, problems: [] } : { status: 'unsigned', contentHash: null, problems: [] },
    vitalsFrom: from,
    vitalsTo: to,
    // On the review's buckets, as the server sends them (core/trendBuckets.ts).
    vitals: bucketTrend(from, to, new Map([
      series('hr', from, to, 30_000, (t) => Math.round(72 + 14 * Math.sin((t - from) / (40 * MIN)) + (t > start && t < stop ? 8 : 0))),
      series('spo2', from, to, 30_000, (t) => (t > start + 88 * MIN && t < start + 92 * MIN ? 91 : 97 + ((t / 30_000) % 3 === 0 ? 1 : 0))),
      series('nibpSys', from, to, 5 * MIN, (t) => (t > start && t < stop ? 142 : 128) + Math.round(6 * Math.sin(t / (25 * MIN)))),
      series('nibpDia', from, to, 5 * MIN, (t) => (t > start && t < stop ? 88 : 80) + Math.round(4 * Math.sin(t / (25 * MIN)))),
      series('respRate', from, to, MIN, (t, i) => (t > start + 20 * MIN && t < start + 30 * MIN ? null : 14 + (i % 4 === 0 ? 2 : 0))),
    ]), CHART_MAX_BUCKETS),
    alarms: [
      { id: 1, chairId: 1, sessionId: 11, at: start + 89 * MIN, type: 'raised', alarmId: 'a1', code: 'spo2.low', priority: 'medium', userId: null, userName: null, detail: { value: 91, threshold: 92 } },
      { id: 2, chairId: 1, sessionId: 11, at: start + 90 * MIN, type: 'acknowledged', alarmId: 'a1', code: 'spo2.low', priority: 'medium', userId: 3, userName: 'Schwester Jürgens', detail: { value: 91 } },
      { id: 3, chairId: 1, sessionId: 11, at: start + 92 * MIN, type: 'cleared', alarmId: 'a1', code: 'spo2.low', priority: 'medium', userId: null, userName: null, detail: { value: 96, durationMs: 180_000 } },
    ],
    history: [],
  };
  const prescription = {
    id: 1,
    substance: 'esketamine',
    concentrationMgPerMl: 1,
    weightKg: 72,
    targetMgPerKgPerH: 0.1,
    mgPerH: 7.2,
    rateMlPerH: 7.2,
    pumpRateMlPerH: 7.2,
    softLimitReason: null,
    limitProblems: [],
    prescribed: meier(start - 15 * MIN),
  };
  review.detail.prescription = prescription;
  review.detail.prescriptions = [prescription];
  return SessionReview.parse(review);
}

export type SessionReview = ReturnType<typeof SessionReview.parse>;
