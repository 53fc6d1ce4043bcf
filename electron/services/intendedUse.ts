/** Said wherever a user will read it (about screen, header tooltip, README). */
export const INTENDED_USE =
  'Documentation and secondary alerts only. The bedside patient monitor remains the primary alarm system; ' +
  'its alarms must stay switched on and audible.';
