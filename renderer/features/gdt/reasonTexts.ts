/**
 * Why a GDT file was refused or a result not written (codes: core/gdt/gdtReason.ts), German first; said by
 * gdtReasonText (reasonWords.ts). Spread into the `gdt` texts of ./texts.ts.
 */
import type { FolderProblem, GdtReasonCode, MissingField } from '../../../core/gdt/gdtReason';

export const gdtReasonTextsDe = {
  why: {
    fileEmpty: 'keine GDT-Datei: die Datei ist leer',
    lineWithoutField: 'keine GDT-Datei (Zeile {{line}}: am Zeilenanfang keine Länge mit Feldkennung)',
    noRecordTypeFirst: 'keine GDT-Datei (Zeile {{line}}: sie beginnt nicht mit Feld 8000, der Satzart)',
    recordCount: 'eine GDT-Datei enthält genau einen Satz, diese enthält {{count}}',
    recordTypeNotHandled: 'Satzart {{recordType}} wird hier nicht verarbeitet (angenommen werden 6301, 6302 und 6311)',
    wrongReceiver: 'an GDT-ID „{{receiver}}“ adressiert (8315), diese Anwendung ist „{{ownGdtId}}“',
    wrongSender: 'von GDT-ID „{{sender}}“ gesendet (8316), der Partner ist „{{pvsGdtId}}“',
    pvsNumberTooLong: 'Patientennummer (3000) „{{pvsNumber}}“ ist länger als 10 Zeichen',
    fieldsMissing: 'im Satz {{recordType}} fehlt: {{fields}}',
    cutShort: 'Datei unvollständig: laut 8100 {{declared}} Bytes, vorhanden {{actual}} (seit {{seconds}} s unverändert)',
    unknownPatient: 'Patient mit PVS-Nummer {{pvsNumber}} ist hier nicht bekannt: ein 6311 zeigt nur Patienten, die das PVS mit 6301/6302 gesendet hat',
    noSession: 'Sitzung {{sessionId}} gibt es nicht',
    sessionNotSigned: 'Sitzung {{sessionId}} ist nicht unterschrieben: nur unterschriebene Ergebnisse gehen an das PVS',
    noPvsNumber: '{{familyName}}, {{givenName}} hat keine Patientennummer von {{partner}}: das PVS hat für diese Person nie 6301/6302 gesendet',
    protocolNotMade: 'das unterschriebene Protokoll (PDF) konnte nicht erstellt werden',
    pdfPathTooLong: 'der PDF-Pfad „{{path}}“ hat {{length}} Zeichen, GDT-Feld 6305 erlaubt {{max}}: einen kürzeren PDF-Ordner (wie ihn das PVS sieht) einstellen',
    pdfOtherBytes: '{{file}} in {{folder}} ist ein anderes Dokument als Nr. {{documentId}}: nicht überschrieben',
    resultNotCollected: '{{file}} liegt noch in {{folder}}: das PVS hat die Datei noch nicht abgeholt, sie wurde nicht überschrieben',
    allNumbersTaken: '{{first}} bis {{last}} liegen alle noch in {{folder}}: das PVS holt seine Dateien nicht ab',
    folderProblem: 'Dateifehler {{errno}} im Ordner {{folder}}',
    notEncodable: 'das Ergebnis lässt sich nicht als GDT-Datei schreiben (Einzelheiten im Fehlerprotokoll der Anwendung)',
    internal: 'interner Fehler (Einzelheiten im Fehlerprotokoll der Anwendung)',
  } satisfies Record<GdtReasonCode, string>,
  /** A field a refused file lacks; the birth date also with what was found. */
  whyField: {
    '3000': 'Patientennummer (3000)',
    '3101': 'Name (3101)',
    '3102': 'Vorname (3102)',
    '3103': 'Geburtsdatum (3103, TTMMJJJJ)',
  } satisfies Record<MissingField, string>,
  whyBirthDateFound: 'Geburtsdatum (3103, TTMMJJJJ; gefunden „{{found}}“)',
  /** A folder's errno in words; anything else is `why.folderProblem` with the errno. */
  whyFolder: {
    noPermission: 'kein Schreibrecht im Ordner {{folder}}',
    notFound: 'Ordner {{folder}} nicht gefunden',
    full: 'kein Platz mehr im Ordner {{folder}}',
    readOnly: 'Ordner {{folder}} ist schreibgeschützt',
  } satisfies Record<Exclude<FolderProblem, 'other'>, string>,
};

export const gdtReasonTextsEn: typeof gdtReasonTextsDe = {
  why: {
    fileEmpty: 'not a GDT file: the file is empty',
    lineWithoutField: 'not a GDT file (line {{line}}: no length and field id at the start)',
    noRecordTypeFirst: 'not a GDT file (line {{line}}: it does not start with field 8000, the record type)',
    recordCount: 'a GDT file carries one record; this one has {{count}}',
    recordTypeNotHandled: 'record type {{recordType}} is not handled here (this app takes 6301, 6302 and 6311)',
    wrongReceiver: 'addressed to GDT id "{{receiver}}" (8315), this app is "{{ownGdtId}}"',
    wrongSender: 'sent by GDT id "{{sender}}" (8316), the partner is "{{pvsGdtId}}"',
    pvsNumberTooLong: 'the patient number (3000) "{{pvsNumber}}" is longer than 10 characters',
    fieldsMissing: 'the {{recordType}} lacks {{fields}}',
    cutShort: 'cut short: 8100 says {{declared}} bytes, the file has {{actual}} (unchanged for {{seconds}} s)',
    unknownPatient: 'patient with PVS number {{pvsNumber}} is not known here: a 6311 shows only a patient the PVS sent with 6301/6302',
    noSession: 'there is no session {{sessionId}}',
    sessionNotSigned: 'session {{sessionId}} is not signed: only signed results go to the PVS',
    noPvsNumber: '{{familyName}}, {{givenName}} has no patient number from {{partner}}: the PVS never sent a 6301/6302 for this patient',
    protocolNotMade: 'the signed protocol PDF could not be made',
    pdfPathTooLong: 'the PDF path "{{path}}" has {{length}} characters, GDT field 6305 allows {{max}}: set a shorter PDF folder as the PVS sees it',
    pdfOtherBytes: '{{file}} in {{folder}} is another document than no. {{documentId}}: not overwritten',
    resultNotCollected: '{{file}} from before is still in {{folder}}: the PVS has not collected it yet, so it was not overwritten',
    allNumbersTaken: '{{first}} to {{last}} are all waiting in {{folder}}: the PVS does not collect its files',
    folderProblem: 'file error {{errno}} in the folder {{folder}}',
    notEncodable: 'the result cannot be written as a GDT file (details in the application log)',
    internal: 'internal error (details in the application log)',
  },
  whyField: {
    '3000': 'patient number (3000)',
    '3101': 'surname (3101)',
    '3102': 'given name (3102)',
    '3103': 'birth date (3103, DDMMYYYY)',
  },
  whyBirthDateFound: 'birth date (3103, DDMMYYYY; found "{{found}}")',
  whyFolder: {
    noPermission: 'no permission to write in the folder {{folder}}',
    notFound: 'folder {{folder}} not found',
    full: 'no space left in the folder {{folder}}',
    readOnly: 'folder {{folder}} is read-only',
  },
};
