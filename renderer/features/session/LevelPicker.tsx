/** A scale's levels as large buttons with score and words (RASS, MOAA/S, dissociation, nausea, discharge items). */
import type { Level } from '../../../core/session/scales';
import { useLang } from '../../components/ProblemList';

interface Props {
  label: string;
  levels: readonly Level[];
  value: number | undefined;
  onChange(score: number): void;
  testId?: string;
}

export function LevelPicker({ label, levels, value, onChange, testId }: Props) {
  const lang = useLang();
  return (
    <fieldset className="levels" data-testid={testId}>
      <legend>{label}</legend>
      {levels.map((l) => (
        <button
          type="button"
          key={l.score}
          className={value === l.score ? 'level level--on' : 'level'}
          aria-pressed={value === l.score}
          data-score={l.score}
          onClick={() => onChange(l.score)}
        >
          <span className="level__score">{l.score > 0 && levels.some((x) => x.score < 0) ? `+${l.score}` : l.score}</span>
          <span className="level__text">{l[lang]}</span>
        </button>
      ))}
    </fieldset>
  );
}
