/** Patient, course (indication, ICD-10-GM, prior therapies) and the pre-infusion checklist with its values. */
import { INDICATION_LABELS } from '../../../../core/course/indication';
import { formatProblem } from '../../../../core/messages';
import { formatDate, formatDateTime, formatIsoDate, formatNumber, formatPvsNumbers } from '../format';
import { nameOf, say, stamp, yesNo, type ProtocolContext } from './context';

export function patientSection(ctx: ProtocolContext): void {
  const { w, T, lang } = ctx;
  const d = ctx.review.detail;
  const weight = d.prescription?.weightKg ?? d.checklist.items.weight?.kg;
  w.heading(T.patient);
  w.keyValues([
    [T.name, `${d.patient.familyName}, ${d.patient.givenName}`],
    [T.birthDate, formatIsoDate(d.patient.birthDate, lang)],
    [T.patientNumber, String(d.patient.id)],
    [T.pvsNumber, formatPvsNumbers(ctx.pvsNumbers)],
    [T.weight, weight !== undefined ? `${formatNumber(weight, lang, 1)} kg` : '—'],
  ]);
  const c = d.course;
  w.heading(T.course);
  w.keyValues([
    [T.indication, INDICATION_LABELS[c.indication][lang]],
    [T.icd10, c.icd10 ?? '—'],
    [T.evidence, c.evidenceGrade ?? '—'],
    [T.plannedInfusions, `${c.plannedInfusions} (${T.courseKind[c.kind] ?? c.kind})`],
    [T.priorTherapies, c.priorFailedTherapies.map((p) => (p.outcome ? `${p.therapy}: ${p.outcome}` : p.therapy)).join('; ') || '—'],
    ...(c.psychiatristAttestation
      ? [[T.psychiatrist, `${c.psychiatristAttestation.psychiatrist}, ${formatDate(c.psychiatristAttestation.at, lang)}`] as const]
      : []),
  ]);
}

export function checklistSection(ctx: ProtocolContext): void {
  const { w, T, lang } = ctx;
  const { items, problems, saved, contraindications: contra } = ctx.review.detail.checklist;
  const consent = items.offLabelConsent;
  const base = items.baselineVitals;
  const escort = items.escort;
  const physician = items.responsiblePhysician;
  w.heading(T.checklist);
  w.keyValues([
    [
      T.consent,
      consent
        ? say(ctx, T.consentValue, {
            at: formatDateTime(consent.signedAt, lang),
            version: consent.infoSheetVersion,
            clause: yesNo(ctx, consent.offLabelClause),
            safety: yesNo(ctx, consent.safetyBriefingGiven),
          })
        : '—',
    ],
    [
      T.contraindications,
      contra
        ? say(ctx, T.contraindicationsValue, { by: contra.confirmed.userName, at: formatDateTime(contra.confirmed.at, lang), found: yesNo(ctx, contra.absoluteContraindicationFound) })
        : '—',
    ],
    [T.weight, items.weight ? say(ctx, T.weightMeasured, { kg: formatNumber(items.weight.kg, lang, 1), at: formatDateTime(items.weight.measuredAt, lang) }) : '—'],
    [
      T.baselineVitals,
      base
        ? say(ctx, T.baselineValue, {
            sys: formatNumber(base.systolicMmHg, lang, 0),
            dia: formatNumber(base.diastolicMmHg, lang, 0),
            hr: formatNumber(base.heartRate, lang, 0),
            spo2: formatNumber(base.spo2, lang, 0),
            source: T.source[base.source] ?? base.source,
            at: formatDateTime(base.at, lang),
          })
        : '—',
    ],
    [T.baselinePain, formatNumber(items.baselinePainNrs, lang, 1)],
    [T.fasting, items.fasting ? formatDateTime(items.fasting.lastMealAt, lang) : '—'],
    [T.escortPlanned, escort ? (escort.kind === 'person' ? [escort.name, escort.relation, escort.phone].filter(Boolean).join(', ') : `Taxi ${escort.company ?? ''}`) : '—'],
    [T.responsiblePhysician, physician ? `${nameOf(ctx, physician.userId)} (${physician.onSite ? T.onSite : T.notOnSite})` : '—'],
    [T.checklistSaved, stamp(ctx, saved)],
    ...(problems.length > 0 ? [[T.checklistOpen, problems.map((p) => formatProblem(p, lang)).join('; ')] as const] : []),
  ]);
}
