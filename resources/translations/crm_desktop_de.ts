<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActionsRoom</name>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Import contacts from a vCard or CSV file</source>
        <translation>Kontakte aus einer vCard- oder CSV-Datei importieren</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export contacts to a vCard or CSV file</source>
        <translation>Kontakte in eine vCard- oder CSV-Datei exportieren</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Heute</translation>
    </message>
    <message>
        <source>&amp;Agenda (this week)</source>
        <translation>A&amp;genda (diese Woche)</translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation>P&amp;ipeline</translation>
    </message>
    <message>
        <source>Go to the &amp;tree</source>
        <translation>Zur &amp;Baumansicht</translation>
    </message>
    <message>
        <source>Go to the &amp;details</source>
        <translation>Zu den De&amp;tails</translation>
    </message>
    <message>
        <source>Go to the t&amp;imeline</source>
        <translation>Zum &amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>Vo&amp;rwärts</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>New record in the current place</source>
        <translation>Neuer Eintrag an der aktuellen Stelle</translation>
    </message>
    <message>
        <source>New &amp;company…</source>
        <translation>Neue &amp;Firma…</translation>
    </message>
    <message>
        <source>New &amp;branch…</source>
        <translation>Neue Nieder&amp;lassung…</translation>
    </message>
    <message>
        <source>New &amp;department…</source>
        <translation>Neue &amp;Abteilung…</translation>
    </message>
    <message>
        <source>New &amp;person…</source>
        <translation>Neue &amp;Person…</translation>
    </message>
    <message>
        <source>Find &amp;duplicates…</source>
        <translation>&amp;Dubletten suchen…</translation>
    </message>
    <message>
        <source>Log a &amp;call…</source>
        <translation>&amp;Anruf erfassen…</translation>
    </message>
    <message>
        <source>Log a phone call with the selected contact</source>
        <translation>Ein Telefonat mit dem ausgewählten Kontakt erfassen</translation>
    </message>
    <message>
        <source>New &amp;activity…</source>
        <translation>Neue Akti&amp;vität…</translation>
    </message>
    <message>
        <source>New a&amp;ppointment…</source>
        <translation>Neuer T&amp;ermin…</translation>
    </message>
    <message>
        <source>&amp;Quick entry</source>
        <translation>&amp;Schnellerfassung</translation>
    </message>
    <message>
        <source>Plan a &amp;follow-up</source>
        <translation>&amp;Wiedervorlage planen</translation>
    </message>
    <message>
        <source>Plan a follow-up for the selected contact</source>
        <translation>Eine Wiedervorlage für den ausgewählten Kontakt planen</translation>
    </message>
    <message>
        <source>&amp;Tickets</source>
        <translation>&amp;Tickets</translation>
    </message>
    <message>
        <source>&amp;Projects</source>
        <translation>&amp;Projekte</translation>
    </message>
    <message>
        <source>New pro&amp;ject…</source>
        <translation>Neues Pro&amp;jekt…</translation>
    </message>
    <message>
        <source>New &amp;opportunity…</source>
        <translation>Neue &amp;Verkaufschance…</translation>
    </message>
    <message>
        <source>New o&amp;rder…</source>
        <translation>Neuer &amp;Auftrag…</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>&amp;Aufträge</translation>
    </message>
    <message>
        <source>Revenue &amp;targets</source>
        <translation>&amp;Umsatzziele</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>Be&amp;richte</translation>
    </message>
    <message>
        <source>Create &amp;demo data…</source>
        <translation>&amp;Demodaten anlegen…</translation>
    </message>
    <message>
        <source>Rebuild the &amp;search index</source>
        <translation>&amp;Suchindex neu aufbauen</translation>
    </message>
    <message>
        <source>&amp;Rules…</source>
        <translation>&amp;Regeln…</translation>
    </message>
    <message>
        <source>Backups and &amp;restore…</source>
        <translation>Sicherungen und &amp;Wiederherstellung…</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>&amp;Papierkorb…</translation>
    </message>
    <message>
        <source>&amp;People list (select, tag, edit in bulk)</source>
        <translation>&amp;Personenliste (auswählen, Tags, Sammeländerung)</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <source>Print &amp;contact sheet…</source>
        <translation>&amp;Kontaktblatt drucken…</translation>
    </message>
    <message>
        <source>Print today&apos;s &amp;agenda…</source>
        <translation>Heutige &amp;Agenda drucken…</translation>
    </message>
    <message>
        <source>Print the dash&amp;board…</source>
        <translation>Dashboard d&amp;rucken…</translation>
    </message>
    <message>
        <source>Print &amp;target/actual…</source>
        <translation>&amp;Soll/Ist drucken…</translation>
    </message>
    <message>
        <source>Print the &amp;pipeline list…</source>
        <translation>&amp;Pipeline-Liste drucken…</translation>
    </message>
    <message>
        <source>Contact &amp;intervals…</source>
        <translation>Kontakt&amp;intervalle…</translation>
    </message>
    <message>
        <source>&amp;Privacy (GDPR)…</source>
        <translation>Datenschut&amp;z (DSGVO)…</translation>
    </message>
    <message>
        <source>Review &amp;duplicates…</source>
        <translation>&amp;Dubletten prüfen…</translation>
    </message>
    <message>
        <source>New contact from a &amp;signature…</source>
        <translation>Neuer Kontakt aus &amp;Signatur…</translation>
    </message>
    <message>
        <source>&amp;Campaign export…</source>
        <translation>&amp;Kampagnenexport…</translation>
    </message>
    <message>
        <source>Export &amp;calendar (.ics)…</source>
        <translation>Ka&amp;lender exportieren (.ics)…</translation>
    </message>
    <message>
        <source>Import an &amp;invitation (.ics)…</source>
        <translation>Einla&amp;dung importieren (.ics)…</translation>
    </message>
    <message>
        <source>Read &amp;e-mails into the timeline…</source>
        <translation>&amp;E-Mails in den Verlauf übernehmen…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About CRM Desktop</source>
        <translation>&amp;Über CRM Desktop</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>&amp;Kontakte</translation>
    </message>
    <message>
        <source>&amp;Activities</source>
        <translation>Ak&amp;tivitäten</translation>
    </message>
    <message>
        <source>&amp;Sales</source>
        <translation>&amp;Vertrieb</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptsymbolleiste</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Search… (Ctrl+F)</source>
        <translation>Suchen… (Strg+F)</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Log activity</source>
        <translation>Aktivität erfassen</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>Di&amp;rection:</source>
        <translation>&amp;Richtung:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Zeitpunkt:</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source>Type a name…</source>
        <translation>Namen eingeben…</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <source>The person&apos;s company</source>
        <translation>Firma der Person</translation>
    </message>
    <message>
        <source>Co&amp;mpany:</source>
        <translation>Fir&amp;ma:</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>&amp;Betreff:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <source>e.g. T-2026-0042</source>
        <translation>z. B. T-2026-0042</translation>
    </message>
    <message>
        <source>T&amp;icket number:</source>
        <translation>Vor&amp;gangsnummer:</translation>
    </message>
    <message>
        <source>No project</source>
        <translation>Kein Projekt</translation>
    </message>
    <message>
        <source>Pro&amp;ject:</source>
        <translation>Pro&amp;jekt:</translation>
    </message>
    <message>
        <source>No opportunity</source>
        <translation>Keine Verkaufschance</translation>
    </message>
    <message>
        <source>&amp;Opportunity:</source>
        <translation>&amp;Verkaufschance:</translation>
    </message>
    <message>
        <source>Plan a &amp;follow-up</source>
        <translation>&amp;Wiedervorlage planen</translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation>&amp;Fällig:</translation>
    </message>
    <message>
        <source>&amp;As:</source>
        <translation>A&amp;ls:</translation>
    </message>
    <message>
        <source>Not&amp;e:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>A new ticket is opened when you save.</source>
        <translation>Beim Speichern wird ein neues Ticket eröffnet.</translation>
    </message>
    <message>
        <source>Optional: links this activity to a ticket.</source>
        <translation>Optional: verknüpft diese Aktivität mit einem Ticket.</translation>
    </message>
    <message>
        <source>There is no ticket with this number yet.</source>
        <translation>Es gibt noch kein Ticket mit dieser Nummer.</translation>
    </message>
    <message>
        <source>Linked to ticket {number} “{title}” ({status}).</source>
        <translation>Verknüpft mit Ticket {number} „{title}“ ({status}).</translation>
    </message>
</context>
<context>
    <name>AgendaDialog</name>
    <message>
        <source>Your agenda</source>
        <translation>Ihre Agenda</translation>
    </message>
</context>
<context>
    <name>AgendaWidget</name>
    <message>
        <source>The agenda could not be loaded: {error}</source>
        <translation>Die Agenda konnte nicht geladen werden: {error}</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Letzte Aktivität</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n überfällig</numerusform>
            <numerusform>%n überfällig</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is due this week. Follow-ups and appointments appear here when they come up; plan one from the quick entry line of a contact.</source>
        <translation>Diese Woche ist nichts fällig. Wiedervorlagen und Termine erscheinen hier, sobald sie anstehen; planen Sie eine über die Schnellerfassung eines Kontakts.</translation>
    </message>
    <message>
        <source>Nothing is due today. Follow-ups and appointments appear here when they come up; plan one from the quick entry line of a contact.</source>
        <translation>Heute ist nichts fällig. Wiedervorlagen und Termine erscheinen hier, sobald sie anstehen; planen Sie eine über die Schnellerfassung eines Kontakts.</translation>
    </message>
    <message>
        <source>all day</source>
        <translation>ganztägig</translation>
    </message>
    <message>
        <source>Call {number}</source>
        <translation>{number} anrufen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>10 minutes</source>
        <translation>10 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>Tomorrow 9:00</source>
        <translation>Morgen 9:00</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
</context>
<context>
    <name>AnonymiseConfirmDialog</name>
    <message>
        <source>Anonymise person</source>
        <translation>Person anonymisieren</translation>
    </message>
    <message>
        <source>ANONYMISE</source>
        <translation>ANONYMISIEREN</translation>
    </message>
    <message>
        <source>&lt;b&gt;Erase the personal data of {0}?&lt;/b&gt;&lt;br&gt;&lt;br&gt;Names, birth date, phone numbers, e-mail addresses, addresses, bank accounts, notes, photo and profile are removed; texts of activities, follow-ups and tickets are blanked. Kinds and dates stay, so statistics remain right. Duplicates merged into this person, undo entries that could bring them back and mentions of their name, e-mail addresses and phone numbers in other records, the search index, the calendar file and the log files are erased too.&lt;br&gt;&lt;br&gt;&lt;b&gt;This cannot be undone.&lt;/b&gt; Backups made earlier still hold the data until they are rotated out.</source>
        <translation>&lt;b&gt;Die personenbezogenen Daten von {0} löschen?&lt;/b&gt;&lt;br&gt;&lt;br&gt;Namen, Geburtsdatum, Telefonnummern, E-Mail-Adressen, Adressen, Bankverbindungen, Notizen, Foto und Profil werden entfernt; die Texte von Aktivitäten, Wiedervorlagen und Tickets werden geleert. Art und Datum bleiben erhalten, damit die Statistiken stimmen. Mit dieser Person zusammengeführte Dubletten, Rückgängig-Einträge, die sie zurückbringen könnten, und Erwähnungen ihres Namens, ihrer E-Mail-Adressen und Telefonnummern in anderen Datensätzen, im Suchindex, in der Kalenderdatei und in den Protokolldateien werden ebenfalls gelöscht.&lt;br&gt;&lt;br&gt;&lt;b&gt;Dies kann nicht rückgängig gemacht werden.&lt;/b&gt; Ältere Sicherungen enthalten die Daten noch, bis sie turnusmäßig gelöscht werden.</translation>
    </message>
    <message>
        <source>Type {0} to confirm:</source>
        <translation>Zur Bestätigung {0} eingeben:</translation>
    </message>
    <message>
        <source>Anonymise</source>
        <translation>Anonymisieren</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>This data file is encrypted. Passphrase:</source>
        <translation>Diese Datendatei ist verschlüsselt. Passphrase:</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again (or Cancel to quit):</source>
        <translation>Falsche Passphrase. Bitte erneut versuchen (oder mit Abbrechen beenden):</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>Aus Sicherung wiederherstellen…</translation>
    </message>
    <message>
        <source>Enter passphrase…</source>
        <translation>Passphrase eingeben…</translation>
    </message>
    <message>
        <source>The backup was restored. The previous data file was kept as {path}.</source>
        <translation>Die Sicherung wurde wiederhergestellt. Die bisherige Datendatei wurde als {path} aufbewahrt.</translation>
    </message>
    <message>
        <source>Start CRM Desktop again to work with it.</source>
        <translation>Starten Sie CRM Desktop erneut, um damit zu arbeiten.</translation>
    </message>
    <message>
        <source>The backup is encrypted. Passphrase:</source>
        <translation>Die Sicherung ist verschlüsselt. Passphrase:</translation>
    </message>
    <message>
        <source>Quote follow-up {n}: {title}</source>
        <translation>Angebot nachfassen ({n}): {title}</translation>
    </message>
    <message>
        <source>{days} days after the quote without an answer</source>
        <translation>{days} Tage nach dem Angebot ohne Antwort</translation>
    </message>
    <message>
        <source>The automatic backup failed: {detail}</source>
        <translation>Die automatische Sicherung ist fehlgeschlagen: {detail}</translation>
    </message>
    <message>
        <source>Show the open window</source>
        <translation>Geöffnetes Fenster zeigen</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Schreibgeschützt öffnen</translation>
    </message>
    <message>
        <source>The data file is damaged ({detail}) and there is no good backup.</source>
        <translation>Die Datendatei ist beschädigt ({detail}) und es gibt keine intakte Sicherung.</translation>
    </message>
    <message>
        <source>The data file is damaged ({detail}). The newest good backup is from {date}. Restore it? The damaged file is kept aside.</source>
        <translation>Die Datendatei ist beschädigt ({detail}). Die neueste intakte Sicherung stammt vom {date}. Möchten Sie sie wiederherstellen? Die beschädigte Datei wird aufbewahrt.</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <source>no answer yet</source>
        <translation>noch keine Antwort</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>zugesagt</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>tentative</source>
        <translation>mit Vorbehalt</translation>
    </message>
    <message>
        <source>delegated</source>
        <translation>delegiert</translation>
    </message>
    <message>
        <source>New appointment</source>
        <translation>Neuer Termin</translation>
    </message>
    <message>
        <source>e.g. Project meeting</source>
        <translation>z. B. Projektbesprechung</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>A&amp;ll day</source>
        <translation>&amp;Ganztägig</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Wann:</translation>
    </message>
    <message>
        <source>Address, room or video link</source>
        <translation>Adresse, Raum oder Videolink</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <source>Type a name…</source>
        <translation>Namen eingeben…</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Name of a contact or an e-mail address</source>
        <translation>Name eines Kontakts oder E-Mail-Adresse</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>P&amp;articipants:</source>
        <translation>Teil&amp;nehmer:</translation>
    </message>
    <message>
        <source>You, as the organizer of invitations</source>
        <translation>Sie als Organisator von Einladungen</translation>
    </message>
    <message>
        <source>e.g. Thomas Brandt</source>
        <translation>z. B. Thomas Brandt</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>&amp;Ihr Name:</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Your &amp;e-mail (organizer):</source>
        <translation>Ihre E-&amp;Mail (Organisator):</translation>
    </message>
    <message>
        <source>Cancel a&amp;ppointment…</source>
        <translation>Termin &amp;absagen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save and send &amp;invitation</source>
        <translation>Speichern und Einla&amp;dung senden</translation>
    </message>
    <message>
        <source>Save and send &amp;update</source>
        <translation>Speichern und Än&amp;derung senden</translation>
    </message>
    <message>
        <source>Appointment – {title}</source>
        <translation>Termin – {title}</translation>
    </message>
    <message>
        <source>This appointment was cancelled. It can no longer be changed.</source>
        <translation>Dieser Termin wurde abgesagt. Er kann nicht mehr geändert werden.</translation>
    </message>
    <message>
        <source>This appointment came from an invitation of {organizer}; changes here are not sent to the organizer.</source>
        <translation>Dieser Termin stammt aus einer Einladung von {organizer}; Änderungen hier werden nicht an den Organisator gesendet.</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>jemand anderem</translation>
    </message>
    <message>
        <source>Changed since the first invitation (version {n}).</source>
        <translation>Seit der ersten Einladung geändert (Version {n}).</translation>
    </message>
    <message>
        <source>The invitation file could not be written: {detail}</source>
        <translation>Die Einladungsdatei konnte nicht geschrieben werden: {detail}</translation>
    </message>
    <message>
        <source>Send update</source>
        <translation>Änderung senden</translation>
    </message>
    <message>
        <source>The appointment changed. Send an update to the participants, so that their calendars show the new version?</source>
        <translation>Der Termin wurde geändert. Möchten Sie den Teilnehmern eine Aktualisierung senden, damit ihre Kalender die neue Fassung zeigen?</translation>
    </message>
    <message>
        <source>Cancel this appointment? The participants get a cancellation by e-mail.</source>
        <translation>Diesen Termin absagen? Die Teilnehmer erhalten eine Absage per E-Mail.</translation>
    </message>
    <message>
        <source>Cancel this appointment?</source>
        <translation>Diesen Termin absagen?</translation>
    </message>
    <message>
        <source>Cancel appointment</source>
        <translation>Termin absagen</translation>
    </message>
    <message>
        <source>The cancellation file could not be written: {detail}</source>
        <translation>Die Absagedatei konnte nicht geschrieben werden: {detail}</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Einladung</translation>
    </message>
    <message>
        <source>{first} to {last} (all day)</source>
        <translation>{first} bis {last} (ganztägig)</translation>
    </message>
    <message>
        <source>{day} (all day)</source>
        <translation>{day} (ganztägig)</translation>
    </message>
    <message>
        <source>Cancelled: {title}</source>
        <translation>Abgesagt: {title}</translation>
    </message>
    <message>
        <source>unfortunately I have to cancel the following appointment:</source>
        <translation>leider muss ich den folgenden Termin absagen:</translation>
    </message>
    <message>
        <source>Updated: {title}</source>
        <translation>Geändert: {title}</translation>
    </message>
    <message>
        <source>the following appointment has changed:</source>
        <translation>der folgende Termin hat sich geändert:</translation>
    </message>
    <message>
        <source>Invitation: {title}</source>
        <translation>Einladung: {title}</translation>
    </message>
    <message>
        <source>I would like to invite you to the following appointment:</source>
        <translation>hiermit lade ich Sie zu folgendem Termin ein:</translation>
    </message>
    <message>
        <source>Hello,</source>
        <translation>Guten Tag,</translation>
    </message>
    <message>
        <source>When: {when}</source>
        <translation>Wann: {when}</translation>
    </message>
    <message>
        <source>Where: {location}</source>
        <translation>Wo: {location}</translation>
    </message>
    <message>
        <source>Kind regards</source>
        <translation>Mit freundlichen Grüßen</translation>
    </message>
    <message>
        <source>Please attach the calendar file {file} before sending (an e-mail link cannot attach files itself); with it the recipients add the appointment to their calendar with one click.</source>
        <translation>Bitte hängen Sie vor dem Senden die Kalenderdatei {file} an (ein E-Mail-Link kann selbst keine Dateien anhängen); damit übernehmen die Empfänger den Termin mit einem Klick in ihren Kalender.</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>Absage</translation>
    </message>
    <message>
        <source>Your mail program opens the message to the participants as a draft, with the calendar file inside: check it and send it. (Thunderbird shows it as a received message: choose “Edit as New Message”, Ctrl+E.) If nothing opens, use a mail link and attach the calendar file:</source>
        <translation>Ihr E-Mail-Programm öffnet die Nachricht an die Teilnehmer als Entwurf, mit der Kalenderdatei darin: prüfen und senden. (Thunderbird zeigt sie als empfangene Nachricht: „Als neu bearbeiten“ wählen, Strg+E.) Öffnet sich nichts, verwenden Sie einen Mail-Link und hängen die Kalenderdatei an:</translation>
    </message>
    <message>
        <source>Your mail program opens a new message to the participants. Please attach the calendar file before sending:</source>
        <translation>Ihr E-Mail-Programm öffnet eine neue Nachricht an die Teilnehmer. Bitte hängen Sie vor dem Senden die Kalenderdatei an:</translation>
    </message>
    <message>
        <source>Use a mail link instead</source>
        <translation>Stattdessen einen Mail-Link verwenden</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Wöchentlich</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Before upgrade</source>
        <translation>Vor Update</translation>
    </message>
    <message>
        <source>Before restore</source>
        <translation>Vor Wiederherstellung</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>A backup is made automatically at the first start of each day and when you quit. Seven daily, four weekly and twelve monthly backups are kept.</source>
        <translation>Eine Sicherung wird automatisch beim ersten Start jedes Tages und beim Beenden angelegt. Aufbewahrt werden sieben tägliche, vier wöchentliche und zwölf monatliche Sicherungen.</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>Noch keine Sicherungen.</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>Sicherung wird geschrieben…</translation>
    </message>
    <message>
        <source>Backup written and checked: {0}</source>
        <translation>Sicherung geschrieben und geprüft: {0}</translation>
    </message>
    <message>
        <source>This backup cannot be read (damaged or encrypted).</source>
        <translation>Diese Sicherung kann nicht gelesen werden (beschädigt oder verschlüsselt).</translation>
    </message>
    <message>
        <source>This backup holds {people} people, {companies} companies and {activities} activities.</source>
        <translation>Diese Sicherung enthält {people} Personen, {companies} Firmen und {activities} Aktivitäten.</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Replace all current data with the backup of {0}?</source>
        <translation>Alle aktuellen Daten durch die Sicherung vom {0} ersetzen?</translation>
    </message>
    <message>
        <source>Changes made since then are lost. The current data is kept as a “before restore” backup, so this can be undone.</source>
        <translation>Seitdem vorgenommene Änderungen gehen verloren. Die aktuellen Daten werden als Sicherung „Vor Wiederherstellung“ aufbewahrt, sodass sich dieser Schritt rückgängig machen lässt.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Restored. The previous data was kept as {0}</source>
        <translation>Wiederhergestellt. Die bisherigen Daten wurden aufbewahrt als {0}</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Delete backup</source>
        <translation>Sicherung löschen</translation>
    </message>
    <message>
        <source>Delete this backup for good?</source>
        <translation>Diese Sicherung endgültig löschen?</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Firmen</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Aktivitäten</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>from, e.g. 70000</source>
        <translation>von, z. B. 70000</translation>
    </message>
    <message>
        <source>to, e.g. 79999</source>
        <translation>bis, z. B. 79999</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>(beliebig)</translation>
    </message>
    <message>
        <source>value, e.g. Bau</source>
        <translation>Wert, z. B. Bau</translation>
    </message>
    <message>
        <source>Not contacted since</source>
        <translation>Nicht kontaktiert seit</translation>
    </message>
    <message>
        <source>Only people with a recorded opt-in</source>
        <translation>Nur Personen mit erfasster Einwilligung</translation>
    </message>
    <message>
        <source>Required for e-mail marketing; letters may also go to customers without it.</source>
        <translation>Für E-Mail-Werbung erforderlich; Briefe dürfen auch an Kunden ohne Einwilligung gehen.</translation>
    </message>
    <message>
        <source>Only people with an e-mail address</source>
        <translation>Nur Personen mit E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Only the selected person</source>
        <translation>Nur die ausgewählte Person</translation>
    </message>
    <message numerus="yes">
        <source>Only the %Ln selected people</source>
        <translation>
            <numerusform>Nur die %Ln ausgewählte Person</numerusform>
            <numerusform>Nur die %Ln ausgewählten Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>Save selection…</source>
        <translation>Auswahl speichern…</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Saved selection:</source>
        <translation>Gespeicherte Auswahl:</translation>
    </message>
    <message>
        <source>Tags (any of):</source>
        <translation>Tags (eines davon):</translation>
    </message>
    <message>
        <source>Company status:</source>
        <translation>Firmenstatus:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Priorität:</translation>
    </message>
    <message>
        <source>Postcode:</source>
        <translation>PLZ:</translation>
    </message>
    <message>
        <source>Custom field:</source>
        <translation>Eigenes Feld:</translation>
    </message>
    <message>
        <source>e.g. Einladung Hausmesse 2026</source>
        <translation>z. B. Einladung Hausmesse 2026</translation>
    </message>
    <message>
        <source>Logged as the text of each letter (optional)</source>
        <translation>Wird als Text jedes Briefs erfasst (optional)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Export &amp;CSV (mail merge)…</source>
        <translation>&amp;CSV exportieren (Serienbrief)…</translation>
    </message>
    <message>
        <source>Export &amp;vCards…</source>
        <translation>&amp;vCards exportieren…</translation>
    </message>
    <message>
        <source>&amp;Log on each person</source>
        <translation>Bei jeder Person &amp;erfassen</translation>
    </message>
    <message>
        <source>Record the campaign and a letter activity on every selected person</source>
        <translation>Die Kampagne und einen Brief als Aktivität bei jeder ausgewählten Person erfassen</translation>
    </message>
    <message>
        <source>yes or no</source>
        <translation>ja oder nein</translation>
    </message>
    <message>
        <source>None (choose below)</source>
        <translation>Keine (unten auswählen)</translation>
    </message>
    <message>
        <source>None saved yet</source>
        <translation>Noch keine gespeichert</translation>
    </message>
    <message>
        <source>Save selection</source>
        <translation>Auswahl speichern</translation>
    </message>
    <message>
        <source>Name of the selection:</source>
        <translation>Name der Auswahl:</translation>
    </message>
    <message>
        <source>Selection “{name}” saved.</source>
        <translation>Auswahl „{name}“ gespeichert.</translation>
    </message>
    <message>
        <source>1 person</source>
        <translation>1 Person</translation>
    </message>
    <message numerus="yes">
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln Person</numerusform>
            <numerusform>%Ln Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>1 left out because they withdrew consent</source>
        <translation>1 ausgelassen wegen widerrufener Einwilligung</translation>
    </message>
    <message numerus="yes">
        <source>%Ln left out because they withdrew consent</source>
        <translation>
            <numerusform>%Ln ausgelassen wegen widerrufener Einwilligung</numerusform>
            <numerusform>%Ln ausgelassen wegen widerrufener Einwilligung</numerusform>
        </translation>
    </message>
    <message>
        <source>1 left out without opt-in</source>
        <translation>1 ausgelassen ohne Einwilligung</translation>
    </message>
    <message numerus="yes">
        <source>%Ln left out without opt-in</source>
        <translation>
            <numerusform>%Ln ausgelassen ohne Einwilligung</numerusform>
            <numerusform>%Ln ausgelassen ohne Einwilligung</numerusform>
        </translation>
    </message>
    <message>
        <source>campaign</source>
        <translation>kampagne</translation>
    </message>
    <message>
        <source>Export vCards</source>
        <translation>vCards exportieren</translation>
    </message>
    <message>
        <source>vCard (*.vcf)</source>
        <translation>vCard (*.vcf)</translation>
    </message>
    <message>
        <source>Export for a mail merge</source>
        <translation>Für Serienbrief exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>1 person exported to {file}.</source>
        <translation>1 Person nach {file} exportiert.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln people exported to {file}.</source>
        <translation>
            <numerusform>%Ln Person nach {file} exportiert.</numerusform>
            <numerusform>%Ln Personen nach {file} exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the campaign a name first.</source>
        <translation>Geben Sie der Kampagne zuerst einen Namen.</translation>
    </message>
    <message>
        <source>Log “{name}” as a letter on 1 person?</source>
        <translation>„{name}“ als Brief bei 1 Person erfassen?</translation>
    </message>
    <message numerus="yes">
        <source>Log “{name}” as a letter on %Ln people?</source>
        <translation>
            <numerusform>„{name}“ als Brief bei %Ln Person erfassen?</numerusform>
            <numerusform>„{name}“ als Brief bei %Ln Personen erfassen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Log campaign</source>
        <translation>Kampagne erfassen</translation>
    </message>
    <message>
        <source>“{name}” logged on 1 person.</source>
        <translation>„{name}“ bei 1 Person erfasst.</translation>
    </message>
    <message numerus="yes">
        <source>“{name}” logged on %Ln people.</source>
        <translation>
            <numerusform>„{name}“ bei %Ln Person erfasst.</numerusform>
            <numerusform>„{name}“ bei %Ln Personen erfasst.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <source>no expected close</source>
        <translation>kein Abschlussdatum</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Als PNG speichern…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Als PDF speichern…</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>Als CSV speichern…</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>Diagramm als PNG speichern</translation>
    </message>
    <message>
        <source>Save chart as PDF</source>
        <translation>Diagramm als PDF speichern</translation>
    </message>
    <message>
        <source>Save data as CSV</source>
        <translation>Daten als CSV speichern</translation>
    </message>
