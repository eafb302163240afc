"""The realistic German demo data set: company groups with branches, departments,
people with reporting lines, years of activities, tickets, projects, a sales
pipeline, orders, revenue targets, follow-ups, appointments and a campaign.

Speed matters (100,000 people with about a million activities in about a minute),
so nothing here goes through the ORM (and so the ORM search sync never runs):
rows are plain dicts with precomputed ids, written in large batches through "light"
Core tables without per-value type processing (values are prepared once per
dialect). On SQLite the statement is compiled by SQLAlchemy once and the batch goes
to the driver's executemany. ``search_documents`` is filled in bulk: people,
companies, tickets and projects from the generated rows, activities with one
``INSERT ... SELECT`` per batch (the FTS5 triggers index them; FTS5 merges less
often during the load). A second thread generates the next batch of activities
while SQLite indexes the current one. Everything is one transaction.

Deterministic for (people, seed, the clock's day).

Numbers: tickets ``T-YYYY-NNNNN`` (``number_sequences`` name "ticket", period
"YYYY"), orders ``A-YYYY-NNNNN`` (name "order"), quotes ``YYYY-N`` (name "quote");
the rows are set so that later numbers continue after the demo's.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import queue
import random
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass
from typing import Any, TypeVar, cast

from sqlalchemy import (
    Integer,
    Table,
    bindparam,
    column,
    func,
    insert,
    literal,
    select,
    table,
    text,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import TableClause
from stdnum.iso7064 import mod_11_10

from crm_desktop.clock import Clock, SystemClock, local_zone
from crm_desktop.data import guard, search_sync
from crm_desktop.data import models as m
from crm_desktop.data.base import Base
from crm_desktop.data.store import Store
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ConflictError, StoreError, ValidationError

_T = TypeVar("_T")


def _tb(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


# ---------------------------------------------------------------- word lists

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

# ---------------------------------------------------------------- generator

Progress = Callable[[int, int], None]

DEFAULT_STAGES: list[tuple[str, int]] = [
    ("Kontakt", 10),
    ("Bedarfsanalyse", 25),
    ("Angebot", 50),
    ("Verhandlung", 75),
]
BATCH = 20_000
HISTORY_DAYS = 4 * 365


@dataclass
class DemoSummary:
    people: int = 0
    companies: int = 0
    departments: int = 0
    activities: int = 0
    tickets: int = 0
    projects: int = 0
    opportunities: int = 0
    orders: int = 0
    order_lines: int = 0
    followups: int = 0
    appointments: int = 0
    campaigns: int = 0
    search_documents: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, int | float]:
        return dict(asdict(self))


def is_empty(session_or_conn: Session | Connection) -> bool:
    """True when the store holds no people, companies or activities."""
    for model in (m.Person, m.Company, m.Activity):
        if session_or_conn.execute(select(model.id).limit(1)).first() is not None:
            return False
    return True


def ensure_default_pipeline(conn: Session | Connection) -> dict[str, int]:
    """Create the default pipeline stages when there are none and the usual loss
    reasons that are missing; returns {name: id} of the stages."""
    stages = _tb(m.PipelineStage)
    rows = conn.execute(select(stages.c.id, stages.c.name)).all()
    if not rows:
        conn.execute(
            insert(stages),
            [
                {"name": name, "position": i, "probability": prob, "is_closed": False}
                for i, (name, prob) in enumerate(DEFAULT_STAGES)
            ],
        )
        rows = conn.execute(select(stages.c.id, stages.c.name)).all()
    reasons = _tb(m.LossReason)
    have = set(conn.execute(select(reasons.c.name)).scalars())
    missing = [{"name": n, "active": True} for n in LOSS_REASONS if n not in have]
    if missing:
        conn.execute(insert(reasons), missing)
    return {name: sid for sid, name in rows}


_TRANSLIT = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "ë": "e", "ı": "i",
     "ş": "s", "ć": "c", "ç": "c", "ğ": "g", " ": "", "'": "", "&": "", ".": "", "(": "",
     ")": "", ",": ""}
)  # fmt: skip


def _slug(text_: str) -> str:
    out = text_.lower().translate(_TRANSLIT)
    return "".join(ch for ch in out if ch.isascii() and (ch.isalnum() or ch == "-"))


def _vat_id(rng: random.Random) -> str:
    body = str(rng.randint(10_000_000, 99_999_999))
    return "DE" + body + mod_11_10.calc_check_digit(body)


def _iban(rng: random.Random) -> str:
    bban = f"{rng.randint(10_000_000, 87_099_999):08d}{rng.randint(0, 9_999_999_999):010d}"
    check = 98 - int(bban + "131400") % 97  # "DE00" -> D=13 E=14
    return f"DE{check:02d}{bban}"


class _Light:
    """Core tables without type processing: values are prepared once per dialect."""

    def __init__(self, sqlite: bool) -> None:
        self.sqlite = sqlite
        self.tables: dict[str, TableClause] = {}

    def __call__(self, t: Table) -> TableClause:
        light = self.tables.get(t.name)
        if light is None:
            light = table(t.name, *[column(c.name) for c in t.columns])
            self.tables[t.name] = light
        return light

    def ts(self, moment: dt.datetime | None) -> Any:
        """``moment`` is naive UTC or aware."""
        if moment is None:
            return None
        if moment.tzinfo is not None:
            moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
        if self.sqlite:
            if moment.microsecond:
                return moment.isoformat(" ")
            return moment.isoformat(" ") + ".000000"
        return moment.replace(tzinfo=dt.UTC)

    def date(self, day: dt.date | None) -> Any:
        if day is None:
            return None
        return day.isoformat() if self.sqlite else day

    def money(self, value: decimal.Decimal) -> Any:
        return float(value) if self.sqlite else value

    def json(self, value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)


class _Generator:
    def __init__(
        self,
        conn: Connection,
        people: int,
        seed: int,
        clock: Clock,
        progress: Progress | None,
        owner: str,
    ) -> None:
        self.conn = conn
        self.n_people = people
        self.rng = random.Random(seed)
        self.clock = clock
        self.progress_cb = progress
        self.owner = owner
        self.sqlite = conn.dialect.name == "sqlite"
        self.light = _Light(self.sqlite)
        self.summary = DemoSummary()
        self.buffers: dict[str, list[dict[str, Any]]] = {}
        self.done = 0
        self.total = max(1, people * 23)  # people, their documents, ~2x10 per person
        self.stop = False
        self.zone = local_zone()
        self.now = clock.now().astimezone(dt.UTC)
        self.now_naive = self.now.replace(tzinfo=None)
        self.today = self.now.astimezone(self.zone).date()
        # calendar: local working days of the last years, as naive UTC of local midnight
        first = self.today - dt.timedelta(days=HISTORY_DAYS)
        self.day_dates: list[dt.date] = []
        self.day_base: list[dt.datetime] = []
        for i in range(HISTORY_DAYS):
            day = first + dt.timedelta(days=i)
            if day.weekday() >= 5:
                continue
            noon = dt.datetime.combine(day, dt.time(12), tzinfo=self.zone)
            base = noon.astimezone(dt.UTC).replace(tzinfo=None) - dt.timedelta(hours=12)
            self.day_dates.append(day)
            self.day_base.append(base)
        self.slots = [dt.timedelta(minutes=7 * 60 + 30 + 5 * i) for i in range(126)]  # 7:30-18:00
        # ids
        self.next_id: dict[str, int] = {}
        self.sql_cache: dict[tuple[str, tuple[str, ...]], str] = {}
        self.pending_activities: list[tuple[Any, ...]] = []
        self.interval_of: dict[int, int] = {}  # person id → contact interval (days)
        self.next_activity_id = 0
        # expanded weighted lists for fast uniform picks
        self.family_pool = [name for name, w in FAMILY_NAMES for _ in range(w)]
        self.legal_pool = [name for name, w in LEGAL_FORMS for _ in range(w)]
        self.person_docs: list[tuple[int, str, str]] = []
        self.company_docs: list[tuple[int, str, str]] = []
        self.other_docs: list[tuple[str, int, str, str]] = []
        # per company facts used later
        self.companies: list[dict[str, Any]] = []
        self.people_of: dict[int, list[int]] = {}
        self.person_info: dict[
            int, tuple[str, int | None, str]
        ] = {}  # id -> (name ref, company, email)
        self.freelancers: list[int] = []
        self.consenting: list[int] = []
        self.quote_numbers: list[tuple[int, str]] = []  # (opportunity id, quote number)
        self.ticket_numbers: list[tuple[int, str, int | None, int | None]] = []
        self.won: list[dict[str, Any]] = []

    # ------------------------------------------------------------ plumbing

    def new_id(self, t: Table) -> int:
        value = self.next_id.get(t.name)
        if value is None:
            current = self.conn.execute(select(func.max(t.c.id))).scalar()
            value = int(current or 0) + 1
        self.next_id[t.name] = value + 1
        return value

    def add(self, t: Table, row: dict[str, Any]) -> None:
        buf = self.buffers.setdefault(t.name, [])
        buf.append(row)
        if len(buf) >= BATCH:
            # parents first: a full buffer of phones must not outrun its people
            for parent in Base.metadata.sorted_tables:
                self.flush(parent)
                if parent.name == t.name:
                    break

    def flush(self, t: Table) -> None:
        buf = self.buffers.get(t.name)
        if buf:
            self.write(t, buf)
            self.buffers[t.name] = []

    def write(self, t: Table, rows: list[dict[str, Any]]) -> None:
        """One executemany. On SQLite the statement is compiled by SQLAlchemy once and
        the rows go to the driver as tuples (no per-row parameter processing); elsewhere
        it is a Core ``insert()`` with the list of dicts (insertmanyvalues)."""
        if not self.sqlite:
            self.conn.execute(insert(self.light(t)), rows)
            return
        keys = list(rows[0])
        sql = self.sql_cache.get((t.name, tuple(keys)))
        if sql is None:
            stmt = insert(self.light(t)).compile(dialect=self.conn.dialect, column_keys=keys)
            sql = str(stmt)
            self.sql_cache[(t.name, tuple(keys))] = sql
        guard.check_rows(t, rows)  # the driver's executemany bypasses the Core check
        self.conn.exec_driver_sql(sql, [tuple(r[k] for k in keys) for r in rows])

    def write_tuples(self, t: Table, keys: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        if not self.sqlite:
            self.conn.execute(
                insert(self.light(t)), [dict(zip(keys, r, strict=True)) for r in rows]
            )
            return
        sql = self.sql_cache.get((t.name, tuple(keys)))
        if sql is None:
            stmt = insert(self.light(t)).compile(dialect=self.conn.dialect, column_keys=list(keys))
            sql = self.sql_cache[(t.name, tuple(keys))] = str(stmt)
        guard.check_tuples(t, keys, rows)
        self.conn.exec_driver_sql(sql, rows)

    def flush_all(self, *tables: Table) -> None:
        for t in tables:
            self.flush(t)

    def tick(self, amount: int) -> None:
        self.done = min(self.total - 1, self.done + amount)
        if self.progress_cb is not None:
            self.progress_cb(self.done, self.total)

    def pick(self, seq: Sequence[_T]) -> _T:
        return seq[int(self.rng.random() * len(seq))]

    def past_moment(self, max_days: int = HISTORY_DAYS, min_days: int = 1) -> dt.datetime:
        """A naive-UTC business-hours moment between ``max_days`` and ``min_days`` ago."""
        n = len(self.day_base)
        lo = max(0, n - max_days * 5 // 7)
        hi = max(lo + 1, n - max(0, min_days - 1) * 5 // 7)
        i = lo + int(self.rng.random() * (hi - lo))
        return self.day_base[i] + self.slots[int(self.rng.random() * 126)]

    def local_at(self, day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=self.zone).astimezone(dt.UTC)

    # ------------------------------------------------------------ companies and people

    def digits(self, n: int) -> str:
        return f"{int(self.rng.random() * 10**n):0{n}d}"

    def phone_base(self, area: str) -> str:
        digits = 8 - len(area)
        first = str(self.rng.randint(2, 9))
        return f"+49{area}{first}{self.digits(digits - 1)}"

    def mobile(self) -> str:
        prefix = self.pick(("151", "152", "157", "160", "170", "171", "172", "175", "176", "177"))
        length = 8 if prefix.startswith("15") else 7
        return "+49" + prefix + self.digits(length)

    def street(self) -> str:
        number = self.rng.randint(1, 140)
        suffix = self.pick(("", "", "", "", "", "a", "b")) if number < 60 else ""
        return f"{self.pick(STREET_NAMES)} {number}{suffix}"

    def add_address(
        self, kind: str, city: tuple[str, tuple[str, ...], str, str], *, company_id: int | None = None,
        person_id: int | None = None, extra: str | None = None,
    ) -> None:  # fmt: skip
        t = _tb(m.Address)
        self.add(
            t,
            {
                "id": self.new_id(t),
                "company_id": company_id,
                "person_id": person_id,
                "kind": kind,
                "street": self.street(),
                "extra": extra,
                "postcode": self.pick(city[1]),
                "city": city[0],
                "region": city[3],
                "country": "DE",
            },
        )

    def add_phone(self, number: str, kind: str, *, company_id: int | None = None,
                  person_id: int | None = None, label: str | None = None) -> None:  # fmt: skip
        t = _tb(m.Phone)
        row = {"id": self.new_id(t), "company_id": company_id, "person_id": person_id,
               "kind": kind, "number": number, "label": label}  # fmt: skip
        self.add(t, row)

    def add_email(self, address: str, kind: str, *, company_id: int | None = None,
                  person_id: int | None = None) -> None:  # fmt: skip
        t = _tb(m.Email)
        row = {"id": self.new_id(t), "company_id": company_id, "person_id": person_id,
               "kind": kind, "address": address}  # fmt: skip
        self.add(t, row)

    def priority_history(self, final: str, created: dt.datetime, *, company_id: int | None = None,
                         person_id: int | None = None) -> None:  # fmt: skip
        t = _tb(m.PriorityChange)
        lt = self.light
        first = final
        changed = self.rng.random() < 0.35
        if changed:
            first = self.pick([p for p in ("A", "B", "C") if p != final])
        self.add(t, {"id": self.new_id(t), "company_id": company_id, "person_id": person_id,
                     "old": None, "new": first, "changed_at": lt.ts(created),
                     "reason": "Ersteinstufung"})  # fmt: skip
        if changed:
            span = max(1, int((self.now_naive - created).days))
            at = created + dt.timedelta(days=self.rng.randint(1, span))
            better = "ABC".index(final) < "ABC".index(first)
            reason = self.pick(
                ("Umsatz gestiegen", "strategischer Kunde", "Rahmenvertrag abgeschlossen")
                if better
                else (
                    "Umsatz rückläufig",
                    "seit Monaten keine Bestellung",
                    "Ansprechpartner gewechselt",
                )
            )
            self.add(t, {"id": self.new_id(t), "company_id": company_id, "person_id": person_id,
                         "old": first, "new": final, "changed_at": lt.ts(min(at, self.now_naive)),
                         "reason": reason})  # fmt: skip

    def make_company(self, name: str, legal: str | None, parent_id: int | None,
                     family: str, size: int) -> dict[str, Any]:  # fmt: skip
        rng, lt = self.rng, self.light
        t = _tb(m.Company)
        cid = self.new_id(t)
        city = self.pick(CITIES)
        created = self.past_moment(8 * 365, 400)
        r = rng.random()
        status = "customer" if r < 0.5 else "prospect" if r < 0.88 else "former"
        since = None
        if status != "prospect":
            span = max(1, (self.now_naive - created).days - 365)
            since = (created + dt.timedelta(days=rng.randint(0, span))).date()
        priority = None
        if rng.random() < 0.7:
            priority = "A" if rng.random() < 0.2 else "B" if rng.random() < 0.6 else "C"
        domain = _slug(name.split(",")[0].replace(legal or "", "")) or f"firma{cid}"
        domain = domain.strip("-") + ".de"
        website = f"https://www.{domain}"
        reg = None
        if legal in ("GmbH", "AG", "UG (haftungsbeschränkt)"):
            reg = f"HRB {rng.randint(1000, 759999)}"
        elif legal in ("KG", "OHG", "GmbH & Co. KG", "e.K."):
            reg = f"HRA {rng.randint(100, 99999)}"
        gf = [self.draw_name() for _ in range(1 if rng.random() < 0.8 else 2)]
        row = {
            "id": cid,
            "name": name,
            "legal_form": legal,
            "parent_id": parent_id,
            "status": status,
            "status_reason": self.pick(FORMER_REASONS) if status == "former" else None,
            "customer_since": lt.date(since),
            "priority": priority,
            "website": website,
            "vat_id": _vat_id(rng) if rng.random() < 0.5 else None,
            "register_court": f"Amtsgericht {city[0]}" if reg else None,
            "register_number": reg,
            "managing_directors": ", ".join(f"{g} {f}" for g, _fem, f in gf),
            "payment_terms": self.pick(PAYMENT_TERMS) if status != "prospect" else None,
            "owner": self.owner,
            "notes": "",
            "needs_review": False,
            "import_batch_id": None,
            "deleted_at": None,
            "created_at": lt.ts(created),
            "updated_at": lt.ts(created),
        }
        self.add(t, row)
        base = self.phone_base(city[2])
        phones = [base + "10"]
        self.add_phone(phones[0], "work", company_id=cid, label="Zentrale")
        if rng.random() < 0.3:
            phones.append(base + "99")
            self.add_phone(phones[1], "fax", company_id=cid)
        emails = [f"info@{domain}"]
        self.add_email(emails[0], "work", company_id=cid)
        self.add_address("main", city, company_id=cid)
        if rng.random() < 0.2:
            self.add_address("delivery", city, company_id=cid, extra="Warenannahme Tor 3")
        if rng.random() < 0.15:
            self.add_address("billing", city, company_id=cid, extra="z. Hd. Buchhaltung")
        if status != "prospect" and rng.random() < 0.3:
            t_bank = _tb(m.BankAccount)
            self.add(t_bank, {"id": self.new_id(t_bank), "company_id": cid, "person_id": None,
                              "iban": _iban(rng), "bic": None, "holder": name,
                              "bank_name": self.pick(("Sparkasse", "Volksbank", "Commerzbank", "Deutsche Bank"))})  # fmt: skip
        if priority is not None:
            self.priority_history(priority, created, company_id=cid)
        body = " ".join(x for x in [legal or "", website, *emails, *phones] if x)
        self.company_docs.append((cid, name, body))
        info = {"id": cid, "name": name, "status": status, "since": since, "city": city,
                "base": base, "domain": domain, "gf": gf, "size": size, "created": created,
                "parent": parent_id, "family": family}  # fmt: skip
        self.companies.append(info)
        self.summary.companies += 1
        return info

    def draw_name(self) -> tuple[str, bool, str]:
        given, female = self.pick(GIVEN_NAMES)
        return given, female, self.pick(self.family_pool)

    def company_size(self) -> int:
        r = self.rng.random()
        if r < 0.35:
            size = self.rng.randint(1, 3)
        elif r < 0.75:
            size = self.rng.randint(4, 10)
        elif r < 0.95:
            size = self.rng.randint(11, 30)
        else:
            size = self.rng.randint(31, 100)
        return min(size, max(3, self.n_people // 8))  # small demos: several companies

    def gen_companies(self, employed: int) -> None:
        rng = self.rng
        remaining = employed
        while remaining > 0 or not self.companies:
            family = self.pick(self.family_pool)
            if rng.random() < 0.06:
                group = self.make_company(f"{family} Gruppe", "GmbH & Co. KG", None, family, 2)
                remaining -= 2
                for _ in range(rng.randint(1, 3)):
                    trade = self.pick(TRADES)[0]
                    sub_name = f"{family} {trade} GmbH"
                    size = self.company_size()
                    sub = self.make_company(sub_name, "GmbH", group["id"], family, size)
                    remaining -= size
                    for _ in range(rng.randint(0, 3)):
                        suffix = self.pick(BRANCH_SUFFIXES)
                        size = self.company_size() // 2
                        self.make_company(f"{sub_name}, {suffix}", "GmbH", sub["id"], family, size)
                        remaining -= size
            else:
                trade = self.pick(TRADES)[0]
                legal = self.pick(self.legal_pool)
                r = rng.random()
                if r < 0.65:
                    name = f"{family} {trade} {legal}"
                elif r < 0.85:
                    name = f"{self.pick(FANTASY_NAMES)} {trade} {legal}"
                else:
                    other = self.pick(self.family_pool)
                    name = f"{family} & {other} {legal}"
                size = 0 if rng.random() < 0.08 else self.company_size()
                self.make_company(name, legal, None, family, size)
                remaining -= size
        # sizes overshoot at the end: trim so that exactly ``employed`` people get a job
        total = sum(c["size"] for c in self.companies)
        i = len(self.companies) - 1
        while total > employed and i >= 0:
            cut = min(self.companies[i]["size"], total - employed)
            self.companies[i]["size"] -= cut
            total -= cut
            i -= 1
        self.flush_all(
            _tb(m.Company), _tb(m.Phone), _tb(m.Email), _tb(m.Address),
            _tb(m.BankAccount), _tb(m.PriorityChange),
        )  # fmt: skip

    def add_person(
        self,
        name: tuple[str, bool, str],
        *,
        company: dict[str, Any] | None,
        department_id: int | None,
        reports_to: int | None,
        position: str | None,
    ) -> int:
        rng, lt = self.rng, self.light
        t = _tb(m.Person)
        pid = self.new_id(t)
        given, female, family = name
        r = rng.random()
        title = (
            "Dr." if r < 0.05 else "Prof. Dr." if r < 0.056 else "Dipl.-Ing." if r < 0.075 else None
        )
        salutation = ("Frau" if female else "Herr") if rng.random() < 0.985 else None
        full = " ".join(p for p in (title, given, family) if p)
        created = self.past_moment(6 * 365, 30)
        if company is not None and created < company["created"]:
            created = company["created"] + dt.timedelta(days=rng.randint(0, 60))
        birth = None
        if rng.random() < 0.55:
            birth = self.today - dt.timedelta(days=rng.randint(22 * 365, 64 * 365))
        consent = rng.random() < 0.3
        consent_at = self.past_moment(5 * 365) if consent else None
        withdrawn = None
        if consent and rng.random() < 0.08:
            consent = False
            withdrawn = consent_at + dt.timedelta(days=rng.randint(30, 300)) if consent_at else None
            if withdrawn is not None and withdrawn > self.now_naive:
                withdrawn = self.now_naive - dt.timedelta(days=1)
        interval = None
        interval_kind = None
        if rng.random() < 0.04:
            interval = self.pick((14, 30, 30, 60, 90, 90, 180))
            interval_kind = self.pick(("call", "call", "visit", "meeting", "email"))
        priority = None
        if rng.random() < 0.35:
            priority = "A" if rng.random() < 0.2 else "B" if rng.random() < 0.6 else "C"
        occupation = None
        if company is None:
            occupation = self.pick(FREELANCE_OCCUPATIONS)
        notes = ""
        if rng.random() < 0.08:
            notes = self.pick((
                "Bevorzugt Kontakt per E-Mail.", "Nicht vor 10 Uhr anrufen.",
                "Entscheidet gemeinsam mit dem Einkauf.", "Sehr preisbewusst.",
                "Kennt uns von der Hannover Messe.", "Duzt sich mit dem Chef.",
            ))  # fmt: skip
        row = {
            "id": pid,
            "salutation": salutation,
            "title": title,
            "given_name": given,
            "family_name": family,
            "nickname": None,
            "birth_date": lt.date(birth),
            "position": position,
            "company_id": company["id"] if company else None,
            "department_id": department_id,
            "reports_to_id": reports_to,
            "occupation": occupation,
            "marital_status": self.pick(MARITAL) if rng.random() < 0.1 else None,
            "hobbies": self.pick(HOBBIES) if rng.random() < 0.1 else None,
            "profile_fields": "{}",
            "consent_marketing": consent,
            "consent_at": lt.ts(consent_at),
            "consent_source": self.pick(CONSENT_SOURCES) if consent_at else None,
            "consent_withdrawn_at": lt.ts(withdrawn),
            "contact_interval_days": interval,
            "contact_interval_kind": interval_kind,
            "priority": priority,
            "payment_terms": None,
            "owner": self.owner,
            "notes": notes,
            "vcard_uid": None,
            "photo": None,
            "needs_review": False,
            "review_reason": None,
            "import_batch_id": None,
            "anonymized_at": None,
            "deleted_at": None,
            "created_at": lt.ts(created),
            "updated_at": lt.ts(created),
        }
        self.add(t, row)
        if interval:
            self.interval_of[pid] = interval
        emails: list[str] = []
        phones: list[tuple[str, str]] = []
        local = _slug(given) + "." + _slug(family)
        if company is not None:
            if rng.random() < 0.92:
                style = rng.random()
                lp = (
                    local
                    if style < 0.7
                    else f"{_slug(given)[:1]}.{_slug(family)}"
                    if style < 0.9
                    else _slug(family)
                )
                emails.append(f"{lp}@{company['domain']}")
            if rng.random() < 0.9:
                phones.append((company["base"], "work"))
        else:
            emails.append(
                f"{local}{rng.randint(1, 99) if rng.random() < 0.4 else ''}@{self.pick(FREEMAIL)}"
            )
        if rng.random() < (0.45 if company else 0.9):
            phones.append((self.mobile(), "mobile"))
        numbers: list[str] = []
        for entry in phones:
            number, kind = entry
            if kind == "work":
                number = f"{number}{rng.randint(11, 98)}"
            numbers.append(number)
            self.add_phone(number, kind, person_id=pid)
        for address in emails:
            self.add_email(address, "work" if company else "home", person_id=pid)
        if company is None or rng.random() < 0.05:
            self.add_address("home", self.pick(CITIES), person_id=pid)
        if priority is not None:
            self.priority_history(priority, created, person_id=pid)
        if consent:
            self.consenting.append(pid)
        cname = company["name"] if company else ""
        body = " ".join(x for x in [cname, position or "", *emails, *numbers] if x)
        self.person_docs.append((pid, full, body))
        ref = f"{salutation} {family}" if salutation else full
        self.person_info[pid] = (
            ref,
            company["id"] if company else None,
            emails[0] if emails else "",
        )
        if company is not None:
            self.people_of.setdefault(company["id"], []).append(pid)
        self.summary.people += 1
        return pid

    def gen_people(self) -> None:
        rng = self.rng
        t_dept = _tb(m.Department)
        freelancers = self.n_people - sum(c["size"] for c in self.companies)
        for comp in self.companies:
            size = comp["size"]
            if size <= 0:
                continue
            if size <= 2:
                depts = ["Geschäftsführung"]
            elif size <= 10:
                depts = ["Geschäftsführung", *rng.sample(DEPARTMENTS[1:], rng.randint(1, 3))]
            else:
                depts = ["Geschäftsführung", *rng.sample(DEPARTMENTS[1:], rng.randint(3, 7))]
            dept_ids: dict[str, int] = {}
            for dept in depts:
                did = self.new_id(t_dept)
                dept_ids[dept] = did
                self.add(t_dept, {"id": did, "company_id": comp["id"], "name": dept})
                self.summary.departments += 1
            # managing directors first (their names are on the company), then one head per
            # department, then the staff reporting to their head
            made = 0
            boss: int | None = None
            for gname in comp["gf"]:
                if made >= size:
                    break
                pos = POSITIONS["Geschäftsführung"][0][1 if gname[1] else 0]
                pid = self.add_person(gname, company=comp, department_id=dept_ids["Geschäftsführung"],
                                      reports_to=None, position=pos)  # fmt: skip
                boss = boss or pid
                made += 1
            heads: dict[str, int] = {}
            others = depts[1:] or depts
            i = 0
            while made < size:
                dname = others[i % len(others)]
                i += 1
                name = self.draw_name()
                head_pos, staff = POSITIONS[dname]
                if dname not in heads and dname != "Geschäftsführung":
                    pos = head_pos[1 if name[1] else 0]
                    pid = self.add_person(name, company=comp, department_id=dept_ids[dname],
                                          reports_to=boss, position=pos)  # fmt: skip
                    heads[dname] = pid
                else:
                    pos = self.pick(staff)[1 if name[1] else 0]
                    sup = heads.get(dname, boss)
                    pid = self.add_person(name, company=comp, department_id=dept_ids[dname],
                                          reports_to=sup, position=pos)  # fmt: skip
                made += 1
                if made % 5000 == 0:
                    self.tick(5000)
        for _ in range(max(0, freelancers)):
            pid = self.add_person(self.draw_name(), company=None, department_id=None,
                                  reports_to=None, position=None)  # fmt: skip
            self.freelancers.append(pid)
        self.flush_all(
            t_dept, _tb(m.Person), _tb(m.Phone), _tb(m.Email),
            _tb(m.Address), _tb(m.PriorityChange),
        )  # fmt: skip
        self.tick(self.n_people % 5000)

    # ------------------------------------------------------------ activities

    def activity_row(
        self,
        kind: str,
        moment: dt.datetime,
        person_id: int | None,
        company_id: int | None,
        *,
        ticket_id: int | None = None,
        project_id: int | None = None,
        opportunity_id: int | None = None,
        campaign_id: int | None = None,
        subject: str | None = None,
    ) -> tuple[Any, ...]:
        """One activity as a tuple in ``ACTIVITY_COLUMNS`` order, with a German text."""
        rnd = self.rng.random
        subjects, openings, details, closings = ACTIVITY_TEXTS[kind]
        ref = self.person_info[person_id][0] if person_id else "Kunde"
        later = moment + dt.timedelta(days=int(rnd() * 20) + 2)
        fmt = {
            "n": ref,
            "p": PRODUCTS[int(rnd() * len(PRODUCTS))],
            "q": f"{moment.year}-{int(rnd() * 240) + 1}",
            "d": f"{later.day:02d}.{later.month:02d}.",
            "k": later.isocalendar()[1],
        }
        title = subjects[int(rnd() * len(subjects))].format_map(fmt)
        body = " ".join(
            p
            for p in (
                openings[int(rnd() * len(openings))],
                details[int(rnd() * len(details))],
                closings[int(rnd() * len(closings))],
            )
            if p
        ).format_map(fmt)
        direction, channel, duration, location = ACTIVITY_SHAPE[kind]
        if kind in ("call", "email") and campaign_id is None:
            direction = "inbound" if rnd() < 0.4 else "outbound"
        stamp = self.light.ts(moment)
        aid = self.next_activity_id
        self.next_activity_id += 1
        self.summary.activities += 1
        return (
            aid, kind, direction, channel, stamp,
            (duration + int(rnd() * duration)) if duration else None,
            subject or title, body, location, self.owner, person_id, company_id,
            ticket_id, project_id, opportunity_id, campaign_id, None, 1, None, stamp, stamp,
        )  # fmt: skip

    def activity_batches(self) -> Iterator[list[tuple[Any, ...]]]:
        """The timeline of every person: 2-17 activities each over the last years."""
        if self.pending_activities:
            yield self.pending_activities
            self.pending_activities = []
        rng = self.rng
        rnd = rng.random
        kinds = ACTIVITY_KIND_POOL
        n_kinds = len(kinds)
        n_days = len(self.day_base)
        day_base, slots = self.day_base, self.slots
        batch: list[tuple[Any, ...]] = []
        for pid, (_ref, cid, _mail) in self.person_info.items():
            for _ in range(rng.randint(2, 17)):
                # more recent days are a little more likely
                i = min(int(n_days * (rnd() ** 0.75)), n_days - 1)
                moment = day_base[i] + slots[int(rnd() * 126)]
                batch.append(self.activity_row(kinds[int(rnd() * n_kinds)], moment, pid, cid))
            interval = self.interval_of.get(pid)
            if interval and rnd() < 0.9:
                # people with a contact rhythm were mostly contacted within it
                back = int(rnd() * max(1, interval * 5 // 7 - 1))  # working days
                moment = day_base[max(0, n_days - 1 - back)] + slots[int(rnd() * 126)]
                batch.append(self.activity_row(kinds[int(rnd() * n_kinds)], moment, pid, cid))
            if len(batch) >= BATCH:
                yield batch
                batch = []
                if self.stop:
                    return
        if batch:
            yield batch

    def gen_activities(self) -> None:
        """Write activities and their search documents batch by batch.

        A second thread generates the next batch while the database indexes the
        current one (SQLite releases the GIL during the INSERT ... SELECT that feeds
        the full-text index). It waits while rows are bound for executemany, which
        needs the GIL itself: taking turns is faster than contending for it.
        """
        work: queue.Queue[list[tuple[Any, ...]] | BaseException | None] = queue.Queue()
        turn = threading.Semaphore(1)

        def produce() -> None:
            try:
                batches = self.activity_batches()
                while True:
                    turn.acquire()
                    if self.stop:
                        break
                    batch = next(batches, None)
                    if batch is None:
                        break
                    work.put(batch)
            except BaseException as exc:  # handed to the writer, raised there
                work.put(exc)
            finally:
                work.put(None)

        producer = threading.Thread(target=produce, name="demo-activities", daemon=True)
        producer.start()
        act = _tb(m.Activity)
        docs = _tb(m.SearchDocument)
        try:
            while (item := work.get()) is not None:
                if isinstance(item, BaseException):
                    raise item
                self.write_tuples(act, ACTIVITY_COLUMNS, item)
                turn.release()  # the producer may work while the index is fed
                first, last = item[0][0], item[-1][0]
                src = select(literal("activity"), act.c.id, act.c.subject, act.c.text).where(
                    act.c.id.between(first, last)
                )
                self.conn.execute(
                    insert(docs).from_select(["kind", "ref_id", "title", "body"], src)
                )
                self.summary.search_documents += len(item)
                self.tick(2 * len(item))
        finally:
            self.stop = True
            turn.release()
            while producer.is_alive():  # drain so that the producer can finish
                with suppress(queue.Empty):
                    work.get(timeout=0.1)
                turn.release()
            producer.join()

    # ------------------------------------------------------------ tickets

    def gen_tickets(self) -> None:
        rng, lt = self.rng, self.light
        t, t_sc = _tb(m.Ticket), _tb(m.TicketStatusChange)
        staffed = [c for c in self.companies if self.people_of.get(c["id"])]
        if not staffed:
            return
        customers = [c for c in staffed if c["status"] == "customer"] or staffed
        n = max(3, self.n_people // 20)
        plans = []
        for _ in range(n):
            comp = self.pick(customers) if rng.random() < 0.85 else self.pick(staffed)
            opened = self.past_moment(3 * 365, 0)
            plans.append((opened, comp))
        plans.sort(key=lambda p: p[0])
        seq = self.sequences("ticket")
        for opened, comp in plans:
            year = opened.replace(tzinfo=dt.UTC).astimezone(self.zone).year
            seq[str(year)] = seq.get(str(year), 0) + 1
            number = f"T-{year}-{seq[str(year)]:05d}"
            tid = self.new_id(t)
            people = self.people_of[comp["id"]]
            reporter = self.pick(people)
            kind = "complaint" if rng.random() < 0.55 else "service_call"
            title = self.pick(TICKET_TITLES)
            age = (self.now_naive - opened).days
            r = rng.random()
            if age > 60:
                path = (
                    ["waiting", "solved", "closed"]
                    if r < 0.6
                    else ["solved", "closed"]
                    if r < 0.85
                    else ["solved", "reopened", "solved", "closed"]
                )
            elif age > 14:
                path = (
                    ["waiting", "solved"]
                    if r < 0.4
                    else ["waiting"]
                    if r < 0.7
                    else ["solved", "reopened"]
                    if r < 0.8
                    else []
                )
            else:
                path = [] if r < 0.5 else ["waiting"]
            moment = opened
            status = "open"
            changes: list[tuple[str | None, str, dt.datetime, str]] = [
                (None, "open", opened, "Ticket angelegt.")
            ]
            for new in path:
                step = dt.timedelta(
                    hours=rng.randint(2, 24 * max(1, min(age, 20)) // max(1, len(path)))
                )
                moment = min(moment + step, self.now_naive - dt.timedelta(minutes=5))
                changes.append((status, new, moment, self.pick(TICKET_STATUS_NOTES[new])))
                status = new
            acts = []
            first = self.activity_row(kind, opened, reporter, comp["id"], ticket_id=tid)
            first_text = first[ACTIVITY_COLUMNS.index("text")]
            acts.append(first)
            for j in range(rng.randint(1, 4)):
                at = changes[min(j + 1, len(changes) - 1)][2] + dt.timedelta(
                    minutes=rng.randint(5, 240)
                )
                at = min(at, self.now_naive - dt.timedelta(minutes=1))
                who = self.pick(people)
                acts.append(
                    self.activity_row(
                        self.pick(("call", "email", "service_call", "note")),
                        at,
                        who,
                        comp["id"],
                        ticket_id=tid,
                    )
                )
            closed_at = moment if status in ("closed", "solved") else None
            prio = "A" if title.startswith("Maschine steht") else self.pick(("A", "B", "B", "C"))
            self.add(t, {
                "id": tid, "number": number, "title": title, "status": status, "kind": kind,
                "person_id": reporter, "company_id": comp["id"], "priority": prio,
                "description": first_text, "opened_at": lt.ts(opened), "closed_at": lt.ts(closed_at),
                "deleted_at": None, "created_at": lt.ts(opened), "updated_at": lt.ts(moment),
            })  # fmt: skip
            for old, new, at, note in changes:
                self.add(t_sc, {"id": self.new_id(t_sc), "ticket_id": tid, "old_status": old,
                                "new_status": new, "changed_at": lt.ts(at), "changed_by": self.owner,
                                "note": note})  # fmt: skip
            self.other_docs.append(("ticket", tid, f"{number} {title}", first_text))
            self.ticket_numbers.append((tid, number, reporter, comp["id"]))
            self.pending_activities.extend(acts)
            self.summary.tickets += 1
        self.flush_all(t, t_sc)
        self.store_sequences("ticket", seq)

    def sequences(self, name: str) -> dict[str, int]:
        t = _tb(m.NumberSequence)
        rows = self.conn.execute(select(t.c.period, t.c.last_value).where(t.c.name == name)).all()
        self.seq_existing = getattr(self, "seq_existing", set()) | {(name, p) for p, _ in rows}
        return {p: v for p, v in rows}

    def store_sequences(self, name: str, values: dict[str, int]) -> None:
        t = _tb(m.NumberSequence)
        for period, value in values.items():
            if (name, period) in self.seq_existing:
                self.conn.execute(
                    update(t).where(t.c.name == name, t.c.period == period).values(last_value=value)
                )
            else:
                self.conn.execute(insert(t).values(name=name, period=period, last_value=value))

    # ------------------------------------------------------------ pipeline, projects, orders

    def gen_pipeline(self) -> None:
        rng, lt = self.rng, self.light
        stage_ids = ensure_default_pipeline(self.conn)
        st = _tb(m.PipelineStage)
        stages = self.conn.execute(
            select(st.c.id, st.c.name, st.c.probability).where(st.c.is_closed.is_(False)).order_by(st.c.position)
        ).all()  # fmt: skip
        del stage_ids
        reasons = self.conn.execute(select(m.LossReason.id, m.LossReason.name)).all()
        t, t_doc = _tb(m.Opportunity), _tb(m.Document)
        staffed = [
            c for c in self.companies if self.people_of.get(c["id"]) and c["status"] != "former"
        ]
        if not staffed or not stages:
            return
        n = max(8, self.n_people // 25)
        quote_seq = self.sequences("quote")
        for k in range(n):
            comp = self.pick(staffed)
            person = self.pick(self.people_of[comp["id"]])
            r = (
                rng.random() if k >= 2 else (0.9 if k == 0 else 0.7)
            )  # at least one won and one lost
            created = self.past_moment(2 * 365, 3)
            if r < 0.55:
                stage = stages[min(len(stages) - 1, int(r / 0.55 * len(stages)))]
                status = "open"
                prob = int(stage[2])
                closed = None
                expected = self.today + dt.timedelta(days=rng.randint(7, 180))
            else:
                stage = stages[-1]
                status = "won" if r < 0.8 else "lost"
                prob = 100 if status == "won" else 0
                closed = min(
                    created + dt.timedelta(days=rng.randint(10, 120)),
                    self.now_naive - dt.timedelta(hours=2),
                )
                expected = closed.date()
            oid = self.new_id(t)
            quoted = None
            quote_stage = 0
            if stage[0] >= stages[min(2, len(stages) - 1)][0] or status != "open":
                quoted = created + dt.timedelta(days=rng.randint(1, 10))
                quoted = min(quoted, self.now_naive - dt.timedelta(hours=1))
                quote_stage = rng.randint(0, 3) if status == "open" else 0
                year = str(quoted.year)
                quote_seq[year] = quote_seq.get(year, 0) + 1
                qnum = f"{year}-{quote_seq[year]}"
                if status == "open":
                    self.quote_numbers.append((oid, qnum))
                self.add(t_doc, {"id": self.new_id(t_doc), "title": f"Angebot {qnum}", "kind": "quote",
                                 "path": None, "opportunity_id": oid, "project_id": None,
                                 "person_id": person, "company_id": comp["id"],
                                 "status": "accepted" if status == "won" else "closed" if status == "lost" else "open",
                                 "created_at": lt.ts(quoted), "updated_at": lt.ts(quoted)})  # fmt: skip
            value = decimal.Decimal(rng.randint(20, 2500) * 100)
            reason = self.pick(reasons) if status == "lost" and reasons else None
            row = {
                "id": oid, "title": f"{self.pick(OPPORTUNITY_TOPICS)} – {comp['name'].split(',')[0]}",
                "company_id": comp["id"], "person_id": person, "stage_id": stage[0], "status": status,
                "value": lt.money(value), "currency": "EUR", "probability": prob,
                "expected_close": lt.date(expected), "owner": self.owner,
                "source": self.pick(("Messe", "Empfehlung", "Website", "Kaltakquise", "Bestandskunde")),
                "loss_reason_id": reason[0] if reason else None,
                "loss_note": self.pick(LOSS_NOTES) if reason else None,
                "quote_sent_at": lt.ts(quoted), "quote_stage": quote_stage, "closed_at": lt.ts(closed),
                "project_id": None, "deleted_at": None,
                "created_at": lt.ts(created), "updated_at": lt.ts(closed or quoted or created),
            }  # fmt: skip
            self.add(t, row)
            for j in range(rng.randint(1, 3)):
                at = min(
                    created + dt.timedelta(days=3 * j, minutes=rng.randint(0, 600)), self.now_naive
                )
                kind = ("call", "email", "meeting")[j % 3]
                self.pending_activities.append(
                    self.activity_row(kind, at, person, comp["id"], opportunity_id=oid)
                )
            if status == "won":
                self.won.append(
                    {"id": oid, "company": comp, "closed": closed, "value": value, "person": person}
                )
            self.summary.opportunities += 1
        self.flush_all(t)
        self.store_sequences("quote", quote_seq)
        self.flush(t_doc)

    def gen_projects(self) -> None:
        rng, lt = self.rng, self.light
        t, t_mem = _tb(m.Project), m.project_members
        staffed = [c for c in self.companies if self.people_of.get(c["id"])]
        if not staffed:
            return
        n = max(2, self.n_people // 100, len(self.won))
        links: list[dict[str, Any]] = []
        for k in range(n):
            opp = self.won[k] if k < len(self.won) else None
            comp = opp["company"] if opp else self.pick(staffed)
            pid = self.new_id(t)
            if opp is not None:
                start = (opp["closed"] + dt.timedelta(days=rng.randint(5, 40))).date()
                links.append({"oid": opp["id"], "pid": pid})
            else:
                start = self.past_moment(3 * 365, 0).date() + dt.timedelta(days=rng.randint(0, 90))
            end = start + dt.timedelta(days=rng.randint(30, 300))
            if start > self.today:
                status = "planned"
            elif end < self.today:
                status = "done" if rng.random() < 0.85 else "cancelled"
            else:
                status = "active" if rng.random() < 0.85 else "on_hold"
            topic = self.pick(PROJECT_TOPICS)
            name = f"{topic} – {comp['name'].split(',')[0]}"
            desc = f"{topic} für {comp['name']}. Ansprechpartner: {self.person_info[self.people_of[comp['id']][0]][0]}."
            created = dt.datetime.combine(start, dt.time(9)) - dt.timedelta(days=3)
            self.add(t, {"id": pid, "name": name, "status": status, "company_id": comp["id"],
                         "opportunity_id": opp["id"] if opp else None, "start_date": lt.date(start),
                         "end_date": lt.date(end), "description": desc, "deleted_at": None,
                         "created_at": lt.ts(min(created, self.now_naive)),
                         "updated_at": lt.ts(min(created, self.now_naive))})  # fmt: skip
            members = list(self.people_of[comp["id"]])
            rng.shuffle(members)
            members = members[: rng.randint(2, 6)]
            # partners from a sister company of the group or a freelancer
            if rng.random() < 0.4:
                sisters = [c for c in staffed if c["family"] == comp["family"] and c["id"] != comp["id"]
                           and (c["parent"] == comp["parent"] or c["id"] == comp["parent"] or c["parent"] == comp["id"])]  # fmt: skip
                pool = self.people_of[self.pick(sisters)["id"]] if sisters else self.freelancers
                if pool:
                    extra = self.pick(pool)
                    if extra not in members:
                        members.append(extra)
            for person in members:
                self.add(t_mem, {"project_id": pid, "person_id": person})
            first = (
                dt.datetime.combine(start, dt.time(8))
                .replace(tzinfo=self.zone)
                .astimezone(dt.UTC)
                .replace(tzinfo=None)
            )
            last = min(self.now_naive, first + dt.timedelta(days=(end - start).days))
            span = max(1, int((last - first).total_seconds() // 3600))
            if first < self.now_naive:
                for _ in range(rng.randint(3, 8)):
                    at = first + dt.timedelta(hours=rng.randint(0, span))
                    who = self.pick(members)
                    kind = self.pick(("meeting", "call", "email", "visit", "note"))
                    self.pending_activities.append(
                        self.activity_row(kind, at, who, self.person_info[who][1], project_id=pid)
                    )
            self.other_docs.append(("project", pid, name, desc))
            self.summary.projects += 1
        self.flush_all(t, t_mem)
        t_opp = _tb(m.Opportunity)
        if links:
            self.conn.execute(
                update(t_opp)
                .where(t_opp.c.id == bindparam("oid"))
                .values(project_id=bindparam("pid")),
                links,
            )

    def gen_orders(self) -> None:
        rng, lt = self.rng, self.light
        t, t_line = _tb(m.Order), _tb(m.OrderLine)
        buyers = [
            c
            for c in self.companies
            if c["status"] in ("customer", "former") and self.people_of.get(c["id"])
        ]
        if not buyers:
            return
        n = max(5, self.n_people // 10)
        plans: list[tuple[dt.date, dict[str, Any], decimal.Decimal | None, int | None]] = []
        for _ in range(n):
            comp = self.pick(buyers)
            since = comp["since"] or self.today - dt.timedelta(days=1000)
            first = max(since, self.today - dt.timedelta(days=3 * 365))
            span = max(1, (self.today - first).days)
            plans.append((first + dt.timedelta(days=rng.randint(0, span - 1)), comp, None, None))
        for won in self.won:
            day = (won["closed"] + dt.timedelta(days=2)).date()
            plans.append((min(day, self.today), won["company"], won["value"], won["id"]))
        plans.sort(key=lambda p: p[0])
        seq = self.sequences("order")
        self.revenue: dict[tuple[int, int, bool], decimal.Decimal] = {}
        cent = decimal.Decimal("0.01")
        for day, comp, value, oid in plans:
            year = str(day.year)
            seq[year] = seq.get(year, 0) + 1
            order_id = self.new_id(t)
            lines = []
            if value is not None:
                lines.append(
                    ("DL-4003", "Projektpauschale laut Angebot", "psch", decimal.Decimal(1), value)
                )
            for _ in range(rng.randint(1, 5)):
                sku, desc, unit, list_price = self.pick(ARTICLES)
                qty = decimal.Decimal(
                    rng.randint(1, 16) if unit in ("Std", "Stk") else rng.randint(1, 4)
                )
                unit_price = (
                    decimal.Decimal(str(list_price)) * decimal.Decimal(rng.randint(90, 105)) / 100
                ).quantize(cent)
                lines.append((sku, desc, unit, qty, unit_price))
            total = sum(((q * p).quantize(cent) for _s, _d, _u, q, p in lines), decimal.Decimal(0))
            is_new = comp["since"] is not None and (day - comp["since"]).days < 365
            age = (self.today - day).days
            status = "invoiced" if age > 45 else "delivered" if age > 10 else "open"
            people = self.people_of[comp["id"]]
            self.add(t, {"id": order_id, "number": f"A-{year}-{seq[year]:05d}", "company_id": comp["id"],
                         "person_id": self.pick(people), "opportunity_id": oid, "order_date": lt.date(day),
                         "status": status, "currency": "EUR", "notes": "", "is_new_customer": is_new,
                         "total_net": lt.money(total), "deleted_at": None,
                         "created_at": lt.ts(dt.datetime.combine(day, dt.time(10))),
                         "updated_at": lt.ts(dt.datetime.combine(day, dt.time(10)))})  # fmt: skip
            for pos, (sku, desc, unit, qty, price) in enumerate(lines, start=1):
                self.add(t_line, {"id": self.new_id(t_line), "order_id": order_id, "position": pos,
                                  "sku": sku, "description": desc, "quantity": lt.money(qty),
                                  "unit": unit, "unit_price": lt.money(price), "vat_rate": lt.money(decimal.Decimal(19))})  # fmt: skip
                self.summary.order_lines += 1
            key = (day.year, day.month, is_new)
            self.revenue[key] = self.revenue.get(key, decimal.Decimal(0)) + total
            self.summary.orders += 1
        self.flush_all(t, t_line)
        self.store_sequences("order", seq)

    def gen_targets(self) -> None:
        lt = self.light
        t = _tb(m.RevenueTarget)
        have = {(y, mo) for y, mo in self.conn.execute(select(t.c.year, t.c.month)).all()}
        revenue = getattr(self, "revenue", {})
        months = 36
        existing = sum((v for (_y, _m, new), v in revenue.items() if not new), decimal.Decimal(0))
        new_total = sum((v for (_y, _m, new), v in revenue.items() if new), decimal.Decimal(0))
        base_existing = max(decimal.Decimal(5000), existing / months)
        base_new = max(decimal.Decimal(1000), new_total / months)
        rows = []
        for year in (self.today.year - 1, self.today.year):
            for month in range(1, 13):
                if (year, month) in have:
                    continue
                season = decimal.Decimal(1) + decimal.Decimal((3 - abs(month - 6)) * 2) / 100
                rows.append({
                    "id": self.new_id(t), "year": year, "month": month,
                    "existing_customers": lt.money((base_existing * season * decimal.Decimal("1.08")).quantize(decimal.Decimal("100"))),
                    "new_customers": lt.money((base_new * season * decimal.Decimal("1.10")).quantize(decimal.Decimal("100"))),
                })  # fmt: skip
        if rows:
            self.conn.execute(insert(self.light(t)), rows)

    # ------------------------------------------------------------ calendar and campaign

    def uid(self, kind: str, row_id: int) -> str:
        """A stable iCalendar UID; the row id keeps it unique when demo data is added twice."""
        return f"{uuid.UUID(int=self.rng.getrandbits(128), version=4)}-{kind}{row_id}@crm-desktop"

    def gen_followups(self) -> None:
        rng, lt = self.rng, self.light
        t = _tb(m.FollowUp)
        staffed = [c for c in self.companies if self.people_of.get(c["id"])]
        n = max(10, self.n_people // 20)
        for k in range(n):
            r = rng.random()
            if k < 3 or r < 0.1:
                bucket = "today"
                due = self.local_at(self.today, (8, 10, 11, 14, 15, 16)[k % 6], (0, 30)[k % 2])
            elif k < 6 or r < 0.4:
                bucket = "overdue"
                day = self.today - dt.timedelta(days=rng.randint(1, 45))
                due = self.local_at(day, rng.randint(8, 17))
            else:
                bucket = "later"
                day = self.today + dt.timedelta(days=rng.randint(1, 60))
                due = self.local_at(day, rng.randint(8, 17))
            note = self.pick(FOLLOWUP_NOTES)
            opp_id = ticket_id = None
            person: int | None = None
            company: int | None = None
            if "{q}" in note and self.quote_numbers:
                opp_id, qnum = self.pick(self.quote_numbers)
                note = note.replace("{q}", qnum)
            elif "{t}" in note and self.ticket_numbers:
                ticket_id, tnum, person, company = self.pick(self.ticket_numbers)
                note = note.replace("{t}", tnum)
            else:
                note = (
                    note.replace("{q}", f"{self.today.year}-17")
                    .replace("{t}", "")
                    .replace("{p}", self.pick(PRODUCTS))
                )
            if person is None:
                if staffed and rng.random() < 0.9:
                    comp = self.pick(staffed)
                    person, company = self.pick(self.people_of[comp["id"]]), comp["id"]
                elif self.freelancers:
                    person = self.pick(self.freelancers)
            created = due - dt.timedelta(days=rng.randint(3, 30))
            self.add(t, {
                "id": (fid := self.new_id(t)), "uid": self.uid("f", fid), "due_at": lt.ts(due),
                "kind": self.pick(("call", "call", "email", "visit", "meeting")), "note": note,
                "owner": self.owner, "person_id": person, "company_id": company, "activity_id": None,
                "ticket_id": ticket_id, "opportunity_id": opp_id, "project_id": None,
                "done_at": None, "cancelled_at": None, "snoozed_until": None, "notified_at": None,
                "auto_reason": "interval" if note == "Jahresgespräch vorbereiten" else None,
                "sequence": 0, "created_at": lt.ts(min(created, self.now)), "updated_at": lt.ts(min(created, self.now)),
            })  # fmt: skip
            del bucket
            self.summary.followups += 1
        self.flush(t)

    def gen_appointments(self) -> None:
        rng, lt = self.rng, self.light
        t, t_att = _tb(m.Appointment), m.appointment_attendees
        staffed = [c for c in self.companies if self.people_of.get(c["id"])]
        if not staffed:
            return
        monday = self.today - dt.timedelta(days=self.today.weekday())
        n = max(5, min(20, 5 + self.n_people // 2000))
        for k in range(n):
            if k < 3:
                day, hour = self.today, (10, 13, 16)[k]
            else:
                day, hour = monday + dt.timedelta(days=rng.randint(0, 4)), rng.randint(8, 17)
            start = self.local_at(day, hour, self.pick((0, 0, 15, 30)))
            minutes = self.pick((30, 60, 60, 90, 120))
            comp = self.pick(staffed)
            person = self.pick(self.people_of[comp["id"]])
            ref, _cid, mail = self.person_info[person]
            topic = self.pick(
                (
                    "Jahresgespräch",
                    "Projektbesprechung",
                    "Vorführung",
                    "Angebotsbesprechung",
                    "Wartungsplanung",
                )
            )
            kind = self.pick(("meeting", "visit", "call"))
            aid = self.new_id(t)
            self.add(t, {
                "id": aid, "uid": self.uid("a", aid), "title": f"{topic} {comp['name'].split(',')[0]} ({ref})",
                "start_at": lt.ts(start), "end_at": lt.ts(start + dt.timedelta(minutes=minutes)),
                "all_day": False, "location": None if kind == "call" else f"{comp['city'][0]}",
                "description": f"{topic} mit {ref}.", "kind": kind,
                "status": "confirmed" if rng.random() < 0.8 else "tentative",
                "organizer_email": None, "organizer_name": self.owner, "owner": self.owner,
                "person_id": person, "company_id": comp["id"], "project_id": None, "opportunity_id": None,
                "sequence": 0, "notified_at": None, "source": "local",
                "created_at": lt.ts(self.now - dt.timedelta(days=7)), "updated_at": lt.ts(self.now - dt.timedelta(days=7)),
            })  # fmt: skip
            if mail:
                self.add(t_att, {"id": self.new_id(t_att), "appointment_id": aid, "person_id": person,
                                 "email": mail, "name": ref, "partstat": self.pick(("ACCEPTED", "NEEDS-ACTION"))})  # fmt: skip
            self.summary.appointments += 1
        self.flush_all(t, t_att)

    def gen_campaign(self) -> None:
        rng, lt = self.rng, self.light
        t, t_mem = _tb(m.Campaign), m.campaign_members
        year = self.today.year
        cid = self.new_id(t)
        created = self.now_naive - dt.timedelta(days=40)
        name = f"Herbstaktion Wartungsverträge {year}"
        self.conn.execute(insert(self.light(t)).values(
            id=cid, name=name, description="Mailing an Kunden mit Einwilligung: Wartungsvertrag Premium zum Aktionspreis.",
            criteria=lt.json({"consent": True, "company_status": ["customer"]}),
            created_at=lt.ts(created), updated_at=lt.ts(created),
        ))  # fmt: skip
        customers = {c["id"] for c in self.companies if c["status"] == "customer"}
        members = [p for p in self.consenting if self.person_info[p][1] in customers][:5000]
        for pid in members:
            self.add(t_mem, {"campaign_id": cid, "person_id": pid})
            if rng.random() < 0.5:
                at = created + dt.timedelta(days=1, minutes=rng.randint(0, 600))
                self.pending_activities.append(
                    self.activity_row("email", at, pid, self.person_info[pid][1],
                                      campaign_id=cid, subject=f"Mailing: {name}")
                )  # fmt: skip
        self.flush(t_mem)
        self.summary.campaigns += 1

    # ------------------------------------------------------------ search index

    def fill_search(self) -> None:
        """Search documents of people, companies, tickets and projects in bulk (the
        activities' documents are written with the activities)."""
        t = _tb(m.SearchDocument)
        rows = [
            {"kind": "person", "ref_id": ref, "title": title, "body": body}
            for ref, title, body in self.person_docs
        ]
        rows += [
            {"kind": "company", "ref_id": ref, "title": title, "body": body}
            for ref, title, body in self.company_docs
        ]
        rows += [
            {"kind": kind, "ref_id": ref, "title": title, "body": body}
            for kind, ref, title, body in self.other_docs
        ]
        for start in range(0, len(rows), BATCH):
            self.write(t, rows[start : start + BATCH])
        self.summary.search_documents += len(rows)
        self.tick(len(rows))

    # ------------------------------------------------------------ orchestration

    def run(self) -> DemoSummary:
        act = _tb(m.Activity)
        employed = round(self.n_people * 0.95) if self.n_people >= 20 else max(1, self.n_people - 2)
        self.gen_companies(employed)
        self.gen_people()
        self.next_activity_id = self.new_id(act)
        self.gen_tickets()
        self.gen_pipeline()
        self.gen_projects()
        self.gen_campaign()
        self.fill_search()  # people, companies, tickets, projects: low ids, found first
        with _fts_bulk_mode(self.conn):
            self.gen_activities()
        self.gen_orders()
        self.gen_targets()
        self.gen_followups()
        self.gen_appointments()
        if not self.sqlite:
            _sync_pg_sequences(self.conn)
        return self.summary


ACTIVITY_COLUMNS = (
    "id", "kind", "direction", "channel", "occurred_at", "duration_minutes", "subject",
    "text", "location", "owner", "person_id", "company_id", "ticket_id", "project_id",
    "opportunity_id", "campaign_id", "deleted_at", "version", "updated_by", "created_at",
    "updated_at",
)  # fmt: skip
ACTIVITY_SHAPE: dict[str, tuple[str, str | None, int, str | None]] = {
    # kind: (direction, channel, minimum duration, location)
    "call": ("outbound", "Telefon", 3, None),
    "email": ("outbound", "E-Mail", 0, None),
    "meeting": ("outbound", "Teams", 30, None),
    "letter": ("outbound", "Post", 0, None),
    "visit": ("outbound", "vor Ort", 45, "beim Kunden"),
    "complaint": ("inbound", "Telefon", 5, None),
    "service_call": ("outbound", "vor Ort", 60, "beim Kunden"),
    "note": ("internal", None, 0, None),
}
ACTIVITY_KIND_POOL: list[str] = [
    kind
    for kind, weight in (
        ("call", 30), ("email", 25), ("meeting", 9), ("note", 12), ("letter", 5),
        ("visit", 8), ("complaint", 4), ("service_call", 7),
    )
    for _ in range(weight)
]  # fmt: skip


@contextmanager
def _fts_bulk_mode(conn: Connection) -> Iterator[None]:
    """Fewer, larger FTS5 segment merges while a million documents come in (about
    twice as fast); the defaults (automerge 4, crisismerge 16) are set again after."""
    if conn.dialect.name != "sqlite":
        yield
        return
    conn.exec_driver_sql("INSERT INTO search_fts(search_fts, rank) VALUES('automerge', 0)")
    conn.exec_driver_sql("INSERT INTO search_fts(search_fts, rank) VALUES('crisismerge', 64)")
    yield
    conn.exec_driver_sql("INSERT INTO search_fts(search_fts, rank) VALUES('automerge', 4)")
    conn.exec_driver_sql("INSERT INTO search_fts(search_fts, rank) VALUES('crisismerge', 16)")


def _sync_pg_sequences(conn: Connection) -> None:
    """Explicit ids bypass PostgreSQL's serial sequences: move them past the data."""
    for t in Base.metadata.sorted_tables:
        if "id" not in t.c or not t.c.id.primary_key or not isinstance(t.c.id.type, Integer):
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{t.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {t.name}), 0) + 1, false) "
                f"WHERE pg_get_serial_sequence('{t.name}', 'id') IS NOT NULL"
            )
        )


