"""``crm-desktop --selftest``: prove that a (frozen) build works end to end.

Opens a store in a temporary folder (migrations run), writes a company, a person and
an activity with a follow-up, reads them back, renders the main window offscreen,
exports an .ics when the calendar service is there, and prints each check. Exit code
0 when everything passed, 1 otherwise.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path


def run_selftest(out: Callable[[str], None] | None = None) -> int:
    write = out or (lambda line: print(line, flush=True))
    failures = 0

    def check(name: str, fn: Callable[[], str]) -> None:
        nonlocal failures
        try:
            detail = fn()
        except Exception as exc:  # every failure is reported, the test goes on
            failures += 1
            write(f"FAIL {name}: {type(exc).__name__}: {exc}")
            traceback.print_exc(file=sys.stderr)
            return
        write(f"ok   {name}" + (f" ({detail})" if detail else ""))

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="crm-selftest-") as tmp:
        root = Path(tmp)
        state: dict[str, int] = {}

        from crm_desktop.clock import SystemClock
        from crm_desktop.data.store import Store, open_store

        clock = SystemClock()
        holder: dict[str, Store] = {}

        def open_it() -> str:
            holder["store"] = open_store(data_dir=root / "data")
            return holder["store"].kind_label

        check("open a new store (migrations)", open_it)
        if "store" not in holder:
            return 1
        store = holder["store"]

        def write_records() -> str:
            from crm_desktop.data.models import ActivityKind
            from crm_desktop.services import contacts
            from crm_desktop.services.activities import ActivityInput, log_activity

            with store.session() as s:
                company = contacts.create_company(s, contacts.CompanyInput(name="Selbsttest GmbH"))
                person = contacts.create_person(
                    s,
                    contacts.PersonInput(
                        given_name="Jürgen", family_name="Prüfer", company_id=company.id
                    ),
                    clock=clock,
                )
                act = log_activity(
                    s,
                    ActivityInput(
                        kind=ActivityKind.CALL,
                        text="Selbsttest: Anruf",
                        person_id=person.id,
                        followup_due_at=clock.now() + dt.timedelta(days=1),
                    ),
                    clock=clock,
                )
                state.update(company=company.id, person=person.id, activity=act.id)
            return f"company {state['company']}, person {state['person']}, activity {state['activity']}"

        check("write a company, a person and an activity", write_records)

        def read_back() -> str:
            from crm_desktop.services import timeline, tree

            with store.reader() as s:
                page = tree.children_page(s, None)
                names = [n.label for n in page.nodes]
                if "Selbsttest GmbH" not in names:
                    raise AssertionError(f"company missing from the tree: {names}")
                entries = timeline.timeline_page(s, timeline.Scope(company_id=state["company"]))
                if [e.activity_id for e in entries] != [state["activity"]]:
                    raise AssertionError("activity missing from the timeline")
                if entries[0].person_name != "Jürgen Prüfer" or entries[0].open_followup is None:
                    raise AssertionError("activity read back wrongly")
            return "tree and timeline"

        check("read them back", read_back)

        def render() -> str:
            from PySide6.QtTest import QTest

            from crm_desktop.app import create_application
            from crm_desktop.ui.main_window import MainWindow
            from crm_desktop.ui.settings_dialog import AppSettings

            create_application()
            # as a start does it: the frame first, then the store attached to it
            window = MainWindow(None, AppSettings(root / "settings.ini"), clock=clock)
            window.resize(1400, 900)
            window.show()
            QTest.qWait(10)
            window.attach(store)
            window.open_record("person", state["person"])
            QTest.qWait(50)
            pixmap = window.grab()
            target = root / "window.png"
            if pixmap.isNull() or not pixmap.save(str(target), "PNG"):
                raise AssertionError("the window could not be rendered")
            window.close()
            return f"{pixmap.width()}×{pixmap.height()}"

        check("render the main window offscreen", render)

        def export_ics() -> str:
            try:
                from crm_desktop.services.calendar import export_calendar
            except ImportError:
                return "skipped: no calendar service"
            target = root / "calendar.ics"
            with store.reader() as s:
                count = export_calendar(s, target)
            text = target.read_text(encoding="utf-8")
            if "BEGIN:VCALENDAR" not in text or count < 1:
                raise AssertionError("the calendar file is incomplete")
            return f"{count} event(s)"

        check("export an iCalendar file", export_ics)
        store.dispose()

    write("selftest passed" if not failures else f"selftest FAILED ({failures} check(s))")
    return 0 if not failures else 1
