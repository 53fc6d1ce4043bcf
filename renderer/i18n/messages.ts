import type { de } from './de';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every language must fill: German's keys, any strings. */
export type Messages = Widen<typeof de>;
