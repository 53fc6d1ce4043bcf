/** Asks the server's calculator (dose.calculate) for the verdict and the limits with their sources, as the inputs change. */
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../core/api/contract';
import type { Substance } from '../../../core/dose/substance';
import { useApi } from '../../api/ApiContext';

export type DoseCalc = MethodOutput<'dose.calculate'>;

export function useDoseCalculation(input: {
  substance: Substance;
  concentrationMgPerMl: number | undefined;
  weightKg: number | undefined;
  mgPerKgPerH?: number | undefined;
  mlPerH?: number | undefined;
}): DoseCalc | null {
  const api = useApi();
  const [calc, setCalc] = useState<DoseCalc | null>(null);
  const { substance, concentrationMgPerMl: c, weightKg: w, mgPerKgPerH: d, mlPerH: m } = input;
  useEffect(() => {
    if (c === undefined || w === undefined || (d === undefined && m === undefined)) {
      setCalc(null);
      return;
    }
    let alive = true;
    const timer = setTimeout(() => {
      api
        .call('dose.calculate', { substance, concentrationMgPerMl: c, weightKg: w, ...(d !== undefined ? { mgPerKgPerH: d } : { mlPerH: m }) })
        .then((r) => alive && setCalc(r))
        .catch(() => alive && setCalc(null));
    }, 150);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [api, substance, c, w, d, m]);
  return calc;
}
