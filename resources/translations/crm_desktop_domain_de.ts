<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
    <context>
        <name>errors</name>
        <message>
            <source>The change conflicts with data already in the store. Nothing was changed.</source>
            <translation>Die Änderung widerspricht Daten, die bereits gespeichert sind. Es wurde nichts geändert.</translation>
        </message>
        <message>
            <source>The time has no time zone; please give a complete date and time.</source>
            <translation>Die Uhrzeit hat keine Zeitzone; bitte geben Sie ein vollständiges Datum mit Uhrzeit an.</translation>
        </message>
        <message>
            <source>An activity needs a person or a company.</source>
            <translation>Eine Aktivität braucht eine Person oder eine Firma.</translation>
        </message>
        <message>
            <source>The duration must not be negative.</source>
            <translation>Die Dauer darf nicht negativ sein.</translation>
        </message>
        <message>
            <source>Activity {id} does not exist.</source>
            <translation>Die Aktivität {id} existiert nicht.</translation>
        </message>
        <message>
            <source>An activity needs a date and time.</source>
            <translation>Eine Aktivität braucht Datum und Uhrzeit.</translation>
        </message>
        <message>
            <source>The backup to {path} failed: {detail}. Your data is unchanged.</source>
            <translation>Die Sicherung nach {path} ist fehlgeschlagen: {detail}. Ihre Daten sind unverändert.</translation>
        </message>
        <message>
            <source>The disk holding {path} is full. The backup was not written; your data and earlier backups are unchanged. Free some space and try again.</source>
            <translation>Das Laufwerk mit {path} ist voll. Die Sicherung wurde nicht geschrieben; Ihre Daten und frühere Sicherungen sind unverändert. Geben Sie Speicherplatz frei und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>The folder {path} cannot be written (read-only or no permission). The backup was not written; your data is unchanged.</source>
            <translation>In den Ordner {path} kann nicht geschrieben werden (schreibgeschützt oder keine Berechtigung). Die Sicherung wurde nicht geschrieben; Ihre Daten sind unverändert.</translation>
        </message>
        <message>
            <source>There is no store to back up yet at {path}.</source>
            <translation>Unter {path} gibt es noch keine Datenbank, die gesichert werden kann.</translation>
        </message>
        <message>
            <source>The backup file {path} does not exist.</source>
            <translation>Die Sicherungsdatei {path} existiert nicht.</translation>
        </message>
        <message>
            <source>{path} is not a backup of this store.</source>
            <translation>{path} ist keine Sicherung dieser Datenbank.</translation>
        </message>
        <message>
            <source>The backup {path} is damaged ({detail}); it was not restored.</source>
            <translation>Die Sicherung {path} ist beschädigt ({detail}); sie wurde nicht wiederhergestellt.</translation>
        </message>
        <message>
            <source>{path} is not a backup of this program (no contacts tables in it).</source>
            <translation>{path} ist keine Sicherung dieses Programms (keine Kontakttabellen enthalten).</translation>
        </message>
        <message>
            <source>The copy of the backup is damaged; nothing was restored.</source>
            <translation>Die Kopie der Sicherung ist beschädigt; es wurde nichts wiederhergestellt.</translation>
        </message>
        <message>
            <source>The backup failed its integrity check ({detail}) and was deleted. The store itself may be damaged: run “crm-desktop check”.</source>
            <translation>Die Sicherung hat die Integritätsprüfung nicht bestanden ({detail}) und wurde gelöscht. Die Datenbank selbst ist möglicherweise beschädigt: Führen Sie „crm-desktop check“ aus.</translation>
        </message>
        <message>
            <source>Nothing is selected.</source>
            <translation>Nichts ausgewählt.</translation>
        </message>
        <message>
            <source>The tag needs a name.</source>
            <translation>Das Tag braucht einen Namen.</translation>
        </message>
        <message>
            <source>There is no tag “{name}”.</source>
            <translation>Es gibt kein Tag „{name}“.</translation>
        </message>
        <message>
            <source>“{name}” cannot be changed in bulk here.</source>
            <translation>„{name}“ kann hier nicht für mehrere Einträge gleichzeitig geändert werden.</translation>
        </message>
        <message>
            <source>There is nothing to undo with id {id}.</source>
            <translation>Mit der ID {id} gibt es nichts rückgängig zu machen.</translation>
        </message>
        <message>
            <source>This change has already been undone.</source>
            <translation>Diese Änderung wurde bereits rückgängig gemacht.</translation>
        </message>
        <message>
            <source>“{value}” is not a valid value.</source>
            <translation>„{value}“ ist kein gültiger Wert.</translation>
        </message>
        <message>
            <source>This change cannot be undone.</source>
            <translation>Diese Änderung kann nicht rückgängig gemacht werden.</translation>
        </message>
        <message>
            <source>The record is no longer there; the change cannot be undone.</source>
            <translation>Den Datensatz gibt es nicht mehr; die Änderung kann nicht rückgängig gemacht werden.</translation>
        </message>
        <message>
            <source>The record was changed again after this change; undoing it now would overwrite that later change. Nothing was changed.</source>
            <translation>Der Datensatz wurde nach dieser Änderung erneut geändert; sie jetzt rückgängig zu machen, würde die spätere Änderung überschreiben. Es wurde nichts geändert.</translation>
        </message>
        <message>
            <source>The time needs a time zone.</source>
            <translation>Die Uhrzeit braucht eine Zeitzone.</translation>
        </message>
        <message>
            <source>Appointment {id} does not exist.</source>
            <translation>Der Termin {id} existiert nicht.</translation>
        </message>
        <message>
            <source>An appointment needs a title.</source>
            <translation>Ein Termin braucht einen Titel.</translation>
        </message>
        <message>
            <source>The end lies before the start.</source>
            <translation>Das Ende liegt vor dem Beginn.</translation>
        </message>
        <message>
            <source>This appointment was cancelled.</source>
            <translation>Dieser Termin wurde abgesagt.</translation>
        </message>
        <message>
            <source>The end date lies before the start date.</source>
            <translation>Das Enddatum liegt vor dem Anfangsdatum.</translation>
        </message>
        <message>
            <source>The person does not exist.</source>
            <translation>Die Person existiert nicht.</translation>
        </message>
        <message>
            <source>A campaign needs a name.</source>
            <translation>Eine Kampagne braucht einen Namen.</translation>
        </message>
        <message>
            <source>{field_label}: this looks like a payment card number ({masked}). Card numbers are never stored, to protect you and your customers (PCI DSS); please remove it.</source>
            <translation>{field_label}: Dies sieht nach einer Kreditkartennummer aus ({masked}). Kartennummern werden zum Schutz von Ihnen und Ihren Kunden nie gespeichert (PCI DSS); bitte entfernen Sie sie.</translation>
        </message>
        <message>
            <source>Company {id} does not exist.</source>
            <translation>Die Firma {id} existiert nicht.</translation>
        </message>
        <message>
            <source>The department “{name}” already exists.</source>
            <translation>Die Abteilung „{name}“ ist bereits vorhanden.</translation>
        </message>
        <message>
            <source>Person {id} does not exist.</source>
            <translation>Die Person {id} existiert nicht.</translation>
        </message>
        <message>
            <source>The parent company does not exist.</source>
            <translation>Die Muttergesellschaft existiert nicht.</translation>
        </message>
        <message>
            <source>The contact interval must be between 1 and 3650 days.</source>
            <translation>Das Kontaktintervall muss zwischen 1 und 3650 Tagen liegen.</translation>
        </message>
        <message>
            <source>A person needs a given or a family name.</source>
            <translation>Eine Person braucht einen Vor- oder Nachnamen.</translation>
        </message>
        <message>
            <source>A company cannot be its own parent or branch of its branch.</source>
            <translation>Eine Firma kann nicht ihre eigene Muttergesellschaft oder Niederlassung ihrer Niederlassung sein.</translation>
        </message>
        <message>
            <source>The company does not exist.</source>
            <translation>Die Firma existiert nicht.</translation>
        </message>
        <message>
            <source>The department does not exist.</source>
            <translation>Die Abteilung existiert nicht.</translation>
        </message>
        <message>
            <source>A person cannot report to themselves.</source>
            <translation>Eine Person kann nicht ihr eigener Vorgesetzter sein.</translation>
        </message>
        <message>
            <source>The supervisor does not exist.</source>
            <translation>Die/der Vorgesetzte existiert nicht.</translation>
        </message>
        <message>
            <source>The department belongs to another company.</source>
            <translation>Die Abteilung gehört zu einer anderen Firma.</translation>
        </message>
        <message>
            <source>This would make a reporting loop (A reports to B reports to A).</source>
            <translation>Das ergäbe eine Schleife in der Vorgesetztenkette (A unterstellt B, B unterstellt A).</translation>
        </message>
        <message>
            <source>The passphrase must not be empty.</source>
            <translation>Die Passphrase darf nicht leer sein.</translation>
        </message>
        <message>
            <source>There is no store at {path} to encrypt.</source>
            <translation>Unter {path} gibt es keine Datenbank, die verschlüsselt werden kann.</translation>
        </message>
        <message>
            <source>The store {path} is already encrypted.</source>
            <translation>Die Datenbank {path} ist bereits verschlüsselt.</translation>
        </message>
        <message>
            <source>The store {path} is not encrypted.</source>
            <translation>Die Datenbank {path} ist nicht verschlüsselt.</translation>
        </message>
        <message>
            <source>Encryption needs the package sqlcipher3-binary, which is not installed.</source>
            <translation>Die Verschlüsselung braucht das Paket sqlcipher3-binary, das nicht installiert ist.</translation>
        </message>
        <message>
            <source>The store {path} cannot be opened: wrong passphrase, or not an encrypted store.</source>
            <translation>Die Datenbank {path} kann nicht geöffnet werden: falsche Passphrase oder keine verschlüsselte Datenbank.</translation>
        </message>
        <message>
            <source>The encrypted copy failed its integrity check; nothing was changed.</source>
            <translation>Die verschlüsselte Kopie hat die Integritätsprüfung nicht bestanden; es wurde nichts geändert.</translation>
        </message>
        <message>
            <source>The encrypted copy does not hold the same records; nothing was changed.</source>
            <translation>Die verschlüsselte Kopie enthält nicht dieselben Datensätze; es wurde nichts geändert.</translation>
        </message>
        <message>
            <source>The store could not be encrypted: {detail}</source>
            <translation>Die Datenbank konnte nicht verschlüsselt werden: {detail}</translation>
        </message>
        <message>
            <source>The decrypted copy does not hold the same records; nothing was changed.</source>
            <translation>Die entschlüsselte Kopie enthält nicht dieselben Datensätze; es wurde nichts geändert.</translation>
        </message>
        <message>
            <source>The store could not be decrypted: {detail}</source>
            <translation>Die Datenbank konnte nicht entschlüsselt werden: {detail}</translation>
        </message>
        <message>
            <source>Unknown kind of record “{value}” (people, companies or both).</source>
            <translation>Unbekannte Datensatzart „{value}“ (people, companies oder both).</translation>
        </message>
        <message>
            <source>The number of people must be at least 1.</source>
            <translation>Die Anzahl der Personen muss mindestens 1 sein.</translation>
        </message>
        <message>
            <source>At most 2,000,000 people can be generated.</source>
            <translation>Es können höchstens 2.000.000 Personen erzeugt werden.</translation>
        </message>
        <message>
            <source>This store is open read-only; changes are not possible.</source>
            <translation>Diese Datenbank ist schreibgeschützt geöffnet; Änderungen sind nicht möglich.</translation>
        </message>
        <message>
            <source>The store could not be written: {detail}</source>
            <translation>Die Datenbank konnte nicht geschrieben werden: {detail}</translation>
        </message>
        <message>
            <source>The store already holds data; demo data is only written into an empty store (use force to add it anyway).</source>
            <translation>Die Datenbank enthält bereits Daten; Demodaten werden nur in eine leere Datenbank geschrieben (mit „force“ trotzdem hinzufügen).</translation>
        </message>
        <message>
            <source>The file {path} cannot be written: {detail}</source>
            <translation>Die Datei {path} kann nicht geschrieben werden: {detail}</translation>
        </message>
        <message>
            <source>Unknown snooze choice: {preset}</source>
            <translation>Unbekannte Erinnerungsauswahl: {preset}</translation>
        </message>
        <message>
            <source>Follow-up {id} does not exist.</source>
            <translation>Die Wiedervorlage {id} existiert nicht.</translation>
        </message>
        <message>
            <source>This follow-up was cancelled.</source>
            <translation>Diese Wiedervorlage wurde abgesagt.</translation>
        </message>
        <message>
            <source>This follow-up is already done.</source>
            <translation>Diese Wiedervorlage ist bereits erledigt.</translation>
        </message>
        <message>
            <source>Unknown kind of follow-up: {kind}</source>
            <translation>Unbekannte Art der Wiedervorlage: {kind}</translation>
        </message>
        <message>
            <source>The linked record does not exist.</source>
            <translation>Der verknüpfte Datensatz existiert nicht.</translation>
        </message>
        <message>
            <source>The file {path} does not exist.</source>
            <translation>Die Datei {path} existiert nicht.</translation>
        </message>
        <message>
            <source>The file {path} cannot be read: {detail}</source>
            <translation>Die Datei {path} kann nicht gelesen werden: {detail}</translation>
        </message>
        <message>
            <source>The lock file {path} cannot be created: {detail}</source>
            <translation>Die Sperrdatei {path} kann nicht angelegt werden: {detail}</translation>
        </message>
        <message>
            <source>A person cannot be merged with itself.</source>
            <translation>Eine Person kann nicht mit sich selbst zusammengeführt werden.</translation>
        </message>
        <message>
            <source>A company cannot be merged with itself.</source>
            <translation>Eine Firma kann nicht mit sich selbst zusammengeführt werden.</translation>
        </message>
        <message>
            <source>There is no merge {id} to undo.</source>
            <translation>Es gibt keine Zusammenführung {id}, die rückgängig gemacht werden kann.</translation>
        </message>
        <message>
            <source>This merge has already been undone.</source>
            <translation>Diese Zusammenführung wurde bereits rückgängig gemacht.</translation>
        </message>
        <message>
            <source>The merged records were removed from the trash for good; the merge cannot be undone.</source>
            <translation>Die zusammengeführten Datensätze wurden endgültig aus dem Papierkorb entfernt; die Zusammenführung kann nicht rückgängig gemacht werden.</translation>
        </message>
        <message>
            <source>“{value}” is not a field that can be merged.</source>
            <translation>„{value}“ ist kein Feld, das zusammengeführt werden kann.</translation>
        </message>
        <message>
            <source>Choose “keep” or “drop” for {field_name}, not “{value}”.</source>
            <translation>Wählen Sie „keep“ oder „drop“ für {field_name}, nicht „{value}“.</translation>
        </message>
        <message>
            <source>An order needs at least one line.</source>
            <translation>Ein Auftrag braucht mindestens eine Position.</translation>
        </message>
        <message>
            <source>An order needs a customer (company or person).</source>
            <translation>Ein Auftrag braucht einen Kunden (Firma oder Person).</translation>
        </message>
        <message>
            <source>Unknown order status “{status}”.</source>
            <translation>Unbekannter Auftragsstatus „{status}“.</translation>
        </message>
        <message>
            <source>Opportunity {id} does not exist.</source>
            <translation>Die Verkaufschance {id} existiert nicht.</translation>
        </message>
        <message>
            <source>Order {id} does not exist.</source>
            <translation>Der Auftrag {id} existiert nicht.</translation>
        </message>
        <message>
            <source>There is no order {number}.</source>
            <translation>Es gibt keinen Auftrag {number}.</translation>
        </message>
        <message>
            <source>Order {number} is invoiced and can no longer change.</source>
            <translation>Der Auftrag {number} ist bereits berechnet und kann nicht mehr geändert werden.</translation>
        </message>
        <message>
            <source>Unknown export format “{fmt}” (csv or json).</source>
            <translation>Unbekanntes Exportformat „{fmt}“ (csv oder json).</translation>
        </message>
        <message>
            <source>“{value}” is not a number.</source>
            <translation>„{value}“ ist keine Zahl.</translation>
        </message>
        <message>
            <source>Line {pos} needs a description.</source>
            <translation>Position {pos} braucht eine Beschreibung.</translation>
        </message>
        <message>
            <source>The quantity of line {pos} must be above zero.</source>
            <translation>Die Menge in Position {pos} muss größer als null sein.</translation>
        </message>
        <message>
            <source>The price of line {pos} must not be negative.</source>
            <translation>Der Preis in Position {pos} darf nicht negativ sein.</translation>
        </message>
        <message>
            <source>The VAT rate of line {pos} is not plausible.</source>
            <translation>Der Umsatzsteuersatz in Position {pos} ist nicht plausibel.</translation>
        </message>
        <message>
            <source>A stage needs a name.</source>
            <translation>Eine Phase braucht einen Namen.</translation>
        </message>
        <message>
            <source>A probability lies between 0 and 100 %.</source>
            <translation>Eine Wahrscheinlichkeit liegt zwischen 0 und 100 %.</translation>
        </message>
        <message>
            <source>The stage “{name}” already exists.</source>
            <translation>Die Phase „{name}“ ist bereits vorhanden.</translation>
        </message>
        <message>
            <source>Pipeline stage {id} does not exist.</source>
            <translation>Die Pipeline-Phase {id} existiert nicht.</translation>
        </message>
        <message>
            <source>The value must not be negative.</source>
            <translation>Der Wert darf nicht negativ sein.</translation>
        </message>
        <message>
            <source>An opportunity needs a title.</source>
            <translation>Eine Verkaufschance braucht einen Titel.</translation>
        </message>
        <message>
            <source>An opportunity needs a company or a person.</source>
            <translation>Eine Verkaufschance braucht eine Firma oder eine Person.</translation>
        </message>
        <message>
            <source>The opportunity “{title}” is already closed ({status}).</source>
            <translation>Die Verkaufschance „{title}“ ist bereits abgeschlossen ({status}).</translation>
        </message>
        <message>
            <source>Use won or lost to close an opportunity.</source>
            <translation>Schließen Sie eine Verkaufschance als gewonnen oder verloren ab.</translation>
        </message>
        <message>
            <source>Please choose why the opportunity was lost.</source>
            <translation>Bitte wählen Sie einen Absagegrund.</translation>
        </message>
        <message>
            <source>Only a lost opportunity can be reopened.</source>
            <translation>Nur eine verlorene Verkaufschance kann wieder geöffnet werden.</translation>
        </message>
        <message>
            <source>The time has no time zone.</source>
            <translation>Die Uhrzeit hat keine Zeitzone.</translation>
        </message>
        <message>
            <source>Person {id} has already been anonymised.</source>
            <translation>Die Person {id} wurde bereits anonymisiert.</translation>
        </message>
        <message>
            <source>years must be at least 1</source>
            <translation>Die Anzahl der Jahre muss mindestens 1 sein</translation>
        </message>
        <message>
            <source>A project needs a name.</source>
            <translation>Ein Projekt braucht einen Namen.</translation>
        </message>
        <message>
            <source>Project {id} does not exist.</source>
            <translation>Das Projekt {id} existiert nicht.</translation>
        </message>
        <message>
            <source>No person or company matches “{name}”.</source>
            <translation>Keine Person und keine Firma passt zu „{name}“.</translation>
        </message>
        <message>
            <source>The number scheme must contain {{seq}} (the running number).</source>
            <translation>Das Nummernschema muss {{seq}} (die laufende Nummer) enthalten.</translation>
        </message>
        <message>
            <source>The number scheme makes numbers that are too long.</source>
            <translation>Das Nummernschema erzeugt zu lange Nummern.</translation>
        </message>
        <message>
            <source>The pipeline needs at least one stage.</source>
            <translation>Die Pipeline braucht mindestens eine Phase.</translation>
        </message>
        <message>
            <source>Stage names must be filled in and distinct.</source>
            <translation>Phasennamen müssen ausgefüllt und verschieden sein.</translation>
        </message>
        <message>
            <source>At least one loss reason is needed.</source>
            <translation>Mindestens ein Absagegrund ist nötig.</translation>
        </message>
        <message>
            <source>Reminder days must be positive and increasing.</source>
            <translation>Die Erinnerungstage müssen positiv und aufsteigend sein.</translation>
        </message>
        <message>
            <source>The quote can only count as lost after the last reminder.</source>
            <translation>Das Angebot kann erst nach der letzten Erinnerung als verloren gelten.</translation>
        </message>
        <message>
            <source>Lost after must be a positive number of days.</source>
            <translation>„Verloren nach“ muss eine positive Anzahl von Tagen sein.</translation>
        </message>
        <message>
            <source>The A thresholds must not be lower than the B thresholds.</source>
            <translation>Die A-Schwellenwerte dürfen nicht unter den B-Schwellenwerten liegen.</translation>
        </message>
        <message>
            <source>Periods must be at least one.</source>
            <translation>Es muss mindestens ein Zeitraum sein.</translation>
        </message>
        <message>
            <source>Months to close must not be negative.</source>
            <translation>Die Monate bis zum Abschluss dürfen nicht negativ sein.</translation>
        </message>
        <message>
            <source>The number scheme “{scheme}” is not valid: only {{year}} and {{seq}} may be used.</source>
            <translation>Das Nummernschema „{scheme}“ ist ungültig: Nur {{year}} und {{seq}} sind erlaubt.</translation>
        </message>
        <message>
            <source>Ticket {number} does not exist.</source>
            <translation>Das Ticket {number} existiert nicht.</translation>
        </message>
        <message>
            <source>A target must not be negative.</source>
            <translation>Ein Umsatzziel darf nicht negativ sein.</translation>
        </message>
        <message>
            <source>The year {year} is not plausible.</source>
            <translation>Das Jahr {year} ist nicht plausibel.</translation>
        </message>
        <message>
            <source>The month must lie between 1 and 12.</source>
            <translation>Der Monat muss zwischen 1 und 12 liegen.</translation>
        </message>
        <message>
            <source>The month weights must add up to more than zero.</source>
            <translation>Die Summe der Monatsgewichte muss größer als null sein.</translation>
        </message>
        <message>
            <source>Twelve non-negative month weights are needed.</source>
            <translation>Es werden zwölf nicht negative Monatsgewichte benötigt.</translation>
        </message>
        <message>
            <source>“{value}” is not an amount.</source>
            <translation>„{value}“ ist kein Betrag.</translation>
        </message>
        <message>
            <source>A ticket needs a title.</source>
            <translation>Ein Ticket braucht einen Titel.</translation>
        </message>
        <message>
            <source>A ticket needs a person or a company.</source>
            <translation>Ein Ticket braucht eine Person oder eine Firma.</translation>
        </message>
        <message>
            <source>Ticket {id} does not exist.</source>
            <translation>Das Ticket {id} existiert nicht.</translation>
        </message>
        <message>
            <source>There is no ticket {number}.</source>
            <translation>Es gibt kein Ticket {number}.</translation>
        </message>
        <message>
            <source>Ticket {number} cannot go from “{old}” to “{new}”.</source>
            <translation>Das Ticket {number} kann nicht von „{old}“ zu „{new}“ wechseln.</translation>
        </message>
        <message>
            <source>limit must be positive</source>
            <translation>Das Limit muss positiv sein</translation>
        </message>
        <message>
            <source>Please type what was said or done.</source>
            <translation>Bitte geben Sie ein, was besprochen oder getan wurde.</translation>
        </message>
        <message>
            <source>Select a person or a company first.</source>
            <translation>Wählen Sie zuerst eine Person oder eine Firma aus.</translation>
        </message>
        <message>
            <source>The follow-up must be in the future.</source>
            <translation>Die Wiedervorlage muss in der Zukunft liegen.</translation>
        </message>
        <message>
            <source>The person belongs to another company. Confirm to move them to the new company.</source>
            <translation>Die Person gehört zu einer anderen Firma. Bestätigen Sie, um sie in die neue Firma zu verschieben.</translation>
        </message>
        <message>
            <source>Department {id} does not exist.</source>
            <translation>Die Abteilung {id} existiert nicht.</translation>
        </message>
        <message>
            <source>A person can only be moved to a company or a department.</source>
            <translation>Eine Person kann nur in eine Firma oder eine Abteilung verschoben werden.</translation>
        </message>
        <message>
            <source>{label} is required.</source>
            <translation>{label} ist ein Pflichtfeld.</translation>
        </message>
        <message>
            <source>The phone number is empty.</source>
            <translation>Die Telefonnummer ist leer.</translation>
        </message>
        <message>
            <source>“{value}” is not a valid phone number (check the area code and length).</source>
            <translation>„{value}“ ist keine gültige Telefonnummer (prüfen Sie Vorwahl und Länge).</translation>
        </message>
        <message>
            <source>The birth date {value} lies in the future.</source>
            <translation>Das Geburtsdatum {value} liegt in der Zukunft.</translation>
        </message>
        <message>
            <source>The birth date {value} would make this person older than {age} years.</source>
            <translation>Mit dem Geburtsdatum {value} wäre diese Person älter als {age} Jahre.</translation>
        </message>
        <message>
            <source>“{value}” is not a valid postcode for {country} ({description}).</source>
            <translation>„{value}“ ist keine gültige Postleitzahl für {country} ({description}).</translation>
        </message>
        <message>
            <source>“{value}” is not a web address.</source>
            <translation>„{value}“ ist keine Webadresse.</translation>
        </message>
        <message>
            <source>“{value}” is not a phone number.</source>
            <translation>„{value}“ ist keine Telefonnummer.</translation>
        </message>
        <message>
            <source>“{value}” is not a valid e-mail address.</source>
            <translation>„{value}“ ist keine gültige E-Mail-Adresse.</translation>
        </message>
        <message>
            <source>“{value}” is not a valid IBAN (check digits or length do not match).</source>
            <translation>„{value}“ ist keine gültige IBAN (Prüfziffer oder Länge stimmen nicht).</translation>
        </message>
        <message>
            <source>“{value}” is not a valid BIC (8 or 11 characters, e.g. COBADEFFXXX).</source>
            <translation>„{value}“ ist keine gültige BIC (8 oder 11 Zeichen, z. B. COBADEFFXXX).</translation>
        </message>
        <message>
            <source>“{value}” is not a valid EU VAT id (e.g. DE123456789).</source>
            <translation>„{value}“ ist keine gültige EU-USt-IdNr. (z. B. DE123456789).</translation>
        </message>
        <message>
            <source>“{value}” is not a valid date.</source>
            <translation>„{value}“ ist kein gültiges Datum.</translation>
        </message>
        <message>
            <source>The CSV file is empty.</source>
            <translation>Die CSV-Datei ist leer.</translation>
        </message>
        <message>
            <source>No column of the CSV file matches a contact field (headers: {headers}); choose the columns by hand.</source>
            <translation>Keine Spalte der CSV-Datei passt zu einem Kontaktfeld (Spaltenköpfe: {headers}); ordnen Sie die Spalten von Hand zu.</translation>
        </message>
        <message>
            <source>Line {line} of the CSV file cannot be read ({detail}); check the quotes in that line.</source>
            <translation>Zeile {line} der CSV-Datei kann nicht gelesen werden ({detail}); prüfen Sie die Anführungszeichen in dieser Zeile.</translation>
        </message>
        <message>
            <source>Line {line} of the CSV file has a field longer than {limit} KB; the file is damaged or not a contact list.</source>
            <translation>Zeile {line} der CSV-Datei enthält ein Feld über {limit} KB; die Datei ist beschädigt oder keine Kontaktliste.</translation>
        </message>
        <message>
            <source>The calendar file has an unknown text encoding.</source>
            <translation>Die Kalenderdatei hat eine unbekannte Textkodierung.</translation>
        </message>
        <message>
            <source>Unknown invitation method: {method}</source>
            <translation>Unbekannte Einladungsmethode: {method}</translation>
        </message>
        <message>
            <source>An invitation needs at least one attendee.</source>
            <translation>Eine Einladung braucht mindestens einen Teilnehmer.</translation>
        </message>
        <message>
            <source>The calendar file is empty.</source>
            <translation>Die Kalenderdatei ist leer.</translation>
        </message>
        <message>
            <source>This is not an iCalendar (.ics) file.</source>
            <translation>Dies ist keine iCalendar-Datei (.ics).</translation>
        </message>
        <message>
            <source>The calendar file is incomplete (it ends inside {name}).</source>
            <translation>Die Kalenderdatei ist unvollständig (sie endet innerhalb von {name}).</translation>
        </message>
        <message>
            <source>The calendar file is damaged: {detail}</source>
            <translation>Die Kalenderdatei ist beschädigt: {detail}</translation>
        </message>
        <message>
            <source>The calendar file is damaged: END:{name} does not match.</source>
            <translation>Die Kalenderdatei ist beschädigt: END:{name} passt nicht.</translation>
        </message>
        <message>
            <source>The {what} is not a text file (it holds binary data).</source>
            <translation>{what}: keine Textdatei (enthält Binärdaten).</translation>
        </message>
        <message>
            <source>The {what} is too large ({size} MB; at most {limit} MB).</source>
            <translation>{what}: zu groß ({size} MB; höchstens {limit} MB).</translation>
        </message>
        <message>
            <source>The {what} cannot be read: its text is neither UTF-8 nor Windows-1252 (byte {position}).</source>
            <translation>{what}: nicht lesbar, der Text ist weder UTF-8 noch Windows-1252 (Byte {position}).</translation>
        </message>
        <message>
            <source>The {what} cannot be decoded as {encoding}.</source>
            <translation>{what}: kann nicht als {encoding} dekodiert werden.</translation>
        </message>
        <message>
            <source>The {what} starts like {encoding} text but cannot be decoded (byte {position}).</source>
            <translation>{what}: beginnt wie {encoding}-Text, kann aber nicht dekodiert werden (Byte {position}).</translation>
        </message>
        <message>
            <source>The vCard file is truncated: card {number} (line {line}) has no END:VCARD.</source>
            <translation>Die vCard-Datei ist abgeschnitten: Karte {number} (Zeile {line}) hat kein END:VCARD.</translation>
        </message>
        <message>
            <source>The file is not a vCard file (it has no BEGIN:VCARD).</source>
            <translation>Die Datei ist keine vCard-Datei (kein BEGIN:VCARD enthalten).</translation>
        </message>
        <message>
            <source>Line {line} of the vCard file is too long (more than {limit} MB).</source>
            <translation>Zeile {line} der vCard-Datei ist zu lang (mehr als {limit} MB).</translation>
        </message>
        <message>
            <source>naive datetime given; use a timezone-aware value</source>
            <translation>Zeitpunkt ohne Zeitzone angegeben; verwenden Sie einen Wert mit Zeitzone</translation>
        </message>
        <message>
            <source>The disk is full. Nothing was changed; free some space and try again.</source>
            <translation>Das Laufwerk ist voll. Es wurde nichts geändert; geben Sie Speicherplatz frei und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>The data folder is read-only. Nothing was changed.</source>
            <translation>Der Datenordner ist schreibgeschützt. Es wurde nichts geändert.</translation>
        </message>
        <message>
            <source>The store is busy (locked by another program). Try again in a moment.</source>
            <translation>Die Datenbank ist belegt (von einem anderen Programm gesperrt). Versuchen Sie es gleich noch einmal.</translation>
        </message>
        <message>
            <source>data_dir or database_url is required</source>
            <translation>data_dir oder database_url ist erforderlich</translation>
        </message>
        <message>
            <source>The store cannot be opened: {detail}</source>
            <translation>Die Datenbank kann nicht geöffnet werden: {detail}</translation>
        </message>
        <message>
            <source>The data folder {path} cannot be created: {detail}</source>
            <translation>Der Datenordner {path} kann nicht angelegt werden: {detail}</translation>
        </message>
        <message>
            <source>Order {number} is invoiced: only its status can change.</source>
            <translation>Auftrag {number} ist berechnet: nur sein Status kann sich noch ändern.</translation>
        </message>
        <message>
            <source>The person was anonymised; the merge cannot be undone.</source>
            <translation>Die Person wurde anonymisiert; die Zusammenführung kann nicht rückgängig gemacht werden.</translation>
        </message>
        <message>
            <source>The store is being restored from a backup by another program; try again in a moment.</source>
            <translation>Die Datenbank wird gerade von einem anderen Programm aus einer Sicherung wiederhergestellt; versuchen Sie es gleich noch einmal.</translation>
        </message>
        <message>
            <source>The store is being encrypted or decrypted by another program; try again in a moment.</source>
            <translation>Die Datenbank wird gerade von einem anderen Programm ver- oder entschlüsselt; versuchen Sie es gleich noch einmal.</translation>
        </message>
        <message>
            <source>The store is open in another program ({who}). Close it there and try again; nothing was changed.</source>
            <translation>Die Datenbank ist in einem anderen Programm geöffnet ({who}). Schließen Sie sie dort und versuchen Sie es noch einmal; es wurde nichts geändert.</translation>
        </message>
        <message>
            <source>The store is open in another program. Close it there and try again; nothing was changed.</source>
            <translation>Die Datenbank ist in einem anderen Programm geöffnet. Schließen Sie sie dort und versuchen Sie es noch einmal; es wurde nichts geändert.</translation>
        </message>
        <message>
            <source>The store is still open in this program; close it first. Nothing was changed.</source>
            <translation>Die Datenbank ist in diesem Programm noch geöffnet; schließen Sie sie zuerst. Es wurde nichts geändert.</translation>
        </message>
        <message>
            <source>The data file {path} is empty (0 bytes): it is damaged. Restore the newest good backup (crm-desktop backup --list, then crm-desktop restore FILE --yes).</source>
            <translation>Die Datendatei {path} ist leer (0 Byte): sie ist beschädigt. Stellen Sie die neueste gute Sicherung wieder her (crm-desktop backup --list, dann crm-desktop restore DATEI --yes).</translation>
        </message>
        <message>
            <source>The data folder {path} is read-only, and there is no store in it yet.</source>
            <translation>Der Datenordner {path} ist schreibgeschützt, und es gibt darin noch keine Datenbank.</translation>
        </message>
        <message>
            <source>The data folder is read-only: changes cannot be saved.</source>
            <translation>Der Datenordner ist schreibgeschützt: Änderungen können nicht gespeichert werden.</translation>
        </message>
        <message>
            <source>A WAL file that does not belong to the data file was set aside as {path}.</source>
            <translation>Eine WAL-Datei, die nicht zur Datendatei gehört, wurde als {path} beiseitegelegt.</translation>
        </message>
        <message>
            <source>The store could not be encrypted: its WAL could not be written into the file (damaged?). Nothing was changed; run “crm-desktop check”.</source>
            <translation>Die Datenbank konnte nicht verschlüsselt werden: ihre WAL-Datei ließ sich nicht in die Datei schreiben (beschädigt?). Es wurde nichts geändert; führen Sie „crm-desktop check“ aus.</translation>
        </message>
        <message>
            <source>{who} changed this record at {when} (UTC) after you opened it; your changes were not saved.</source>
            <translation>{who} hat diesen Datensatz um {when} (UTC) geändert, nachdem Sie ihn geöffnet haben; Ihre Änderungen wurden nicht gespeichert.</translation>
        </message>
        <message>
            <source>Someone changed this record at {when} (UTC) after you opened it; your changes were not saved.</source>
            <translation>Jemand hat diesen Datensatz um {when} (UTC) geändert, nachdem Sie ihn geöffnet haben; Ihre Änderungen wurden nicht gespeichert.</translation>
        </message>
        <message>
            <source>The store is encrypted; its backups are made with the passphrase (give it in the window or in CRM_DESKTOP_PASSPHRASE).</source>
            <translation>Die Datenbank ist verschlüsselt; ihre Sicherungen werden mit der Passphrase erstellt (geben Sie sie im Fenster oder in CRM_DESKTOP_PASSPHRASE an).</translation>
        </message>
        <message>
            <source>The backup {path} cannot be opened with this passphrase, or it is damaged; it was not restored.</source>
            <translation>Die Sicherung {path} lässt sich mit dieser Passphrase nicht öffnen oder ist beschädigt; sie wurde nicht wiederhergestellt.</translation>
        </message>
        <message>
            <source>The store is damaged ({description}). The newest good backup is {backup}; restore it with: crm-desktop restore {backup} --yes</source>
            <translation>Die Datenbank ist beschädigt ({description}). Die neueste intakte Sicherung ist {backup}; wiederherstellen mit: crm-desktop restore {backup} --yes</translation>
        </message>
        <message>
            <source>The data file is not a readable database: it is either encrypted (give the passphrase in the window or in CRM_DESKTOP_PASSPHRASE) or damaged (restore the newest good backup with: crm-desktop restore {backup} --yes).</source>
            <translation>Die Datendatei ist keine lesbare Datenbank: Sie ist entweder verschlüsselt (geben Sie die Passphrase im Fenster oder in CRM_DESKTOP_PASSPHRASE an) oder beschädigt (stellen Sie die neueste intakte Sicherung wieder her mit: crm-desktop restore {backup} --yes).</translation>
        </message>
        <message>
            <source>The data file cannot be opened: wrong passphrase, or the file is damaged (then restore the newest backup with: crm-desktop restore {backup} --yes).</source>
            <translation>Die Datendatei kann nicht geöffnet werden: falsche Passphrase, oder die Datei ist beschädigt (dann stellen Sie die neueste Sicherung wieder her mit: crm-desktop restore {backup} --yes).</translation>
        </message>
        <message>
            <source>The store could not be read: {detail}</source>
            <translation>Die Datenbank konnte nicht gelesen werden: {detail}</translation>
        </message>
        <message>
            <source>The store's first start had been interrupted; it was created again.</source>
            <translation>Der erste Start der Datenbank war unterbrochen worden; sie wurde neu angelegt.</translation>
        </message>
        <message>
            <source>The store is damaged ({description}). There is no good backup to restore.</source>
            <translation>Die Datenbank ist beschädigt ({description}). Es gibt keine intakte Sicherung, die wiederhergestellt werden kann.</translation>
        </message>
        <message>
            <source>The store is damaged ({description}). The newest good backup is {backup}, which is NOT encrypted: restoring it removes the encryption (encrypt again afterwards). Restore it with: crm-desktop restore {backup} --yes</source>
            <translation>Die Datenbank ist beschädigt ({description}). Die neueste intakte Sicherung ist {backup}; sie ist NICHT verschlüsselt: Wird sie wiederhergestellt, entfällt die Verschlüsselung (verschlüsseln Sie danach erneut). Wiederherstellen mit: crm-desktop restore {backup} --yes</translation>
        </message>
        <message>
            <source>The data file is not a readable database: it is either encrypted (give the passphrase in the window or in CRM_DESKTOP_PASSPHRASE) or damaged, and there is no good backup to restore.</source>
            <translation>Die Datendatei ist keine lesbare Datenbank: Sie ist entweder verschlüsselt (geben Sie die Passphrase im Fenster oder in CRM_DESKTOP_PASSPHRASE an) oder beschädigt, und es gibt keine intakte Sicherung, die wiederhergestellt werden kann.</translation>
        </message>
        <message>
            <source>The data file cannot be opened: wrong passphrase, or the file is damaged.</source>
            <translation>Die Datendatei kann nicht geöffnet werden: falsche Passphrase, oder die Datei ist beschädigt.</translation>
        </message>
        <message>
            <source>An interrupted restore was finished.</source>
            <translation>Eine unterbrochene Wiederherstellung wurde abgeschlossen.</translation>
        </message>
        <message>
            <source>An interrupted encryption or decryption was rolled back; the data file is unchanged.</source>
            <translation>Eine unterbrochene Ver- oder Entschlüsselung wurde zurückgenommen; die Datendatei ist unverändert.</translation>
        </message>
        <message>
            <source>An interrupted restore was rolled back; the store is unchanged.</source>
            <translation>Eine unterbrochene Wiederherstellung wurde zurückgenommen; die Datenbank ist unverändert.</translation>
        </message>
        <message>
            <source>the file is malformed</source>
            <translation>die Datei ist fehlerhaft</translation>
        </message>
        <message>
            <source>the file is not a database</source>
            <translation>die Datei ist keine Datenbank</translation>
        </message>
        <message>
            <source>the file header is destroyed</source>
            <translation>der Dateikopf ist zerstört</translation>
        </message>
        <message>
            <source>the file cannot be read</source>
            <translation>die Datei kann nicht gelesen werden</translation>
        </message>
        <message>
            <source>no schema revision recorded</source>
            <translation>keine Schemaversion eingetragen</translation>
        </message>
        <message>
            <source>The data file is encrypted. Give the passphrase in the window or in CRM_DESKTOP_PASSPHRASE.</source>
            <translation>Die Datendatei ist verschlüsselt. Geben Sie die Passphrase im Fenster oder in CRM_DESKTOP_PASSPHRASE an.</translation>
        </message>
        <message>
            <source>The data file is not a readable database: it is damaged, or encrypted with another passphrase.</source>
            <translation>Die Datendatei ist keine lesbare Datenbank: Sie ist beschädigt oder mit einer anderen Passphrase verschlüsselt.</translation>
        </message>
        <message>
            <source>The store is encrypted; give the passphrase (in CRM_DESKTOP_PASSPHRASE) to check it.</source>
            <translation>Die Datenbank ist verschlüsselt; geben Sie die Passphrase (in CRM_DESKTOP_PASSPHRASE) an, um sie zu prüfen.</translation>
        </message>
        <message>
            <source>The store is encrypted; give the passphrase (in CRM_DESKTOP_PASSPHRASE) to back it up. Its backups are encrypted with the same passphrase.</source>
            <translation>Die Datenbank ist verschlüsselt; geben Sie die Passphrase (in CRM_DESKTOP_PASSPHRASE) an, um sie zu sichern. Ihre Sicherungen werden mit derselben Passphrase verschlüsselt.</translation>
        </message>
        <message>
            <source>The backup {path} is encrypted; give its passphrase (in CRM_DESKTOP_PASSPHRASE) to restore it.</source>
            <translation>Die Sicherung {path} ist verschlüsselt; geben Sie ihre Passphrase (in CRM_DESKTOP_PASSPHRASE) an, um sie wiederherzustellen.</translation>
        </message>
        <message>
            <source>The current store is encrypted and this backup is NOT: the restored store is not encrypted (encrypt it again with: crm-desktop encrypt).</source>
            <translation>Die aktuelle Datenbank ist verschlüsselt, diese Sicherung NICHT: Die wiederhergestellte Datenbank ist nicht verschlüsselt (verschlüsseln Sie sie erneut mit: crm-desktop encrypt).</translation>
        </message>
        <message>
            <source>the file crm.sqlite3-wal beside it does not belong to it</source>
            <translation>die Datei crm.sqlite3-wal daneben gehört nicht zu ihr</translation>
        </message>
    </context>
    <context>
        <name>Sheets</name>
        <message>
            <source>Printed on {date}</source>
            <translation>Gedruckt am {date}</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>Firma</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>Abteilung</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Reports to</source>
            <translation>Vorgesetzte(r)</translation>
        </message>
        <message>
            <source>Birth date</source>
            <translation>Geburtsdatum</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
        <message>
            <source>Legal form</source>
            <translation>Rechtsform</translation>
        </message>
        <message>
            <source>Parent company</source>
            <translation>Muttergesellschaft</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>Priorität</translation>
        </message>
        <message>
            <source>Website</source>
            <translation>Website</translation>
        </message>
        <message>
            <source>VAT id</source>
            <translation>USt-IdNr.</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>Ansprechpartner</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>Eröffnet</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Geschlossen</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Person</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Beginn</translation>
        </message>
        <message>
            <source>End</source>
            <translation>Ende</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>Mitglieder</translation>
        </message>
        <message>
            <source>Agenda for {date}</source>
            <translation>Agenda für {date}</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>Activity history</source>
            <translation>Aktivitätsverlauf</translation>
        </message>
        <message>
            <source>Conversations</source>
            <translation>Gespräche</translation>
        </message>
        <message>
            <source>No activities recorded.</source>
            <translation>Keine Aktivitäten erfasst.</translation>
        </message>
        <message>
            <source>Status history</source>
            <translation>Statusverlauf</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Wann</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Was</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Wer</translation>
        </message>
        <message>
            <source>Nothing is due on this day.</source>
            <translation>An diesem Tag ist nichts fällig.</translation>
        </message>
        <message>
            <source>overdue</source>
            <translation>überfällig</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>Anruf</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Termin</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>Brief</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>Besuch</translation>
        </message>
        <message>
            <source>Complaint</source>
            <translation>Reklamation</translation>
        </message>
        <message>
            <source>Service call</source>
            <translation>Servicefall</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Notiz</translation>
        </message>
        <message>
            <source>prospect</source>
            <translation>Interessent</translation>
        </message>
        <message>
            <source>customer</source>
            <translation>Kunde</translation>
        </message>
        <message>
            <source>former</source>
            <translation>Ehemaliger Kunde</translation>
        </message>
        <message>
            <source>open</source>
            <translation>Offen</translation>
        </message>
        <message>
            <source>waiting</source>
            <translation>Wartet</translation>
        </message>
        <message>
            <source>solved</source>
            <translation>Gelöst</translation>
        </message>
        <message>
            <source>closed</source>
            <translation>Geschlossen</translation>
        </message>
        <message>
            <source>reopened</source>
            <translation>Wieder geöffnet</translation>
        </message>
        <message>
            <source>planned</source>
            <translation>Geplant</translation>
        </message>
        <message>
            <source>active</source>
            <translation>Aktiv</translation>
        </message>
        <message>
            <source>on_hold</source>
            <translation>Pausiert</translation>
        </message>
        <message>
            <source>done</source>
            <translation>Abgeschlossen</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>Abgesagt</translation>
        </message>
        <message>
            <source>Contact sheet</source>
            <translation>Kontaktblatt</translation>
        </message>
        <message>
            <source>Agenda</source>
            <translation>Agenda</translation>
        </message>
        <message>
            <source>Dashboard {start} – {end}</source>
            <translation>Dashboard {start} – {end}</translation>
        </message>
    </context>
    <context>
        <name>Reminders</name>
        <message>
            <location filename="../../crm_desktop/ui/notice.py" line="57" />
            <source>call</source>
            <translation>Anruf</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/notice.py" line="58" />
            <source>meeting</source>
            <translation>Termin</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/notice.py" line="59" />
            <source>e-mail</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/notice.py" line="60" />
            <source>letter</source>
            <translation>Brief</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/notice.py" line="61" />
            <source>visit</source>
            <translation>Besuch</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/notice.py" line="62" />
            <source>complaint</source>
            <translation>Reklamation</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/notice.py" line="63" />
            <source>service call</source>
            <translation>Servicefall</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/notice.py" line="64" />
            <source>note</source>
            <translation>Notiz</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/notice.py" line="89" />
            <source>contact interval reached</source>
            <translation>Kontaktintervall erreicht</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/notice.py" line="99" />
            <source>{time} {title}</source>
            <translation>{time} {title}</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/notice.py" line="104" />
            <source>{time} {kind} {who}: {note}</source>
            <translation>{time} {kind} {who}: {note}</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/notice.py" line="108" />
            <source>{time} {kind} {who}</source>
            <translation>{time} {kind} {who}</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/notice.py" line="111" />
            <source>{time} {kind}: {note}</source>
            <translation>{time} {kind}: {note}</translation>
        </message>
    </context>
    <context>
        <name>Timeline</name>
        <message>
            <location filename="../../crm_desktop/ui/timeline.py" line="104" />
            <source>Today</source>
            <translation>Heute</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/timeline.py" line="106" />
            <source>Yesterday</source>
            <translation>Gestern</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/timeline.py" line="113" />
            <source>today {time}</source>
            <translation>heute {time}</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/timeline.py" line="115" />
            <source>tomorrow {time}</source>
            <translation>morgen {time}</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/timeline.py" line="118" />
            <source>Follow-up {when}</source>
            <translation>Wiedervorlage {when}</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/timeline.py" line="360" />
            <source>(no text)</source>
            <translation>(kein Text)</translation>
        </message>
    </context>
    <context>
        <name>CompanyTree</name>
        <message>
            <location filename="../../crm_desktop/ui/tree_model.py" line="228" />
            <source>No company</source>
            <translation>Ohne Firma</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/tree_model.py" line="229" />
            <source>(no name)</source>
            <translation>(ohne Namen)</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/tree_model.py" line="245" />
            <source>People who do not belong to a company</source>
            <translation>Personen, die zu keiner Firma gehören</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/tree_model.py" line="251" />
            <source>Branch of {parent}</source>
            <translation>Niederlassung von {parent}</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/tree_model.py" line="252" />
            <source>{count} people (branches included)</source>
            <translation>Personen: {count} (mit Niederlassungen)</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/tree_model.py" line="254" />
            <source>{count} people</source>
            <translation>Personen: {count}</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/tree_model.py" line="494" />
            <source>{person} works at {source}; moving them to {target} was not confirmed, so nothing changed.</source>
            <translation>{person} arbeitet bei {source}; das Verschieben nach {target} wurde nicht bestätigt, daher wurde nichts geändert.</translation>
        </message>
    </context>
    <context>
        <name>DetailPane</name>
        <message>
            <location filename="../../crm_desktop/ui/detail.py" line="396" />
            <source>Show on map</source>
            <translation>Auf Karte zeigen</translation>
        </message>
    </context>
    <context>
        <name>_DetailPane</name>
        <message>
            <location filename="../../crm_desktop/ui/detail.py" line="637" />
            <source>overdue</source>
            <translation>überfällig</translation>
        </message>
    </context>
    <context>
        <name>DetailStack</name>
        <message>
            <location filename="../../crm_desktop/ui/detail.py" line="1526" />
            <source>Select a company or person on the left.</source>
            <translation>Wählen Sie links eine Firma oder Person aus.</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/detail.py" line="1528" />
            <source>Your CRM is still empty.</source>
            <translation>Ihr CRM ist noch leer.</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../../crm_desktop/app.py" line="274" />
            <source>Show the open window</source>
            <translation>Geöffnetes Fenster zeigen</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/app.py" line="275" />
            <source>Open read-only</source>
            <translation>Schreibgeschützt öffnen</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/app.py" line="315" />
            <source>The data file is damaged ({detail}) and there is no good backup.</source>
            <translation>Die Datendatei ist beschädigt ({detail}) und es gibt keine intakte Sicherung.</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/app.py" line="319" />
            <source>Open anyway</source>
            <translation>Trotzdem öffnen</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/app.py" line="324" />
            <source>The data file is damaged ({detail}). The newest good backup is from {date}. Restore it? The damaged file is kept aside.</source>
            <translation>Die Datendatei ist beschädigt ({detail}). Die neueste intakte Sicherung stammt vom {date}. Möchten Sie sie wiederherstellen? Die beschädigte Datei wird aufbewahrt.</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/app.py" line="329" />
            <source>Restore the backup</source>
            <translation>Sicherung wiederherstellen</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="121" />
            <source>E-mail {n}</source>
            <translation>E-Mail {n}</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="122" />
            <source>Phone {n}</source>
            <translation>Telefon {n}</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="123" />
            <source>Address {n}</source>
            <translation>Adresse {n}</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="126" />
            <source>kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="127" />
            <source>value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="73" />
            <source>Given name</source>
            <translation>Vorname</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="74" />
            <source>Middle names</source>
            <translation>Weitere Vornamen</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="75" />
            <source>Family name</source>
            <translation>Nachname</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="76" />
            <source>Full name (split into parts)</source>
            <translation>Vollständiger Name (wird aufgeteilt)</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="77" />
            <source>Salutation and title (“Herr Dr.”)</source>
            <translation>Anrede und Titel („Herr Dr.“)</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="78" />
            <source>Salutation</source>
            <translation>Anrede</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="79" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="80" />
            <source>Name suffix</source>
            <translation>Namenszusatz</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="81" />
            <source>Nickname</source>
            <translation>Spitzname</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="82" />
            <source>Company</source>
            <translation>Firma</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="83" />
            <source>Department</source>
            <translation>Abteilung</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="84" />
            <source>Position</source>
            <translation>Position</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="85" />
            <source>Occupation</source>
            <translation>Beruf</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="86" />
            <source>Birthday</source>
            <translation>Geburtstag</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="87" />
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="88" />
            <source>Website</source>
            <translation>Website</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="89" />
            <source>Tags (categories)</source>
            <translation>Tags (Kategorien)</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="90" />
            <source>vCard UID</source>
            <translation>vCard-UID</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="91" />
            <source>E-mail (work)</source>
            <translation>E-Mail (geschäftlich)</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="92" />
            <source>E-mail (private)</source>
            <translation>E-Mail (privat)</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="93" />
            <source>E-mail (other)</source>
            <translation>E-Mail (sonstige)</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="94" />
            <source>Phone (work)</source>
            <translation>Telefon (geschäftlich)</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="95" />
            <source>Mobile phone</source>
            <translation>Mobiltelefon</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="96" />
            <source>Phone (private)</source>
            <translation>Telefon (privat)</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="97" />
            <source>Fax</source>
            <translation>Fax</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="98" />
            <source>Phone (other)</source>
            <translation>Telefon (sonstige)</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="101" />
            <source>Business address</source>
            <translation>Geschäftsanschrift</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="102" />
            <source>Home address</source>
            <translation>Privatanschrift</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="103" />
            <source>Other address</source>
            <translation>Sonstige Anschrift</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="104" />
            <source>Billing address</source>
            <translation>Rechnungsanschrift</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="105" />
            <source>Delivery address</source>
            <translation>Lieferanschrift</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="108" />
            <source>street</source>
            <translation>Straße</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="109" />
            <source>street, line 2</source>
            <translation>Straße, Zeile 2</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="110" />
            <source>street, line 3</source>
            <translation>Straße, Zeile 3</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="111" />
            <source>address line 2</source>
            <translation>Adresszusatz</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="112" />
            <source>PO box</source>
            <translation>Postfach</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="113" />
            <source>postcode</source>
            <translation>PLZ</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="114" />
            <source>city</source>
            <translation>Ort</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="115" />
            <source>region</source>
            <translation>Bundesland/Region</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="116" />
            <source>country</source>
            <translation>Land</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="117" />
            <source>whole address in one field</source>
            <translation>ganze Adresse in einem Feld</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="130" />
            <source>Outlook (English)</source>
            <translation>Outlook (englisch)</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="131" />
            <source>Outlook (German)</source>
            <translation>Outlook (deutsch)</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="132" />
            <source>Google Contacts</source>
            <translation>Google Kontakte</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="133" />
            <source>Other (guessed from the column names)</source>
            <translation>Sonstige (anhand der Spaltennamen erkannt)</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="136" />
            <source>Comma (,)</source>
            <translation>Komma (,)</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="137" />
            <source>Semicolon (;)</source>
            <translation>Semikolon (;)</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="138" />
            <source>Tab</source>
            <translation>Tabulator</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="139" />
            <source>Vertical bar (|)</source>
            <translation>Senkrechter Strich (|)</translation>
        </message>
        <message>
            <location filename="../../crm_desktop/ui/import_wizard.py" line="147" />
            <source>— not imported —</source>
            <translation>— nicht importieren —</translation>
        </message>
    </context>
