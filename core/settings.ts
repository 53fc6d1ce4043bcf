/**
 * A clinic setting: a clinical number with the default the app ships and where that default comes from.
 * Every clinical default in the app is declared with this shape, so the settings screen can show its source.
 */
export interface SettingDefault<T> {
  value: T;
  unit?: string;
  /** Where the default comes from, e.g. "clinical-requirements §4.1 [E] (S64)". */
  source: string;
}

/** A problem in words: a stable code for translation and tests, and an English fallback text. */
export interface Problem {
  code: string;
  message: string;
  params?: Record<string, string | number>;
}
