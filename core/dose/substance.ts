/**
 * The drug in the syringe. Stored on every dose record so the racemic ⇄ esketamine conversion
 * (clinical-requirements §0.1 item 3, §2.1) can never be applied twice.
 */
export const SUBSTANCES = ['esketamine', 'racemicKetamine'] as const;
export type Substance = (typeof SUBSTANCES)[number];

/** Esketamine is about twice as potent as racemic ketamine (§2.1 [G], S23). */
export const ESKETAMINE_POTENCY_FACTOR = 2;

/**
 * The racemic-ketamine equivalent of a dose, for display beside the Cohen 2018 ranges (§2.4 [D]):
 * 0.25 mg/kg/h esketamine ≈ 0.5 mg/kg/h racemic. A racemic dose is already racemic.
 */
export function racemicEquivalent(substance: Substance, dose: number): number {
  return substance === 'esketamine' ? dose * ESKETAMINE_POTENCY_FACTOR : dose;
}
