"""The name and address tables: given and family names, cities with postcodes and
area codes, streets, trades, company names, departments and positions, articles,
and the texts of tickets, projects, opportunities, activities and follow-ups."""

from __future__ import annotations

# fmt: off
# given names: (name, female?)
GIVEN_NAMES: list[tuple[str, bool]] = [
    (n, False)
    for n in ["Thomas", "Michael", "Andreas", "Stefan", "Frank", "Markus", "Christian", "Martin", "Peter", "Klaus", "Wolfgang", "Jürgen", "Jörg", "Uwe", "Bernd", "Ralf", "Dirk", "Sven", "Björn", "Sören", "Jan", "Tobias", "Florian", "Sebastian", "Lukas", "Jonas", "Felix", "Maximilian", "Alexander", "Matthias", "Daniel", "Tim", "Niklas", "Hans", "Günter", "Günther", "Dieter", "Horst", "Helmut", "Manfred", "Rüdiger", "Volker", "Holger", "Kai", "Moritz", "Till", "Malte", "Jens", "Lars", "Olaf", "Heiko", "Götz", "Bernhard", "Josef", "Franz", "Georg", "Hubert", "Ömer", "Can", "Luca", "Noah", "Elias", "Paul", "Ben", "Finn", "Leon", "Henrik", "Carsten", "Torsten", "Mirko", "Rainer"]
] + [
    (n, True)
    for n in ["Sabine", "Petra", "Andrea", "Claudia", "Susanne", "Nicole", "Stefanie", "Julia", "Katharina", "Anna", "Maria", "Monika", "Ursula", "Renate", "Birgit", "Karin", "Gabriele", "Heike", "Anja", "Kerstin", "Silke", "Bärbel", "Käthe", "Jürgens", "Mareike", "Annika", "Lea", "Lena", "Hannah", "Sophie", "Marie", "Laura", "Jessica", "Christina", "Sandra", "Melanie", "Tanja", "Nadine", "Simone", "Daniela", "Martina", "Franziska", "Johanna", "Charlotte", "Greta", "Frauke", "Gesine", "Dörte", "Jördis", "Ilse", "Hildegard", "Elke", "Marlies", "Ingrid", "Helga", "Uta", "Britta", "Antje", "Svenja", "Ayşe", "Elif", "Zoë", "Chloé"]
    if n != "Jürgens"
]

# family names with a rough weight (Müller is the most common German surname)
FAMILY_NAMES: list[tuple[str, int]] = [
    (entry.split(":")[0].replace("_", " "), int(entry.split(":")[1]))
    for entry in ["Müller:40", "Schmidt:30", "Schneider:20", "Fischer:18", "Weber:17", "Meyer:16", "Wagner:15", "Becker:14", "Schulz:14", "Hoffmann:13", "Schäfer:12", "Koch:11", "Bauer:11", "Richter:10", "Klein:10", "Wolf:10", "Schröder:10", "Neumann:9", "Schwarz:9", "Zimmermann:9", "Braun:9", "Krüger:9", "Hofmann:8", "Hartmann:8", "Lange:8", "Schmitt:8", "Werner:8", "Schmitz:8", "Krause:8", "Meier:8", "Lehmann:7", "Schmid:7", "Schulze:7", "Maier:7", "Köhler:7", "Herrmann:7", "König:7", "Walter:6", "Mayer:6", "Huber:6", "Kaiser:6", "Fuchs:6", "Peters:6", "Lang:6", "Scholz:6", "Möller:6", "Weiß:6", "Jung:6", "Hahn:6", "Schubert:5", "Vogel:5", "Friedrich:5", "Keller:5", "Günther:5", "Frank:5", "Berger:5", "Winkler:5", "Roth:5", "Beck:5", "Lorenz:5", "Baumann:5", "Franke:5", "Albrecht:5", "Schuster:5", "Simon:5", "Ludwig:5", "Böhm:5", "Winter:4", "Kraus:4", "Martin:4", "Schumacher:4", "Krämer:4", "Vogt:4", "Stein:4", "Jäger:4", "Otto:4", "Sommer:4", "Groß:4", "Seidel:4", "Heinrich:4", "Brandt:4", "Haas:4", "Schreiber:4", "Graf:4", "Schulte:4", "Dietrich:4", "Ziegler:4", "Kuhn:4", "Kühn:4", "Pohl:4", "Engel:4", "Horn:4", "Busch:4", "Bergmann:4", "Thomas:4", "Voigt:4", "Sauer:4", "Arnold:4", "Wolff:4", "Pfeiffer:4", "Hübner:3", "Löffler:3", "Wöhrle:3", "Strauß:3", "Fuß:3", "Größer:2", "Nüßlein:2", "Kößler:2", "Jürgensen:3", "Lüdtke:3", "Mäder:3", "Spätling:2", "Dörfler:3", "Gärtner:3", "Könnecke:2", "Rößler:3", "Thüringer:2", "Öztürk:3", "Yılmaz:3", "Kowalski:3", "Nowak:3", "Popović:2", "Schütz:3", "Brückner:3", "Kästner:3", "Büttner:3", "Stöcker:2", "Hägele:2", "Schönfeld:3", "Rühl:2", "Häußler:2", "Weißenborn:2", "Süß:2", "von_Bülow:1", "zu_Löwenstein:1", "Meißner:3", "Blümel:2"]
]

