/**
 * A rate entered either as mg/kg/h or as ml/h; the other is computed (core/dose/rate.ts) and both are shown,
 * with mg/h and the rate the pump is set to. Units written on every field (the classic 10× error).
 */
import { useTranslation } from 'react-i18next';
import { mgPerKgPerHToMlPerH, mlPerHToMgPerKgPerH, roundToPumpResolution } from '../../../core/dose/rate';
import { parseDecimal, TextField } from '../../components/Field';
import { useLang } from '../../components/ProblemList';
import { num } from '../../format';

export interface RateEntry {
  unit: 'mgPerKgPerH' | 'mlPerH';
  text: string;
}

interface Props {
  value: RateEntry;
  onChange(v: RateEntry): void;
  weightKg: number | undefined;
  concentrationMgPerMl: number | undefined;
  pumpResolutionMlPerH: number;
  label: string;
  testPrefix: string;
}

/** Both readings of the entry, or undefined while it is incomplete. */
export function rateOf(entry: RateEntry, weightKg: number | undefined, concentrationMgPerMl: number | undefined) {
  const v = parseDecimal(entry.text);
  if (v === undefined || weightKg === undefined || concentrationMgPerMl === undefined || weightKg <= 0 || concentrationMgPerMl <= 0) return undefined;
  const basis = { weightKg, concentrationMgPerMl };
  return entry.unit === 'mgPerKgPerH' ? mgPerKgPerHToMlPerH(v, basis) : mlPerHToMgPerKgPerH(v, basis);
}

export function RateInput({ value, onChange, weightKg, concentrationMgPerMl, pumpResolutionMlPerH, label, testPrefix }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const rate = rateOf(value, weightKg, concentrationMgPerMl);
  const other = (unit: RateEntry['unit']) => {
    if (unit === value.unit || !rate) return unit === value.unit ? value.text : '';
    return unit === 'mlPerH' ? num(roundToPumpResolution(rate.mlPerH, pumpResolutionMlPerH), lang, 2) : num(rate.mgPerKgPerH, lang, 4);
  };
  return (
    <div className="rate-input" data-testid={`${testPrefix}-rate`}>
      <div className="form__grid">
        <TextField
          label={`${label} (${t('infusion.unitMgPerKgPerH')})`}
          unit="mg/kg/h"
          inputMode="decimal"
          value={other('mgPerKgPerH')}
          onChange={(text) => onChange({ unit: 'mgPerKgPerH', text })}
          testId={`${testPrefix}-mgkgh`}
        />
        <TextField
          label={`${t('infusion.pumpRate')} (${t('infusion.unitMlPerH')})`}
          unit="ml/h"
          inputMode="decimal"
          value={other('mlPerH')}
          onChange={(text) => onChange({ unit: 'mlPerH', text })}
          testId={`${testPrefix}-mlh`}
        />
      </div>
      {rate && (
        <p className="calc" data-testid={`${testPrefix}-calc`}>
          {t('infusion.calcBoth', {
            mgPerKgPerH: num(rate.mgPerKgPerH, lang, 4),
            mgPerH: num(rate.mgPerH, lang, 2),
            mlPerH: num(rate.mlPerH, lang, 3),
            pump: num(roundToPumpResolution(rate.mlPerH, pumpResolutionMlPerH), lang, 2),
          })}
        </p>
      )}
    </div>
  );
}