@contextmanager
def _bulk_pragmas(raw: Any, sqlite: bool) -> Iterator[None]:
    """Fast, not crash-safe settings for the one-off load (the load is one transaction)."""
    if not sqlite:
        yield
        return
    cur = raw.cursor()
    cur.execute("PRAGMA synchronous=OFF")
    cur.execute("PRAGMA cache_size=-262144")
    cur.execute("PRAGMA temp_store=MEMORY")
    try:
        yield
    finally:
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA cache_size=-2000")
        cur.execute("PRAGMA temp_store=DEFAULT")
        cur.close()


def generate(
    store: Store,
    people: int,
    seed: int = 1,
    clock: Clock | None = None,
    progress: Progress | None = None,
    *,
    force: bool = False,
) -> DemoSummary:
    """Write the German demo data set with ``people`` people into ``store``.

    Deterministic for (``people``, ``seed``, the clock's day). Everything is written
    in one transaction: on any error nothing stays behind. Refuses a store that
    already holds people, companies or activities unless ``force`` is given (then
    the demo is added beside the existing data, with fresh ids and numbers).
    """
    if people < 1:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The number of people must be at least 1."), field="people"
        )
    if people > 2_000_000:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "At most 2,000,000 people can be generated."),
            field="people",
        )
    if store.read_only:
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "This store is open read-only; changes are not possible.")
        )
    started = time.perf_counter()
    clock = clock or SystemClock()
    try:
        with store.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            with _bulk_pragmas(raw, store.is_sqlite), conn.begin():
                if not force and not is_empty(conn):
                    raise ConflictError(
                        QT_TRANSLATE_NOOP(
                            "errors",
                            "The store already holds data; demo data is only written into an "
                            "empty store (use force to add it anyway).",
                        )
                    )
                gen = _Generator(conn, people, seed, clock, progress, store.owner)
                summary = gen.run()
                # the search fields (addresses, phones, notes) the bulk rows left empty, in
                # the same transaction: a kill never leaves a half-indexed demo behind
                search_sync.complete(conn)
    except OperationalError as exc:
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "The store could not be written: {detail}"),
            detail=str(exc.orig or exc),
        ) from exc
    summary.seconds = round(time.perf_counter() - started, 2)
    if progress is not None:
        progress(gen.total, gen.total)
    return summary