# city, postcodes, area code (without the 0), federal state
CITIES: list[tuple[str, tuple[str, ...], str, str]] = [
    ("Stuttgart", ("70173", "70174", "70176", "70178", "70180", "70182", "70186", "70188", "70190", "70191", "70192", "70193", "70195", "70197", "70199", "70469", "70563", "70565", "70567", "70569", "70597", "70599"), "711", "Baden-Württemberg"),
    ("München", ("80331", "80333", "80335", "80336", "80469", "80538", "80539", "80634", "80636", "80637", "80797", "80939", "81369", "81541", "81667", "81675", "81677", "81829"), "89", "Bayern"),
    ("Berlin", ("10115", "10117", "10119", "10178", "10179", "10243", "10245", "10247", "10249", "10405", "10435", "10437", "10551", "10585", "10623", "10707", "10713", "12043", "12047", "12489", "13347", "13507"), "30", "Berlin"),
    ("Hamburg", ("20095", "20097", "20099", "20144", "20146", "20148", "20249", "20251", "20253", "20255", "20257", "20259", "21073", "22041", "22083", "22085", "22143", "22303", "22305", "22763", "22765"), "40", "Hamburg"),
    ("Köln", ("50667", "50668", "50670", "50672", "50674", "50676", "50677", "50678", "50679", "50733", "50735", "50823", "50825", "50827", "50931", "50933", "50935", "51063", "51105"), "221", "Nordrhein-Westfalen"),
    ("Frankfurt am Main", ("60311", "60313", "60314", "60316", "60318", "60320", "60322", "60323", "60325", "60326", "60327", "60329", "60385", "60386", "60389", "60431", "60433", "60435", "60486", "60487", "60488", "60594", "60596", "60598", "60599"), "69", "Hessen"),
    ("Düsseldorf", ("40210", "40211", "40212", "40213", "40215", "40217", "40219", "40221", "40223", "40225", "40227", "40229", "40231", "40233", "40235", "40237", "40239", "40468", "40470", "40474", "40476", "40477", "40479", "40545", "40547", "40549"), "211", "Nordrhein-Westfalen"),
    ("Leipzig", ("04103", "04105", "04107", "04109", "04155", "04177", "04229", "04275", "04277", "04299", "04315", "04317", "04318", "04329"), "341", "Sachsen"),
    ("Dresden", ("01067", "01069", "01097", "01099", "01127", "01139", "01157", "01159", "01169", "01187", "01189", "01217", "01219", "01237", "01239", "01257", "01277", "01307", "01309"), "351", "Sachsen"),
    ("Nürnberg", ("90402", "90403", "90408", "90409", "90411", "90419", "90429", "90431", "90439", "90441", "90443", "90449", "90451", "90459", "90461", "90469", "90471", "90473", "90478", "90480", "90482", "90489", "90491"), "911", "Bayern"),
    ("Hannover", ("30159", "30161", "30163", "30165", "30167", "30169", "30171", "30173", "30175", "30177", "30179", "30419", "30449", "30453", "30519", "30559"), "511", "Niedersachsen"),
    ("Bremen", ("28195", "28199", "28201", "28203", "28205", "28207", "28209", "28211", "28213", "28215", "28217", "28219"), "421", "Bremen"),
    ("Essen", ("45127", "45128", "45130", "45131", "45133", "45134", "45136", "45138", "45139", "45141", "45143", "45144", "45145", "45147"), "201", "Nordrhein-Westfalen"),
    ("Dortmund", ("44135", "44137", "44139", "44141", "44143", "44145", "44147", "44149", "44225", "44227"), "231", "Nordrhein-Westfalen"),
    ("Karlsruhe", ("76131", "76133", "76135", "76137", "76139", "76149", "76185", "76187", "76189", "76199"), "721", "Baden-Württemberg"),
    ("Mannheim", ("68159", "68161", "68163", "68165", "68167", "68169", "68199", "68219", "68229", "68239"), "621", "Baden-Württemberg"),
    ("Freiburg im Breisgau", ("79098", "79100", "79102", "79104", "79106", "79108", "79110", "79111", "79112", "79114", "79115", "79117"), "761", "Baden-Württemberg"),
    ("Augsburg", ("86150", "86152", "86153", "86154", "86156", "86157", "86159", "86161", "86163", "86165", "86167", "86169", "86179"), "821", "Bayern"),
    ("Regensburg", ("93047", "93049", "93051", "93053", "93055", "93057", "93059"), "941", "Bayern"),
    ("Würzburg", ("97070", "97072", "97074", "97076", "97078", "97080", "97082", "97084"), "931", "Bayern"),
    ("Ulm", ("89073", "89075", "89077", "89079", "89081"), "731", "Baden-Württemberg"),
    ("Heilbronn", ("74072", "74074", "74076", "74078", "74080", "74081"), "7131", "Baden-Württemberg"),
    ("Münster", ("48143", "48145", "48147", "48149", "48151", "48153", "48155", "48157", "48159", "48161", "48163", "48165", "48167"), "251", "Nordrhein-Westfalen"),
    ("Bielefeld", ("33602", "33604", "33605", "33607", "33609", "33611", "33613", "33615", "33617", "33619"), "521", "Nordrhein-Westfalen"),
    ("Kiel", ("24103", "24105", "24106", "24107", "24109", "24111", "24113", "24114", "24116", "24118"), "431", "Schleswig-Holstein"),
    ("Lübeck", ("23552", "23554", "23556", "23558", "23560", "23562", "23564", "23566", "23568", "23569"), "451", "Schleswig-Holstein"),
    ("Rostock", ("18055", "18057", "18059", "18069", "18106", "18107", "18109", "18119", "18146", "18147"), "381", "Mecklenburg-Vorpommern"),
    ("Erfurt", ("99084", "99085", "99086", "99087", "99089", "99091", "99092", "99094", "99096", "99097", "99099"), "361", "Thüringen"),
    ("Mainz", ("55116", "55118", "55120", "55122", "55124", "55126", "55127", "55128", "55129", "55130", "55131"), "6131", "Rheinland-Pfalz"),
    ("Wiesbaden", ("65183", "65185", "65187", "65189", "65191", "65193", "65195", "65197", "65199"), "611", "Hessen"),
    ("Saarbrücken", ("66111", "66113", "66115", "66117", "66119", "66121", "66123", "66125", "66126", "66127", "66128", "66129", "66130", "66131", "66132", "66133"), "681", "Saarland"),
    ("Göttingen", ("37073", "37075", "37077", "37079", "37081", "37083", "37085"), "551", "Niedersachsen"),
    ("Osnabrück", ("49074", "49076", "49078", "49080", "49082", "49084", "49086", "49088", "49090"), "541", "Niedersachsen"),
    ("Kassel", ("34117", "34119", "34121", "34123", "34125", "34127", "34128", "34130", "34131", "34132", "34134"), "561", "Hessen"),
    ("Passau", ("94032", "94034", "94036"), "851", "Bayern"),
    ("Lüneburg", ("21335", "21337", "21339"), "4131", "Niedersachsen"),
    ("Tübingen", ("72070", "72072", "72074", "72076"), "7071", "Baden-Württemberg"),
    ("Reutlingen", ("72760", "72762", "72764", "72766", "72768", "72770"), "7121", "Baden-Württemberg"),
    ("Esslingen am Neckar", ("73728", "73730", "73732", "73733", "73734"), "711", "Baden-Württemberg"),
    ("Böblingen", ("71032", "71034"), "7031", "Baden-Württemberg"),
    ("Sindelfingen", ("71063", "71065", "71067", "71069"), "7031", "Baden-Württemberg"),
    ("Fürth", ("90762", "90763", "90765", "90766", "90768"), "911", "Bayern"),
    ("Görlitz", ("02826", "02827", "02828"), "3581", "Sachsen"),
    ("Chemnitz", ("09111", "09112", "09113", "09114", "09116", "09117", "09119", "09120", "09122", "09123", "09125", "09126", "09127", "09128", "09130", "09131"), "371", "Sachsen"),
    ("Magdeburg", ("39104", "39106", "39108", "39110", "39112", "39114", "39116", "39118", "39120", "39122", "39124", "39126", "39128", "39130"), "391", "Sachsen-Anhalt"),
    ("Potsdam", ("14467", "14469", "14471", "14473", "14476", "14478", "14480", "14482"), "331", "Brandenburg"),
]  # fmt: skip

