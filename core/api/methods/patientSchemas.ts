/** Schemas of patients and their courses (issue 5, insurance issue 14). */
import { z } from 'zod';
import { PAIN_INDICATIONS, PSYCHIATRIC_INDICATIONS } from '../../course/indication';
import { isCalendarDate, isVisibleName } from '../../session/plausibility';
import { EpochMs, Id } from '../schemas';
import { Stamp, Text } from './recordStamp';

// ---------------------------------------------------------------- patients

/** A person's name: visible letters, no invisible (zero-width, control) characters. */
const PersonName = Text(100).refine(isVisibleName, 'a name needs visible letters and no invisible characters');

/** gesetzlich / privat / Selbstzahler: the cost-coverage application is for private patients and self-payers. */
export const InsuranceSchema = z.enum(['statutory', 'private', 'selfPay']);
export type Insurance = z.infer<typeof InsuranceSchema>;

export const PatientInput = z.strictObject({
  familyName: PersonName,
  givenName: PersonName,
  /** YYYY-MM-DD, a day that exists (within 120 years: checked with the server clock). */
  birthDate: z.string().refine(isCalendarDate, 'birth date as a real calendar date YYYY-MM-DD'),
  insurance: InsuranceSchema.optional(),
});
export const Patient = z.object({
  id: Id,
  familyName: z.string(),
  givenName: z.string(),
  birthDate: z.string(),
  /** null: not known yet (entered on the patient form, or sent by the PVS). */
  insurance: InsuranceSchema.nullable(),
  created: Stamp.nullable(),
});
export type Patient = z.infer<typeof Patient>;

// ---------------------------------------------------------------- courses

export const CourseKind = z.enum(['weekly', 'daily']);
export const IndicationSchema = z.enum([...PAIN_INDICATIONS, ...PSYCHIATRIC_INDICATIONS]);
export const PriorTherapy = z.strictObject({ therapy: Text(200), outcome: Text(500).optional() });

export const CourseInput = z.strictObject({
  patientId: Id,
  kind: CourseKind,
  /** Weekly: number of infusions (3–6); daily: number of days (3–7) — clinic settings. */
  plannedInfusions: z.number().int(),
  indication: IndicationSchema,
  icd10: Text(20).optional(),
  psychiatristAttestation: z.strictObject({ psychiatrist: Text(200), at: EpochMs }).optional(),
  priorFailedTherapies: z.array(PriorTherapy).max(30),
});

export const Course = z.object({
  id: Id,
  patientId: Id,
  kind: CourseKind,
  plannedInfusions: z.number().int(),
  indication: IndicationSchema,
  /** Cohen 2018 evidence grade of a pain indication (§1.1); null for a psychiatric one. */
  evidenceGrade: z.enum(['B', 'C', 'D']).nullable(),
  icd10: z.string().nullable(),
  psychiatristAttestation: z.object({ psychiatrist: z.string(), at: EpochMs }).nullable(),
  priorFailedTherapies: z.array(z.object({ therapy: z.string(), outcome: z.string().optional() })),
  created: Stamp,
});
export type Course = z.infer<typeof Course>;
