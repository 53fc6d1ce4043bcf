/**
 * What the drivers report as codes, said in words on the device setup screen, German first: protocol names by
 * protocol id (drivers/protocols; the drivers keep an English label for logs), device notices by code
 * (core/devices/deviceNotice.ts) and reasons for rejected frames (core/devices/rejectReason.ts).
 * Spread into renderer/i18n/de.ts and en.ts.
 */
import type { NoticeCode } from '../../../core/devices/deviceNotice';
import type { RejectReason } from '../../../core/devices/rejectReason';

type Group<C> = C extends `${infer G}.${string}` ? G : never;
/** Notice codes are `group.name`: i18next reads the dot as nesting. */
type NoticeTexts = { [G in Group<NoticeCode>]: { [C in NoticeCode as C extends `${G}.${infer N}` ? N : never]: string } };

export const deviceTextsDe = {
  device: {
    protocol: {
      'datex-s5': 'GE/Datex S/5 (Computer-Schnittstelle)',
      'philips-mib': 'Philips IntelliVue MIB/RS232 (Datenexport)',
      'masimo-ascii1': 'Masimo ASCII 1 (Radical-7 / Rad-8 / Rad-97)',
      'nonin-2': 'Nonin-Pulsoximeter, Datenformat 2 (75 Telegramme/s)',
      'nonin-8': 'Nonin-Pulsoximeter, Datenformat 8 (1 Datensatz/s)',
      'bbraun-bcc': 'B. Braun Space BCC (SpaceCom)',
    },
    /** A code this screen does not know (a newer driver): shown as it is inside a German frame. */
    noticeUnknown: 'Meldung mit unbekanntem Code {{code}}',
    notice: {
      monitor: {
        associated: 'Monitor hat die Anmeldung angenommen',
        refused: 'Monitor hat die Anmeldung abgelehnt',
        released: 'Monitor hat die Verbindung beendet',
        aborted: 'Monitor hat die Verbindung abgebrochen',
        error: 'Monitor meldet Fehler {{error}} zu Anfrage {{request}}',
      },
      oximeter: {
        alarm: 'Alarmzustand des Oximeters: Code {{alarm}}',
        alarmEnded: 'kein Alarm mehr am Oximeter',
        exception: 'Sensorzustand des Oximeters: Code {{exception}}',
        exceptionEnded: 'keine Störung mehr am Oximeter',
        batteryLow: 'Batterie des Oximeters schwach',
        batteryOk: 'Batterie des Oximeters in Ordnung',
        formatSelected: 'Datenformat {{format}} eingestellt',
        formatRefused: 'Oximeter lehnt Datenformat {{format}} ab',
      },
      pump: {
        connected: 'ComDevice antwortet (Bett {{bed}})',
        error: 'ComDevice meldet Fehler {{error}} ({{pump}})',
        new: 'Pumpe {{pump}} angeschlossen',
        drug: 'Pumpe {{pump}}: {{drug}}',
        bolus: 'Pumpe {{pump}}: Bolus läuft',
        bolusCount: 'Pumpe {{pump}}: {{count}} Bolus/Boli seit der letzten Abfrage',
        alarm: 'Pumpe {{pump}}: Alarm {{alarm}}',
        alarmCleared: 'Pumpe {{pump}}: Alarm {{alarm}} beendet',
      },
    } satisfies NoticeTexts,
    reject: {
      implausibleValue: 'unplausibler Messwert',
      decoderError: 'interner Fehler beim Lesen',
      checksumMismatch: 'Prüfsumme falsch',
      lengthMismatch: 'Längenangabe stimmt nicht',
      frameTooLong: 'Telegramm zu lang',
      frameTooShort: 'Telegramm zu kurz',
      bytesOutsideFrame: 'Bytes außerhalb eines Telegramms',
      frameRestarted: 'Telegramm vor seinem Ende neu begonnen',
      lineTooLong: 'Zeile zu lang',
      badDateTime: 'ungültiges Datum oder ungültige Uhrzeit',
      noDateTime: 'Zeile ohne Datum und Uhrzeit (unvollständig?)',
      tokenWithoutKeyValue: 'Feld ohne SCHLÜSSEL=WERT',
      malformedValue: 'Wert unlesbar',
      malformedField: 'Feld unlesbar',
      noSpo2OrPulse: 'weder SpO₂ noch Puls in der Zeile',
      frameEndsInEscape: 'Telegramm endet in einer Maskierung',
      recordTooShort: 'Datensatz kürzer als sein Kopf',
      recordLengthMismatch: 'Längenfeld des Datensatzes stimmt nicht',
      subRecordOutsideRecord: 'Teildatensatz außerhalb des Datensatzes',
      frameAborted: 'Telegramm vom Sender abgebrochen',
      notDataExport: 'kein Datenexport-Telegramm',
      malformedMessage: 'Nachricht unlesbar',
      unexpectedUnit: 'unerwartete Einheit',
      truncatedRecord: 'Datensatz abgeschnitten',
      outOfSync: 'Gleichlauf verloren',
      incompletePacket: 'Paket unvollständig',
      malformedBlock: 'Block unlesbar',
      blockWithoutAddress: 'Block ohne Adresskopf',
      malformedQuadruple: 'Datenquadrupel unlesbar',
    } satisfies Record<RejectReason, string>,
  },
} as const;

