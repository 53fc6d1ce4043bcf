/**
 * The facts the checklist rules need beyond what the MFA typed: the physician's confirmation of the contraindications
 * and the active physician accounts; and the latest prescription with its limits. Used for the checklist preview,
 * its completion and the infusion start, so all three judge the same way.
 */
import type { ClinicSettings } from '../../../core/clinic/defaults';
import { doseLimitsFor } from '../../../core/dose/limits';
import type { ChecklistConfirmations, PreInfusionChecklist } from '../../../core/session/checklist';
import type { ReadinessInput } from '../../../core/session/readiness';
import type { DbClient } from '../../../db/client';
import type { SessionBundle } from '../../../db/repos/sessionRead';

export type Staff = { id: number; displayName: string; role: 'mfa' | 'physician' };

/** Active MFA and physician accounts (administrators do no clinical work). */
export async function activeStaff(db: DbClient): Promise<Staff[]> {
  const users = await db.call('listUsers');
  return users.filter((u): u is typeof u & Staff => u.active && (u.role === 'mfa' || u.role === 'physician')).map(({ id, displayName, role }) => ({ id, displayName, role }));
}

export function physiciansOf(staff: readonly Staff[]): Map<number, string> {
  return new Map(staff.filter((u) => u.role === 'physician').map((u) => [u.id, u.displayName]));
}

/**
 * The stored checklist in today's shape: entries saved before issue 10 held a typed contraindication name and a
 * physician's name; neither counts any more (the physician confirms; the responsible physician is an account).
 */
export function checklistItemsOf(bundle: SessionBundle): PreInfusionChecklist {
  const { contraindications: _typed, responsiblePhysician, ...items } = (bundle.checklist?.items ?? {}) as PreInfusionChecklist & {
    contraindications?: unknown;
  };
  return typeof responsiblePhysician?.userId === 'number' ? { ...items, responsiblePhysician } : items;
}

export function confirmationsOf(bundle: SessionBundle, physicians: ReadonlyMap<number, string>): ChecklistConfirmations {
  const c = bundle.contraindications;
  return {
    physicians,
    ...(c ? { contraindications: { physicianName: c.confirmed.userName, at: c.confirmed.at, absoluteContraindicationFound: c.absoluteContraindicationFound } } : {}),
  };
}

export function readinessInputOf(bundle: SessionBundle, settings: ClinicSettings, physicians: ReadonlyMap<number, string>): ReadinessInput {
  const p = bundle.prescriptions[bundle.prescriptions.length - 1];
  return {
    checklist: checklistItemsOf(bundle),
    confirmations: confirmationsOf(bundle, physicians),
    ...(p
      ? {
          prescription: {
            weightKg: p.weightKg,
            concentrationMgPerMl: p.concentrationMgPerMl,
            targetMgPerKgPerH: p.targetMgPerKgPerH,
            softLimitReason: p.softLimitReason,
            limits: doseLimitsFor(p.substance, settings),
          },
        }
      : {}),
  };
}
