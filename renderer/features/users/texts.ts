/** Texts of user administration and the own-password change at login (issue 12 item 8), German first. */
export const userTextsDe = {
  userAdmin: {
    changeRole: 'Rolle ändern',
    roleChanged: 'Rolle von {{name}} geändert: gilt ab ihrem/seinem nächsten Schritt',
    resetPassword: 'Einmal-Passwort setzen',
    resetHint: 'Die Person meldet sich damit einmal an und wählt dann ein eigenes Passwort. Offene Anmeldungen enden sofort.',
    oneTimePassword: 'Einmal-Passwort (mindestens 10 Zeichen)',
    resetDone: 'Einmal-Passwort für {{name}} gesetzt. Bitte persönlich mitteilen.',
    mustChange: 'muss Passwort ändern',
    deactivated: '{{name}} deaktiviert: offene Anmeldungen sind beendet',
    activated: '{{name}} wieder aktiv',
    you: '(Sie)',
  },
  passwordChange: {
    title: 'Eigenes Passwort wählen',
    hint: 'Ihr Passwort wurde von der Administration neu gesetzt. Bitte wählen Sie jetzt ein eigenes.',
    current: 'Einmal-Passwort',
    new: 'Neues Passwort (mindestens 10 Zeichen)',
    repeat: 'Neues Passwort wiederholen',
    mismatch: 'Die beiden neuen Passwörter stimmen nicht überein',
    submit: 'Passwort speichern und anmelden',
  },
} as const;

export const userTextsEn = {
  userAdmin: {
    changeRole: 'Change role',
    roleChanged: 'Role of {{name}} changed: it applies from their next step',
    resetPassword: 'Set one-time password',
    resetHint: 'The person logs in with it once and then chooses her own password. Open logins end at once.',
    oneTimePassword: 'One-time password (at least 10 characters)',
    resetDone: 'One-time password for {{name}} set. Please tell it in person.',
    mustChange: 'must change password',
    deactivated: '{{name}} deactivated: open logins have ended',
    activated: '{{name}} active again',
    you: '(you)',
  },
  passwordChange: {
    title: 'Choose your own password',
    hint: 'Your password was reset by the administration. Please choose your own now.',
    current: 'One-time password',
    new: 'New password (at least 10 characters)',
    repeat: 'Repeat the new password',
    mismatch: 'The two new passwords differ',
    submit: 'Save password and log in',
  },
} as const;