export const deviceTextsEn = {
  device: {
    protocol: {
      'datex-s5': 'GE/Datex S/5 Computer Interface',
      'philips-mib': 'Philips IntelliVue MIB/RS232 (Data Export)',
      'masimo-ascii1': 'Masimo ASCII 1 (Radical-7 / Rad-8 / Rad-97)',
      'nonin-2': 'Nonin pulse oximeter, data format #2 (75 frames/s)',
      'nonin-8': 'Nonin pulse oximeter, data format #8 (1 record/s)',
      'bbraun-bcc': 'B. Braun Space BCC (SpaceCom)',
    },
    noticeUnknown: 'Notice with the unknown code {{code}}',
    notice: {
      monitor: {
        associated: 'association accepted',
        refused: 'association refused by the monitor',
        released: 'monitor released the association',
        aborted: 'monitor aborted the association',
        error: 'monitor returned error {{error}} for request {{request}}',
      },
      oximeter: {
        alarm: 'oximeter alarm state: code {{alarm}}',
        alarmEnded: 'no oximeter alarm any more',
        exception: 'oximeter sensor state: code {{exception}}',
        exceptionEnded: 'no oximeter exception any more',
        batteryLow: 'oximeter battery low',
        batteryOk: 'oximeter battery ok',
        formatSelected: 'data format #{{format}} selected',
        formatRefused: 'data format #{{format}} refused by the oximeter',
      },
      pump: {
        connected: 'ComDevice answered (bed {{bed}})',
        error: 'ComDevice error {{error}} ({{pump}})',
        new: 'pump {{pump}} connected',
        drug: 'pump {{pump}}: {{drug}}',
        bolus: 'pump {{pump}}: bolus running',
        bolusCount: 'pump {{pump}}: {{count}} bolus(es) since the last read',
        alarm: 'pump {{pump}}: alarm {{alarm}}',
        alarmCleared: 'pump {{pump}}: alarm {{alarm}} cleared',
      },
    },
    reject: {
      implausibleValue: 'implausible value',
      decoderError: 'decoder error',
      checksumMismatch: 'checksum mismatch',
      lengthMismatch: 'length mismatch',
      frameTooLong: 'frame too long',
      frameTooShort: 'frame too short',
      bytesOutsideFrame: 'bytes outside a frame',
      frameRestarted: 'frame restarted before its end',
      lineTooLong: 'line too long',
      badDateTime: 'bad date/time',
      noDateTime: 'no date/time (partial line?)',
      tokenWithoutKeyValue: 'token without KEY=VALUE',
      malformedValue: 'malformed value',
      malformedField: 'malformed field',
      noSpo2OrPulse: 'no SpO₂ or pulse field',
      frameEndsInEscape: 'frame ends inside an escape',
      recordTooShort: 'record shorter than its header',
      recordLengthMismatch: 'record length field does not match',
      subRecordOutsideRecord: 'sub-record outside the record',
      frameAborted: 'frame aborted by the sender',
      notDataExport: 'not a data-export frame',
      malformedMessage: 'malformed message',
      unexpectedUnit: 'unexpected unit code',
      truncatedRecord: 'truncated record',
      outOfSync: 'out of sync',
      incompletePacket: 'incomplete packet',
      malformedBlock: 'malformed block',
      blockWithoutAddress: 'block without address header',
      malformedQuadruple: 'malformed quadruple',
    },
  },
};
