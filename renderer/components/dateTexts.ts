/** The words of the app's own date fields (components/DateFields.tsx), German and English side by side. */
export const dateTextsDe = {
  dateField: {
    format: '„{{text}}“ ist kein Datum – bitte als {{pattern}} eingeben',
    formatDateTime: '„{{text}}“ ist kein Zeitpunkt – bitte als {{pattern}} eingeben (nur die Uhrzeit: heute)',
    noSuchDay: 'Den {{text}} gibt es nicht',
    noSuchTime: '{{text}} gibt es nicht (Uhrzeit 00:00 bis 23:59; in der Nacht der Zeitumstellung fehlt eine Stunde)',
  },
};

export const dateTextsEn: typeof dateTextsDe = {
  dateField: {
    format: '“{{text}}” is not a date – please type {{pattern}}',
    formatDateTime: '“{{text}}” is not a date and time – please type {{pattern}} (time only: today)',
    noSuchDay: 'There is no {{text}}',
    noSuchTime: '{{text}} does not exist (times run from 00:00 to 23:59; the night the clocks go forward skips an hour)',
  },
};
