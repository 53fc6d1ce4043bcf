/** Every reason of a refusal, in words (German or English), never just "error". */
import { useTranslation } from 'react-i18next';
import { ROLE_LABEL, ROLES, type Role } from '../../core/auth/roles';
import { formatProblem, type Lang } from '../../core/messages';
import type { Problem } from '../../core/settings';
import { ApiCallError } from '../api/client';

/** The problems of a failed call: each listed problem, or the error's own message when there are none. */
export function problemsOf(error: unknown): Problem[] {
  if (error instanceof ApiCallError) {
    const { problems, code, message } = error.error;
    return problems && problems.length > 0 ? problems : [{ code: `api.${code}`, message }];
  }
  return [{ code: 'ui.error', message: error instanceof Error ? error.message : String(error) }];
}

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'de';
}

interface Props {
  problems: readonly Problem[];
  /** Heading above the list, e.g. "Entlassung nicht möglich". */
  title?: string;
  tone?: 'refusal' | 'warning' | 'info';
  testId?: string;
}

/** The dispatcher's "missing right" refusal in the user's language, naming the role(s) needed. */
function missingRoleText(p: Problem, lang: Lang, t: (key: string, params: Record<string, string>) => string): string | null {
  if (p.code !== 'missingRole') return null;
  const label = (r: string) => (ROLES.includes(r as Role) ? ROLE_LABEL[r as Role][lang] : r);
  const needed = String(p.params?.needed ?? '').split(',').filter(Boolean).map(label).join(lang === 'de' ? ' oder ' : ' or ');
  return t('session.missingRole', { needed, role: label(String(p.params?.role ?? '')) });
}

export function ProblemList({ problems, title, tone = 'refusal', testId }: Props) {
  const lang = useLang();
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div className={`problems problems--${tone}`} role={tone === 'refusal' ? 'alert' : 'status'} data-testid={testId}>
      {title && <strong className="problems__title">{title}</strong>}
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.code}-${i}`} data-code={p.code}>
            {missingRoleText(p, lang, t) ?? formatProblem(p, lang)}
          </li>
        ))}
      </ul>
    </div>
  );
}