STREET_NAMES: list[str] = [
    "Hauptstraße",
    "Bahnhofstraße",
    "Schulstraße",
    "Gartenstraße",
    "Dorfstraße",
    "Bergstraße",
    "Lindenstraße",
    "Schillerstraße",
    "Goethestraße",
    "Mörikestraße",
    "Kirchstraße",
    "Waldstraße",
    "Ringstraße",
    "Mühlenweg",
    "Industriestraße",
    "Gewerbestraße",
    "Am Mühlbach",
    "Friedrich-Ebert-Straße",
    "Königstraße",
    "Schloßstraße",
    "Lessingstraße",
    "Uhlandstraße",
    "Rosenweg",
    "Birkenweg",
    "Eichendorffstraße",
    "Beethovenstraße",
    "Mozartstraße",
    "Rathausplatz",
    "Marktplatz",
    "Talstraße",
    "Wiesenweg",
    "Feldstraße",
    "Kastanienallee",
    "Mercedesstraße",
    "Heilbronner Straße",
    "Münchner Straße",
    "Karlsruher Straße",
    "Hamburger Allee",
    "Düsseldorfer Straße",
    "Am Gewerbepark",
    "Im Wörth",
    "An der Glashütte",
    "Zur Schmiede",
    "Brückenstraße",
    "Große Bleichen",
    "Kleine Märkerstraße",
    "Weißdornweg",
    "Sägewerkstraße",
    "Fröbelstraße",
    "Höhenweg",
    "Gutenbergstraße",
    "Röntgenstraße",
    "Max-Planck-Straße",
    "Robert-Bosch-Straße",
    "Daimlerstraße",
    "Carl-Zeiss-Ring",
    "Siemensstraße",
    "Otto-Hahn-Straße",
    "Benzstraße",
    "Kölner Landstraße",
]