</context>
<context>
    <name>CommandsRoom</name>
    <message>
        <source>Deleted. Ctrl+Z brings it back.</source>
        <translation>Gelöscht. Strg+Z holt es zurück.</translation>
    </message>
    <message>
        <source>Delete person?</source>
        <translation>Person löschen?</translation>
    </message>
    <message>
        <source>Delete company?</source>
        <translation>Firma löschen?</translation>
    </message>
    <message>
        <source>Delete activity?</source>
        <translation>Aktivität löschen?</translation>
    </message>
    <message>
        <source>Select a company or a person to delete.</source>
        <translation>Wählen Sie die Firma oder Person aus, die gelöscht werden soll.</translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <translation>Es gibt nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <source>the {kind} of {when}</source>
        <translation>{kind} vom {when}</translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation>Aktivität löschen</translation>
    </message>
    <message>
        <source>Delete {name}? The person goes to the trash; activities stay. Ctrl+Z brings them back.</source>
        <translation>{name} löschen? Die Person kommt in den Papierkorb; Aktivitäten bleiben erhalten. Strg+Z holt sie zurück.</translation>
    </message>
    <message>
        <source>Delete {name}</source>
        <translation>{name} löschen</translation>
    </message>
    <message>
        <source>Delete {name} with its branches and their {count} people? Everything goes to the trash; Ctrl+Z brings it back.</source>
        <translation>{name} mit Niederlassungen und deren {count} Personen löschen? Alles kommt in den Papierkorb; Strg+Z holt es zurück.</translation>
    </message>
    <message>
        <source>Delete {what}? It goes to the trash; Ctrl+Z brings it back.</source>
        <translation>{what} löschen? Der Eintrag kommt in den Papierkorb; Strg+Z holt ihn zurück.</translation>
    </message>
    <message>
        <source>Undone: {what}</source>
        <translation>Rückgängig gemacht: {what}</translation>
    </message>
    <message>
        <source>Departments are renamed in the company&apos;s details.</source>
        <translation>Abteilungen werden in den Details der Firma umbenannt.</translation>
    </message>
</context>
<context>
    <name>CompanyDetailPane</name>
    <message>
        <source>{n} M €</source>
        <translation>{n} Mio. €</translation>
    </message>
    <message>
        <source>{n}k €</source>
        <translation>{n} Tsd. €</translation>
    </message>
    <message>
        <source>{n} €</source>
        <translation>{n} €</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Legal form</source>
        <translation>Rechtsform</translation>
    </message>
    <message>
        <source>Branch of</source>
        <translation>Niederlassung von</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>Kunde seit</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Letzter Kontakt</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>Nächste Wiedervorlage</translation>
    </message>
    <message>
        <source>VAT id</source>
        <translation>USt-IdNr.</translation>
    </message>
    <message>
        <source>Commercial register</source>
        <translation>Handelsregister</translation>
    </message>
    <message>
        <source>Managing directors</source>
        <translation>Geschäftsführer</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>No contact people yet – add one on the Relations tab.</source>
        <translation>Noch keine Ansprechpartner – legen Sie einen im Reiter „Beziehungen“ an.</translation>
    </message>
    <message>
        <source>Contact people</source>
        <translation>Ansprechpartner</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>Niederlassungen</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Niederlassung</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>No branches.</source>
        <translation>Keine Niederlassungen.</translation>
    </message>
    <message>
        <source>Departments and people</source>
        <translation>Abteilungen und Personen</translation>
    </message>
    <message>
        <source>Nobody works here yet – add a person with “New person…”.</source>
        <translation>Hier arbeitet noch niemand – legen Sie eine Person mit „Neue Person…“ an.</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>Neue Person…</translation>
    </message>
    <message>
        <source>New department…</source>
        <translation>Neue Abteilung…</translation>
    </message>
    <message>
        <source>New branch…</source>
        <translation>Neue Niederlassung…</translation>
    </message>
    <message>
        <source>&amp;Rename department…</source>
        <translation>Abteilung &amp;umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Place inside department…</source>
        <translation>In Abteilung &amp;einordnen…</translation>
    </message>
    <message>
        <source>Set &amp;head of department…</source>
        <translation>Abteilungs&amp;leitung festlegen…</translation>
    </message>
    <message>
        <source>&amp;Move selected people to department…</source>
        <translation>Ausgewählte Personen in Abteilung &amp;verschieben…</translation>
    </message>
    <message>
        <source>&amp;Delete department…</source>
        <translation>Abteilung lö&amp;schen…</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Org chart…</source>
        <translation>Organigramm…</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>Beziehungen</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <source>No tickets for this company.</source>
        <translation>Keine Tickets für diese Firma.</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projekte</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
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
        <source>No projects for this company.</source>
        <translation>Keine Projekte für diese Firma.</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>Verkaufschancen</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Erwarteter Abschluss</translation>
    </message>
    <message>
        <source>No opportunities for this company.</source>
        <translation>Keine Verkaufschancen für diese Firma.</translation>
    </message>
    <message>
        <source>Net revenue per year</source>
        <translation>Nettoumsatz pro Jahr</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Branch of {company}</source>
        <translation>Niederlassung von {company}</translation>
    </message>
    <message>
        <source>Head office (not a branch of another company).</source>
        <translation>Hauptsitz (keine Niederlassung einer anderen Firma).</translation>
    </message>
    <message>
        <source>Without department</source>
        <translation>Ohne Abteilung</translation>
    </message>
    <message>
        <source>No orders from this company yet.</source>
        <translation>Von dieser Firma gibt es noch keine Aufträge.</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Net revenue</source>
        <translation>Nettoumsatz</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Veränderung</translation>
    </message>
    <message>
        <source>(so far)</source>
        <translation>(bisher)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Rename department</source>
        <translation>Abteilung umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Delete department</source>
        <translation>Abteilung löschen</translation>
    </message>
    <message>
        <source>Delete the department “{name}”? Its {count} people stay in the company, without a department; Edit → Undo brings it back.</source>
        <translation>Die Abteilung „{name}“ löschen? Ihre {count} Personen bleiben in der Firma, ohne Abteilung; Bearbeiten → Rückgängig holt sie zurück.</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>(oberste Ebene)</translation>
    </message>
    <message>
        <source>Place inside department</source>
        <translation>In Abteilung einordnen</translation>
    </message>
    <message>
        <source>Sub-department of:</source>
        <translation>Unterabteilung von:</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(niemand)</translation>
    </message>
    <message>
        <source>Head of department</source>
        <translation>Abteilungsleitung</translation>
    </message>
    <message>
        <source>Head of department:</source>
        <translation>Abteilungsleitung:</translation>
    </message>
    <message>
        <source>(no department)</source>
        <translation>(keine Abteilung)</translation>
    </message>
    <message>
        <source>Move to department</source>
        <translation>In Abteilung verschieben</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>Abteilung:</translation>
    </message>
</context>
<context>
    <name>CompanyDialog</name>
    <message>
        <source>New company</source>
        <translation>Neue Firma</translation>
    </message>
    <message>
        <source>Edit company</source>
        <translation>Firma bearbeiten</translation>
    </message>
</context>
<context>
    <name>CompanyForm</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Legal form:</source>
        <translation>&amp;Rechtsform:</translation>
    </message>
    <message>
        <source>None (not a branch)</source>
        <translation>Keine (keine Niederlassung)</translation>
    </message>
    <message>
        <source>&amp;Branch of:</source>
        <translation>Niederlassung &amp;von:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>e.g. moved to a competitor</source>
        <translation>z. B. zur Konkurrenz gewechselt</translation>
    </message>
    <message>
        <source>Status &amp;reason:</source>
        <translation>Statusgr&amp;und:</translation>
    </message>
    <message>
        <source>Customer s&amp;ince:</source>
        <translation>Kunde s&amp;eit:</translation>
    </message>
    <message>
        <source>&amp;Website:</source>
        <translation>&amp;Website:</translation>
    </message>
    <message>
        <source>e.g. DE123456789</source>
        <translation>z. B. DE123456789</translation>
    </message>
    <message>
        <source>&amp;VAT id:</source>
        <translation>USt-&amp;IdNr.:</translation>
    </message>
    <message>
        <source>e.g. Amtsgericht Stuttgart</source>
        <translation>z. B. Amtsgericht Stuttgart</translation>
    </message>
    <message>
        <source>Register &amp;court:</source>
        <translation>Register&amp;gericht:</translation>
    </message>
    <message>
        <source>e.g. HRB 123456</source>
        <translation>z. B. HRB 123456</translation>
    </message>
    <message>
        <source>Register n&amp;umber:</source>
        <translation>Registernu&amp;mmer:</translation>
    </message>
    <message>
        <source>Managing &amp;directors:</source>
        <translation>Geschäfts&amp;führer:</translation>
    </message>
    <message>
        <source>Own&amp;er:</source>
        <translation>&amp;Betreuer:</translation>
    </message>
    <message>
        <source>comma-separated, e.g. Messe 2026, Newsletter</source>
        <translation>durch Komma getrennt, z. B. Messe 2026, Newsletter</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>T&amp;ags:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notizen:</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>Kommunikation</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Telefonnummern</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>E-Mail-Adressen</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>Bank &amp;&amp; payment</source>
        <translation>Bank &amp;&amp; Zahlung</translation>
    </message>
    <message>
        <source>Bank accounts</source>
        <translation>Bankverbindungen</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>e.g. 14 days net, 2 % discount within 7 days</source>
        <translation>z. B. 14 Tage netto, 2 % Skonto innerhalb 7 Tagen</translation>
    </message>
    <message>
        <source>Payment &amp;terms:</source>
        <translation>&amp;Zahlungsbedingungen:</translation>
    </message>
</context>
<context>
    <name>CompanyTree</name>
    <message>
        <source>No company</source>
        <translation>Ohne Firma</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>People who do not belong to a company</source>
        <translation>Personen, die zu keiner Firma gehören</translation>
    </message>
    <message>
        <source>Branch of {parent}</source>
        <translation>Niederlassung von {parent}</translation>
    </message>
    <message>
        <source>{count} people (branches included)</source>
        <translation>Personen: {count} (mit Niederlassungen)</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>Personen: {count}</translation>
    </message>
    <message>
        <source>{person} works at {source}; moving them to {target} was not confirmed, so nothing changed.</source>
        <translation>{person} arbeitet bei {source}; das Verschieben nach {target} wurde nicht bestätigt, daher wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>CompanyTreePanel</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Companies and people</source>
        <translation>Firmen und Personen</translation>
    </message>
    <message>
        <source>Filter companies and people…</source>
        <translation>Firmen und Personen filtern…</translation>
    </message>
    <message numerus="yes">
        <source>Today (%n due)</source>
        <translation>
            <numerusform>Heute (%n fällig)</numerusform>
            <numerusform>Heute (%n fällig)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing matches “{text}”.</source>
        <translation>Keine Treffer für „{text}“.</translation>
    </message>
    <message>
        <source>No contacts yet. Create a company or a person, or import a file.</source>
        <translation>Noch keine Kontakte. Legen Sie eine Firma oder Person an, oder importieren Sie eine Datei.</translation>
    </message>
    <message>
        <source>New branch…</source>
        <translation>Neue Niederlassung…</translation>
    </message>
    <message>
        <source>New department…</source>
        <translation>Neue Abteilung…</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>Neue Person…</translation>
    </message>
    <message>
        <source>New activity…</source>
        <translation>Neue Aktivität…</translation>
    </message>
    <message>
        <source>Edit company…</source>
        <translation>Firma bearbeiten…</translation>
    </message>
    <message>
        <source>Delete company…</source>
        <translation>Firma löschen…</translation>
    </message>
    <message>
        <source>New person in this department…</source>
        <translation>Neue Person in dieser Abteilung…</translation>
    </message>
    <message>
        <source>Rename department…</source>
        <translation>Abteilung umbenennen…</translation>
    </message>
    <message>
        <source>Edit person…</source>
        <translation>Person bearbeiten…</translation>
    </message>
    <message>
        <source>Delete person…</source>
        <translation>Person löschen…</translation>
    </message>
    <message>
        <source>New company…</source>
        <translation>Neue Firma…</translation>
    </message>
    <message>
        <source>Move to another company?</source>
        <translation>In eine andere Firma verschieben?</translation>
    </message>
    <message>
        <source>{person} belongs to {source}. Move them to {target}? Their supervisor link is removed when the supervisor stays behind.</source>
        <translation>{person} gehört zu {source}. Nach {target} verschieben? Die Zuordnung zur/zum Vorgesetzten wird entfernt, wenn diese(r) nicht mit wechselt.</translation>
    </message>
</context>
<context>
    <name>ComparisonWidget</name>
    <message>
        <source>Select a pair above to compare the two records.</source>
        <translation>Wählen Sie oben ein Paar aus, um die beiden Datensätze zu vergleichen.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Phones, e-mails, addresses, bank accounts and tags of both records are kept; activities, tickets, opportunities and orders move to record A.</source>
        <translation>Telefonnummern, E-Mail-Adressen, Adressen, Bankverbindungen und Tags beider Datensätze bleiben erhalten; Aktivitäten, Tickets, Verkaufschancen und Aufträge gehen auf Datensatz A über.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Von jemand anderem geändert</translation>
    </message>
    <message>
        <source>This record was saved by someone else after you opened it. Your changes are not saved yet.</source>
        <translation>Dieser Datensatz wurde von jemand anderem gespeichert, nachdem Sie ihn geöffnet haben. Ihre Änderungen sind noch nicht gespeichert.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Ihre Eingabe</translation>
    </message>
    <message>
        <source>The fields of this form show no difference (lists or tags may differ).</source>
        <translation>Die Felder dieses Formulars zeigen keinen Unterschied (Listen oder Stichwörter können abweichen).</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Discard your changes and show theirs</source>
        <translation>Ihre Änderungen verwerfen und die gespeicherten zeigen</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>Ü&amp;berschreiben</translation>
    </message>
    <message>
        <source>Save your changes over theirs</source>
        <translation>Ihre Änderungen über die gespeicherten schreiben</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>Show their and your values field by field</source>
        <translation>Gespeicherte und Ihre Werte Feld für Feld zeigen</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>ein anderer Benutzer</translation>
    </message>
    <message>
        <source>Changed by {who}</source>
        <translation>Geändert von {who}</translation>
    </message>
    <message>
        <source>Changed by {who} at {time}</source>
        <translation>Geändert von {who} um {time}</translation>
    </message>
</context>
<context>
    <name>ContactPlanModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Contact via</source>
        <translation>Kontaktart</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erfolgt</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>Im Rückstand</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Letzter Kontakt</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>1 contact missing in this period</source>
        <translation>1 Kontakt fehlt in diesem Zeitraum</translation>
    </message>
    <message numerus="yes">
        <source>%n contacts missing in this period</source>
        <translation>
            <numerusform>%n Kontakt fehlt in diesem Zeitraum</numerusform>
            <numerusform>%n Kontakte fehlen in diesem Zeitraum</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactReportDialog</name>
    <message>
        <source>Contact intervals: target and actual</source>
        <translation>Kontaktintervalle: Soll und Ist</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>B&amp;etreuer:</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>Planned and done contacts per person</source>
        <translation>Geplante und erfolgte Kontakte pro Person</translation>
    </message>
    <message>
        <source>Planned: the days of the period divided by the interval. Only contacts of the rhythm&apos;s kind count (set it in the person&apos;s form under Contact via).</source>
        <translation>Geplant: die Tage des Zeitraums geteilt durch das Intervall. Es zählen nur Kontakte der Art des Rhythmus (einzustellen im Formular der Person unter Kontaktart).</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>{people} people with a rhythm · {done} of {planned} planned contacts done ({share}%) · &lt;b style=&apos;color:{color}&apos;&gt;{behind} behind&lt;/b&gt;</source>
        <translation>{people} Personen mit Rhythmus · {done} von {planned} geplanten Kontakten erfolgt ({share} %) · &lt;b style=&apos;color:{color}&apos;&gt;{behind} im Rückstand&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Print contact intervals</source>
        <translation>Kontaktintervalle drucken</translation>
    </message>
</context>
<context>
    <name>CustomFieldsPage</name>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Pick-list values</source>
        <translation>Auswahlwerte</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>e.g. Industry</source>
        <translation>z. B. Branche</translation>
    </message>
    <message>
        <source>e.g. Construction; Trade; Services</source>
        <translation>z. B. Bau; Handel; Dienstleistung</translation>
    </message>
    <message>
        <source>&amp;Add or change</source>
        <translation>&amp;Anlegen oder ändern</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Fields defined here appear on every person&apos;s Profile tab with an editor for their type; values can be searched, filtered (“Field = value” in the people list) and selected in a campaign. A change is stored at once; Edit → Undo takes it back.</source>
        <translation>Hier angelegte Felder erscheinen bei jeder Person auf der Seite „Profil“, mit einem Eingabefeld passend zum Typ; ihre Werte lassen sich suchen, filtern („Feld = Wert“ in der Personenliste) und in einer Kampagne auswählen. Eine Änderung wird sofort gespeichert; Bearbeiten → Rückgängig nimmt sie zurück.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Typ</translation>
    </message>
    <message>
        <source>Pick-list &amp;values</source>
        <translation>Aus&amp;wahlwerte</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Yes/no</source>
        <translation>Ja/Nein</translation>
    </message>
    <message>
        <source>Pick-list</source>
        <translation>Auswahlliste</translation>
    </message>
    <message>
        <source>Rename field</source>
        <translation>Feld umbenennen</translation>
    </message>
    <message>
        <source>New name (the people&apos;s values move along):</source>
        <translation>Neuer Name (die Werte der Personen werden übernommen):</translation>
    </message>
    <message>
        <source>Delete field</source>
        <translation>Feld löschen</translation>
    </message>
    <message>
        <source>People with a value in “{name}”: {count}. Keep the values as free profile fields, or remove them?</source>
        <translation>Personen mit einem Wert in „{name}“: {count}. Die Werte als freie Profilfelder behalten oder entfernen?</translation>
    </message>
    <message>
        <source>&amp;Keep values</source>
        <translation>Werte &amp;behalten</translation>
    </message>
    <message>
        <source>&amp;Remove values</source>
        <translation>Werte &amp;entfernen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>(no company)</source>
        <translation>(keine Firma)</translation>
    </message>
    <message>
        <source>(no contact person)</source>
        <translation>(kein Ansprechpartner)</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Ansprechpartner</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>This year ({year})</source>
        <translation>Dieses Jahr ({year})</translation>
    </message>
    <message>
        <source>Last year ({year})</source>
        <translation>Letztes Jahr ({year})</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Letzte 12 Monate</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Betreuer:</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Revenue vs target per month</source>
        <translation>Umsatz und Umsatzziel pro Monat</translation>
    </message>
    <message>
        <source>Pipeline value by stage</source>
        <translation>Pipeline-Wert nach Phase</translation>
    </message>
    <message>
        <source>Pipeline by expected closing month</source>
        <translation>Pipeline nach erwartetem Abschlussmonat</translation>
    </message>
    <message>
        <source>Won and lost</source>
        <translation>Gewonnen und verloren</translation>
    </message>
    <message>
        <source>Why opportunities were lost</source>
        <translation>Absagegründe</translation>
    </message>
    <message>
        <source>Activities per month by channel</source>
        <translation>Aktivitäten pro Monat nach Kanal</translation>
    </message>
    <message>
        <source>Which channels lead to orders</source>
        <translation>Welche Kanäle zu Aufträgen führen</translation>
    </message>
    <message>
        <source>Tickets opened and closed</source>
        <translation>Eröffnete und geschlossene Tickets</translation>
    </message>
    <message>
        <source>Why customers left</source>
        <translation>Warum Kunden gegangen sind</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Interval (days)</source>
        <translation>Intervall (Tage)</translation>
    </message>
    <message>
        <source>Days since contact</source>
        <translation>Tage seit Kontakt</translation>
    </message>
    <message>
        <source>People overdue for contact</source>
        <translation>Überfällige Kontakte</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Could not load the figures: {msg}</source>
        <translation>Die Zahlen konnten nicht geladen werden: {msg}</translation>
    </message>
    <message>
        <source>{n} months · as of {time}</source>
        <translation>{n} Monate · Stand {time}</translation>
    </message>
    <message>
        <source>Existing customers</source>
        <translation>Bestandskunden</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>Neukunden</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Umsatzziel</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>{actual} of {target}</source>
        <translation>{actual} von {target}</translation>
    </message>
    <message>
        <source>No open opportunities. Create one under Sales ▸ New opportunity.</source>
        <translation>Keine offenen Verkaufschancen. Legen Sie eine unter Vertrieb ▸ Neue Verkaufschance an.</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Gewichtet</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>No open opportunity has an expected closing month yet.</source>
        <translation>Noch keine offene Verkaufschance hat einen erwarteten Abschlussmonat.</translation>
    </message>
    <message>
        <source>No opportunity was won or lost in this period.</source>
        <translation>In diesem Zeitraum wurde keine Verkaufschance gewonnen oder verloren.</translation>
    </message>
    <message>
        <source>Won: {n} ({value})</source>
        <translation>Gewonnen: {n} ({value})</translation>
    </message>
    <message>
        <source>Lost: {n} ({value})</source>
        <translation>Verloren: {n} ({value})</translation>
    </message>
    <message>
        <source>Win rate {rate:.0f} %</source>
        <translation>Abschlussquote {rate:.0f} %</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>No lost opportunities in this period.</source>
        <translation>Keine verlorenen Verkaufschancen in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
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
        <source>Visit</source>
        <translation>Besuch</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>No activities in this period.</source>
        <translation>Keine Aktivitäten in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>No contacts or orders in this period.</source>
        <translation>Keine Kontakte oder Aufträge in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Orders after such a contact</source>
        <translation>Aufträge nach einem solchen Kontakt</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Orders within 90 days</source>
        <translation>Aufträge innerhalb von 90 Tagen</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
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
        <source>Average time to close: {days:.1f} days</source>
        <translation>Durchschnittliche Bearbeitungsdauer: {days:.1f} Tage</translation>
    </message>
    <message>
        <source>Average days to close</source>
        <translation>Ø Bearbeitungsdauer (Tage)</translation>
    </message>
    <message>
        <source>No tickets in this period.</source>
        <translation>Keine Tickets in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>No former customers — nobody has left.</source>
        <translation>Keine ehemaligen Kunden – niemand ist gegangen.</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Firmen</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Erwarteter Abschluss</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Details: {what}</source>
        <translation>Details: {what}</translation>
    </message>
    <message>
        <source>{n} records</source>
        <translation>Datensätze: {n}</translation>
    </message>
