/**
 * Every Problem code of the domain rules with its German (first) and English text.
 * Placeholders are {param}; German templates may use a German variant of a param (e.g. {itemDe}).
 * `problem()` only accepts codes from this table, so a code without a text cannot compile. The texts live by
 * sub-feature in core/problemTexts/.
 */
import { isConditionCode } from './alarms/codes';
import { ALARM_NOTICES, conditionLabel } from './alarms/messages';
import { settingLabel } from './clinic/settingLabels';
import { sourceText } from './clinic/sourceText';
import { fieldLabel } from './fieldLabels';
import { RECORD_PROBLEM_TEXTS } from './problemTexts/recordKeeping';
import { SESSION_PROBLEM_TEXTS } from './problemTexts/session';
import { SYSTEM_PROBLEM_TEXTS } from './problemTexts/system';
import type { Problem } from './settings';

import { fillTemplate, type Lang, type MessageText } from './text';

export type { Lang, MessageText } from './text';

export const MESSAGES = {
  ...SESSION_PROBLEM_TEXTS,
  ...RECORD_PROBLEM_TEXTS,
  ...SYSTEM_PROBLEM_TEXTS,
} as const satisfies Record<string, MessageText>;

export type ProblemCode = keyof typeof MESSAGES;

export function problem(code: ProblemCode, params?: Record<string, string | number>): Problem {
  const message = fillTemplate(MESSAGES[code].en, params, 'en');
  return params === undefined ? { code, message } : { code, message, params };
}

/** The problem's text in the chosen language; an unknown code falls back to the problem's own English message. */
export function formatProblem(p: Problem, lang: Lang): string {
  if (p.code === 'invalidField') {
    const field = fieldLabel(String(p.params?.field ?? ''), lang);
    return field === null ? MESSAGES.invalidInput[lang] : fillTemplate(MESSAGES.invalidField[lang], { field }, lang);
  }
  const text = (MESSAGES as Record<string, MessageText>)[p.code] ?? ALARM_NOTICES[p.code];
  return text === undefined ? p.message : fillTemplate(text[lang], readableParams(p.params, lang), lang);
}

/** Placeholders that name a setting, a source or an alarm condition, in words: never their code names. */
function readableParams(params: Problem['params'], lang: Lang): Problem['params'] {
  if (!params) return params;
  const out = { ...params };
  for (const name of ['key', 'other'] as const) if (typeof out[name] === 'string') out[name] = settingLabel(out[name], lang);
  if (typeof out.source === 'string') out.source = sourceText(out.source, lang);
  if (typeof out.code === 'string' && isConditionCode(out.code)) out.code = conditionLabel(out.code, lang);
  return out;
}