<context>
    <name>errors</name>
    <message>
        <source>“{label}” must be filled in (a rule of this address book).</source>
        <translation>„{label}“ muss ausgefüllt sein (eine Regel dieses Adressbuchs).</translation>
    </message>
    <message>
        <source>“{name}” is not a field that can be required (possible: {fields}).</source>
        <translation>„{name}“ ist kein Feld, das Pflicht sein kann (möglich: {fields}).</translation>
    </message>
    <message>
        <source>The value for “{name}” has the wrong form; expected e.g. {example}</source>
        <translation>Der Wert für „{name}“ hat die falsche Form; erwartet z. B. {example}</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number.</source>
        <translation>„{value}“ ist keine ganze Zahl.</translation>
    </message>
    <message>
        <source>There is no rule “{name}” (rules: {names}).</source>
        <translation>Es gibt keine Regel „{name}“ (Regeln: {names}).</translation>
    </message>
    <message>
        <source>The value for “{name}” is not valid JSON: {value}</source>
        <translation>Der Wert für „{name}“ ist kein gültiges JSON: {value}</translation>
    </message>
    <message>
        <source>“enabled” is true or false.</source>
        <translation>„enabled“ ist true oder false.</translation>
    </message>
    <message>
        <source>The title must be filled in.</source>
        <translation>Der Titel muss ausgefüllt sein.</translation>
    </message>
    <message>
        <source>The title “{title}” is not valid: only {{company}} may be used.</source>
        <translation>Der Titel „{title}“ ist ungültig: nur {{company}} darf verwendet werden.</translation>
    </message>
    <message>
        <source>A number scheme is a text such as T-{{year}}-{{seq:05d}}.</source>
        <translation>Ein Nummernschema ist ein Text wie T-{{year}}-{{seq:05d}}.</translation>
    </message>
    <message>
        <source>The rule was changed again since; undo the later change first.</source>
        <translation>Die Regel wurde seitdem wieder geändert; nehmen Sie zuerst die spätere Änderung zurück.</translation>
    </message>
    <message>
        <source>The project is no longer there; the change cannot be undone.</source>
        <translation>Das Projekt gibt es nicht mehr; die Änderung kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>The project was changed again since; undo the later change first.</source>
        <translation>Das Projekt wurde seitdem wieder geändert; nehmen Sie zuerst die spätere Änderung zurück.</translation>
    </message>
    <message>
        <source>The project is no longer there.</source>
        <translation>Das Projekt gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>No company matches “{text}”.</source>
        <translation>Keine Firma passt zu „{text}“.</translation>
    </message>
    <message>
        <source>Salutation</source>
        <translation>Anrede</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>Zahlungsbedingungen</translation>
    </message>
    <message>
        <source>Legal form</source>
        <translation>Rechtsform</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>VAT id</source>
        <translation>USt-IdNr.</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>Kunde seit</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Choose the person the follow-up is for.</source>
        <translation>Wählen Sie die Person, für die die Wiedervorlage ist.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The project “{name}” got new entries since the opportunity was won; undoing the win would leave them without their project. Nothing was changed.</source>
        <translation>Das Projekt „{name}“ hat seit dem Gewinn der Verkaufschance neue Einträge bekommen; den Gewinn jetzt rückgängig zu machen, würde sie ohne ihr Projekt lassen. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The department “{name}” has people now; it stays as it is. Nothing was changed.</source>
        <translation>In der Abteilung „{name}“ sind jetzt Personen; sie bleibt bestehen. Es wurde nichts geändert.</translation>
    </message>
</context>
</TS>