</context>
<context>
    <name>DepartmentDialog</name>
    <message>
        <source>New department</source>
        <translation>Neue Abteilung</translation>
    </message>
    <message>
        <source>Company:</source>
        <translation>Firma:</translation>
    </message>
    <message>
        <source>e.g. Einkauf, Buchhaltung, Werkstatt</source>
        <translation>z. B. Einkauf, Buchhaltung, Werkstatt</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Phone numbers</source>
        <translation>Telefonnummern</translation>
    </message>
    <message>
        <source>No phone number yet. Press F2 (Edit) to add one.</source>
        <translation>Noch keine Telefonnummer. Mit F2 (Bearbeiten) hinzufügen.</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>E-Mail-Adressen</translation>
    </message>
    <message>
        <source>No e-mail address yet. Press F2 (Edit) to add one.</source>
        <translation>Noch keine E-Mail-Adresse. Mit F2 (Bearbeiten) hinzufügen.</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>No phone, e-mail or address yet. Press F2 (Edit).</source>
        <translation>Noch keine Telefonnummer, E-Mail oder Adresse. Mit F2 (Bearbeiten) hinzufügen.</translation>
    </message>
    <message>
        <source>No address yet. Press F2 (Edit) to add one.</source>
        <translation>Noch keine Adresse. Mit F2 (Bearbeiten) hinzufügen.</translation>
    </message>
    <message>
        <source>Bank accounts</source>
        <translation>Bankverbindungen</translation>
    </message>
    <message>
        <source>No bank account yet. Press F2 (Edit) to add one.</source>
        <translation>Noch keine Bankverbindung. Mit F2 (Bearbeiten) hinzufügen.</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation>Kontoinhaber</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>Zahlungsbedingungen</translation>
    </message>
    <message>
        <source>Not agreed yet.</source>
        <translation>Noch nicht vereinbart.</translation>
    </message>
    <message>
        <source>Show on map</source>
        <translation>Auf Karte zeigen</translation>
    </message>
</context>
<context>
    <name>DetailStack</name>
    <message>
        <source>Create your first company or person in the Contacts menu (“New company…”, “New person…”), or import your contacts from vCard (.vcf) or CSV files with File ▸ Import… (Ctrl+I).</source>
        <translation>Legen Sie Ihre erste Firma oder Person im Menü „Kontakte“ an („Neue Firma…“, „Neue Person…“) oder importieren Sie Ihre Kontakte aus vCard- (.vcf) oder CSV-Dateien mit Datei ▸ Importieren… (Strg+I).</translation>
    </message>
    <message>
        <source>To try the program first, fill it with demo data: Tools ▸ Create demo data… (or “crm-desktop demo-data” on the command line).</source>
        <translation>Um das Programm erst auszuprobieren, füllen Sie es mit Demodaten: Extras ▸ Demodaten anlegen… (oder „crm-desktop demo-data“ auf der Kommandozeile).</translation>
    </message>
    <message>
        <source>Select a company or person on the left.</source>
        <translation>Wählen Sie links eine Firma oder Person aus.</translation>
    </message>
    <message>
        <source>Your CRM is still empty.</source>
        <translation>Ihr CRM ist noch leer.</translation>
    </message>
</context>
<context>
    <name>DuplicateBar</name>
    <message>
        <source>Open e&amp;xisting</source>
        <translation>Vorhandene &amp;öffnen</translation>
    </message>
    <message>
        <source>M&amp;erge</source>
        <translation>Zusa&amp;mmenführen</translation>
    </message>
    <message>
        <source>Save the new data into the existing person (one record instead of two)</source>
        <translation>Die neuen Daten in die vorhandene Person übernehmen (ein Datensatz statt zwei)</translation>
    </message>
    <message>
        <source>&amp;Create anyway</source>
        <translation>Trotzdem an&amp;legen</translation>
    </message>
</context>
<context>
    <name>DuplicateReviewDialog</name>
    <message>
        <source>Duplicates</source>
        <translation>Dubletten</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Firmen</translation>
    </message>
    <message>
        <source>People and companies</source>
        <translation>Personen und Firmen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Look for:</source>
        <translation>Suchen nach:</translation>
    </message>
    <message>
        <source>Minimum score:</source>
        <translation>Mindestpunktzahl:</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Merge record B into record A; record B goes to the trash.</source>
        <translation>Datensatz B in Datensatz A zusammenführen; Datensatz B kommt in den Papierkorb.</translation>
    </message>
    <message>
        <source>Not a duplicate</source>
        <translation>Keine Dublette</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>Zusammenführung rückgängig</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Searching for duplicates…</source>
        <translation>Dubletten werden gesucht…</translation>
    </message>
    <message>
        <source>Comparing %p%</source>
        <translation>Vergleich läuft: %p %</translation>
    </message>
    <message numerus="yes">
        <source>%n possible duplicate(s) found.</source>
        <translation>
            <numerusform>%n mögliche Dublette gefunden.</numerusform>
            <numerusform>%n mögliche Dubletten gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>No duplicates found.</source>
        <translation>Keine Dubletten gefunden.</translation>
    </message>
    <message>
        <source>A (kept): %1</source>
        <translation>A (bleibt): %1</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
    <message>
        <source>Merged “%1” into “%2”.</source>
        <translation>„%1“ mit „%2“ zusammengeführt.</translation>
    </message>
    <message>
        <source>The pair will not be suggested again.</source>
        <translation>Dieses Paar wird nicht mehr vorgeschlagen.</translation>
    </message>
    <message>
        <source>The merge was undone.</source>
        <translation>Die Zusammenführung wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
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
        <source>Family name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Spitzname</translation>
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
        <source>Reports to</source>
        <translation>Vorgesetzte(r)</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Beruf</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>Familienstand</translation>
    </message>
    <message>
        <source>Hobbies</source>
        <translation>Hobbys</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Marketing consent</source>
        <translation>Werbeeinwilligung</translation>
    </message>
    <message>
        <source>Contact every … days</source>
        <translation>Kontakt alle … Tage</translation>
    </message>
    <message>
        <source>Contact by</source>
        <translation>Kontakt per</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>Zahlungsbedingungen</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <source>vCard UID</source>
        <translation>vCard-UID</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
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
        <source>Status reason</source>
        <translation>Statusgrund</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>Kunde seit</translation>
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
        <source>Register court</source>
        <translation>Registergericht</translation>
    </message>
    <message>
        <source>Register number</source>
        <translation>Registernummer</translation>
    </message>
    <message>
        <source>Managing directors</source>
        <translation>Geschäftsführer</translation>
    </message>
    <message>
        <source>photo (%1 KB)</source>
        <translation>Foto (%1 KB)</translation>
    </message>
    <message>
        <source>yes, since %1</source>
        <translation>ja, seit %1</translation>
    </message>
    <message>
        <source>withdrawn on %1</source>
        <translation>widerrufen am %1</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Telefonnummern</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>E-Mail-Adressen</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