# company naming
TRADES = [
    ("Maschinenbau", "MB"),
    ("Metallbau", "MT"),
    ("Elektrotechnik", "EL"),
    ("Haustechnik", "HT"),
    ("Logistik", "LG"),
    ("Spedition", "SP"),
    ("Bau", "BA"),
    ("Holzbau", "HB"),
    ("Werkzeugbau", "WB"),
    ("Kunststofftechnik", "KT"),
    ("Automation", "AU"),
    ("Medizintechnik", "MD"),
    ("Antriebstechnik", "AT"),
    ("Verpackung", "VP"),
    ("Druck", "DR"),
    ("Feinmechanik", "FM"),
    ("Lebensmittel", "LM"),
    ("Getränke", "GT"),
    ("Möbelwerkstätten", "MO"),
    ("Gebäudereinigung", "GR"),
    ("Software", "SW"),
    ("Systemhaus", "SY"),
    ("Energietechnik", "ET"),
    ("Kältetechnik", "KL"),
    ("Fahrzeugbau", "FB"),
]
FANTASY_NAMES = [
    "Nordlicht",
    "Alpenblick",
    "Rheintal",
    "Schwabenland",
    "Weserbergland",
    "Elbflorenz",
    "Sonnenhof",
    "Donautal",
    "Brückenwerk",
    "Lindenhof",
    "Mühlental",
    "Hanse",
    "Ostwind",
    "Südstern",
    "Bergkristall",
    "Tannenhöhe",
    "Fährhaus",
    "Silberstreif",
]
LEGAL_FORMS = [
    ("GmbH", 50),
    ("GmbH & Co. KG", 15),
    ("AG", 4),
    ("KG", 6),
    ("e.K.", 8),
    ("OHG", 3),
    ("UG (haftungsbeschränkt)", 4),
    ("GbR", 3),
]
BRANCH_SUFFIXES = [
    "NL Nord",
    "NL Süd",
    "NL West",
    "NL Ost",
    "NL Bayern",
    "NL Sachsen",
    "Werk 2",
    "Niederlassung Rhein-Main",
]
FORMER_REASONS = [
    "Insolvenz",
    "zum Wettbewerber gewechselt",
    "Geschäftsaufgabe",
    "kein Bedarf mehr",
    "Übernahme durch Konzern, Einkauf zentralisiert",
]
PAYMENT_TERMS = [
    "30 Tage netto",
    "14 Tage 2 % Skonto, 30 Tage netto",
    "sofort ohne Abzug",
    "10 Tage 3 % Skonto, 45 Tage netto",
    "Vorkasse",
]

