/** Problem texts of the app around the record: login and rights, input, the API, GDT, alarm self-test, backups, storage. German first; placeholders are {param} (core/messages.ts). */
import type { MessageText } from '../text';

export const SYSTEM_PROBLEM_TEXTS = {
  // Login and rights (core/auth, electron/services/auth)
  loginFailed: {
    de: 'Benutzername oder Passwort falsch',
    en: 'User name or password wrong',
  },
  loginLockedOut: {
    de: 'Zu viele falsche Passwörter: bitte {seconds} s warten',
    en: 'Too many wrong passwords: please wait {seconds} s',
  },
  loginRateLimited: {
    de: 'Zu viele Anmeldeversuche aus diesem Fenster: bitte {seconds} s warten',
    en: 'Too many login attempts from this window: please wait {seconds} s',
  },
  pinWrong: {
    de: 'PIN falsch (noch {left} Versuche)',
    en: 'PIN wrong ({left} attempts left)',
  },
  pinTooManyAttempts: {
    de: 'Zu viele PIN-Versuche gleichzeitig: bitte warten',
    en: 'Too many PIN attempts at once: please wait',
  },
  pinLockedOut: {
    de: 'PIN zu oft falsch: abgemeldet, bitte mit Passwort anmelden',
    en: 'PIN wrong too often: logged out, please log in with the password',
  },
  pinNotSet: {
    de: 'Für diesen Benutzer ist keine PIN hinterlegt: bitte mit Passwort anmelden',
    en: 'No PIN set for this user: please log in with the password',
  },
  passwordChangeRequired: {
    de: 'Das Passwort wurde von der Administration neu gesetzt: bitte jetzt ein eigenes neues Passwort wählen',
    en: 'The password was reset by the administration: please choose your own new password now',
  },
  passwordNotNew: {
    de: 'Das neue Passwort muss sich vom bisherigen unterscheiden',
    en: 'The new password must differ from the current one',
  },
  ownRoleChange: {
    de: 'Die eigene Rolle kann nur eine andere Administratorin oder ein anderer Administrator ändern',
    en: 'Only another administrator can change your own role',
  },
  ownPasswordReset: {
    de: 'Das eigene Passwort wird bei der Anmeldung geändert, nicht zurückgesetzt',
    en: 'Change your own password at login; it is not reset',
  },
  missingRole: {
    de: 'Dafür ist die Berechtigung {needed} nötig (angemeldet als {role})',
    en: 'This needs the right of {needed} (logged in as {role})',
  },
  // {field} is the field in words (core/fieldLabels.ts); a field without a name there gets invalidInput.
  invalidField: {
    de: 'Eingabe ungültig: {field}',
    en: 'Invalid input: {field}',
  },
  invalidInput: { de: 'Eine Eingabe ist ungültig', en: 'An input is not valid' },
  'user.nameTaken': { de: 'Den Benutzernamen „{username}“ gibt es schon', en: 'The user name “{username}” is taken' },
  'user.cannotDeactivateSelf': { de: 'Das eigene Benutzerkonto kann man nicht deaktivieren', en: 'You cannot deactivate yourself' },
  // A refusal from main without a listed problem: said in words, its English detail stays in the host's log.
  'api.BAD_INPUT': { de: 'Die Eingabe wurde nicht angenommen', en: 'The input was not accepted' },
  'api.UNAUTHENTICATED': { de: 'Bitte anmelden', en: 'Please log in' },
  'api.FORBIDDEN': { de: 'Dafür fehlt die Berechtigung', en: 'You do not have the right to do this' },
  'api.NOT_FOUND': { de: 'Der Eintrag wurde nicht gefunden (inzwischen geändert oder entfernt?)', en: 'The entry was not found (changed or removed meanwhile?)' },
  'api.CONFLICT': { de: 'Das geht gerade nicht: der Stand hat sich geändert', en: 'Not possible right now: something changed meanwhile' },
  'api.REFUSED': { de: 'Abgelehnt', en: 'Refused' },
  'api.STORAGE': { de: 'SPEICHERFEHLER: nicht gespeichert – bitte sofort die Technik informieren', en: 'STORAGE ERROR: not saved – inform technical support at once' },
  'api.INTERNAL': { de: 'Interner Fehler: nicht ausgeführt – bitte die Technik informieren', en: 'Internal error: not done – please inform technical support' },
  // GDT link with the practice management system (records-out.md §1)
  'gdt.shortIdsEqual': {
    de: 'Die beiden kurzen GDT-Kennungen müssen sich unterscheiden: aus ihnen entstehen die Dateinamen beider Richtungen',
    en: 'The two short GDT ids must differ: they make the file names of both directions',
  },
  'gdt.sessionNotSigned': {
    de: 'Nur eine unterschriebene Sitzung wird an das Praxisverwaltungssystem übermittelt',
    en: 'Only a signed session is sent to the practice management system',
  },
  // The alarm self-test at start (issue 11 item 9)
  'alarm.selfTestOrder': {
    de: 'Der Alarm-Selbsttest zeigt als Nächstes die Priorität {expectedDe}, nicht {priorityDe}',
    en: 'The alarm self-test shows {expected} priority next, not {priority}',
  },
  'alarm.selfTestNotRunning': {
    de: 'Es läuft kein Alarm-Selbsttest: bitte zuerst starten',
    en: 'No alarm self-test is running: start it first',
  },
  'alarm.selfTestIncomplete': {
    de: 'Noch nicht gezeigt: Priorität {missingDe} – der Selbsttest kann so nicht bestanden sein',
    en: 'Not shown yet: {missing} priority – the self-test cannot pass like this',
  },
  'alarm.selfTestNoSound': {
    de: 'Der Ton wurde nicht abgespielt für: Priorität {silentDe} – der Selbsttest kann so nicht bestanden sein',
    en: 'The sound did not play for: {silent} priority – the self-test cannot pass like this',
  },
  'alarm.selfTestStale': {
    de: 'Dieser Selbsttest gehört zu einem früheren Start der App: Fenster neu laden und erneut prüfen',
    en: 'This self-test belongs to an earlier start of the app: reload the window and run it again',
  },
  // Backups and the restore drill (issue 15); {reason} is the backup file's or the folder's problem in one line
  'backup.running': {
    de: 'Gerade wird eine Sicherung geschrieben: bitte warten, bis sie fertig ist',
    en: 'A backup is being written right now: wait for it to finish',
  },
  'backup.restoreDirNotFullPath': {
    de: 'Bitte den vollständigen Pfad des Ordners angeben, in den wiederhergestellt wird, nicht „{dir}“',
    en: "Give the full path of the folder to restore into, not '{dir}'",
  },
  'backup.restoreIntoDataFolder': {
    de: 'In einen Ordner außerhalb des laufenden Datenordners wiederherstellen: die laufende Datenbank wird nie überschrieben',
    en: 'Restore into a folder outside the running data folder: the running database is never overwritten',
  },
  'backup.notRestored': {
    de: 'Die Sicherung {file} wurde nicht wiederhergestellt: {reason}',
    en: 'The backup {file} was not restored: {reason}',
  },
  'backup.folderNotFullPath': {
    de: 'Der Sicherungsordner muss ein vollständiger Pfad sein, nicht „{folder}“',
    en: "The backup folder must be a full path, not '{folder}'",
  },
  'backup.folderInDataFolder': {
    de: 'Der Sicherungsordner darf nicht im Datenordner liegen: eine Sicherung muss den Verlust des Datenordners überstehen',
    en: 'The backup folder must not lie inside the data folder: a backup must survive losing the data folder',
  },
  'backup.settingOutOfRange': {
    de: '{setting} muss eine ganze Zahl zwischen {min} und {max} sein',
    en: '{setting} must be a whole number between {min} and {max}',
  },
  'backup.folderUnreadable': {
    de: 'Der Sicherungsordner {folder} kann nicht gelesen werden ({reason})',
    en: 'The backup folder {folder} cannot be read ({reason})',
  },
  'backup.nothingToChange': {
    de: 'Keine Einstellung zum Ändern angegeben',
    en: 'No setting to change was given',
  },
  // The database could not write (envelope code STORAGE), never a clinical refusal
  'storage.vitalsWaiting': {
    de: '{count} Messwerte dieses Platzes sind noch nicht gespeichert: erst unterschreiben, wenn die Speicherung wieder funktioniert (Technik informieren).',
    en: '{count} readings of this chair are not stored yet: sign once storage works again (call technical support).',
  },
  'storage.failed': {
    de: 'Datenbankfehler ({detail}): es wurde nichts gespeichert oder verändert – bitte erneut versuchen und sofort die Technik informieren.',
    en: 'Database failure ({detail}): nothing was saved or changed – please try again and call technical support now.',
  },
} as const satisfies Record<string, MessageText>;
