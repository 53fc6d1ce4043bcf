/**
 * How a typed name matches a stored one: case, accents and ß do not matter ("mul" finds "Müller", "strasse" finds
 * "Straße"), so the MFA finds a patient however the name was typed at registration.
 */
export function nameSearchKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The exclusive upper end of a prefix range over search keys ("mul" → every key that starts with "mul"). */
export function prefixEnd(key: string): string {
  return `${key}\u{10FFFF}`;
}