DEPARTMENTS = [
    "Geschäftsführung",
    "Vertrieb",
    "Einkauf",
    "Technik",
    "Buchhaltung",
    "Service",
    "Marketing",
    "Logistik",
    "Qualitätssicherung",
    "Personal",
]

# (male, female) head and staff positions per department
POSITIONS: dict[str, tuple[tuple[str, str], list[tuple[str, str]]]] = {
    "Geschäftsführung": (
        ("Geschäftsführer", "Geschäftsführerin"),
        [("Assistenz der Geschäftsführung", "Assistenz der Geschäftsführung"), ("Prokurist", "Prokuristin")],
    ),
    "Vertrieb": (
        ("Vertriebsleiter", "Vertriebsleiterin"),
        [("Key Account Manager", "Key Account Managerin"), ("Vertriebsinnendienst", "Vertriebsinnendienst"), ("Außendienstmitarbeiter", "Außendienstmitarbeiterin")],
    ),
    "Einkauf": (
        ("Leiter Einkauf", "Leiterin Einkauf"),
        [("Einkäufer", "Einkäuferin"), ("Strategischer Einkäufer", "Strategische Einkäuferin")],
    ),
    "Technik": (
        ("Technischer Leiter", "Technische Leiterin"),
        [("Konstrukteur", "Konstrukteurin"), ("Projektingenieur", "Projektingenieurin"), ("Techniker", "Technikerin")],
    ),
    "Buchhaltung": (
        ("Leiter Buchhaltung", "Leiterin Buchhaltung"),
        [("Buchhalter", "Buchhalterin"), ("Sachbearbeiter Kreditoren", "Sachbearbeiterin Kreditoren")],
    ),
    "Service": (
        ("Serviceleiter", "Serviceleiterin"),
        [("Servicetechniker", "Servicetechnikerin"), ("Disponent", "Disponentin")],
    ),
    "Marketing": (
        ("Marketingleiter", "Marketingleiterin"),
        [("Referent Marketing", "Referentin Marketing"), ("Online-Redakteur", "Online-Redakteurin")],
    ),
    "Logistik": (
        ("Logistikleiter", "Logistikleiterin"),
        [("Lagerist", "Lageristin"), ("Versandkoordinator", "Versandkoordinatorin")],
    ),
    "Qualitätssicherung": (
        ("Leiter Qualitätssicherung", "Leiterin Qualitätssicherung"),
        [("Qualitätsprüfer", "Qualitätsprüferin")],
    ),
    "Personal": (
        ("Personalleiter", "Personalleiterin"),
        [("Personalreferent", "Personalreferentin")],
    ),
}  # fmt: skip

