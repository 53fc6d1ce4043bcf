/** True when a free-text field holds more than whitespace: a blank name or reason counts as missing. */
export function isFilled(text: string | undefined | null): text is string {
  return typeof text === 'string' && text.trim().length > 0;
}
