/**
 * A clinic setting: a clinical number with the default the app ships and where that default comes from.
 * Every clinical default in the app is declared with this shape, so the settings screen can show its source.
 */
export interface SettingDefault<T> {
  value: T;
  unit?: string;
  /** Where the default comes from, e.g. "clinical-requirements §4.1 [E] (S64)". */
  source: string;
  /** The values a physician may set (for a list: each entry); none for a choice from a fixed list. */
  range?: SettingRange;
  /** A choice from a fixed list (substance, discharge scale). */
  choices?: readonly string[];
}

/** The clinical bounds of a setting: a value outside them is refused, whoever asks. */
export interface SettingRange {
  min: number;
  max: number;
  /** Whole numbers only (counts, points, minutes). */
  integer?: boolean;
  /** Why these bounds: the clinical source or the engineering reason, like a default's source. */
  source: string;
}

/** A problem in words: a stable code for translation and tests, and an English fallback text. */
export interface Problem {
  code: string;
  message: string;
  params?: Record<string, string | number>;
}