FREELANCE_OCCUPATIONS = [
    "Freier Architekt",
    "Übersetzerin",
    "Fotograf",
    "IT-Berater",
    "Grafikdesignerin",
    "Steuerberater",
    "Unternehmensberaterin",
    "Texterin",
    "Elektromeister",
    "Tischlermeister",
    "Heilpraktikerin",
    "Sachverständiger für Gebäudeschäden",
]
HOBBIES = ["Segeln", "Golf", "Wandern", "Radfahren", "Kochen", "Fußball (VfB)", "Schach", "Oldtimer", "Chor", "Tennis", "Imkerei", "Angeln"]
MARITAL = ["verheiratet", "ledig", "geschieden", "verwitwet", "in Partnerschaft"]
FREEMAIL = ["gmx.de", "web.de", "t-online.de", "posteo.de", "mailbox.org", "outlook.de", "gmail.com"]
CONSENT_SOURCES = [
    "Webformular Newsletter",
    "Visitenkarte Messe LogiMAT",
    "Visitenkarte Hannover Messe",
    "telefonisch bestätigt",
    "schriftliche Einwilligung",
    "Kundenveranstaltung Hausmesse",
]

ARTICLES: list[tuple[str, str, str, float]] = [
    ("MB-1001", "Spannvorrichtung SV-200", "Stk", 1240.00),
    ("MB-1002", "Hydraulikaggregat HA-5", "Stk", 4890.00),
    ("MB-1010", "Förderband FB-3000, Modul 1 m", "Stk", 2150.00),
    ("ET-2001", "Schaltschrank SK-800 komplett", "Stk", 3675.50),
    ("ET-2005", "Sensorik-Kit Lichtschranke", "Stk", 189.90),
    ("ET-2010", "Frequenzumrichter 7,5 kW", "Stk", 845.00),
    ("VB-3001", "Dichtungssatz DS-12", "Satz", 48.60),
    ("VB-3002", "Verschleißteilpaket klein", "Paket", 129.00),
    ("VB-3003", "Schmierstoff Spezial, 5 l", "Kanister", 64.95),
    ("DL-4001", "Wartung vor Ort (Stunde)", "Std", 92.00),
    ("DL-4002", "Anfahrtspauschale", "psch", 65.00),
    ("DL-4003", "Inbetriebnahme", "Tag", 980.00),
    ("DL-4004", "Schulung Bedienpersonal", "Tag", 1150.00),
    ("DL-4005", "Wartungsvertrag Premium (jährlich)", "Jahr", 2400.00),
    ("SW-5001", "Softwarelizenz Leitstand", "Lizenz", 1890.00),
    ("SW-5002", "Softwarepflege (jährlich)", "Jahr", 380.00),
    ("ZB-6001", "Schutzabdeckung Edelstahl", "Stk", 212.40),
    ("ZB-6002", "Ersatzmotor 3 kW", "Stk", 566.00),
]
PRODUCTS = [a[1] for a in ARTICLES]

