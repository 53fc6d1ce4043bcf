/** The clinic's dose limits for the substance, each with its source. */
import { useTranslation } from 'react-i18next';
import { sourceText } from '../../../core/clinic/sourceText';
import { useLang } from '../../components/ProblemList';
import { num } from '../../format';
import type { DoseCalc } from './useDoseCalculation';

export function DoseLimits({ limits }: { limits: DoseCalc['limits'] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = [
    ['infusion.soft', limits.soft],
    ['infusion.hard', limits.hard],
    ['infusion.maxBolus', limits.maxBolus],
    ['infusion.maxSession', limits.maxSessionDose],
  ] as const;
  return (
    <table className="limits" data-testid="dose-limits">
      <caption>{t('infusion.limits')}</caption>
      <tbody>
        {rows.map(([key, l]) => (
          <tr key={key}>
            <th>{t(key)}</th>
            <td className="num">
              {num(l.value, lang, 3)} {l.unit}
            </td>
            <td className="source">{t('infusion.source', { source: sourceText(l.source, lang) })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