</context>
<context>
    <name>EntityForm</name>
    <message>
        <source>No priority</source>
        <translation>Keine Priorität</translation>
    </message>
    <message>
        <source>Priorit&amp;y:</source>
        <translation>&amp;Priorität:</translation>
    </message>
    <message>
        <source>&amp;Keep it (the automatic A/B/C run leaves it)</source>
        <translation>Beibe&amp;halten (die automatische A/B/C-Einstufung ändert sie nicht)</translation>
    </message>
    <message>
        <source>Without this, the nightly run sets the priority from revenue, orders and the last contact (Tools → Rules).</source>
        <translation>Ohne diesen Haken setzt die nächtliche Einstufung die Priorität nach Umsatz, Aufträgen und letztem Kontakt (Extras → Regeln).</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>vCard (.vcf) from Outlook, Apple, Google or Android, or a CSV export.</source>
        <translation>vCard (.vcf) aus Outlook, Apple, Google oder Android oder ein CSV-Export.</translation>
    </message>
    <message>
        <source>Path of the file to import</source>
        <translation>Pfad der zu importierenden Datei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Kontakte importieren</translation>
    </message>
    <message>
        <source>Contacts (*.vcf *.vcard *.csv *.tsv);;vCard (*.vcf *.vcard);;CSV (*.csv);;All files (*)</source>
        <translation>Kontakte (*.vcf *.vcard *.csv *.tsv);;vCard (*.vcf *.vcard);;CSV (*.csv);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>FilesRoom</name>
    <message>
        <source>Import contacts</source>
        <translation>Kontakte importieren</translation>
    </message>
    <message>
        <source>Contacts (*.vcf *.vcard *.csv);;vCard (*.vcf *.vcard);;CSV (*.csv);;All files (*)</source>
        <translation>Kontakte (*.vcf *.vcard *.csv);;vCard (*.vcf *.vcard);;CSV (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import finished.</source>
        <translation>Import abgeschlossen.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Als PDF speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>Kalender exportieren</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Calendar feed: {path}</source>
        <translation>Kalender-Abo: {path}</translation>
    </message>
    <message>
        <source>Import an invitation</source>
        <translation>Einladung importieren</translation>
    </message>
    <message>
        <source>Invitation imported</source>
        <translation>Einladung importiert</translation>
    </message>
    <message>
        <source>Create demo data</source>
        <translation>Demodaten anlegen</translation>
    </message>
    <message>
        <source>How many people? (Demo data is only written into an empty store.)</source>
        <translation>Wie viele Personen? (Demodaten werden nur in eine leere Datenbank geschrieben.)</translation>
    </message>
    <message>
        <source>Writing demo data…</source>
        <translation>Demodaten werden geschrieben…</translation>
    </message>
    <message>
        <source>Demo data created.</source>
        <translation>Demodaten angelegt.</translation>
    </message>
    <message>
        <source>vCard 3.0 (*.vcf)</source>
        <translation>vCard 3.0 (*.vcf)</translation>
    </message>
    <message>
        <source>vCard 4.0 (*.vcf)</source>
        <translation>vCard 4.0 (*.vcf)</translation>
    </message>
    <message>
        <source>CSV people (*.csv)</source>
        <translation>CSV – Personen (*.csv)</translation>
    </message>
    <message>
        <source>CSV companies (*.csv)</source>
        <translation>CSV – Firmen (*.csv)</translation>
    </message>
    <message>
        <source>CSV activities (*.csv)</source>
        <translation>CSV – Aktivitäten (*.csv)</translation>
    </message>
    <message>
        <source>JSON, everything (*.json)</source>
        <translation>JSON – alles (*.json)</translation>
    </message>
    <message>
        <source>Contact sheet</source>
        <translation>Kontaktblatt</translation>
    </message>
    <message>
        <source>Select a person, a company, a ticket or a project first.</source>
        <translation>Wählen Sie zuerst eine Person, eine Firma, ein Ticket oder ein Projekt aus.</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Backups of a server database are made on the server (pg_dump).</source>
        <translation>Sicherungen einer Server-Datenbank werden auf dem Server erstellt (pg_dump).</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>{file} wird importiert…</translation>
    </message>
    <message>
        <source>{n} entries exported.</source>
        <translation>Exportierte Einträge: {n}.</translation>
    </message>
    <message>
        <source>{created} new, {updated} updated, {cancelled} cancelled, {skipped} skipped.</source>
        <translation>Neu: {created}, aktualisiert: {updated}, abgesagt: {cancelled}, übersprungen: {skipped}.</translation>
    </message>
    <message>
        <source>Backup written: {file}</source>
        <translation>Sicherung geschrieben: {file}</translation>
    </message>
    <message numerus="yes">
        <source>Search index rebuilt (%n entries).</source>
        <translation>
            <numerusform>Suchindex neu aufgebaut (%n Eintrag).</numerusform>
            <numerusform>Suchindex neu aufgebaut (%n Einträge).</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported to {file}.</source>
        <translation>Exportiert nach {file}.</translation>
    </message>
</context>
<context>
    <name>FollowupDialog</name>
    <message>
        <source>Plan a follow-up</source>
        <translation>Wiedervorlage planen</translation>
    </message>
    <message>
        <source>Who expects it? Type a name</source>
        <translation>Wer erwartet sie? Namen eingeben</translation>
    </message>
    <message>
        <source>What about? e.g. ask about the offer</source>
        <translation>Worum geht es? z. B. nach dem Angebot fragen</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Person</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Wann</translation>
    </message>
    <message>
        <source>&amp;As</source>
        <translation>&amp;Als</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <source>Only the follow-up is saved; no call is logged and the last contact stays.</source>
        <translation>Nur die Wiedervorlage wird gespeichert; es wird kein Anruf erfasst und der letzte Kontakt bleibt.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>GanttChart</name>
    <message>
        <source>No open opportunities. New ones appear here as bars from their start to the expected close.</source>
        <translation>Keine offenen Verkaufschancen. Neue erscheinen hier als Balken vom Beginn bis zum erwarteten Abschluss.</translation>
    </message>
    <message>
        <source>no expected close</source>
        <translation>kein Abschlussdatum</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>überfällig</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>Each bar runs from the day the opportunity was opened to the end of its expected month; pale bars have no expected close yet. Hover a row for details.</source>
        <translation>Jeder Balken reicht vom Eröffnungstag der Verkaufschance bis zum Ende ihres erwarteten Abschlussmonats; blasse Balken haben noch kein Abschlussdatum. Details erscheinen, wenn Sie mit der Maus auf eine Zeile zeigen.</translation>
    </message>
    <message>
        <source>Opened {start}, expected close {end}</source>
        <translation>Eröffnet {start}, erwarteter Abschluss {end}</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import contacts</source>
        <translation>Kontakte importieren</translation>
    </message>
    <message>
        <source>There is no such file.</source>
        <translation>Diese Datei gibt es nicht.</translation>
    </message>
    <message>
        <source>CSV file, {n} columns; looks like: {preset}.</source>
        <translation>CSV-Datei, Spalten: {n}; sieht aus wie: {preset}.</translation>
    </message>
    <message>
        <source>vCard file.</source>
        <translation>vCard-Datei.</translation>
    </message>
    <message>
        <source>Dry run of {file}…</source>
        <translation>Probelauf mit {file}…</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>{file} wird importiert…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>Der Import wurde abgebrochen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Dry run finished: nothing was stored.</source>
        <translation>Probelauf beendet: Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>{n} would be imported as new contacts</source>
        <translation>Als neue Kontakte zu importieren: {n}</translation>
    </message>
    <message>
        <source>{n} imported as new contacts</source>
        <translation>Als neue Kontakte importiert: {n}</translation>
    </message>
    <message>
        <source>{n} stored contacts updated</source>
        <translation>Gespeicherte Kontakte aktualisiert: {n}</translation>
    </message>
    <message>
        <source>{n} unchanged</source>
        <translation>Unverändert: {n}</translation>
    </message>
    <message>
        <source>{n} skipped</source>
        <translation>Übersprungen: {n}</translation>
    </message>
    <message>
        <source>{n} rejected</source>
        <translation>Abgelehnt: {n}</translation>
    </message>
    <message>
        <source>{n} flagged for review</source>
        <translation>Zur Prüfung markiert: {n}</translation>
    </message>
    <message>
        <source>Rejected {record}: {reason}</source>
        <translation>Abgelehnt – {record}: {reason}</translation>
    </message>
    <message>
        <source>Review {record}: {reason}</source>
        <translation>Zu prüfen – {record}: {reason}</translation>
    </message>
    <message>
        <source>Thunderbird</source>
        <translation>Thunderbird</translation>
    </message>
    <message>
        <source>CRM Desktop (full export)</source>
        <translation>CRM Desktop (vollständiger Export)</translation>
    </message>
    <message>
        <source>Column not imported: {column} ({n} values)</source>
        <translation>Spalte nicht importiert: {column} ({n} Werte)</translation>
    </message>
    <message>
        <source>Dropped from {record}: {value}</source>
        <translation>Nicht übernommen aus {record}: {value}</translation>
    </message>
    <message>
        <source>E-mail {n}</source>
        <translation>E-Mail {n}</translation>
    </message>
    <message>
        <source>Phone {n}</source>
        <translation>Telefon {n}</translation>
    </message>
    <message>
        <source>Address {n}</source>
        <translation>Adresse {n}</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Middle names</source>
        <translation>Weitere Vornamen</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Full name (split into parts)</source>
        <translation>Vollständiger Name (wird aufgeteilt)</translation>
    </message>
    <message>
        <source>Salutation and title (“Herr Dr.”)</source>
        <translation>Anrede und Titel („Herr Dr.“)</translation>
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
        <source>Name suffix</source>
        <translation>Namenszusatz</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Spitzname</translation>
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
        <source>Occupation</source>
        <translation>Beruf</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Geburtstag</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Tags (categories)</source>
        <translation>Tags (Kategorien)</translation>
    </message>
    <message>
        <source>vCard UID</source>
        <translation>vCard-UID</translation>
    </message>
    <message>
        <source>E-mail (work)</source>
        <translation>E-Mail (geschäftlich)</translation>
    </message>
    <message>
        <source>E-mail (private)</source>
        <translation>E-Mail (privat)</translation>
    </message>
    <message>
        <source>E-mail (other)</source>
        <translation>E-Mail (sonstige)</translation>
    </message>
    <message>
        <source>Phone (work)</source>
        <translation>Telefon (geschäftlich)</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobiltelefon</translation>
    </message>
    <message>
        <source>Phone (private)</source>
        <translation>Telefon (privat)</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>Phone (other)</source>
        <translation>Telefon (sonstige)</translation>
    </message>
    <message>
        <source>Business address</source>
        <translation>Geschäftsanschrift</translation>
    </message>
    <message>
        <source>Home address</source>
        <translation>Privatanschrift</translation>
    </message>
    <message>
        <source>Other address</source>
        <translation>Sonstige Anschrift</translation>
    </message>
    <message>
        <source>Billing address</source>
        <translation>Rechnungsanschrift</translation>
    </message>
    <message>
        <source>Delivery address</source>
        <translation>Lieferanschrift</translation>
    </message>
    <message>
        <source>street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>street, line 2</source>
        <translation>Straße, Zeile 2</translation>
    </message>
    <message>
        <source>street, line 3</source>
        <translation>Straße, Zeile 3</translation>
    </message>
    <message>
        <source>address line 2</source>
        <translation>Adresszusatz</translation>
    </message>
    <message>
        <source>PO box</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <source>postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>city</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>region</source>
        <translation>Bundesland/Region</translation>
    </message>
    <message>
        <source>country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>whole address in one field</source>
        <translation>ganze Adresse in einem Feld</translation>
    </message>
    <message>
        <source>Outlook (English)</source>
        <translation>Outlook (englisch)</translation>
    </message>
    <message>
        <source>Outlook (German)</source>
        <translation>Outlook (deutsch)</translation>
    </message>
    <message>
        <source>Google Contacts</source>
        <translation>Google Kontakte</translation>
    </message>
    <message>
        <source>Other (guessed from the column names)</source>
        <translation>Sonstige (anhand der Spaltennamen erkannt)</translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation>Komma (,)</translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation>Semikolon (;)</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>Vertical bar (|)</source>
        <translation>Senkrechter Strich (|)</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— nicht importieren —</translation>
    </message>
</context>
<context>
    <name>LostDialog</name>
    <message>
        <source>Opportunity lost</source>
        <translation>Verkaufschance verloren</translation>
    </message>
    <message>
        <source>Why was “{title}” lost?</source>
        <translation>Warum wurde „{title}“ verloren?</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Absagegrund wählen…</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Absagegrund:</translation>
    </message>
    <message>
        <source>What happened? (optional)</source>
        <translation>Was ist passiert? (optional)</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <source>Mark as lost</source>
        <translation>Als verloren markieren</translation>
    </message>
    <message>
        <source>Please choose a reason; it is needed for the statistics.</source>
        <translation>Bitte wählen Sie einen Absagegrund; er wird für die Statistik benötigt.</translation>
    </message>
</context>
<context>
    <name>MailRoom</name>
    <message>
        <source>Read e-mails into the timeline</source>
        <translation>E-Mails in den Verlauf übernehmen</translation>
    </message>
    <message>
        <source>E-mails (*.eml *.mbox *.mbx);;All files (*)</source>
        <translation>E-Mails (*.eml *.mbox *.mbx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading e-mails…</source>
        <translation>E-Mails werden gelesen…</translation>
    </message>
    <message>
        <source>1 e-mail read into the timeline.</source>
        <translation>1 E-Mail in den Verlauf übernommen.</translation>
    </message>
    <message>
        <source>{n} e-mails read into the timeline.</source>
        <translation>{n} E-Mails in den Verlauf übernommen.</translation>
    </message>
    <message>
        <source>Attachments kept: {n}.</source>
        <translation>Anhänge gespeichert: {n}.</translation>
    </message>
    <message>
        <source>Already in the timeline (left alone): {n}.</source>
        <translation>Schon im Verlauf (unverändert gelassen): {n}.</translation>
    </message>
    <message>
        <source>Nobody stored has these addresses; drop the mails onto a person or a company to file them there:</source>
        <translation>Diese Adressen hat niemand im CRM; ziehen Sie die E-Mails auf eine Person oder Firma, um sie dort abzulegen:</translation>
    </message>
    <message>
        <source>… and {n} more.</source>
        <translation>… und {n} weitere.</translation>
    </message>
    <message>
        <source>Not read:</source>
        <translation>Nicht gelesen:</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>E-Mails</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Undo: {what}</source>
        <translation>&amp;Rückgängig: {what}</translation>
    </message>
    <message>
        <source>&amp;Redo: {what}</source>
        <translation>&amp;Wiederholen: {what}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Bitte warten…</translation>
    </message>
    <message>
        <source>Opening your data…</source>
        <translation>Ihre Daten werden geöffnet…</translation>
    </message>
    <message>
        <source>Open CRM Desktop</source>
        <translation>CRM Desktop öffnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Local (SQLite)</source>
        <translation>Lokal (SQLite)</translation>
    </message>
    <message>
        <source>Server (PostgreSQL)</source>
        <translation>Server (PostgreSQL)</translation>
    </message>
    <message>
        <source>1 person</source>
        <translation>1 Person</translation>
    </message>
    <message numerus="yes">
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln Person</numerusform>
            <numerusform>%Ln Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>1 company</source>
        <translation>1 Firma</translation>
    </message>
    <message numerus="yes">
        <source>%Ln companies</source>
        <translation>
            <numerusform>%Ln Firma</numerusform>
            <numerusform>%Ln Firmen</numerusform>
        </translation>
    </message>
    <message>
        <source>1 follow-up due</source>
        <translation>1 fällige Wiedervorlage</translation>
    </message>
    <message numerus="yes">
        <source>%Ln follow-ups due</source>
        <translation>
            <numerusform>%Ln fällige Wiedervorlage</numerusform>
            <numerusform>%Ln fällige Wiedervorlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Database: {where}</source>
        <translation>Datenbank: {where}</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Nicht möglich</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Check which column becomes which field; the preview shows the result.</source>
        <translation>Prüfen Sie, welche Spalte in welches Feld übernommen wird; die Vorschau zeigt das Ergebnis.</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>Zeichen&amp;kodierung:</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>&amp;Trennzeichen:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Spalte in der Datei</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Erster Wert</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Importieren als</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
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
        <source>Birthday</source>
        <translation>Geburtstag</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Bemerkungen</translation>
    </message>
    <message>
        <source>Preview – the first rows as they will be imported:</source>
        <translation>Vorschau – die ersten Zeilen, wie sie importiert werden:</translation>
    </message>
    <message>
        <source>Detected: {preset}, encoding {encoding}, delimiter “{delimiter}”.</source>
        <translation>Erkannt: {preset}, Zeichenkodierung {encoding}, Trennzeichen „{delimiter}“.</translation>
    </message>
    <message>
        <source>Field for the column “{name}”</source>
        <translation>Feld für die Spalte „{name}“</translation>
    </message>
    <message>
        <source>No column is imported yet: choose at least one field.</source>
        <translation>Noch wird keine Spalte importiert: Wählen Sie mindestens ein Feld.</translation>
    </message>
</context>
<context>
    <name>MonthCombo</name>
    <message>
        <source>(not set)</source>
        <translation>(nicht festgelegt)</translation>
    </message>
</context>
<context>
    <name>NavigationRoom</name>
    <message>
        <source>This record no longer exists.</source>
        <translation>Dieser Datensatz existiert nicht mehr.</translation>
    </message>
    <message>
        <source>All conversations of this project, across all people, are in the timeline.</source>
        <translation>Alle Gespräche zu diesem Projekt, über alle Personen hinweg, stehen im Verlauf.</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>Company: {name}</source>
        <translation>Firma: {name}</translation>
    </message>
    <message>
        <source>From {start} to {end}</source>
        <translation>Von {start} bis {end}</translation>
    </message>
    <message>
        <source>Members: {names}</source>
        <translation>Mitglieder: {names}</translation>
    </message>
    <message>
        <source>Project: {name}</source>
        <translation>Projekt: {name}</translation>
    </message>
</context>
<context>
    <name>NoticeRow</name>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Mark as done and log the call</source>
        <translation>Als erledigt markieren und den Anruf erfassen</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Cancel follow-up</source>
        <translation>Wiedervorlage absagen</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Verschieben…</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Dismiss this reminder</source>
        <translation>Diese Erinnerung schließen</translation>
    </message>
    <message>
        <source>Open person</source>
        <translation>Person öffnen</translation>
    </message>
</context>
<context>
    <name>OpenTicketsWidget</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation>Alter (Tage)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Letzter Kontakt</translation>
    </message>
    <message>
        <source>No open tickets – every case is solved.</source>
        <translation>Keine offenen Tickets – alle Fälle sind gelöst.</translation>
    </message>
    <message>
        <source>Open tickets: {count}</source>
        <translation>Offene Tickets: {count}</translation>
    </message>
</context>
<context>
    <name>OpportunityDialog</name>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Firma:</translation>
    </message>
    <message>
        <source>Contact &amp;person:</source>
        <translation>Ansprech&amp;partner:</translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation>P&amp;hase:</translation>
    </message>
    <message>
        <source>&amp;Value (€):</source>
        <translation>&amp;Wert (€):</translation>
    </message>
    <message>
        <source>Net, e.g. 12.500 or 12.500,00</source>
        <translation>Netto, z. B. 12.500 oder 12.500,00</translation>
    </message>
    <message>
        <source>P&amp;robability:</source>
        <translation>Wahrscheinlich&amp;keit:</translation>
    </message>
    <message>
        <source>E&amp;xpected close:</source>
        <translation>Erwarteter &amp;Abschluss:</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Betreuer:</translation>
    </message>
    <message>
        <source>e.g. trade fair, website, recommendation</source>
        <translation>z. B. Messe, Website, Empfehlung</translation>
    </message>
    <message>
        <source>So&amp;urce:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>Double-click an entry to open it.</source>
        <translation>Doppelklicken Sie auf einen Eintrag, um ihn zu öffnen.</translation>
    </message>
    <message>
        <source>O&amp;verview</source>
        <translation>Übersi&amp;cht</translation>
    </message>
    <message>
        <source>&amp;Quote sent</source>
        <translation>A&amp;ngebot versendet</translation>
    </message>
    <message>
        <source>Record that the quote went out today: reminders follow automatically.</source>
        <translation>Vermerken, dass das Angebot heute versendet wurde: Erinnerungen folgen automatisch.</translation>
    </message>
    <message>
        <source>&amp;Won</source>
        <translation>&amp;Gewonnen</translation>
    </message>
    <message>
        <source>&amp;Lost…</source>
        <translation>&amp;Verloren…</translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation>W&amp;ieder öffnen</translation>
    </message>
    <message>
        <source>Bring the lost opportunity back into the pipeline.</source>
        <translation>Die verlorene Verkaufschance wieder in die Pipeline holen.</translation>
    </message>
    <message>
        <source>“{title}” is open again.</source>
        <translation>„{title}“ ist wieder offen.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>New opportunity</source>
        <translation>Neue Verkaufschance</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>Quote sent on {date}.</source>
        <translation>Angebot am {date} versendet.</translation>
    </message>
    <message>
        <source>Won on {date}; it goes on as a project.</source>
        <translation>Am {date} gewonnen; wird als Projekt fortgeführt.</translation>
    </message>
    <message>
        <source>Lost on {date}: {reason}</source>
        <translation>Am {date} verloren: {reason}</translation>
    </message>
    <message>
        <source>Save first to send a quote or close it as won or lost.</source>
        <translation>Speichern Sie zuerst, um ein Angebot zu versenden oder die Verkaufschance als gewonnen oder verloren abzuschließen.</translation>
    </message>
    <message>
        <source>weighted value {value}</source>
        <translation>gewichteter Wert {value}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Who / details</source>
        <translation>Wer / Details</translation>
    </message>
    <message>
        <source>Contact people</source>
        <translation>Ansprechpartner</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Angebot</translation>
    </message>
    <message>
        <source>Order confirmation</source>
        <translation>Auftragsbestätigung</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>Correspondence and activities</source>
        <translation>Korrespondenz und Aktivitäten</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Wiedervorlagen</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgesagt</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>expected {month}</source>
        <translation>erwartet {month}</translation>
    </message>
    <message>
        <source>owner {owner}</source>
        <translation>Betreuer {owner}</translation>
    </message>
    <message>
        <source>lost: {reason}</source>
        <translation>verloren: {reason}</translation>
    </message>
    <message>
        <source>Quote sent on {date}; reminders follow after {days} days.</source>
        <translation>Angebot am {date} versendet; Erinnerungen folgen nach {days} Tagen.</translation>
    </message>
    <message>
        <source>Won! The project “{name}” now carries the whole sales history.</source>
        <translation>Gewonnen! Das Projekt „{name}“ enthält jetzt die gesamte Vertriebshistorie.</translation>
    </message>
    <message>
        <source>“{title}” marked as lost.</source>
        <translation>„{title}“ als verloren markiert.</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Geliefert</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>Berechnet</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Neuer Auftrag</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>&amp;Kunde:</translation>
    </message>
    <message>
        <source>A company, or leave it empty and choose a private customer below.</source>
        <translation>Eine Firma – oder leer lassen und unten einen Privatkunden wählen.</translation>
    </message>
    <message>
        <source>Contact &amp;person:</source>
        <translation>Ansprech&amp;partner:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>New c&amp;ustomer:</source>
        <translation>&amp;Neukunde:</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lines&lt;/b&gt;</source>
        <translation>&lt;b&gt;Positionen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Add line</source>
        <translation>Position &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove line</source>
        <translation>Position &amp;entfernen</translation>
    </message>
    <message>
        <source>Order lines</source>
        <translation>Auftragspositionen</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Bemerkungen:</translation>
    </message>
    <message>
        <source>&amp;Save order</source>
        <translation>Auftrag &amp;speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation>Auftrag {number}</translation>
    </message>
    <message>
        <source>This order is invoiced, so only its status can change. To correct anything else, set the status back, save, and open the order again.</source>
        <translation>Dieser Auftrag ist berechnet, daher kann nur sein Status geändert werden. Um anderes zu korrigieren, setzen Sie den Status zurück, speichern Sie und öffnen Sie den Auftrag erneut.</translation>
    </message>
    <message>
        <source>Net {net} · VAT {vat} · &lt;b&gt;Total {gross}&lt;/b&gt;</source>
        <translation>Netto {net} · USt. {vat} · &lt;b&gt;Gesamt {gross}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Automatic (no: ordered before)</source>
        <translation>Automatisch (nein: hat schon bestellt)</translation>
    </message>
    <message>
        <source>Automatic (yes: first order)</source>
        <translation>Automatisch (ja: erster Auftrag)</translation>
    </message>
</context>
<context>
    <name>OrderLinesModel</name>
    <message>
        <source>SKU</source>
        <translation>Art.-Nr.</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Unit price (€)</source>
        <translation>Einzelpreis (€)</translation>
    </message>
    <message>
        <source>VAT %</source>
        <translation>USt. %</translation>
    </message>
    <message>
        <source>Net (€)</source>
        <translation>Netto (€)</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Ansprechpartner</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Net total</source>
        <translation>Netto gesamt</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <source>Delete order {number}</source>
        <translation>Auftrag {number} löschen</translation>
    </message>
    <message>
        <source>Search by order number or customer</source>
        <translation>Nach Auftragsnummer oder Kunde suchen</translation>
    </message>
    <message>
        <source>Search orders</source>
        <translation>Aufträge suchen</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;New order…</source>
        <translation>&amp;Neuer Auftrag…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>No orders yet. Sales → New order… enters one, or use the button above.</source>
        <translation>Noch keine Aufträge. Vertrieb → Neuer Auftrag… erfasst einen, oder nutzen Sie die Schaltfläche oben.</translation>
    </message>
    <message>
        <source>No order matches this search. Clear the search field or choose “{all}” to see every order.</source>
        <translation>Kein Auftrag passt zu dieser Suche. Leeren Sie das Suchfeld oder wählen Sie „{all}“, um alle Aufträge zu sehen.</translation>
    </message>
    <message>
        <source>The newest {count} orders are shown; search to find older ones.</source>
        <translation>Die neuesten {count} Aufträge werden angezeigt; suchen Sie, um ältere zu finden.</translation>
    </message>
    <message>
        <source>1 order</source>
        <translation>1 Auftrag</translation>
    </message>
    <message>
        <source>{count} orders</source>
        <translation>{count} Aufträge</translation>
    </message>
    <message>
        <source>Move order {number} ({customer}, {total}) to the trash? Its number is not given out again.</source>
        <translation>Auftrag {number} ({customer}, {total}) in den Papierkorb verschieben? Seine Nummer wird nicht erneut vergeben.</translation>
    </message>
    <message>
        <source>Delete order</source>
        <translation>Auftrag löschen</translation>
    </message>
    <message>
        <source>Show &amp;customer</source>
        <translation>&amp;Kunde anzeigen</translation>
    </message>
    <message>
        <source>Show contact &amp;person</source>
        <translation>&amp;Ansprechpartner anzeigen</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Nicht möglich</translation>
    </message>
</context>
<context>
    <name>OrgChartDialog</name>
    <message>
        <source>Org chart</source>
        <translation>Organigramm</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Als &amp;PDF speichern…</translation>
    </message>
    <message>
        <source>Save as PN&amp;G…</source>
        <translation>Als PN&amp;G speichern…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Without department</source>
        <translation>Ohne Abteilung</translation>
    </message>
    <message>
        <source>branch of {company}</source>
        <translation>Niederlassung von {company}</translation>
    </message>
    <message>
        <source>Save org chart</source>
        <translation>Organigramm speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
</context>
<context>
    <name>PairTableModel</name>
    <message>
        <source>Score</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Record A (kept)</source>
        <translation>Datensatz A (bleibt)</translation>
    </message>
    <message>
        <source>Record B</source>
        <translation>Datensatz B</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation>&amp;Aktuelle Passphrase:</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Neue Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 8 characters.</source>
        <translation>Wählen Sie eine Passphrase mit mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>PeopleListView</name>
    <message>
        <source>Filter by name, company, position, e-mail or city…</source>
        <translation>Nach Name, Firma, Position, E-Mail oder Ort filtern…</translation>
    </message>
    <message>
        <source>Words match name, company, position, e-mail or city; “Field = value” matches a custom field (several: separate with ;)</source>
        <translation>Wörter suchen in Name, Firma, Position, E-Mail und Ort; „Feld = Wert“ sucht in einem eigenen Feld (mehrere mit ; trennen)</translation>
    </message>
    <message>
        <source>&amp;Last import</source>
        <translation>&amp;Letzter Import</translation>
    </message>
    <message>
        <source>Show only the people of the most recent import</source>
        <translation>Nur die Personen des letzten Imports anzeigen</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>&amp;Tag:</translation>
    </message>
    <message>
        <source>Tag…</source>
        <translation>Tag setzen…</translation>
    </message>
    <message>
        <source>Add a tag to the selection</source>
        <translation>Der Auswahl ein Tag hinzufügen</translation>
    </message>
    <message>
        <source>Remove tag…</source>
        <translation>Tag entfernen…</translation>
    </message>
    <message>
        <source>Remove a tag from the selection</source>
        <translation>Ein Tag von der Auswahl entfernen</translation>
    </message>
    <message>
        <source>Set field…</source>
        <translation>Feld setzen…</translation>
    </message>
    <message>
        <source>Status, priority, owner, consent or contact interval</source>
        <translation>Status, Priorität, Betreuer, Einwilligung oder Kontaktintervall</translation>
    </message>
    <message>
        <source>Add to campaign…</source>
        <translation>Zur Kampagne hinzufügen…</translation>
    </message>
    <message>
        <source>Open the campaign dialog with the selection</source>
        <translation>Den Kampagnendialog mit der Auswahl öffnen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the selection as CSV or vCard</source>
        <translation>Die Auswahl als CSV oder vCard speichern</translation>
    </message>
    <message>
        <source>Merge two</source>
        <translation>Zwei zusammenführen</translation>
    </message>
    <message>
        <source>Merge the two selected people into one</source>
        <translation>Die beiden ausgewählten Personen zu einer zusammenführen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Move the selection to the trash (asks first)</source>
        <translation>Die Auswahl in den Papierkorb verschieben (mit Rückfrage)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Tags</translation>
    </message>
    <message>
        <source>1 person</source>
        <translation>1 Person</translation>
    </message>
    <message numerus="yes">
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln Person</numerusform>
            <numerusform>%Ln Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 Treffer</translation>
    </message>
    <message numerus="yes">
        <source>%Ln matches</source>
        <translation>
            <numerusform>%Ln Treffer</numerusform>
            <numerusform>%Ln Treffer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %Ln people of the filter selected</source>
        <translation>
            <numerusform>Die %Ln Person des Filters ausgewählt</numerusform>
            <numerusform>Alle %Ln Personen des Filters ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>1 selected</source>
        <translation>1 ausgewählt</translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation>
            <numerusform>%Ln ausgewählt</numerusform>
            <numerusform>%Ln ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the selection</source>
        <translation>Auswahl exportieren</translation>
    </message>
    <message>
        <source>CSV for a mail merge (*.csv);;vCard (*.vcf)</source>
        <translation>CSV für Serienbrief (*.csv);;vCard (*.vcf)</translation>
    </message>
    <message>
        <source>Merge two people</source>
        <translation>Zwei Personen zusammenführen</translation>
    </message>
    <message>
        <source>Merge “{a}” and “{b}” into one person? Activities, tickets and tags of both are kept; the other record goes to the trash. Ctrl+Z undoes it.</source>
        <translation>„{a}“ und „{b}“ zu einer Person zusammenführen? Aktivitäten, Tickets und Tags beider bleiben erhalten; der andere Datensatz kommt in den Papierkorb. Strg+Z macht es rückgängig.</translation>
    </message>
    <message>
        <source>Keep “{name}”</source>
        <translation>„{name}“ behalten</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Nicht möglich</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Tag to add:</source>
        <translation>Hinzuzufügendes Tag:</translation>
    </message>
    <message>
        <source>Tag 1 person with “{tag}”?</source>
        <translation>1 Person mit dem Tag „{tag}“ versehen?</translation>
    </message>
    <message numerus="yes">
        <source>Tag %Ln people with “{tag}”?</source>
        <translation>
            <numerusform>%Ln Person mit dem Tag „{tag}“ versehen?</numerusform>
            <numerusform>%Ln Personen mit dem Tag „{tag}“ versehen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Tag “{tag}” added to {n}.</source>
        <translation>Tag „{tag}“ bei {n} hinzugefügt.</translation>
    </message>
    <message>
        <source>There are no tags yet.</source>
        <translation>Es gibt noch keine Tags.</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>Tag entfernen</translation>
    </message>
    <message>
        <source>Tag to remove:</source>
        <translation>Zu entfernendes Tag:</translation>
    </message>
    <message>
        <source>Remove the tag “{tag}” from 1 person?</source>
        <translation>Das Tag „{tag}“ von 1 Person entfernen?</translation>
    </message>
    <message numerus="yes">
        <source>Remove the tag “{tag}” from %Ln people?</source>
        <translation>
            <numerusform>Das Tag „{tag}“ von %Ln Person entfernen?</numerusform>
            <numerusform>Das Tag „{tag}“ von %Ln Personen entfernen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Tag “{tag}” removed from {n}.</source>
        <translation>Tag „{tag}“ bei {n} entfernt.</translation>
    </message>
    <message>
        <source>Set the company status of 1 person&apos;s company to “{value}”?</source>
        <translation>Den Status der Firma von 1 Person auf „{value}“ setzen?</translation>
    </message>
    <message numerus="yes">
        <source>Set the company status of the companies of %Ln people to “{value}”?</source>
        <translation>
            <numerusform>Den Status der Firma von %Ln Person auf „{value}“ setzen?</numerusform>
            <numerusform>Den Status der Firmen von %Ln Personen auf „{value}“ setzen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Status changed on %Ln companies.</source>
        <translation>
            <numerusform>Status bei %Ln Firma geändert.</numerusform>
            <numerusform>Status bei %Ln Firmen geändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Set “{field}” to “{value}” for 1 person?</source>
        <translation>„{field}“ für 1 Person auf „{value}“ setzen?</translation>
    </message>
    <message numerus="yes">
        <source>Set “{field}” to “{value}” for %Ln people?</source>
        <translation>
            <numerusform>„{field}“ für %Ln Person auf „{value}“ setzen?</numerusform>
            <numerusform>„{field}“ für %Ln Personen auf „{value}“ setzen?</numerusform>
        </translation>
    </message>
    <message>
        <source>“{field}” changed on {n}.</source>
        <translation>„{field}“ bei {n} geändert.</translation>
    </message>
    <message>
        <source>Set field</source>
        <translation>Feld setzen</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <source>Marketing consent</source>
        <translation>Werbeeinwilligung</translation>
    </message>
    <message>
        <source>Contact interval</source>
        <translation>Kontaktintervall</translation>
    </message>
    <message>
        <source>Company status</source>
        <translation>Firmenstatus</translation>
    </message>
    <message>
        <source>Move 1 person to the trash?</source>
        <translation>1 Person in den Papierkorb verschieben?</translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln people to the trash?</source>
        <translation>
            <numerusform>%Ln Person in den Papierkorb verschieben?</numerusform>
            <numerusform>%Ln Personen in den Papierkorb verschieben?</numerusform>
        </translation>
    </message>
    <message>
        <source>The trash can be restored; Undo takes it back at once.</source>
        <translation>Der Papierkorb lässt sich wiederherstellen; „Rückgängig“ nimmt es sofort zurück.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>{n} moved to the trash.</source>
        <translation>{n} in den Papierkorb verschoben.</translation>
    </message>
    <message>
        <source>The file {path} cannot be written: {detail}</source>
        <translation>Die Datei {path} kann nicht geschrieben werden: {detail}</translation>
    </message>
    <message>
        <source>{n} exported to {file}.</source>
        <translation>{n} nach {file} exportiert.</translation>
    </message>
    <message>
        <source>Merged. Undo takes it back.</source>
        <translation>Zusammengeführt. „Rückgängig“ nimmt es zurück.</translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <translation>Es gibt nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <source>Undone: {what}</source>
        <translation>Rückgängig gemacht: {what}</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Bitte warten…</translation>
    </message>
    <message>
        <source>Undo takes it back.</source>
        <translation>„Rückgängig“ nimmt es zurück.</translation>
    </message>
    <message>
        <source>Undo: {what}</source>
        <translation>Rückgängig: {what}</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
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
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Consent withdrawn on {date}</source>
        <translation>Einwilligung widerrufen am {date}</translation>
    </message>
</context>
<context>
    <name>PersonDetailPane</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Spitzname</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Geburtsdatum</translation>
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
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Contact rhythm</source>
        <translation>Kontaktintervall</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Letzter Kontakt</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>Nächste Wiedervorlage</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Reports to this person</source>
        <translation>Mitarbeiter(innen)</translation>
    </message>
    <message>
        <source>Nobody reports to this person.</source>
        <translation>Dieser Person ist niemand unterstellt.</translation>
    </message>
    <message>
        <source>Colleagues</source>
        <translation>Kollegen</translation>
    </message>
    <message>
        <source>No colleagues in the same company.</source>
        <translation>Keine Kollegen in derselben Firma.</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>Beziehungen</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <source>No tickets for this person.</source>
        <translation>Keine Tickets für diese Person.</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projekte</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
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
        <source>Not a member of any project.</source>
        <translation>In keinem Projekt Mitglied.</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>Verkaufschancen</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Erwarteter Abschluss</translation>
    </message>
    <message>
        <source>No opportunities with this person.</source>
        <translation>Keine Verkaufschancen mit dieser Person.</translation>
    </message>
    <message>
        <source>e.g. signed form at the trade fair</source>
        <translation>z. B. unterschriebenes Formular auf der Messe</translation>
    </message>
    <message>
        <source>&amp;Source of the consent:</source>
        <translation>&amp;Quelle der Einwilligung:</translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation>Einwilligung erfassen</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Einwilligung widerrufen</translation>
    </message>
    <message>
        <source>Marketing (newsletters, offers) needs the person&apos;s consent. Its date and source are kept as proof; a withdrawal is recorded with its date.</source>
        <translation>Werbung (Newsletter, Angebote) erfordert die Einwilligung der Person. Datum und Quelle werden als Nachweis gespeichert; ein Widerruf wird mit Datum erfasst.</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>({age} years)</source>
        <translation>({age} Jahre)</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>täglich</translation>
    </message>
    <message numerus="yes">
        <source>every %n days</source>
        <translation>
            <numerusform>alle %n Tage</numerusform>
            <numerusform>alle %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Reports to {person}</source>
        <translation>Vorgesetzte(r): {person}</translation>
    </message>
    <message>
        <source>Reports to nobody recorded.</source>
        <translation>Kein(e) Vorgesetzte(r) erfasst.</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Beruf</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>Familienstand</translation>
    </message>
    <message>
        <source>Hobbies</source>
        <translation>Hobbys</translation>
    </message>
    <message>
        <source>Free fields (favourite wine, children&apos;s names …) can be added with F2 (Edit).</source>
        <translation>Freie Felder (Lieblingswein, Namen der Kinder …) lassen sich mit F2 (Bearbeiten) hinzufügen.</translation>
    </message>
    <message>
        <source>Marketing consent given on {date}.</source>
        <translation>Werbeeinwilligung erteilt am {date}.</translation>
    </message>
    <message>
        <source>Source: {source}.</source>
        <translation>Quelle: {source}.</translation>
    </message>
    <message>
        <source>Marketing consent withdrawn on {date}.</source>
        <translation>Werbeeinwilligung widerrufen am {date}.</translation>
    </message>
    <message>
        <source>No marketing consent recorded. Do not send newsletters or offers.</source>
        <translation>Keine Werbeeinwilligung erfasst. Keine Newsletter oder Angebote senden.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>New person</source>
        <translation>Neue Person</translation>
    </message>
    <message>
        <source>Edit person</source>
        <translation>Person bearbeiten</translation>
    </message>
    <message>
        <source>{name}, born {date}, already exists.</source>
        <translation>{name}, geboren am {date}, ist bereits vorhanden.</translation>
    </message>
    <message>
        <source>{name} already exists.</source>
        <translation>{name} ist bereits vorhanden.</translation>
    </message>
    <message>
        <source>{count} more similar people.</source>
        <translation>Weitere ähnliche Personen: {count}.</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Ms</source>
        <translation>Frau</translation>
    </message>
    <message>
        <source>Mr</source>
        <translation>Herr</translation>
    </message>
    <message>
        <source>Sa&amp;lutation:</source>
        <translation>&amp;Anrede:</translation>
    </message>
    <message>
        <source>e.g. Dr.</source>
        <translation>z. B. Dr.</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Vorname:</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>&amp;Nachname:</translation>
    </message>
    <message>
        <source>Nic&amp;kname:</source>
        <translation>Spit&amp;zname:</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>Geb&amp;urtsdatum:</translation>
    </message>
    <message>
        <source>No company (private person)</source>
        <translation>Keine Firma (Privatperson)</translation>
    </message>
    <message>
        <source>Co&amp;mpany:</source>
        <translation>&amp;Firma:</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>Abt&amp;eilung:</translation>
    </message>
    <message>
        <source>P&amp;osition:</source>
        <translation>&amp;Position:</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Niemand</translation>
    </message>
    <message>
        <source>&amp;Reports to:</source>
        <translation>Vorgesetzte(&amp;r):</translation>
    </message>
    <message>
        <source>no fixed rhythm</source>
        <translation>kein festes Intervall</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Contact e&amp;very:</source>
        <translation>&amp;Kontaktintervall:</translation>
    </message>
    <message>
        <source>A follow-up is planned when this time passes without contact.</source>
        <translation>Eine Wiedervorlage wird geplant, wenn diese Zeit ohne Kontakt verstreicht.</translation>
    </message>
    <message>
        <source>any kind of contact</source>
        <translation>jede Art von Kontakt</translation>
    </message>
    <message>
        <source>Contact v&amp;ia:</source>
        <translation>K&amp;ontaktart:</translation>
    </message>
    <message>
        <source>Only contacts of this kind count for the rhythm (e.g. a visit).</source>
        <translation>Für den Rhythmus zählen nur Kontakte dieser Art (z. B. ein Besuch).</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>&amp;Betreuer:</translation>
    </message>
    <message>
        <source>comma-separated, e.g. Messe 2026, Newsletter</source>
        <translation>durch Komma getrennt, z. B. Messe 2026, Newsletter</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>Ta&amp;gs:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>N&amp;otizen:</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>Kommunikation</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Telefonnummern</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>E-Mail-Adressen</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>Bank &amp;&amp; payment</source>
        <translation>Bank &amp;&amp; Zahlung</translation>
    </message>
    <message>
        <source>Bank accounts</source>
        <translation>Bankverbindungen</translation>
    </message>
    <message>
        <source>e.g. 14 days net, 2 % discount within 7 days</source>
        <translation>z. B. 14 Tage netto, 2 % Skonto innerhalb 7 Tagen</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>Payment &amp;terms:</source>
        <translation>&amp;Zahlungsbedingungen:</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>O&amp;ccupation:</source>
        <translation>&amp;Beruf:</translation>
    </message>
    <message>
        <source>single</source>
        <translation>ledig</translation>
    </message>
    <message>
        <source>married</source>
        <translation>verheiratet</translation>
    </message>
    <message>
        <source>in a partnership</source>
        <translation>in Partnerschaft</translation>
    </message>
    <message>
        <source>divorced</source>
        <translation>geschieden</translation>
    </message>
    <message>
        <source>widowed</source>
        <translation>verwitwet</translation>
    </message>
    <message>
        <source>&amp;Marital status:</source>
        <translation>&amp;Familienstand:</translation>
    </message>
    <message>
        <source>&amp;Hobbies:</source>
        <translation>&amp;Hobbys:</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Eigene Felder</translation>
    </message>
    <message>
        <source>More profile fields</source>
        <translation>Weitere Profilfelder</translation>
    </message>
    <message>
        <source>Marketing consent</source>
        <translation>Werbeeinwilligung</translation>
    </message>
    <message>
        <source>&amp;Agrees to receive marketing (newsletter, offers)</source>
        <translation>&amp;Einverstanden mit Werbung (Newsletter, Angebote)</translation>
    </message>
    <message>
        <source>e.g. signed form at the trade fair</source>
        <translation>z. B. unterschriebenes Formular auf der Messe</translation>
    </message>
    <message>
        <source>Consent so&amp;urce:</source>
        <translation>&amp;Quelle der Einwilligung:</translation>
    </message>
    <message>
        <source>No department</source>
        <translation>Keine Abteilung</translation>
    </message>
</context>
<context>
    <name>PipelineBoard</name>
    <message>
        <source>◀ Previous stage</source>
        <translation>◀ Vorige Phase</translation>
    </message>
    <message>
        <source>Next stage ▶</source>
        <translation>Nächste Phase ▶</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Lost…</source>
        <translation>Verloren…</translation>
    </message>
    <message>
        <source>Drag a card to another stage, or select it and use the buttons.</source>
        <translation>Karten per Ziehen oder mit den Schaltflächen verschieben.</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>Group by:</source>
        <translation>Gruppieren nach:</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <source>Expected month</source>
        <translation>Erwarteter Monat</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>{count} open opportunities · total {total} · weighted {weighted}</source>
        <translation>Offene Verkaufschancen: {count} · gesamt {total} · gewichtet {weighted}</translation>
    </message>
    <message>
        <source>{count} · {total}</source>
        <translation>{count} · {total}</translation>
    </message>
    <message>
        <source>No opportunities here.
Drop a card to move it.</source>
        <translation>Keine Verkaufschancen.
Karte hierher ziehen.</translation>
    </message>
    <message>
        <source>Expected close: {date}</source>
        <translation>Erwarteter Abschluss: {date}</translation>
    </message>
    <message>
        <source>Owner: {owner}</source>
        <translation>Betreuer: {owner}</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Erwarteter Abschluss</translation>
    </message>
    <message>
        <source>Stage / status</source>
        <translation>Phase / Status</translation>
    </message>
    <message>
        <source>(no owner)</source>
        <translation>(kein Betreuer)</translation>
    </message>
    <message>
        <source>(no expected close)</source>
        <translation>(kein Abschlussdatum)</translation>
    </message>
    <message>
        <source>weighted {value}</source>
        <translation>gewichtet {value}</translation>
    </message>
    <message>
        <source>“{title}” moved to {stage}.</source>
        <translation>„{title}“ in Phase {stage} verschoben.</translation>
    </message>
    <message>
        <source>Won! The project “{name}” now carries the whole sales history.</source>
        <translation>Gewonnen! Das Projekt „{name}“ enthält jetzt die gesamte Vertriebshistorie.</translation>
    </message>
    <message>
        <source>“{title}” marked as lost.</source>
        <translation>„{title}“ als verloren markiert.</translation>
    </message>
</context>
<context>
    <name>Printout</name>
    <message>
        <source>Printed on {date}</source>
        <translation>Gedruckt am {date}</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Besprechung</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
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
        <translation>Serviceeinsatz</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
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
        <translation>Kontakte</translation>
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
        <source>prospect</source>
        <translation>Interessent</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>former customer</source>
        <translation>ehemaliger Kunde</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>solved</source>
        <translation>gelöst</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>wieder geöffnet</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>on hold</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgesagt</translation>
    </message>
    <message>
        <source>Contact sheet</source>
        <translation>Kontaktblatt</translation>
    </message>
    <message>
        <source>Company sheet</source>
        <translation>Firmenblatt</translation>
    </message>
    <message>
        <source>Ticket sheet</source>
        <translation>Ticketblatt</translation>
    </message>
    <message>
        <source>Project sheet</source>
        <translation>Projektblatt</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Angaben</translation>
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
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Activity history</source>
        <translation>Aktivitätenverlauf</translation>
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
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Subject and text</source>
        <translation>Betreff und Text</translation>
    </message>
    <message>
        <source>{n} activities</source>
        <translation>{n} Aktivitäten</translation>
    </message>
    <message>
        <source>Agenda for {date}</source>
        <translation>Tagesplan für {date}</translation>
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
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Place / phone</source>
        <translation>Ort / Telefon</translation>
    </message>
    <message>
        <source>{appointments} appointments, {followups} follow-ups ({overdue} overdue)</source>
        <translation>{appointments} Termine, {followups} Wiedervorlagen ({overdue} überfällig)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Period {start} – {end}</source>
        <translation>Zeitraum {start} – {end}</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Euro</source>
        <translation>Euro</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Target reached</source>
        <translation>Ziel erreicht</translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation>Offene Pipeline</translation>
    </message>
    <message>
        <source>Weighted pipeline</source>
        <translation>Gewichtete Pipeline</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>Abschlussquote</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>{n} ({value})</source>
        <translation>{n} ({value})</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Aktivitäten</translation>
    </message>
    <message>
        <source>Tickets opened</source>
        <translation>Tickets eröffnet</translation>
    </message>
    <message>
        <source>Tickets closed</source>
        <translation>Tickets geschlossen</translation>
    </message>
    <message>
        <source>People overdue for contact</source>
        <translation>Überfällige Kontakte</translation>
    </message>
    <message>
        <source>Revenue vs target per month</source>
        <translation>Umsatz und Ziel je Monat</translation>
    </message>
    <message>
        <source>Existing customers</source>
        <translation>Bestandskunden</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>Neukunden</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Pipeline value by stage</source>
        <translation>Pipeline-Wert je Phase</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Gewichtet</translation>
    </message>
    <message>
        <source>No open opportunities.</source>
        <translation>Keine offenen Verkaufschancen.</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Pipeline by expected closing month</source>
        <translation>Pipeline nach erwartetem Abschlussmonat</translation>
    </message>
    <message>
        <source>No open opportunity has an expected closing month yet.</source>
        <translation>Noch keine offene Verkaufschance hat einen erwarteten Abschlussmonat.</translation>
    </message>
    <message>
        <source>Why opportunities were lost</source>
        <translation>Warum Verkaufschancen verloren gingen</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>Verkaufschancen</translation>
    </message>
    <message>
        <source>No lost opportunities in this period.</source>
        <translation>Keine verlorenen Verkaufschancen in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Activities per month by channel</source>
        <translation>Aktivitäten je Monat nach Kanal</translation>
    </message>
    <message>
        <source>No activities in this period.</source>
        <translation>Keine Aktivitäten in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Which channels lead to orders</source>
        <translation>Welche Kanäle zu Aufträgen führen</translation>
    </message>
    <message>
        <source>Orders within 90 days</source>
        <translation>Aufträge innerhalb von 90 Tagen</translation>
    </message>
    <message>
        <source>No contacts or orders in this period.</source>
        <translation>Keine Kontakte oder Aufträge in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Tickets opened and closed</source>
        <translation>Tickets eröffnet und geschlossen</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>No tickets in this period.</source>
        <translation>Keine Tickets in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Why customers left</source>
        <translation>Warum Kunden gegangen sind</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Firmen</translation>
    </message>
    <message>
        <source>No former customers — nobody has left.</source>
        <translation>Keine ehemaligen Kunden – niemand ist gegangen.</translation>
    </message>
    <message>
        <source>Interval (days)</source>
        <translation>Intervall (Tage)</translation>
    </message>
    <message>
        <source>Days since contact</source>
        <translation>Tage seit Kontakt</translation>
    </message>
    <message>
        <source>Nobody is overdue for contact.</source>
        <translation>Niemand ist für einen Kontakt überfällig.</translation>
    </message>
    <message>
        <source>Target and actual {year}</source>
        <translation>Soll und Ist {year}</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Ist</translation>
    </message>
    <message>
        <source>Actual revenue and target per month</source>
        <translation>Ist-Umsatz und Ziel je Monat</translation>
    </message>
    <message>
        <source>Target existing</source>
        <translation>Ziel Bestand</translation>
    </message>
    <message>
        <source>Actual existing</source>
        <translation>Ist Bestand</translation>
    </message>
    <message>
        <source>Target new</source>
        <translation>Ziel Neu</translation>
    </message>
    <message>
        <source>Actual new</source>
        <translation>Ist Neu</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Erreicht</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Open opportunities per stage</source>
        <translation>Offene Verkaufschancen je Phase</translation>
    </message>
    <message>
        <source>Open opportunities</source>
        <translation>Offene Verkaufschancen</translation>
    </message>
    <message>
        <source>{stage} · {probability} % · opportunities: {n} · {value}</source>
        <translation>{stage} · {probability} % · Verkaufschancen: {n} · {value}</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrsch.</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Erwarteter Abschluss</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Seite {page} von {pages}</translation>
    </message>
    <message>
        <source>Owner: {owner}</source>
        <translation>Betreuer: {owner}</translation>
    </message>
    <message>
        <source>Contact intervals: target and actual</source>
        <translation>Kontaktintervalle: Soll und Ist</translation>
    </message>
    <message>
        <source>People with a rhythm</source>
        <translation>Personen mit Rhythmus</translation>
    </message>
    <message>
        <source>Planned contacts done</source>
        <translation>Geplante Kontakte erfolgt</translation>
    </message>
    <message>
        <source>{done} of {planned}</source>
        <translation>{done} von {planned}</translation>
    </message>
    <message>
        <source>People behind</source>
        <translation>Personen im Rückstand</translation>
    </message>
    <message>
        <source>Nobody has a contact interval in this selection.</source>
        <translation>In dieser Auswahl hat niemand ein Kontaktintervall.</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Contact via</source>
        <translation>Kontaktart</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erfolgt</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>Rückstand</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Letzter Kontakt</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} Tage</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>Privacy (GDPR)</source>
        <translation>Datenschutz (DSGVO)</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Aufbewahrung</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>Person:</translation>
    </message>
    <message>
        <source>Marketing consent:</source>
        <translation>Werbeeinwilligung:</translation>
    </message>
    <message>
        <source>Stored:</source>
        <translation>Gespeichert:</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>Als JSON exportieren…</translation>
    </message>
    <message>
        <source>Export as HTML…</source>
        <translation>Als HTML exportieren…</translation>
    </message>
    <message>
        <source>Withdraw marketing consent</source>
        <translation>Werbeeinwilligung widerrufen</translation>
    </message>
    <message>
        <source>Anonymise…</source>
        <translation>Anonymisieren…</translation>
    </message>
    <message>
        <source>Export: right of access and data portability (Art. 15 and 20 GDPR). Anonymise: right to erasure (Art. 17 GDPR).</source>
        <translation>Export: Auskunftsrecht und Recht auf Datenübertragbarkeit (Art. 15 und 20 DSGVO). Anonymisieren: Recht auf Löschung (Art. 17 DSGVO).</translation>
    </message>
    <message>
        <source> years</source>
        <translation> Jahre</translation>
    </message>
    <message>
        <source>People without any activity for at least</source>
        <translation>Personen ohne jede Aktivität seit mindestens</translation>
    </message>
    <message>
        <source>Open in the Person tab</source>
        <translation>Im Reiter „Person“ öffnen</translation>
    </message>
    <message>
        <source>Unexpected error: {0}</source>
        <translation>Unerwarteter Fehler: {0}</translation>
    </message>
    <message>
        <source>(choose a person in the Retention tab)</source>
        <translation>(wählen Sie eine Person im Reiter „Aufbewahrung“)</translation>
    </message>
    <message>
        <source>given</source>
        <translation>erteilt</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>{0} phone numbers, {1} e-mail addresses, {2} addresses, {3} bank accounts, {4} activities, {5} follow-ups, {6} tickets, {7} orders</source>
        <translation>{0} Telefonnummern, {1} E-Mail-Adressen, {2} Adressen, {3} Bankverbindungen, {4} Aktivitäten, {5} Wiedervorlagen, {6} Tickets, {7} Aufträge</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation>Webseiten (*.html)</translation>
    </message>
    <message>
        <source>Export personal data</source>
        <translation>Personenbezogene Daten exportieren</translation>
    </message>
    <message>
        <source>Exported to {0}</source>
        <translation>Exportiert nach {0}</translation>
    </message>
    <message>
        <source>Marketing consent withdrawn.</source>
        <translation>Werbeeinwilligung widerrufen.</translation>
    </message>
    <message>
        <source>The person&apos;s personal data has been erased.</source>
        <translation>Die personenbezogenen Daten der Person wurden gelöscht.</translation>
    </message>
    <message>
        <source>Also erased: {0} merged duplicates, {1} attendee entries, {2} undo entries, {3} mentions in other records, {4} invitation files; log files cleaned: {5}.</source>
        <translation>Ebenfalls gelöscht: {0} zusammengeführte Dubletten, {1} Teilnehmereinträge, {2} Rückgängig-Einträge, {3} Erwähnungen in anderen Datensätzen, {4} Einladungsdateien; bereinigte Protokolldateien: {5}.</translation>
    </message>
    <message>
        <source>The search index and the database file were rewritten.</source>
        <translation>Der Suchindex und die Datenbankdatei wurden neu geschrieben.</translation>
    </message>
    <message>
        <source>The database file could not be rewritten now (it is busy); deleted pages were overwritten with zeros.</source>
        <translation>Die Datenbankdatei konnte jetzt nicht neu geschrieben werden (sie ist belegt); gelöschte Seiten wurden mit Nullen überschrieben.</translation>
    </message>
    <message>
        <source>The calendar file was rewritten.</source>
        <translation>Die Kalenderdatei wurde neu geschrieben.</translation>
    </message>
    <message>
        <source>Backup of {0}: {1}</source>
        <translation>Sicherung vom {0}: {1}</translation>
    </message>
    <message>
        <source>File of a document: {0}</source>
        <translation>Datei eines Dokuments: {0}</translation>
    </message>
    <message>
        <source>Files exported earlier (the program does not keep track of them)</source>
        <translation>Früher exportierte Dateien (das Programm führt darüber nicht Buch)</translation>
    </message>
    <message>
        <source>Not reached (erase or rotate these yourself):</source>
        <translation>Nicht erreicht (bitte selbst löschen oder ausrotieren lassen):</translation>
    </message>
    <message>
        <source>{0} people</source>
        <translation>Personen: {0}</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>&amp;Kunde</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>(no company)</source>
        <translation>(keine Firma)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Project {name}</source>
        <translation>Projekt {name}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Type a name to add a member</source>
        <translation>Namen eingeben, um ein Mitglied hinzuzufügen</translation>
    </message>
    <message>
        <source>What the project is about, agreements</source>
        <translation>Worum es im Projekt geht, Absprachen</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
</context>
<context>
    <name>ProjectsModel</name>
    <message>
        <source>Conversations</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Last conversation</source>
        <translation>Letztes Gespräch</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The end date has passed and the project is still open</source>
        <translation>Das Enddatum ist überschritten und das Projekt ist noch offen</translation>
    </message>
</context>
<context>
    <name>ProjectsView</name>
    <message>
        <source>1 project</source>
        <translation>1 Projekt</translation>
    </message>
    <message>
        <source>{n} projects</source>
        <translation>{n} Projekte</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>Projekt &amp;abschließen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <source>&amp;Reopen project</source>
        <translation>Projekt &amp;wieder öffnen</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>Alle Projekte</translation>
    </message>
    <message>
        <source>Closed projects</source>
        <translation>Abgeschlossene Projekte</translation>
    </message>
    <message>
        <source>Delete project {name}</source>
        <translation>Projekt {name} löschen</translation>
    </message>
    <message>
        <source>Delete project</source>
        <translation>Projekt löschen</translation>
    </message>
    <message>
        <source>Delete the project “{name}”? Its {n} conversations stay with the people; Edit → Undo brings the project back.</source>
        <translation>Das Projekt „{name}“ löschen? Seine {n} Gespräche bleiben bei den Personen; Bearbeiten → Rückgängig holt das Projekt zurück.</translation>
    </message>
    <message>
        <source>No project matches this search or filter.</source>
        <translation>Kein Projekt passt zu dieser Suche oder diesem Filter.</translation>
    </message>
    <message>
        <source>No projects yet. “New project…” starts one; conversations logged on it appear here, across every person involved.</source>
        <translation>Noch keine Projekte. „Neues Projekt…“ legt eines an; Gespräche dazu erscheinen hier, über alle beteiligten Personen hinweg.</translation>
    </message>
    <message>
        <source>Open projects</source>
        <translation>Offene Projekte</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projekte</translation>
    </message>
    <message>
        <source>Search by project or customer</source>
        <translation>Nach Projekt oder Kunde suchen</translation>
    </message>
    <message>
        <source>Search projects</source>
        <translation>Projekte suchen</translation>
    </message>
    <message>
        <source>Show &amp;conversations</source>
        <translation>&amp;Gespräche zeigen</translation>
    </message>
    <message>
        <source>Show c&amp;ustomer</source>
        <translation>&amp;Kunde zeigen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
</context>
<context>
    <name>QuickEntry</name>
    <message>
        <source>What to log</source>
        <translation>Was erfasst werden soll</translation>
    </message>
    <message>
        <source>New note or call… (Ctrl+L)</source>
        <translation>Neue Notiz oder Anruf… (Strg+L)</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Wiedervorlage</translation>
    </message>
    <message>
        <source>Plan a follow-up at this date and time</source>
        <translation>Eine Wiedervorlage zu diesem Zeitpunkt planen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the entry (Enter)</source>
        <translation>Eintrag speichern (Eingabetaste)</translation>
    </message>
</context>
<context>
    <name>QuickEntryDialog</name>
    <message>
        <source>Quick entry</source>
        <translation>Schnellerfassung</translation>
    </message>
    <message>
        <source>e.g. morgen 14 Uhr Müller anrufen wegen Angebot</source>
        <translation>z. B. morgen 14 Uhr Müller anrufen wegen Angebot</translation>
    </message>
    <message>
        <source>Who, what and when in your own words – e.g. “call Anna Schäfer next Tuesday 9:30” or “Besuch Köhler 3.12. 10:00”. Enter saves.</source>
        <translation>Wer, was und wann in Ihren eigenen Worten – z. B. „Anna Schäfer nächsten Dienstag 9:30 anrufen“ oder „Besuch Köhler 3.12. 10:00“. Die Eingabetaste speichert.</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Wann:</translation>
    </message>
    <message>
        <source>&amp;With:</source>
        <translation>&amp;Mit:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Betreff:</translation>
    </message>
    <message>
        <source>Becomes:</source>
        <translation>Wird zu:</translation>
    </message>
    <message>
        <source>{name} (company)</source>
        <translation>{name} (Firma)</translation>
    </message>
    <message>
        <source>A follow-up ({kind}) due {when}</source>
        <translation>Eine Wiedervorlage ({kind}), fällig {when}</translation>
    </message>
    <message>
        <source>A logged activity ({kind})</source>
        <translation>Eine erfasste Aktivität ({kind})</translation>
    </message>
    <message>
        <source>No person or company matches “{name}”.</source>
        <translation>Keine Person und keine Firma passt zu „{name}“.</translation>
    </message>
    <message>
        <source>Whom is it about? Type a name, e.g. “Müller anrufen”.</source>
        <translation>Um wen geht es? Geben Sie einen Namen ein, z. B. „Müller anrufen“.</translation>
    </message>
    <message>
        <source>(nobody found)</source>
        <translation>(niemand gefunden)</translation>
    </message>
    <message>
        <source>Create contact “{name}”…</source>
        <translation>Kontakt „{name}“ anlegen…</translation>
    </message>
</context>
<context>
    <name>RecordsRoom</name>
    <message>
        <source>Follow-up planned.</source>
        <translation>Wiedervorlage geplant.</translation>
    </message>
    <message>
        <source>Select a company first.</source>
        <translation>Wählen Sie zuerst eine Firma aus.</translation>
    </message>
    <message>
        <source>Select a company or a person first.</source>
        <translation>Wählen Sie zuerst eine Firma oder eine Person aus.</translation>
    </message>
</context>
<context>
    <name>ReminderNotice</name>
    <message>
        <source>Close</source>
        <extracomment>the window whose being active keeps the desktop message back (None: always send)</extracomment>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Hide the reminders until something new is due</source>
        <translation>Erinnerungen ausblenden, bis etwas Neues fällig ist</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>1 follow-up due</source>
        <translation>1 Wiedervorlage fällig</translation>
    </message>
    <message numerus="yes">
        <source>%n follow-ups due</source>
        <translation>
            <numerusform>%n Wiedervorlage fällig</numerusform>
            <numerusform>%n Wiedervorlagen fällig</numerusform>
        </translation>
    </message>
    <message>
        <source>1 follow-up overdue</source>
        <translation>1 Wiedervorlage überfällig</translation>
    </message>
    <message numerus="yes">
        <source>%n follow-ups overdue</source>
        <translation>
            <numerusform>%n Wiedervorlage überfällig</numerusform>
            <numerusform>%n Wiedervorlagen überfällig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n überfällig</numerusform>
            <numerusform>%n überfällig</numerusform>
        </translation>
    </message>
    <message>
        <source>No reminders</source>
        <translation>Keine Erinnerungen</translation>
    </message>
    <message>
        <source>10 minutes</source>
        <translation>10 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>Tomorrow 9:00</source>
        <translation>Morgen 9:00</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>call</source>
        <extracomment>the list the banner opens scrolls beyond this height</extracomment>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>letter</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>Besuch</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>Reklamation</translation>
    </message>
    <message>
        <source>service call</source>
        <translation>Servicefall</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>contact interval reached</source>
        <translation>Kontaktintervall erreicht</translation>
    </message>
    <message>
        <source>{time} {title}</source>
        <translation>{time} {title}</translation>
    </message>
    <message>
        <source>{time} {kind} {who}: {note}</source>
        <translation>{time} {kind} {who}: {note}</translation>
    </message>
    <message>
        <source>{time} {kind} {who}</source>
        <translation>{time} {kind} {who}</translation>
    </message>
    <message>
        <source>{time} {kind}: {note}</source>
        <translation>{time} {kind}: {note}</translation>
    </message>
    <message>
        <source>{who} expects your call at {time}</source>
        <translation>{who} erwartet Ihren Anruf um {time}</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Column not imported</source>
        <translation>Spalte nicht importiert</translation>
    </message>
    <message>
        <source>{n} values</source>
        <translation>{n} Werte</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Nicht übernommen</translation>
    </message>
    <message>
        <source>Imported (new)</source>
        <translation>Importiert (neu)</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Flagged for review</source>
        <translation>Zur Prüfung markiert</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>&amp;Show imported records</source>
        <translation>Importierte Datensätze &amp;anzeigen</translation>
    </message>
    <message>
        <source>{file}: {n} records read.</source>
        <translation>{file} – gelesene Datensätze: {n}.</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Rejected rows, records to check and changed contacts:</source>
        <translation>Abgelehnte Zeilen, zu prüfende Datensätze und geänderte Kontakte:</translation>
    </message>
    <message>
        <source>Every record was imported without remarks.</source>
        <translation>Alle Datensätze wurden ohne Beanstandung importiert.</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule follow-up</source>
        <translation>Wiedervorlage verschieben</translation>
    </message>
    <message>
        <source>New date and time:</source>
        <translation>Neues Datum und Uhrzeit:</translation>
    </message>
</context>
<context>
    <name>RetentionModel</name>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Letzte Aktivität</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
</context>
<context>
    <name>RowDelete</name>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Delete ticket?</source>
        <translation>Ticket löschen?</translation>
    </message>
    <message>
        <source>Delete ticket {number} “{title}”? It goes to the trash; its conversations stay. Ctrl+Z brings it back.</source>
        <translation>Ticket {number} „{title}“ löschen? Es kommt in den Papierkorb; die Gespräche bleiben erhalten. Strg+Z holt es zurück.</translation>
    </message>
    <message>
        <source>Delete ticket {number} “{title}”</source>
        <translation>Ticket {number} „{title}“ löschen</translation>
    </message>
    <message>
        <source>Delete project?</source>
        <translation>Projekt löschen?</translation>
    </message>
    <message>
        <source>Delete project “{name}”? It goes to the trash; its activities stay. Ctrl+Z brings it back.</source>
        <translation>Projekt „{name}“ löschen? Es kommt in den Papierkorb; seine Aktivitäten bleiben erhalten. Strg+Z holt es zurück.</translation>
    </message>
    <message>
        <source>Delete project “{name}”</source>
        <translation>Projekt „{name}“ löschen</translation>
    </message>
    <message>
        <source>Delete opportunity?</source>
        <translation>Verkaufschance löschen?</translation>
    </message>
    <message>
        <source>Delete opportunity “{name}”? It goes to the trash; its activities stay. Ctrl+Z brings it back.</source>
        <translation>Verkaufschance „{name}“ löschen? Sie kommt in den Papierkorb; ihre Aktivitäten bleiben erhalten. Strg+Z holt sie zurück.</translation>
    </message>
    <message>
        <source>Delete opportunity “{name}”</source>
        <translation>Verkaufschance „{name}“ löschen</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>{company} is replaced by the customer&apos;s name</source>
        <translation>{company} wird durch den Namen des Kunden ersetzt</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source> months</source>
        <translation> Monate</translation>
    </message>
    <message>
        <source>A company must have</source>
        <translation>Eine Firma braucht</translation>
    </message>
    <message>
        <source>A customer is A when the revenue or the number of orders in the period reaches the A threshold, B likewise, otherwise C. Without an order or an activity for a long time the class drops by one step.</source>
        <translation>Ein Kunde ist A, wenn Umsatz oder Zahl der Aufträge im Zeitraum die A-Schwelle erreichen, B ebenso, sonst C. Ohne Auftrag oder Aktivität über lange Zeit sinkt die Klasse um eine Stufe.</translation>
    </message>
    <message>
        <source>A from orders</source>
        <translation>A ab Aufträgen</translation>
    </message>
    <message>
        <source>A from revenue</source>
        <translation>A ab Umsatz</translation>
    </message>
    <message>
        <source>A person must have</source>
        <translation>Eine Person braucht</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>B from orders</source>
        <translation>B ab Aufträgen</translation>
    </message>
    <message>
        <source>B from revenue</source>
        <translation>B ab Umsatz</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Changes apply from the next run (numbering, the nightly priority run, quote reminders). Edit → Undo takes a save back.</source>
        <translation>Änderungen gelten ab dem nächsten Lauf (Nummernvergabe, nächtliche Prioritäten, Angebotserinnerungen). Bearbeiten → Rückgängig nimmt ein Speichern zurück.</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Count the quote as lost after</source>
        <translation>Angebot als verloren werten nach</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>Kunde seit</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Estimated value</source>
        <translation>Geschätzter Wert</translation>
    </message>
    <message>
        <source>Example: {number}</source>
        <translation>Beispiel: {number}</translation>
    </message>
    <message>
        <source>Expected close after</source>
        <translation>Voraussichtlicher Abschluss nach</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Legal form</source>
        <translation>Rechtsform</translation>
    </message>
    <message>
        <source>Loss reason then</source>
        <translation>Absagegrund dann</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>Neukunden</translation>
    </message>
    <message>
        <source>New reason</source>
        <translation>Neuer Grund</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>Neue Phase</translation>
    </message>
    <message>
        <source>Not a valid scheme</source>
        <translation>Kein gültiges Schema</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Nummern</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>One step down after no contact for</source>
        <translation>Eine Stufe tiefer nach keinem Kontakt seit</translation>
    </message>
    <message>
        <source>Open an opportunity automatically for every new customer</source>
        <translation>Für jeden Neukunden automatisch eine Verkaufschance anlegen</translation>
    </message>
    <message>
        <source>Order numbers</source>
        <translation>Auftragsnummern</translation>
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
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Priorities</source>
        <translation>Prioritäten</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Probability %</source>
        <translation>Wahrscheinlichkeit %</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Quote follow-up</source>
        <translation>Angebotsverfolgung</translation>
    </message>
    <message>
        <source>Reasons why an opportunity was lost</source>
        <translation>Gründe, warum eine Verkaufschance verloren ging</translation>
    </message>
    <message>
        <source>Remind after (days after sending)</source>
        <translation>Erinnern nach (Tage nach Versand)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Required fields</source>
        <translation>Pflichtfelder</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Salutation</source>
        <translation>Anrede</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Stages of an opportunity (in order)</source>
        <translation>Phasen einer Verkaufschance (in Reihenfolge)</translation>
    </message>
    <message>
        <source>Ticket numbers</source>
        <translation>Ticketnummern</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>VAT id</source>
        <translation>USt-IdNr.</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>e.g. 7, 14</source>
        <translation>z. B. 7, 14</translation>
    </message>
    <message>
        <source>{year} is the year, {seq} the running number; {seq:05d} pads it to five digits. New tickets and orders are numbered this way.</source>
        <translation>{year} ist das Jahr, {seq} die laufende Nummer; {seq:05d} füllt sie auf fünf Stellen auf. Neue Tickets und Aufträge werden so nummeriert.</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>The whole file is imported in one go: all of it or – on cancel – nothing.</source>
        <translation>Die ganze Datei wird in einem Durchgang importiert: vollständig oder – bei Abbruch – gar nicht.</translation>
    </message>
    <message>
        <source>When a contact is already stored (same e-mail, phone or UID)</source>
        <translation>Wenn ein Kontakt bereits gespeichert ist (gleiche E-Mail, Telefonnummer oder UID)</translation>
    </message>
    <message>
        <source>&amp;Merge: add what is new to the stored contact</source>
        <translation>&amp;Ergänzen: Neues zum gespeicherten Kontakt hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Skip the row, leave the stored contact as it is</source>
        <translation>Zeile &amp;überspringen, gespeicherten Kontakt unverändert lassen</translation>
    </message>
    <message>
        <source>&amp;Create a new contact anyway</source>
        <translation>Trotzdem &amp;neuen Kontakt anlegen</translation>
    </message>
    <message>
        <source>&amp;Dry run</source>
        <translation>&amp;Probelauf</translation>
    </message>
    <message>
        <source>Show what the import would do, without storing anything</source>
        <translation>Zeigen, was der Import bewirken würde, ohne etwas zu speichern</translation>
    </message>
    <message>
        <source>&amp;Import now</source>
        <translation>Jetzt &amp;importieren</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <source>A dry run shows here what the import would do.</source>
        <translation>Ein Probelauf zeigt hier, was der Import bewirken würde.</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>Datei: {name}</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Search… (Ctrl+F)</source>
        <translation>Suchen… (Strg+F)</translation>
    </message>
    <message>
        <source>Search people, companies, activities and tickets</source>
        <translation>Personen, Firmen, Aktivitäten und Tickets durchsuchen</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>No matches. Try fewer letters or another word.</source>
        <translation>Keine Treffer. Versuchen Sie weniger Buchstaben oder ein anderes Wort.</translation>
    </message>
</context>
<context>
    <name>SetFieldDialog</name>
    <message>
        <source>Set a field</source>
        <translation>Feld setzen</translation>
    </message>
    <message>
        <source>Company status</source>
        <translation>Firmenstatus</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <source>Marketing consent</source>
        <translation>Werbeeinwilligung</translation>
    </message>
    <message>
        <source>Contact interval</source>
        <translation>Kontaktintervall</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Empty: no owner</source>
        <translation>Leer: kein Betreuer</translation>
    </message>
    <message>
        <source>Opt-in given</source>
        <translation>Einwilligung erteilt</translation>
    </message>
    <message>
        <source>Consent withdrawn / none</source>
        <translation>Einwilligung widerrufen / keine</translation>
    </message>
    <message>
        <source>no interval</source>
        <translation>kein Intervall</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>&amp;Feld:</translation>
    </message>
    <message>
        <source>&amp;New value:</source>
        <translation>&amp;Neuer Wert:</translation>
    </message>
    <message>
        <source>Change one field of the selected person.</source>
        <translation>Ein Feld der ausgewählten Person ändern.</translation>
    </message>
    <message numerus="yes">
        <source>Change one field of %Ln selected people.</source>
        <translation>
            <numerusform>Ein Feld von %Ln ausgewählten Person ändern.</numerusform>
            <numerusform>Ein Feld von %Ln ausgewählten Personen ändern.</numerusform>
        </translation>
    </message>
    <message>
        <source>Continue…</source>
        <translation>Weiter…</translation>
    </message>
    <message>
        <source>The status belongs to the company: it changes the companies of the selected people.</source>
        <translation>Der Status gehört zur Firma: Geändert werden die Firmen der ausgewählten Personen.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <extracomment>the &quot;Start with the system&quot; entry (an :class:`~crm_desktop.ui.tray.Autostart`) the running zone: the one shown here, and the one a new choice is set on</extracomment>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Phone numbers typed without +country code are read for this country.</source>
        <translation>Telefonnummern ohne +Ländervorwahl werden diesem Land zugeordnet.</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language applies after a restart of the program.</source>
        <translation>Eine neue Sprache gilt nach einem Neustart des Programms.</translation>
    </message>
    <message>
        <source>Default &amp;phone region:</source>
        <translation>Land für &amp;Telefonnummern:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>&amp;Keep running in the tray for reminders</source>
        <translation>Für Erinnerungen im &amp;Infobereich weiterlaufen</translation>
    </message>
    <message>
        <source>Closing the window keeps the program in the system tray, so reminders ring.</source>
        <translation>Beim Schließen des Fensters bleibt das Programm im Infobereich, damit Erinnerungen weiter erscheinen.</translation>
    </message>
    <message>
        <source>&amp;Start with the system</source>
        <translation>Mit dem Syst&amp;em starten</translation>
    </message>
    <message>
        <source>Start the program when you log in (an autostart entry for this user).</source>
        <translation>Das Programm bei der Anmeldung starten (ein Autostart-Eintrag für diesen Benutzer).</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>Automatische Sicherungen</translation>
    </message>
    <message>
        <source>Keep &amp;daily backups:</source>
        <translation>Tä&amp;gliche Sicherungen behalten:</translation>
    </message>
    <message>
        <source>Keep &amp;weekly backups:</source>
        <translation>&amp;Wöchentliche Sicherungen behalten:</translation>
    </message>
    <message>
        <source>Keep &amp;monthly backups:</source>
        <translation>&amp;Monatliche Sicherungen behalten:</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <source>This data file is encrypted with a passphrase.</source>
        <translation>Diese Datendatei ist mit einer Passphrase verschlüsselt.</translation>
    </message>
    <message>
        <source>This data file is not encrypted. Encrypted, it opens only with its passphrase; its backups are encrypted too.</source>
        <translation>Diese Datendatei ist nicht verschlüsselt. Verschlüsselt öffnet sie sich nur mit ihrer Passphrase; auch ihre Sicherungen werden verschlüsselt.</translation>
    </message>
    <message>
        <source>&amp;Decrypt…</source>
        <translation>&amp;Entschlüsseln…</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>&amp;Passphrase ändern…</translation>
    </message>
    <message>
        <source>&amp;Encrypt this store…</source>
        <translation>Diese Datenbank &amp;verschlüsseln…</translation>
    </message>
    <message>
        <source>Encrypt this store</source>
        <translation>Diese Datenbank verschlüsseln</translation>
    </message>
    <message>
        <source>The data file is encrypted. Keep the passphrase safe: without it the data cannot be opened. Older backups are not encrypted; delete them if they must not be read. CRM Desktop closes now; start it again and give the passphrase.</source>
        <translation>Die Datendatei ist verschlüsselt. Bewahren Sie die Passphrase sicher auf: Ohne sie lassen sich die Daten nicht öffnen. Ältere Sicherungen sind nicht verschlüsselt; löschen Sie sie, wenn sie niemand lesen darf. CRM Desktop wird jetzt beendet; starten Sie es erneut und geben Sie die Passphrase ein.</translation>
    </message>
    <message>
        <source>Decrypt</source>
        <translation>Entschlüsseln</translation>
    </message>
    <message>
        <source>The data file is no longer encrypted. CRM Desktop closes now.</source>
        <translation>Die Datendatei ist nicht mehr verschlüsselt. CRM Desktop wird jetzt beendet.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Passphrase ändern</translation>
    </message>
    <message>
        <source>The passphrase is changed. CRM Desktop closes now; start it again.</source>
        <translation>Die Passphrase ist geändert. CRM Desktop wird jetzt beendet; starten Sie es erneut.</translation>
    </message>
    <message>
        <source>Start with the system</source>
        <translation>Mit dem System starten</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <source>New contact from a signature</source>
        <translation>Neuer Kontakt aus Signatur</translation>
    </message>
    <message>
        <source>Paste an e-mail signature or a website imprint (Impressum) here.

Name, position, company, address, phone numbers, e-mail, website, VAT id, register entry and managing directors are recognised.</source>
        <translation>Fügen Sie hier eine E-Mail-Signatur oder ein Impressum ein.

Erkannt werden Name, Position, Firma, Adresse, Telefonnummern, E-Mail, Website, USt-IdNr., Registereintrag und Geschäftsführer.</translation>
    </message>
    <message>
        <source>Pasted &amp;text:</source>
        <translation>Eingefügter Te&amp;xt:</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Company &amp;name:</source>
        <translation>Firm&amp;enname:</translation>
    </message>
    <message>
        <source>&amp;Legal form:</source>
        <translation>&amp;Rechtsform:</translation>
    </message>
    <message>
        <source>&amp;Street:</source>
        <translation>&amp;Straße:</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>&amp;Postcode, city:</source>
        <translation>&amp;PLZ, Ort:</translation>
    </message>
    <message>
        <source>Company phones:</source>
        <translation>Telefon (Firma):</translation>
    </message>
    <message>
        <source>Company e-mail:</source>
        <translation>E-Mail (Firma):</translation>
    </message>
    <message>
        <source>&amp;Website:</source>
        <translation>&amp;Website:</translation>
    </message>
    <message>
        <source>&amp;VAT id:</source>
        <translation>USt-&amp;IdNr.:</translation>
    </message>
    <message>
        <source>Register &amp;court:</source>
        <translation>Register&amp;gericht:</translation>
    </message>
    <message>
        <source>Register n&amp;umber:</source>
        <translation>Registern&amp;ummer:</translation>
    </message>
    <message>
        <source>Managing &amp;directors:</source>
        <translation>Geschäfts&amp;führer:</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Salu&amp;tation:</source>
        <translation>&amp;Anrede:</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>Tite&amp;l:</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Vorname:</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>&amp;Nachname:</translation>
    </message>
    <message>
        <source>P&amp;osition:</source>
        <translation>P&amp;osition:</translation>
    </message>
    <message>
        <source>Phones:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Save company and person</source>
        <translation>Firma und Person spei&amp;chern</translation>
    </message>
    <message>
        <source>company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>1 phone number</source>
        <translation>1 Telefonnummer</translation>
    </message>
    <message numerus="yes">
        <source>%Ln phone numbers</source>
        <translation>
            <numerusform>%Ln Telefonnummer</numerusform>
            <numerusform>%Ln Telefonnummern</numerusform>
        </translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>register data</source>
        <translation>Registerdaten</translation>
    </message>
    <message>
        <source>Recognised: {what}. Check and correct on the right.</source>
        <translation>Erkannt: {what}. Bitte rechts prüfen und korrigieren.</translation>
    </message>
    <message>
        <source>Nothing recognised – fill in the form by hand.</source>
        <translation>Nichts erkannt – bitte das Formular von Hand ausfüllen.</translation>
    </message>
    <message>
        <source>Add the person to the stored company “{name}”</source>
        <translation>Person der gespeicherten Firma „{name}“ zuordnen</translation>
    </message>
    <message>
        <source>Already stored?</source>
        <translation>Bereits gespeichert?</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Pasted</source>
        <translation>Eingefügt</translation>
    </message>
    <message>
        <source>&amp;Back to the new contact</source>
        <translation>&amp;Zurück zum neuen Kontakt</translation>
    </message>
    <message>
        <source>Person: {name}</source>
        <translation>Person: {name}</translation>
    </message>
    <message>
        <source>Company: {name}</source>
        <translation>Firma: {name}</translation>
    </message>
    <message>
        <source>Upd&amp;ate {name}…</source>
        <translation>{name} a&amp;ktualisieren…</translation>
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
        <source>Family name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>Firmenname</translation>
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
        <source>Register court</source>
        <translation>Registergericht</translation>
    </message>
    <message>
        <source>Register number</source>
        <translation>Registernummer</translation>
    </message>
    <message>
        <source>Managing directors</source>
        <translation>Geschäftsführer</translation>
    </message>
    <message>
        <source>Add phone number</source>
        <translation>Telefonnummer hinzufügen</translation>
    </message>
    <message>
        <source>Add e-mail address</source>
        <translation>E-Mail-Adresse hinzufügen</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Update {name}: tick the changes to apply. Nothing else in the stored record changes.</source>
        <translation>{name} aktualisieren: Haken Sie die Änderungen an, die übernommen werden sollen. Sonst ändert sich am gespeicherten Datensatz nichts.</translation>
    </message>
    <message>
        <source>{name} already holds everything that was pasted.</source>
        <translation>{name} enthält bereits alles, was eingefügt wurde.</translation>
    </message>
    <message>
        <source>Appl&amp;y the ticked changes ({count})</source>
        <translation>Angehakte Änderungen ü&amp;bernehmen ({count})</translation>
    </message>
    <message>
        <source>Update {name} from a signature</source>
        <translation>{name} aus einer Signatur aktualisieren</translation>
    </message>
</context>
<context>
    <name>SpreadDialog</name>
    <message>
        <source>Spread a yearly target</source>
        <translation>Jahresziel aufteilen</translation>
    </message>
    <message>
        <source>The yearly targets for {year} are broken into months; this replaces the monthly targets of {year}.</source>
        <translation>Die Jahresziele für {year} werden auf die Monate aufgeteilt; das ersetzt die Monatsziele von {year}.</translation>
    </message>
    <message>
        <source>&amp;Existing customers (€):</source>
        <translation>&amp;Bestandskunden (€):</translation>
    </message>
    <message>
        <source>&amp;New customers (€):</source>
        <translation>&amp;Neukunden (€):</translation>
    </message>
    <message>
        <source>Evenly (one twelfth a month)</source>
        <translation>Gleichmäßig (ein Zwölftel pro Monat)</translation>
    </message>
    <message>
        <source>Like last year&apos;s revenue (seasonal)</source>
        <translation>Wie der Vorjahresumsatz (saisonal)</translation>
    </message>
    <message>
        <source>&amp;Distribute:</source>
        <translation>&amp;Verteilung:</translation>
    </message>
    <message>
        <source>&amp;Spread</source>
        <translation>&amp;Aufteilen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>TargetsModel</name>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Target
existing customers</source>
        <translation>Ziel
Bestandskunden</translation>
    </message>
    <message>
        <source>Target
new customers</source>
        <translation>Ziel
Neukunden</translation>
    </message>
    <message>
        <source>Target
total</source>
        <translation>Ziel
gesamt</translation>
    </message>
    <message>
        <source>Actual
existing customers</source>
        <translation>Ist
Bestandskunden</translation>
    </message>
    <message>
        <source>Actual
new customers</source>
        <translation>Ist
Neukunden</translation>
    </message>
    <message>
        <source>Actual
total</source>
        <translation>Ist
gesamt</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Year {year}</source>
        <translation>Jahr {year}</translation>
    </message>
    <message>
        <source>Double-click or start typing to change the target.</source>
        <translation>Zum Ändern des Ziels doppelklicken oder einfach lostippen.</translation>
    </message>
    <message>
        <source>ahead of target</source>
        <translation>über Ziel</translation>
    </message>
    <message>
        <source>behind target</source>
        <translation>unter Ziel</translation>
    </message>
</context>
<context>
    <name>TargetsView</name>
    <message>
        <source>Revenue targets</source>
        <translation>Umsatzziele</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Jahr:</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>&amp;Betreuer:</translation>
    </message>
    <message>
        <source>Whose targets: the whole team&apos;s, or one owner&apos;s against the revenue of the customers that owner looks after.</source>
        <translation>Wessen Ziele: die des ganzen Teams oder die eines Betreuers, verglichen mit dem Umsatz der Kunden, die er betreut.</translation>
    </message>
    <message>
        <source>&amp;Spread a yearly target…</source>
        <translation>Jahresziel a&amp;ufteilen…</translation>
    </message>
    <message>
        <source>Targets and actual revenue per month</source>
        <translation>Ziele und Ist-Umsatz pro Monat</translation>
    </message>
    <message>
        <source>Targets: double-click or type to change (e.g. 12.500). Actual revenue: net order totals; new customers are those whose first order falls in the year.</source>
        <translation>Ziele: zum Ändern doppelklicken oder tippen (z. B. 12.500). Ist-Umsatz: Netto-Auftragssummen; Neukunden sind Kunden, deren erster Auftrag in dieses Jahr fällt.</translation>
    </message>
    <message>
        <source>Whole team</source>
        <translation>Ganzes Team</translation>
    </message>
    <message>
        <source>Year to date: {actual} of {target} (&lt;b style=&apos;color:{color}&apos;&gt;{share} %&lt;/b&gt;)</source>
        <translation>Seit Jahresbeginn: {actual} von {target} (&lt;b style=&apos;color:{color}&apos;&gt;{share} %&lt;/b&gt;)</translation>
    </message>
    <message>
        <source>Year {year}: {actual} of {target}</source>
        <translation>Jahr {year}: {actual} von {target}</translation>
    </message>
    <message>
        <source>Target saved.</source>
        <translation>Ziel gespeichert.</translation>
    </message>
    <message>
        <source>The targets of {year} were spread over the months.</source>
        <translation>Die Ziele für {year} wurden auf die Monate verteilt.</translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <source>Ticket number, e.g. T-2026-00042</source>
        <translation>Vorgangsnummer, z. B. T-2026-00042</translation>
    </message>
    <message>
        <source>Ticket number</source>
        <translation>Vorgangsnummer</translation>
    </message>
    <message>
        <source>Ticket:</source>
        <translation>Ticket:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note for the status change (optional)</source>
        <translation>Notiz zur Statusänderung (optional)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
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
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>No conversation has been logged for this case yet.</source>
        <translation>Zu diesem Vorgang wurde noch kein Gespräch erfasst.</translation>
    </message>
    <message>
        <source>Type a ticket number (for example T-2026-00042) to see the whole case.</source>
        <translation>Geben Sie eine Vorgangsnummer ein (zum Beispiel T-2026-00042), um den ganzen Vorgang zu sehen.</translation>
    </message>
    <message>
        <source>There is no ticket “{number}”.</source>
        <translation>Es gibt kein Ticket „{number}“.</translation>
    </message>
    <message>
        <source>opened {when}</source>
        <translation>eröffnet {when}</translation>
    </message>
    <message>
        <source>closed {when}</source>
        <translation>geschlossen {when}</translation>
    </message>
    <message>
        <source>Back to open</source>
        <translation>Zurück auf offen</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>Wartet auf Kunden</translation>
    </message>
    <message>
        <source>Mark solved</source>
        <translation>Als gelöst markieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>Conversation ({count} entries, {people} people)</source>
        <translation>Gesprächsverlauf (Einträge: {count}, Personen: {people})</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Ticket {number} was deleted. Ctrl+Z brings it back.</source>
        <translation>Ticket {number} wurde gelöscht. Strg+Z holt es zurück.</translation>
    </message>
</context>
<context>
    <name>TicketsPage</name>
    <message>
        <source>&amp;New ticket…</source>
        <extracomment>runs an activity dialog, answers the saved activity&apos;s id (replaceable in tests)</extracomment>
        <translation>&amp;Neues Ticket…</translation>
    </message>
    <message>
        <source>Log a complaint or service call: it opens a ticket</source>
        <translation>Eine Reklamation oder einen Serviceeinsatz erfassen: Dabei wird ein Ticket eröffnet</translation>
    </message>
    <message>
        <source>&amp;Log a conversation on the ticket…</source>
        <translation>&amp;Gespräch zum Ticket erfassen…</translation>
    </message>
    <message>
        <source>A call, e-mail or visit about the ticket shown</source>
        <translation>Ein Anruf, eine E-Mail oder ein Besuch zum angezeigten Ticket</translation>
    </message>
    <message>
        <source>Ticket {number} opened.</source>
        <translation>Ticket {number} eröffnet.</translation>
    </message>
    <message>
        <source>Conversation logged on ticket {number}.</source>
        <translation>Gespräch zu Ticket {number} erfasst.</translation>
    </message>
    <message>
        <source>Activity saved (no ticket: it is not a complaint or service call).</source>
        <translation>Aktivität gespeichert (kein Ticket: keine Reklamation und kein Serviceeinsatz).</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>today {time}</source>
        <translation>heute {time}</translation>
    </message>
    <message>
        <source>tomorrow {time}</source>
        <translation>morgen {time}</translation>
    </message>
    <message>
        <source>Follow-up {when}</source>
        <translation>Wiedervorlage {when}</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(kein Text)</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Letzte 12 Monate</translation>
    </message>
    <message>
        <source>Select an entry to read all of it.</source>
        <translation>Wählen Sie einen Eintrag aus, um ihn vollständig zu lesen.</translation>
    </message>
    <message>
        <source>Timeline: {name}</source>
        <translation>Verlauf: {name}</translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation>Alle Tickets</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>Alle Projekte</translation>
    </message>
    <message numerus="yes">
        <source>%n kinds</source>
        <translation>
            <numerusform>%n Art</numerusform>
            <numerusform>%n Arten</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a company or a person on the left to see its calls, e-mails and notes here.</source>
        <translation>Wählen Sie links eine Firma oder eine Person aus, um hier ihre Anrufe, E-Mails und Notizen zu sehen.</translation>
    </message>
    <message>
        <source>No activities match the filter.</source>
        <translation>Keine Aktivitäten entsprechen dem Filter.</translation>
    </message>
    <message>
        <source>No activities yet. Log a call or a note below.</source>
        <translation>Noch keine Aktivitäten. Erfassen Sie unten einen Anruf oder eine Notiz.</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>(done)</source>
        <translation>(erledigt)</translation>
    </message>
    <message>
        <source>(cancelled)</source>
        <translation>(abgesagt)</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Wiedervorlage</translation>
    </message>
    <message>
        <source>Select a person or a company first.</source>
        <translation>Wählen Sie zuerst eine Person oder eine Firma aus.</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Today could not be loaded: {error}</source>
        <translation>Heute konnte nicht geladen werden: {error}</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Follow-ups due today and overdue</source>
        <translation>Heute fällige und überfällige Wiedervorlagen</translation>
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
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Nothing is due today. Follow-ups you schedule with an activity appear here.</source>
        <translation>Heute ist nichts fällig. Wiedervorlagen, die Sie mit einer Aktivität planen, erscheinen hier.</translation>
    </message>
    <message>
        <source>Appointments today</source>
        <translation>Termine heute</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>With</source>
        <translation>Mit</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>No appointments today.</source>
        <translation>Heute keine Termine.</translation>
    </message>
    <message>
        <source>Birthdays and anniversaries this week</source>
        <translation>Geburtstage und Jubiläen dieser Woche</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>No birthdays or customer anniversaries in the next seven days.</source>
        <translation>Keine Geburtstage oder Kundenjubiläen in den nächsten sieben Tagen.</translation>
    </message>
    <message>
        <source>Overdue for contact</source>
        <translation>Kontakt überfällig</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Letzter Kontakt</translation>
    </message>
    <message>
        <source>Everyone with a contact interval has been contacted in time.</source>
        <translation>Alle mit Kontaktintervall wurden rechtzeitig kontaktiert.</translation>
    </message>
    <message>
        <source>Open tickets by age</source>
        <translation>Offene Tickets nach Alter</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>No open tickets.</source>
        <translation>Keine offenen Tickets.</translation>
    </message>
    <message>
        <source>Opportunities closing this month</source>
        <translation>Verkaufschancen mit Abschluss in diesem Monat</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>No opportunity is expected to close this month.</source>
        <translation>In diesem Monat wird kein Abschluss erwartet.</translation>
    </message>
    <message>
        <source>Mark the selected follow-up as done (Ctrl+D)</source>
        <translation>Ausgewählte Wiedervorlage als erledigt markieren (Strg+D)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Today, {weekday} {date}</source>
        <translation>Heute, {weekday}, {date}</translation>
    </message>
    <message>
        <source>Follow-ups: {due} (overdue: {overdue}) · Appointments: {appts} · Open tickets: {tickets}</source>
        <translation>Wiedervorlagen: {due} (überfällig: {overdue}) · Termine: {appts} · Offene Tickets: {tickets}</translation>
    </message>
    <message>
        <source>{kind}: contact interval reached</source>
        <translation>{kind}: Kontaktintervall erreicht</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Geburtstag</translation>
    </message>
    <message>
        <source>customer since {year}</source>
        <translation>Kunde seit {year}</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>10 minutes</source>
        <translation>10 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>Tomorrow 9:00</source>
        <translation>Morgen 9:00</translation>
    </message>
    <message>
        <source>{nth} birthday</source>
        <translation>{nth} Geburtstag</translation>
    </message>
    <message>
        <source>1 day ago</source>
        <translation>vor 1 Tag</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Snooze 10 minutes</source>
        <translation>In 10 Minuten erneut erinnern</translation>
    </message>
    <message>
        <source>Snooze 1 hour</source>
        <translation>In 1 Stunde erneut erinnern</translation>
    </message>
    <message>
        <source>Snooze until tomorrow 9:00</source>
        <translation>Morgen um 9:00 erneut erinnern</translation>
    </message>
</context>
<context>
    <name>ToolsRoom</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>About CRM Desktop</source>
        <translation>Über CRM Desktop</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Backups of a server database are made on the server (pg_dump).</source>
        <translation>Sicherungen einer Server-Datenbank werden auf dem Server erstellt (pg_dump).</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>The new language applies after the program is restarted.</source>
        <translation>Die neue Sprache gilt nach einem Neustart des Programms.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>New (person in the selected company, else a company)</source>
        <translation>Neu (Person in der ausgewählten Firma, sonst Firma)</translation>
    </message>
    <message>
        <source>Quick entry in the timeline</source>
        <translation>Schnellerfassung im Verlauf</translation>
    </message>
    <message>
        <source>Log a call</source>
        <translation>Anruf erfassen</translation>
    </message>
    <message>
        <source>Edit the selected record</source>
        <translation>Ausgewählten Datensatz bearbeiten</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Entf</translation>
    </message>
    <message>
        <source>Delete (asks first; Ctrl+Z brings it back)</source>
        <translation>Löschen (mit Rückfrage; Strg+Z holt es zurück)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Go to tree / details / timeline</source>
        <translation>Zu Baumansicht / Details / Verlauf</translation>
    </message>
    <message>
        <source>Back / forward through viewed records</source>
        <translation>Zurück / vorwärts durch die angesehenen Datensätze</translation>
    </message>
    <message>
        <source>&lt;b&gt;CRM Desktop&lt;/b&gt; {version}&lt;br&gt;An offline CRM for sole traders.</source>
        <translation>&lt;b&gt;CRM Desktop&lt;/b&gt; {version}&lt;br&gt;Ein Offline-CRM für Einzelunternehmer.</translation>
    </message>
    <message>
        <source>Order {number} saved.</source>
        <translation>Auftrag {number} gespeichert.</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Empty trash…</source>
        <translation>Papierkorb &amp;leeren…</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>Der Papierkorb ist leer.</translation>
    </message>
    <message>
        <source>1 record in the trash.</source>
        <translation>1 Datensatz im Papierkorb.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln records in the trash.</source>
        <translation>
            <numerusform>%Ln Datensatz im Papierkorb.</numerusform>
            <numerusform>%Ln Datensätze im Papierkorb.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Nicht möglich</translation>
    </message>
    <message>
        <source>Delete 1 record for good? This cannot be undone.</source>
        <translation>1 Datensatz endgültig löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln records for good? This cannot be undone.</source>
        <translation>
            <numerusform>%Ln Datensatz endgültig löschen? Dies kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>%Ln Datensätze endgültig löschen? Dies kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>Papierkorb leeren</translation>
    </message>
</context>
<context>
    <name>TrayNotifier</name>
    <message>
        <source>CRM Desktop reminders</source>
        <extracomment>(title, text) of every message shown (or that would have been, see notify)</extracomment>
        <translation>CRM-Desktop-Erinnerungen</translation>
    </message>
</context>
<context>
    <name>WelcomeWidget</name>
    <message>
        <source>Welcome to CRM Desktop</source>
        <translation>Willkommen bei CRM Desktop</translation>
    </message>
    <message>
        <source>No contacts yet. Import a vCard or CSV file from your address book or e-mail program, or create demo data to look around first. Everything stays on this computer.</source>
        <translation>Noch keine Kontakte. Importieren Sie eine vCard- oder CSV-Datei aus Ihrem Adressbuch oder E-Mail-Programm, oder legen Sie Demodaten an, um sich erst einmal umzusehen. Alle Daten bleiben auf diesem Computer.</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>Kontakte importieren…</translation>
    </message>
    <message>
        <source>vCard (.vcf) or CSV file</source>
        <translation>vCard- (.vcf) oder CSV-Datei</translation>
    </message>
    <message>
        <source>Create demo data</source>
        <translation>Demodaten anlegen</translation>
    </message>
    <message>
        <source>Made-up companies, people and calls</source>
        <translation>Erfundene Firmen, Personen und Anrufe</translation>
    </message>
    <message>
        <source>New company…</source>
        <translation>Neue Firma…</translation>
    </message>
    <message>
        <source>Start with your first customer</source>
        <translation>Mit dem ersten Kunden beginnen</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>Neue Person…</translation>
    </message>
    <message>
        <source>A contact without a company</source>
        <translation>Ein Kontakt ohne Firma</translation>
    </message>
</context>
<context>
    <name>_DetailPane</name>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Edit all fields (F2)</source>
        <translation>Alle Felder bearbeiten (F2)</translation>
    </message>
    <message>
        <source>Log activity…</source>
        <translation>Aktivität erfassen…</translation>
    </message>
    <message>
        <source>Record a call, meeting, letter or note</source>
        <translation>Anruf, Termin, Brief oder Notiz erfassen</translation>
    </message>
    <message>
        <source>Editing – Enter saves all tabs together, Esc cancels.</source>
        <translation>Bearbeitung – Eingabetaste speichert alle Reiter zusammen, Esc bricht ab.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>Erreichbarkeit</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Recent activities</source>
        <translation>Letzte Aktivitäten</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Nothing logged yet. Use “Log activity…” after a call or meeting.</source>
        <translation>Noch nichts erfasst. Nutzen Sie nach einem Anruf oder Termin „Aktivität erfassen…“.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>Kommunikation</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>Bank &amp;&amp; payment</source>
        <translation>Bank &amp;&amp; Zahlung</translation>
    </message>
    <message>
        <source>No notes.</source>
        <translation>Keine Notizen.</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projekte</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>Verkaufschancen</translation>
    </message>
    <message>
        <source>(kept by hand)</source>
        <translation>(von Hand festgelegt)</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>1 order</source>
        <translation>1 Auftrag</translation>
    </message>
    <message>
        <source>{n} orders</source>
        <translation>{n} Aufträge</translation>
    </message>
    <message>
        <source>{revenue} in {months} months</source>
        <translation>{revenue} in {months} Monaten</translation>
    </message>
    <message>
        <source>kept by hand</source>
        <translation>von Hand festgelegt</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>von Hand</translation>
    </message>
    <message>
        <source>when created</source>
        <translation>bei der Anlage</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>überfällig</translation>
    </message>
</context>
<context>
    <name>_Dialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Something went wrong inside CRM Desktop. Your data is safe: every change is saved in one step or not at all. Please restart the program if it behaves oddly.</source>
        <translation>In CRM Desktop ist ein Fehler aufgetreten. Ihre Daten sind sicher: Jede Änderung wird entweder vollständig oder gar nicht gespeichert. Bitte starten Sie das Programm neu, wenn es sich ungewöhnlich verhält.</translation>
    </message>
    <message>
        <source>Details were written to the log file:
{path}</source>
        <translation>Details wurden in die Protokolldatei geschrieben:
{path}</translation>
    </message>
</context>
<context>
    <name>dedup</name>
    <message>
        <source>same words in another order</source>
        <translation>gleiche Wörter in anderer Reihenfolge</translation>
    </message>
    <message>
        <source>one name contains the other</source>
        <translation>ein Name enthält den anderen</translation>
    </message>
    <message>
        <source>similar company name</source>
        <translation>ähnlicher Firmenname</translation>
    </message>
    <message>
        <source>same e-mail name at another domain</source>
        <translation>gleicher E-Mail-Name bei anderer Domain</translation>
    </message>
    <message>
        <source>similar e-mail address</source>
        <translation>ähnliche E-Mail-Adresse</translation>
    </message>
    <message>
        <source>family name missing on one side</source>
        <translation>Nachname fehlt auf einer Seite</translation>
    </message>
    <message>
        <source>different family name (married?)</source>
        <translation>anderer Nachname (verheiratet?)</translation>
    </message>
    <message>
        <source>family name shares a part (double name)</source>
        <translation>Nachname teilweise gleich (Doppelname)</translation>
    </message>
    <message>
        <source>given name missing on one side</source>
        <translation>Vorname fehlt auf einer Seite</translation>
    </message>
    <message>
        <source>one of several given names</source>
        <translation>einer von mehreren Vornamen</translation>
    </message>
    <message>
        <source>given name abbreviated to an initial</source>
        <translation>Vorname zur Initiale abgekürzt</translation>
    </message>
    <message>
        <source>names differ only by legal form</source>
        <translation>Namen unterscheiden sich nur in der Rechtsform</translation>
    </message>
    <message>
        <source>birth dates differ by one digit</source>
        <translation>Geburtsdaten unterscheiden sich in einer Ziffer</translation>
    </message>
    <message>
        <source>nickname of the given name</source>
        <translation>Kurzform des Vornamens</translation>
    </message>
    <message>
        <source>junior or senior on one side only</source>
        <translation>Junior oder Senior nur auf einer Seite</translation>
    </message>
    <message>
        <source>different address</source>
        <translation>andere Adresse</translation>
    </message>
    <message>
        <source>different birth dates</source>
        <translation>verschiedene Geburtsdaten</translation>
    </message>
    <message>
        <source>junior and senior</source>
        <translation>Junior und Senior</translation>
    </message>
    <message>
        <source>different legal form</source>
        <translation>andere Rechtsform</translation>
    </message>
    <message>
        <source>different phone numbers</source>
        <translation>verschiedene Telefonnummern</translation>
    </message>
    <message>
        <source>different salutation</source>
        <translation>andere Anrede</translation>
    </message>
    <message>
        <source>common name</source>
        <translation>häufiger Name</translation>
    </message>
    <message>
        <source>different VAT ids</source>
        <translation>verschiedene USt-IdNr.</translation>
    </message>
    <message>
        <source>family names sound alike</source>
        <translation>Nachnamen klingen ähnlich</translation>
    </message>
    <message>
        <source>same address</source>
        <translation>gleiche Adresse</translation>
    </message>
    <message>
        <source>same birth date</source>
        <translation>gleiches Geburtsdatum</translation>
    </message>
    <message>
        <source>same company</source>
        <translation>gleiche Firma</translation>
    </message>
    <message>
        <source>same company name</source>
        <translation>gleicher Firmenname</translation>
    </message>
    <message>
        <source>same e-mail domain</source>
        <translation>gleiche E-Mail-Domain</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>gleiche E-Mail</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>gleicher Name</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>gleiche Telefonnummer</translation>
    </message>
    <message>
        <source>same postcode</source>
        <translation>gleiche PLZ</translation>
    </message>
    <message>
        <source>same VAT id</source>
        <translation>gleiche USt-IdNr.</translation>
    </message>
    <message>
        <source>same website</source>
        <translation>gleiche Website</translation>
    </message>
    <message>
        <source>names differ only in spelling (accents, hyphens, particles)</source>
        <translation>Namen unterscheiden sich nur in der Schreibweise (Akzente, Bindestriche, Namenszusätze)</translation>
    </message>
    <message>
        <source>name split differently into given and family name</source>
        <translation>Name anders in Vor- und Nachname aufgeteilt</translation>
    </message>
    <message>
        <source>given and family name swapped</source>
        <translation>Vor- und Nachname vertauscht</translation>
    </message>
    <message>
        <source>typo in name</source>
        <translation>Tippfehler im Namen</translation>
    </message>
    <message>
        <source>names differ only by umlaut spelling</source>
        <translation>Namen unterscheiden sich nur in der Umlautschreibung</translation>
    </message>
    <message>
        <source>variant spelling of the given name</source>
        <translation>andere Schreibweise des Vornamens</translation>
    </message>
</context>
<context>
    <name>enums</name>
    <message>
        <source>Prospect</source>
        <translation>Interessent</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Former customer</source>
        <translation>Ehemaliger Kunde</translation>
    </message>
    <message>
        <source>A (key account)</source>
        <translation>A (Schlüsselkunde)</translation>
    </message>
    <message>
        <source>B (regular)</source>
        <translation>B (Stammkunde)</translation>
    </message>
    <message>
        <source>C (occasional)</source>
        <translation>C (Gelegenheitskunde)</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Geschäftlich</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobil</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>Main address</source>
        <translation>Hauptanschrift</translation>
    </message>
    <message>
        <source>Delivery address</source>
        <translation>Lieferanschrift</translation>
    </message>
    <message>
        <source>Billing address</source>
        <translation>Rechnungsanschrift</translation>
    </message>
    <message>
        <source>Home address</source>
        <translation>Privatanschrift</translation>
    </message>
    <message>
        <source>Other address</source>
        <translation>Sonstige Anschrift</translation>
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
        <source>E-mail</source>
        <translation>E-Mail</translation>
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
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Wieder geöffnet</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Tentative</source>
        <translation>Vorläufig</translation>
    </message>
    <message>
        <source>Priority A</source>
        <translation>Priorität A</translation>
    </message>
    <message>
        <source>Priority B</source>
        <translation>Priorität B</translation>
    </message>
    <message>
        <source>Priority C</source>
        <translation>Priorität C</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>An unexpected error occurred. Please try again or restart the program.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut oder starten Sie das Programm neu.</translation>
    </message>
    <message>
        <source>Details were written to the log file: {path}</source>
        <translation>Einzelheiten stehen in der Protokolldatei: {path}</translation>
    </message>
    <message>
        <source>There is no company “{name}”. Pick one from the list or create it first.</source>
        <translation>Es gibt keine Firma „{name}“. Wählen Sie eine aus der Liste oder legen Sie sie zuerst an.</translation>
    </message>
    <message>
        <source>There is no person “{name}” to report to.</source>
        <translation>Es gibt keine Person „{name}“, die als Vorgesetzte(r) eingetragen werden kann.</translation>
    </message>
    <message>
        <source>Enter your e-mail address: invitations are sent from it.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse ein: Von ihr werden die Einladungen gesendet.</translation>
    </message>
    <message>
        <source>There is no person “{name}”. Pick one from the list.</source>
        <translation>Es gibt keine Person „{name}“. Wählen Sie eine aus der Liste.</translation>
    </message>
    <message>
        <source>An invitation needs at least one attendee.</source>
        <translation>Eine Einladung braucht mindestens einen Teilnehmer.</translation>
    </message>
    <message>
        <source>The end lies before the start.</source>
        <translation>Das Ende liegt vor dem Beginn.</translation>
    </message>
    <message>
        <source>The follow-up must be later than the activity.</source>
        <translation>Die Wiedervorlage muss nach der Aktivität liegen.</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>Firmenname</translation>
    </message>
    <message>
        <source>Department name</source>
        <translation>Abteilungsname</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>five digits</source>
        <translation>fünf Ziffern</translation>
    </message>
    <message>
        <source>four digits</source>
        <translation>vier Ziffern</translation>
    </message>
    <message>
        <source>four digits and two letters</source>
        <translation>vier Ziffern und zwei Buchstaben</translation>
    </message>
    <message>
        <source>the form 12-345</source>
        <translation>Format 12-345</translation>
    </message>
    <message>
        <source>five digits (ZIP) or ZIP+4</source>
        <translation>fünf Ziffern (ZIP) oder ZIP+4</translation>
    </message>
    <message>
        <source>a UK postcode such as SW1A 1AA</source>
        <translation>britische Postleitzahl wie SW1A 1AA</translation>
    </message>
    <message>
        <source>Choose a company from the list.</source>
        <translation>Wählen Sie eine Firma aus der Liste.</translation>
    </message>
    <message>
        <source>Choose a person from the list.</source>
        <translation>Wählen Sie eine Person aus der Liste.</translation>
    </message>
    <message>
        <source>Line {pos}: “{value}” is not a number.</source>
        <translation>Position {pos}: „{value}“ ist keine Zahl.</translation>
    </message>
    <message>
        <source>“{value}” is not a number.</source>
        <translation>„{value}“ ist keine Zahl.</translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation>Dieser Datensatz existiert nicht mehr.</translation>
    </message>
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
        <source>This change has not been undone.</source>
        <translation>Diese Änderung wurde nicht rückgängig gemacht.</translation>
    </message>
    <message>
        <source>payload is not an object</source>
        <translation>die Nutzdaten sind kein Objekt</translation>
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
        <source>old is not an object</source>
        <translation>„old“ ist kein Objekt</translation>
    </message>
    <message>
        <source>There is no {kind} {id}.</source>
        <translation>Es gibt kein(e) {kind} {id}.</translation>
    </message>
    <message>
        <source>before/after name other columns</source>
        <translation>„before“/„after“ nennen andere Spalten</translation>
    </message>
    <message>
        <source>list before/after are not lists</source>
        <translation>Liste vorher/nachher sind keine Listen</translation>
    </message>
    <message>
        <source>a list row is not an object</source>
        <translation>eine Listenzeile ist kein Objekt</translation>
    </message>
    <message>
        <source>also/created are not lists</source>
        <translation>„also“/„created“ sind keine Listen</translation>
    </message>
    <message>
        <source>lists is not a list</source>
        <translation>lists ist keine Liste</translation>
    </message>
    <message>
        <source>The time needs a time zone.</source>
        <extracomment>How long before an appointment its reminder rings (and the exported VALARM). The reason stored on follow-ups created by :func:`ensure_interval_followups`.</extracomment>
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
        <source>This appointment was cancelled.</source>
        <translation>Dieser Termin wurde abgesagt.</translation>
    </message>
    <message>
        <source>The end date lies before the start date.</source>
        <extracomment>How far ahead :func:`next_due_at` looks for the next instance of a series.</extracomment>
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
        <source>A segment needs a name.</source>
        <translation>Eine Auswahl braucht einen Namen.</translation>
    </message>
    <message>
        <source>There is no saved selection “{name}”.</source>
        <translation>Es gibt keine gespeicherte Auswahl „{name}“.</translation>
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
        <source>the department&apos;s ids are not numbers</source>
        <translation>die Kennungen der Abteilung sind keine Zahlen</translation>
    </message>
    <message>
        <source>This change cannot be done again.</source>
        <translation>Diese Änderung kann nicht wiederhergestellt werden.</translation>
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
        <extracomment>a series: DTSTART (with its TZID), RRULE, RDATE and EXDATE lines (see :mod:`crm_desktop.services.recurrence`) an instance of a series (RECURRENCE-ID): the series&apos; UID and the original start</extracomment>
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
        <source>before/after are not objects</source>
        <translation>„before“/„after“ sind keine Objekte</translation>
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
        <source>The e-mail has no valid date.</source>
        <translation>Es gibt keine gespeicherte Auswahl „{name}“.</translation>
    </message>
    <message>
        <source>Ticket {id} does not exist.</source>
        <translation>Das Ticket {id} existiert nicht.</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>Es gibt keine gespeicherte Auswahl „{name}“.</translation>
    </message>
    <message>
        <source>activity_ids is not a list</source>
        <translation>activity_ids ist keine Liste</translation>
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
        <source>“{value}” is not a valid VAT id (check digits or length do not match; e.g. GB980780684, CHE-116.281.710 MWST, NO995525828MVA).</source>
        <translation>„{value}“ ist keine gültige USt-IdNr. (Prüfziffer oder Länge stimmen nicht; z. B. GB980780684, CHE-116.281.710 MWST, NO995525828MVA).</translation>
    </message>
    <message>
        <source>“{value}” is not a valid VAT id (e.g. DE123456789, GB980780684, CHE-116.281.710 MWST).</source>
        <translation>„{value}“ ist keine gültige USt-IdNr. (z. B. DE123456789, GB980780684, CHE-116.281.710 MWST).</translation>
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
        <source>The store&apos;s first start had been interrupted; it was created again.</source>
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
        <source>The PostgreSQL store cannot be reached: {detail}</source>
        <translation>Die PostgreSQL-Datenbank ist nicht erreichbar: {detail}</translation>
    </message>
    <message>
        <source>The PostgreSQL store is at schema revision {rev}, this program needs {head}.</source>
        <translation>Die PostgreSQL-Datenbank hat den Schemastand {rev}, dieses Programm braucht {head}.</translation>
    </message>
    <message>
        <source>There is no store at {path} yet.</source>
        <translation>Unter {path} gibt es noch keine Datenbank.</translation>
    </message>
    <message>
        <source>The store has schema revision {rev}, which this version of the program does not know (written by a newer version?).</source>
        <translation>Die Datenbank hat den Schemastand {rev}, den diese Programmversion nicht kennt (von einer neueren Version geschrieben?).</translation>
    </message>
    <message>
        <source>the file crm.sqlite3-wal beside it does not belong to it</source>
        <translation>die Datei crm.sqlite3-wal daneben gehört nicht zu ihr</translation>
    </message>
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
    <message>
        <source>Choose the person the follow-up is for.</source>
        <translation>Wählen Sie die Person, für die die Wiedervorlage ist.</translation>
    </message>
    <message>
        <source>The project “{name}” got new entries since the opportunity was won; undoing the win would leave them without their project. Nothing was changed.</source>
        <translation>Das Projekt „{name}“ hat seit dem Gewinn der Verkaufschance neue Einträge bekommen; den Gewinn jetzt rückgängig zu machen, würde sie ohne ihr Projekt lassen. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The department “{name}” has people now; it stays as it is. Nothing was changed.</source>
        <translation>In der Abteilung „{name}“ sind jetzt Personen; sie bleibt bestehen. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>“{value}” is not a valid date (YYYY-MM-DD).</source>
        <translation>„{value}“ ist kein gültiges Datum (JJJJ-MM-TT).</translation>
    </message>
    <message>
        <source>The two passphrases differ; nothing was changed.</source>
        <translation>Die beiden Passphrasen sind verschieden; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Only a local data file can be encrypted; a server has its own means.</source>
        <translation>Nur eine lokale Datendatei kann verschlüsselt werden; ein Server hat dafür eigene Mittel.</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 8 characters.</source>
        <translation>Wählen Sie eine Passphrase mit mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>The minimum score must be between 0 and 100.</source>
        <translation>Die Mindestpunktzahl muss zwischen 0 und 100 liegen.</translation>
    </message>
    <message>
        <source>The output file must end in .json or .html, not “{suffix}”.</source>
        <translation>Die Ausgabedatei muss auf .json oder .html enden, nicht auf „{suffix}“.</translation>
    </message>
    <message>
        <source>--years must be at least 1.</source>
        <translation>--years muss mindestens 1 sein.</translation>
    </message>
    <message>
        <source>“{value}” is not a date (YYYY-MM-DD) for {name}.</source>
        <translation>„{value}“ ist kein Datum (JJJJ-MM-TT) für {name}.</translation>
    </message>
    <message>
        <source>Nothing called “{name}” was found for the {view} view.</source>
        <translation>Für die Ansicht {view} wurde nichts namens „{name}“ gefunden.</translation>
    </message>
    <message>
        <source>The picture could not be written to {path}.</source>
        <translation>Das Bild konnte nicht nach {path} geschrieben werden.</translation>
    </message>
    <message>
        <source>The CSV file cannot be read ({detail}).</source>
        <translation>Die CSV-Datei kann nicht gelesen werden ({detail}).</translation>
    </message>
    <message>
        <source>Enter at least a company or the name of a person.</source>
        <translation>Geben Sie mindestens eine Firma oder den Namen einer Person ein.</translation>
    </message>
    <message>
        <source>There was no revenue in {year} to follow; spread evenly instead.</source>
        <translation>{year} gab es keinen Umsatz, an dem sich die Verteilung orientieren kann; stattdessen gleichmäßig verteilt.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>activity_ids ist keine Liste</translation>
    </message>
    <message>
        <source>The file is not an e-mail (no From, Date or Subject header).</source>
        <translation>Die Datei ist keine E-Mail (keine Kopfzeile From, Date oder Subject).</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Der Zeitraum endet, bevor er beginnt.</translation>
    </message>
    <message>
        <source>There is no custom field “{name}”.</source>
        <translation>Es gibt kein eigenes Feld „{name}“.</translation>
    </message>
    <message>
        <source>“{kind}” is not a field type (possible: text, number, date, yesno, choice).</source>
        <translation>„{kind}“ ist kein Feldtyp (möglich: text, number, date, yesno, choice).</translation>
    </message>
    <message>
        <source>“{name}” takes a number, not “{value}”.</source>
        <translation>„{name}“ erwartet eine Zahl, nicht „{value}“.</translation>
    </message>
    <message>
        <source>“{name}” takes a date (e.g. 24.12.2026), not “{value}”.</source>
        <translation>„{name}“ erwartet ein Datum (z. B. 24.12.2026), nicht „{value}“.</translation>
    </message>
    <message>
        <source>“{name}” takes yes or no, not “{value}”.</source>
        <translation>„{name}“ erwartet ja oder nein, nicht „{value}“.</translation>
    </message>
    <message>
        <source>“{name}” takes one of: {options}; not “{value}”.</source>
        <translation>„{name}“ erwartet einen dieser Werte: {options}; nicht „{value}“.</translation>
    </message>
    <message>
        <source>“{item}” is not NAME=VALUE.</source>
        <translation>„{item}“ hat nicht die Form NAME=WERT.</translation>
    </message>
    <message>
        <source>A custom field needs a name.</source>
        <translation>Ein eigenes Feld braucht einen Namen.</translation>
    </message>
    <message>
        <source>“{name}” cannot be a field name (no = or ;, at most 100 characters).</source>
        <translation>„{name}“ kann kein Feldname sein (kein = oder ;, höchstens 100 Zeichen).</translation>
    </message>
    <message>
        <source>A pick-list needs at least one value.</source>
        <translation>Eine Auswahlliste braucht mindestens einen Wert.</translation>
    </message>
    <message>
        <source>There is a custom field “{name}” already.</source>
        <translation>Es gibt schon ein eigenes Feld „{name}“.</translation>
    </message>
    <message>
        <source>The custom field was changed again since; undo the later change first.</source>
        <translation>Das eigene Feld wurde inzwischen erneut geändert; nehmen Sie zuerst die spätere Änderung zurück.</translation>
    </message>
    <message>
        <source>A custom field of that name was defined again since; delete it first.</source>
        <translation>Ein eigenes Feld dieses Namens wurde inzwischen neu angelegt; löschen Sie es zuerst.</translation>
    </message>
    <message>
        <source>There is no department {id}.</source>
        <translation>Es gibt keine Abteilung {id}.</translation>
    </message>
    <message>
        <source>There is no person {id}.</source>
        <translation>Es gibt keine Person {id}.</translation>
    </message>
    <message>
        <source>{name} does not work for the department&apos;s company.</source>
        <translation>{name} arbeitet nicht für die Firma der Abteilung.</translation>
    </message>
    <message>
        <source>A department cannot be inside itself or inside one of its sub-departments.</source>
        <translation>Eine Abteilung kann nicht in sich selbst oder in einer ihrer Unterabteilungen liegen.</translation>
    </message>
    <message>
        <source>departments/people are not lists</source>
        <translation>departments/people sind keine Listen</translation>
    </message>
    <message>
        <source>a department id is not a number</source>
        <translation>eine Abteilungsnummer ist keine Zahl</translation>
    </message>
    <message>
        <source>a department state names other fields</source>
        <translation>ein Abteilungsstand nennt andere Felder</translation>
    </message>
    <message>
        <source>a person&apos;s department is not a number</source>
        <translation>die Abteilung einer Person ist keine Zahl</translation>
    </message>
    <message>
        <source>There is no company {id}.</source>
        <translation>Es gibt keine Firma {id}.</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
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
        <source>Family name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Spitzname</translation>
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
        <source>Reports to</source>
        <translation>Vorgesetzte(r)</translation>
    </message>
    <message>
        <source>Parent company</source>
        <translation>Muttergesellschaft</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Beruf</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>Familienstand</translation>
    </message>
    <message>
        <source>Hobbies</source>
        <translation>Hobbys</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>Zahlungsbedingungen</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <source>Legal form</source>
        <translation>Rechtsform</translation>
    </message>
    <message>
        <source>Status reason</source>
        <translation>Statusgrund</translation>
    </message>
    <message>
        <source>Managing directors</source>
        <translation>Geschäftsführer</translation>
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
        <source>Register court</source>
        <translation>Registergericht</translation>
    </message>
    <message>
        <source>Register number</source>
        <translation>Registernummer</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>Kunde seit</translation>
    </message>
    <message>
        <source>Contact interval</source>
        <translation>Kontaktintervall</translation>
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
        <source>Marketing consent</source>
        <translation>Werbeeinwilligung</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Consent source</source>
        <translation>Quelle der Einwilligung</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>Address line 2</source>
        <translation>Adresszusatz</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation>Kontoinhaber</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Zusatz</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Ticket number</source>
        <translation>Vorgangsnummer</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Wiedervorlage</translation>
    </message>
    <message>
        <source>Follow-up note</source>
        <translation>Notiz zur Wiedervorlage</translation>
    </message>
    <message>
        <source>Phone {n}</source>
        <translation>Telefon {n}</translation>
    </message>
    <message>
        <source>E-mail {n}</source>
        <translation>E-Mail {n}</translation>
    </message>
    <message>
        <source>Address {n}</source>
        <translation>Adresse {n}</translation>
    </message>
    <message>
        <source>Bank account {n}</source>
        <translation>Bankverbindung {n}</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Attendee</source>
        <translation>Teilnehmer</translation>
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
        <source>vCard UID</source>
        <translation>vCard-UID</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Line {n}</source>
        <translation>Position {n}</translation>
    </message>
</context>
<context>
    <name>format</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Morgen</translation>
    </message>
    <message>
        <source>last {weekday}</source>
        <translation>letzten {weekday}</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation>z. B. {example}</translation>
    </message>
    <message>
        <source>Remove this entry</source>
        <translation>Diesen Eintrag entfernen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Kind of phone number</source>
        <translation>Art der Telefonnummer</translation>
    </message>
    <message>
        <source>e.g. 0711 1234567 or +43 1 234567</source>
        <translation>z. B. 0711 1234567 oder +43 1 234567</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>Label (optional)</source>
        <translation>Zusatz (optional)</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Zusatz</translation>
    </message>
    <message>
        <source>Add &amp;phone number</source>
        <translation>&amp;Telefonnummer hinzufügen</translation>
    </message>
    <message>
        <source>Kind of e-mail address</source>
        <translation>Art der E-Mail-Adresse</translation>
    </message>
    <message>
        <source>name@example.de</source>
        <translation>name@example.de</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Add e-&amp;mail address</source>
        <translation>E-&amp;Mail-Adresse hinzufügen</translation>
    </message>
    <message>
        <source>Kind of address</source>
        <translation>Art der Adresse</translation>
    </message>
    <message>
        <source>Street and number</source>
        <translation>Straße und Hausnummer</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>Address line 2 (optional)</source>
        <translation>Adresszusatz (optional)</translation>
    </message>
    <message>
        <source>Address line 2</source>
        <translation>Adresszusatz</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Country (DE)</source>
        <translation>Land (DE)</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Add &amp;address</source>
        <translation>&amp;Adresse hinzufügen</translation>
    </message>
    <message>
        <source>IBAN, e.g. DE89 3704 0044 0532 0130 00</source>
        <translation>IBAN, z. B. DE89 3704 0044 0532 0130 00</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>BIC (optional)</source>
        <translation>BIC (optional)</translation>
    </message>
    <message>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation>Kontoinhaber</translation>
    </message>
    <message>
        <source>Bank (optional)</source>
        <translation>Bank (optional)</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>Add &amp;bank account</source>
        <translation>&amp;Bankverbindung hinzufügen</translation>
    </message>
    <message>
        <source>Field, e.g. Lieblingswein</source>
        <translation>Feld, z. B. Lieblingswein</translation>
    </message>
    <message>
        <source>Field name</source>
        <translation>Feldname</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add profile &amp;field</source>
        <translation>&amp;Profilfeld hinzufügen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>ical</name>
    <message>
        <source>Call</source>
        <extracomment>The reminder written with an event unless the item says otherwise.</extracomment>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
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
        <translation>Serviceeinsatz</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Reminder</source>
        <extracomment>a series: its RRULE/RDATE/EXDATE lines (EXDATE/RDATE in UTC or as dates) an instance of a series moved on its own: the original start (RECURRENCE-ID)</extracomment>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>The end time cannot be read.</source>
        <translation>Die Endzeit ist nicht lesbar.</translation>
    </message>
    <message>
        <source>The end lies before the start.</source>
        <translation>Das Ende liegt vor dem Beginn.</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Last contact</source>
        <extracomment>How long a follow-up lasts in a calendar program.</extracomment>
        <translation>Letzter Kontakt</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Wiedervorlage</translation>
    </message>
    <message>
        <source>Contact interval reached</source>
        <translation>Kontaktintervall erreicht</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>{field} shortened to {limit} characters</source>
        <translation>{field} auf {limit} Zeichen gekürzt</translation>
    </message>
    <message>
        <source>company name shortened</source>
        <translation>Firmenname gekürzt</translation>
    </message>
    <message>
        <source>department shortened</source>
        <translation>Abteilung gekürzt</translation>
    </message>
    <message>
        <source>the record has no name, company, e-mail address or phone number</source>
        <translation>der Eintrag hat weder Name noch Firma, E-Mail-Adresse oder Telefonnummer</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>kein Name</translation>
    </message>
    <message>
        <source>country “{country}” not recognised, kept as typed</source>
        <translation>Land „{country}“ nicht erkannt, wie eingegeben übernommen</translation>
    </message>
    <message>
        <source>country “{country}” unknown</source>
        <translation>Land „{country}“ unbekannt</translation>
    </message>
    <message>
        <source>postcode “{postcode}” is not valid for {country}</source>
        <translation>Postleitzahl „{postcode}“ ist für {country} ungültig</translation>
    </message>
    <message>
        <source>phone number “{number}” is not valid</source>
        <translation>Telefonnummer „{number}“ ist ungültig</translation>
    </message>
    <message>
        <source>e-mail address “{address}” is not valid</source>
        <translation>E-Mail-Adresse „{address}“ ist ungültig</translation>
    </message>
    <message>
        <source>birthday “{value}” is not a valid date</source>
        <translation>Geburtstag „{value}“ ist kein gültiges Datum</translation>
    </message>
    <message>
        <source>the row has {fields} fields, the header {headers}</source>
        <translation>die Zeile hat {fields} Felder, die Kopfzeile {headers}</translation>
    </message>
    <message>
        <source>the {name} line is too long ({length} characters)</source>
        <translation>die Zeile {name} ist zu lang ({length} Zeichen)</translation>
    </message>
    <message>
        <source>the card cannot be read ({detail})</source>
        <translation>die Karte ist nicht lesbar ({detail})</translation>
    </message>
    <message>
        <source>{n} imported</source>
        <translation>{n} importiert</translation>
    </message>
    <message>
        <source>{n} updated</source>
        <translation>{n} aktualisiert</translation>
    </message>
    <message>
        <source>{n} unchanged</source>
        <translation>{n} unverändert</translation>
    </message>
    <message>
        <source>{n} skipped</source>
        <translation>{n} übersprungen</translation>
    </message>
    <message>
        <source>{n} rejected</source>
        <translation>{n} abgelehnt</translation>
    </message>
    <message>
        <source>{n} flagged for review</source>
        <translation>{n} zur Prüfung markiert</translation>
    </message>
    <message>
        <source>(dry run: nothing was stored)</source>
        <translation>(Probelauf: nichts wurde gespeichert)</translation>
    </message>
    <message>
        <source>(cancelled: nothing was stored)</source>
        <translation>(abgebrochen: nichts wurde gespeichert)</translation>
    </message>
    <message>
        <source>rejected {record}: {reason}</source>
        <translation>abgelehnt {record}: {reason}</translation>
    </message>
    <message>
        <source>… {n} more rejected</source>
        <translation>… {n} weitere abgelehnt</translation>
    </message>
    <message>
        <source>review {record}: {reason}</source>
        <translation>prüfen {record}: {reason}</translation>
    </message>
    <message>
        <source>… {n} more for review</source>
        <translation>… {n} weitere zur Prüfung</translation>
    </message>
    <message>
        <source>changed {record}: {fields}</source>
        <translation>geändert {record}: {fields}</translation>
    </message>
    <message>
        <source>property not imported: {name} ({n} values)</source>
        <translation>Eigenschaft nicht importiert: {name} ({n} Werte)</translation>
    </message>
    <message>
        <source>column not imported: {name} ({n} values)</source>
        <translation>Spalte nicht importiert: {name} ({n} Werte)</translation>
    </message>
    <message>
        <source>dropped from {record}: {value}</source>
        <translation>verworfen aus {record}: {value}</translation>
    </message>
    <message>
        <source>… {n} more values dropped</source>
        <translation>… {n} weitere Werte verworfen</translation>
    </message>
    <message>
        <source>card {n}</source>
        <translation>Karte {n}</translation>
    </message>
    <message>
        <source>line {n}</source>
        <translation>Zeile {n}</translation>
    </message>
</context>
<context>
    <name>rules</name>
    <message>
        <source>Pipeline stages and their probabilities</source>
        <translation>Pipeline-Phasen und ihre Wahrscheinlichkeiten</translation>
    </message>
    <message>
        <source>Loss reasons</source>
        <translation>Absagegründe</translation>
    </message>
    <message>
        <source>Quote follow-up</source>
        <translation>Angebotsverfolgung</translation>
    </message>
    <message>
        <source>Priority A/B/C criteria</source>
        <translation>Kriterien der Priorität A/B/C</translation>
    </message>
    <message>
        <source>Opportunity for a new customer</source>
        <translation>Verkaufschance für Neukunden</translation>
    </message>
    <message>
        <source>Required fields of a person</source>
        <translation>Pflichtfelder einer Person</translation>
    </message>
    <message>
        <source>Required fields of a company</source>
        <translation>Pflichtfelder einer Firma</translation>
    </message>
    <message>
        <source>Ticket numbers</source>
        <translation>Ticketnummern</translation>
    </message>
    <message>
        <source>Order numbers</source>
        <translation>Auftragsnummern</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <source>phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>address</source>
        <translation>Anschrift</translation>
    </message>
    <message>
        <source>bank account</source>
        <translation>Bankverbindung</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <source>Change {field} of {name}</source>
        <translation>{field} von {name} ändern</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>{name} bearbeiten</translation>
    </message>
    <message>
        <source>Tag “{name}” added to {n}</source>
        <translation>Schlagwort „{name}“ bei {n} hinzugefügt</translation>
    </message>
    <message>
        <source>Tag “{name}” removed from {n}</source>
        <translation>Schlagwort „{name}“ bei {n} entfernt</translation>
    </message>
    <message>
        <source>{n} moved to the trash</source>
        <translation>{n} in den Papierkorb gelegt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>{field} set to “{value}” for {n}</source>
        <translation>{field} bei {n} auf „{value}“ gesetzt</translation>
    </message>
    <message>
        <source>Merge of two people</source>
        <translation>Zusammenführung zweier Personen</translation>
    </message>
    <message>
        <source>Merge of two companies</source>
        <translation>Zusammenführung zweier Firmen</translation>
    </message>
    <message>
        <source>Change rule: {rules}</source>
        <translation>Regel ändern: {rules}</translation>
    </message>
    <message>
        <source>Define custom field “{name}”</source>
        <translation>Eigenes Feld „{name}“ anlegen</translation>
    </message>
    <message>
        <source>Delete custom field “{name}”</source>
        <translation>Eigenes Feld „{name}“ löschen</translation>
    </message>
    <message>
        <source>Rename custom field “{old}” to “{new}”</source>
        <translation>Eigenes Feld „{old}“ in „{new}“ umbenennen</translation>
    </message>
    <message>
        <source>Change custom field “{name}”</source>
        <translation>Eigenes Feld „{name}“ ändern</translation>
    </message>
    <message>
        <source>Read 1 e-mail into the timeline</source>
        <translation>1 E-Mail in den Verlauf übernehmen</translation>
    </message>
    <message>
        <source>Read {n} e-mails into the timeline</source>
        <translation>{n} E-Mails in den Verlauf übernehmen</translation>
    </message>
    <message>
        <source>Change rules: {rules}</source>
        <translation>Regeln ändern: {rules}</translation>
    </message>
    <message>
        <source>Edit project {name}</source>
        <translation>Projekt {name} bearbeiten</translation>
    </message>
    <message>
        <source>Edit activity “{name}”</source>
        <translation>Aktivität „{name}“ bearbeiten</translation>
    </message>
    <message>
        <source>Close ticket {number}</source>
        <translation>Ticket {number} schließen</translation>
    </message>
    <message>
        <source>Reopen ticket {number}</source>
        <translation>Ticket {number} wieder öffnen</translation>
    </message>
    <message>
        <source>Set ticket {number} to {status}</source>
        <translation>Ticket {number} auf „{status}“ setzen</translation>
    </message>
    <message>
        <source>Edit ticket {number}</source>
        <translation>Ticket {number} bearbeiten</translation>
    </message>
    <message>
        <source>Move “{name}” to {stage}</source>
        <translation>„{name}“ nach {stage} verschieben</translation>
    </message>
    <message>
        <source>Edit opportunity “{name}”</source>
        <translation>Verkaufschance „{name}“ bearbeiten</translation>
    </message>
    <message>
        <source>Mark “{name}” won</source>
        <translation>„{name}“ als gewonnen markieren</translation>
    </message>
    <message>
        <source>Mark “{name}” lost</source>
        <translation>„{name}“ als verloren markieren</translation>
    </message>
    <message>
        <source>Mark quote sent for “{name}”</source>
        <translation>Angebot für „{name}“ als versendet markieren</translation>
    </message>
    <message>
        <source>Edit order {number}</source>
        <translation>Auftrag {number} bearbeiten</translation>
    </message>
    <message>
        <source>Edit appointment “{name}”</source>
        <translation>Termin „{name}“ bearbeiten</translation>
    </message>
    <message>
        <source>Mark follow-up done</source>
        <translation>Wiedervorlage als erledigt markieren</translation>
    </message>
    <message>
        <source>Snooze follow-up</source>
        <translation>Wiedervorlage auf später legen</translation>
    </message>
    <message>
        <source>Reschedule follow-up</source>
        <translation>Wiedervorlage verschieben</translation>
    </message>
    <message>
        <source>New department “{name}”</source>
        <translation>Neue Abteilung „{name}“</translation>
    </message>
    <message>
        <source>Rename department “{name}”</source>
        <translation>Abteilung „{name}“ umbenennen</translation>
    </message>
    <message>
        <source>Delete department “{name}”</source>
        <translation>Abteilung „{name}“ löschen</translation>
    </message>
    <message>
        <source>Move people to department “{name}”</source>
        <translation>Personen in Abteilung „{name}“ verschieben</translation>
    </message>
    <message>
        <source>Remove people from their department</source>
        <translation>Personen aus ihrer Abteilung nehmen</translation>
    </message>
    <message>
        <source>Move department “{name}”</source>
        <translation>Abteilung „{name}“ verschieben</translation>
    </message>
    <message>
        <source>Set head of department “{name}”</source>
        <translation>Abteilungsleitung von „{name}“ festlegen</translation>
    </message>
    <message>
        <source>Remove line from order {number}</source>
        <translation>Position von Auftrag {number} entfernen</translation>
    </message>
    <message>
        <source>Add line to order {number}</source>
        <translation>Position zu Auftrag {number} hinzufügen</translation>
    </message>
    <message>
        <source>Edit lines of order {number}</source>
        <translation>Positionen von Auftrag {number} bearbeiten</translation>
    </message>
    <message>
        <source>New order {number}</source>
        <translation>Neuer Auftrag {number}</translation>
    </message>
    <message>
        <source>Change attendees of “{name}”</source>
        <translation>Teilnehmer von „{name}“ ändern</translation>
    </message>
    <message>
        <source>Cancel appointment “{name}”</source>
        <translation>Termin „{name}“ absagen</translation>
    </message>
    <message>
        <source>Cancel follow-up</source>
        <translation>Wiedervorlage absagen</translation>
    </message>
    <message>
        <source>Reopen “{name}”</source>
        <translation>„{name}“ wieder öffnen</translation>
    </message>
    <message>
        <source>New opportunity “{name}”</source>
        <translation>Neue Verkaufschance „{name}“</translation>
    </message>
    <message>
        <source>Plan follow-up</source>
        <translation>Wiedervorlage planen</translation>
    </message>
    <message>
        <source>New appointment “{name}”</source>
        <translation>Neuer Termin „{name}“</translation>
    </message>
    <message>
        <source>New activity “{name}”</source>
        <translation>Neue Aktivität „{name}“</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Neue Aktivität</translation>
    </message>
    <message>
        <source>Move “{name}”</source>
        <translation>„{name}“ verschieben</translation>
    </message>
</context>
</TS>