TICKET_TITLES = [
    "Lieferung unvollständig",
    "Rechnung fehlerhaft – Skonto nicht berücksichtigt",
    "Maschine steht still – Fehlercode E17",
    "Ersatzteil falsch geliefert",
    "Wartungstermin verschieben",
    "Hydraulik verliert Öl",
    "Schaltschrank löst Sicherung aus",
    "Transportschaden an Förderband",
    "Software startet nach Update nicht",
    "Lieferverzug Auftrag",
    "Geräusche am Antrieb",
    "Bedienungsanleitung fehlt",
    "Gutschrift noch nicht erhalten",
    "Sensor meldet Fehlalarm",
    "Zugangsdaten Kundenportal gesperrt",
]
PROJECT_TOPICS = [
    "Umbau Produktionslinie 3",
    "Einführung Wartungsvertrag",
    "Rollout Scannerlösung Lager",
    "Erweiterung Halle Süd",
    "Modernisierung Schaltanlage",
    "Retrofit Fräszentrum",
    "Automatisierung Verpackung",
    "Energieaudit und Umrüstung LED",
    "Neubau Kälteanlage",
    "Digitalisierung Serviceprozesse",
    "Messeauftritt Hannover Messe",
    "Schulungsprogramm Instandhaltung",
]
OPPORTUNITY_TOPICS = [
    "Rahmenvertrag Verschleißteile",
    "Wartungsvertrag Premium",
    "Neue Verpackungslinie",
    "Ersatzinvestition Hydraulik",
    "Leitstand-Software",
    "Schulungspaket",
    "Retrofit Altanlage",
    "Förderanlage Lager Nord",
    "Erweiterung Schaltschrankbau",
    "Service-Hotline 24/7",
]
LOSS_REASONS = ["Preis zu hoch", "Wettbewerber", "kein Budget", "Projekt verschoben", "keine Rückmeldung"]
LOSS_NOTES = [
    "Wettbewerber war rund 12 % günstiger.",
    "Budget wurde für nächstes Jahr gestrichen.",
    "Entscheidung auf unbestimmte Zeit vertagt.",
    "Trotz dreimaligem Nachfassen keine Antwort.",
    "Kunde hat sich für eine Eigenlösung entschieden.",
]
TICKET_STATUS_NOTES = {
    "waiting": ["Warten auf Rückmeldung des Kunden.", "Ersatzteil bestellt, Lieferung nächste Woche.", "Techniker-Einsatz eingeplant."],
    "solved": ["Fehler behoben, Kunde informiert.", "Ersatzteil getauscht, Anlage läuft wieder.", "Gutschrift erstellt."],
    "closed": ["Kunde hat Lösung bestätigt.", "Automatisch geschlossen nach 14 Tagen ohne Rückmeldung."],
    "reopened": ["Fehler tritt erneut auf.", "Kunde meldet sich erneut: Problem nicht gelöst."],
}  # fmt: skip

