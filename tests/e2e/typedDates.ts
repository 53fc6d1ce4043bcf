/** Dates and times as a German user types them into the app's date fields (components/DateFields.tsx). */
const p2 = (n: number) => String(n).padStart(2, '0');

/** "03.12.2026" for the local day of `t`. */
export function germanDay(t: number): string {
  const d = new Date(t);
  return `${p2(d.getDate())}.${p2(d.getMonth() + 1)}.${d.getFullYear()}`;
}

/** "03.12.2026 14:05" for the local minute of `t`. */
export function germanDateTime(t: number): string {
  const d = new Date(t);
  return `${germanDay(t)} ${p2(d.getHours())}:${p2(d.getMinutes())}`;
}