# activity texts: (subject, [openings], [details], [closings]) per kind; {n} is the
# salutation + family name, {p} a product, {d} a date, {q} a quote number, {k} a week
ACTIVITY_TEXTS: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {
    "call": (
        ["Telefonat", "Rückruf", "Telefonat wegen Angebot", "Kurzes Telefonat", "Anruf wegen Liefertermin", "Telefonat Nachfassen Angebot {q}"],
        ["{n} ruft zurück.", "{n} telefonisch erreicht.", "Mit {n} telefoniert.", "{n} hat angerufen.", "{n} nur kurz erreicht, war im Meeting."],
        ["Fragt nach Liefertermin für {p}.", "Interesse an {p}, möchte Preise für 10 Stück.", "Angebot {q} liegt bei der Geschäftsführung zur Freigabe.", "Budget für nächstes Jahr noch offen.", "Wünscht Vorführung vor Ort in KW {k}.", "Reklamiert Verzögerung bei der letzten Lieferung.", "Ist mit dem Service sehr zufrieden, lobt den Techniker.", "Prüft Alternativen, Preis scheint zu hoch."],
        ["Rückruf am {d} vereinbart.", "Unterlagen per E-Mail geschickt.", "Angebot bis Freitag zusagen.", "Nächster Schritt: Termin vor Ort.", "Wiedervorlage in zwei Wochen.", ""],
    ),
    "email": (
        ["Angebot {q}", "AW: Anfrage {p}", "Unterlagen wie besprochen", "Lieferavis", "Terminbestätigung", "AW: Rechnung", "Preisanfrage {p}"],
        ["Sehr geehrte/r {n}, anbei wie besprochen das Angebot {q}.", "{n} bittet um Datenblatt zu {p}.", "E-Mail von {n}: Bestellung folgt nach Freigabe.", "{n} fragt nach dem Stand der Lieferung.", "Auftragsbestätigung an {n} geschickt."],
        ["Lieferzeit ca. 4–6 Wochen.", "Preise gültig bis {d}.", "Zahlungsziel 30 Tage netto.", "Bitte Rückmeldung bis KW {k}.", "Technische Zeichnung im Anhang."],
        ["Mit freundlichen Grüßen", "Viele Grüße", ""],
    ),
    "meeting": (
        ["Besprechung", "Projektbesprechung", "Jahresgespräch", "Workshop Anforderungen", "Abstimmung Rahmenvertrag"],
        ["Termin mit {n} und Team.", "Jahresgespräch mit {n}.", "Besprechung bei {n} vor Ort.", "Videokonferenz mit {n}."],
        ["Anforderungen an {p} aufgenommen.", "Rahmenvertrag für nächstes Jahr besprochen, Volumen steigt um ca. 15 %.", "Zeitplan für Inbetriebnahme abgestimmt.", "Offene Punkte aus Angebot {q} geklärt.", "Kunde plant Erweiterung der Halle, Bedarf an {p}."],
        ["Protokoll folgt.", "Angebot bis {d}.", "Nächstes Treffen in KW {k}.", ""],
    ),
    "letter": (
        ["Brief: Angebot {q}", "Weihnachtskarte", "Brief: Preisanpassung", "Brief: Vertragsunterlagen"],
        ["Brief an {n} verschickt.", "Post an {n}.", "Schreiben an {n} per Einschreiben."],
        ["Preisanpassung zum 1. Januar angekündigt.", "Vertragsunterlagen in zweifacher Ausfertigung beigelegt.", "Katalog und Preisliste beigelegt.", "Weihnachtsgrüße mit Kalender."],
        [""],
    ),
    "visit": (
        ["Besuch vor Ort", "Kundenbesuch", "Werksbesichtigung", "Besuch Baustelle"],
        ["Besuch bei {n}.", "Vor Ort bei {n}, Rundgang durch die Fertigung.", "Kundenbesuch, {n} und Einkauf anwesend."],
        ["Maschinenpark aufgenommen, Bedarf an {p}.", "Alte Anlage läuft seit 1998, Ersatz wird diskutiert.", "Probleme mit Lieferant des Wettbewerbers angesprochen.", "Neue Halle im Bau, Einzug geplant für {d}."],
        ["Angebot {q} folgt.", "Bericht an Vertriebsleitung.", ""],
    ),
    "complaint": (
        ["Reklamation", "Beschwerde Lieferung", "Reklamation {p}", "Mängelrüge"],
        ["{n} reklamiert Lieferung vom {d}.", "Beschwerde von {n}:", "{n} meldet Mangel an {p}."],
        ["Teile beschädigt angekommen, Fotos per E-Mail.", "Falsche Menge geliefert (8 statt 10 Stück).", "Rechnungsbetrag stimmt nicht mit Angebot {q} überein.", "Gerät fällt nach zwei Wochen aus.", "Lieferung kam drei Tage zu spät, Produktion stand."],
        ["Ersatz zugesagt.", "Gutschrift wird geprüft.", "Techniker kommt in KW {k}.", "An Qualitätssicherung weitergeleitet."],
    ),
    "service_call": (
        ["Serviceeinsatz", "Wartung", "Störungsbehebung", "Inspektion", "Fernwartung"],
        ["Einsatz bei {n}.", "Wartung laut Vertrag durchgeführt, Ansprechpartner {n}.", "Störung gemeldet von {n}."],
        ["Dichtungen an {p} getauscht.", "Firmware aktualisiert, Parameter gesichert.", "Verschleißteile erneuert, Anlage läuft.", "Fehlercode E17: Sensor verschmutzt, gereinigt.", "Ölwechsel und Sichtprüfung ohne Befund."],
        ["Nächste Wartung {d}.", "Bericht per E-Mail an {n}.", "Arbeitszeit 2,5 Std. + Anfahrt.", ""],
    ),
    "note": (
        ["Notiz", "Info", "Interne Notiz", "Gesprächsnotiz"],
        ["{n}:", "Info zu {n}:", "Notiz zu {n}:"],
        ["Hat neue Durchwahl.", "Ist ab nächstem Monat in Elternzeit, Vertretung übernimmt.", "Spricht lieber Englisch am Telefon.", "Entscheidet nicht allein, Einkauf einbinden.", "Mag keine Anrufe vor 10 Uhr.", "Wechselt intern in die Technik.", "Hat Interesse an Hausmesse im Frühjahr."],
        [""],
    ),
}  # fmt: skip

FOLLOWUP_NOTES = [
    "Angebot {q} nachfassen",
    "Rückruf wegen Reklamation {t}",
    "Termin für Wartung vereinbaren",
    "Unterlagen zur Messe schicken",
    "Zahlungseingang prüfen",
    "Nach Entscheidung zum Rahmenvertrag fragen",
    "Muster {p} nachhaken",
    "Geburtstagsgruß",
    "Jahresgespräch vorbereiten",
]
# fmt: on
