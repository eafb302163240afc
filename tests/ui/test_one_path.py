"""One path for every change (issue #16): pages are built one way and follow the
window's change hub; no placeholder hides a broken page; F5 is one published record.

Before, ``MainWindow._construct`` tried four constructor signatures and swallowed
``TypeError`` (a real bug in a page showed "not installed"), "Find duplicates…" showed
that placeholder because the page it named did not exist, and views were brought up to
date by ``refresh_all()`` and duck-typed ``getattr(page, "refresh")`` calls."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import ActivityKind, Company
from crm_desktop.data.store import Store
from crm_desktop.services import contacts
from crm_desktop.services import tickets as tks
from crm_desktop.services.changes import Changes
from crm_desktop.services.contacts import CompanyInput, PersonInput
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.ops import Page
from crm_desktop.ui.settings_dialog import AppSettings

UI = Path(__file__).resolve().parents[2] / "crm_desktop" / "ui"
PAGES = (
    "today",
    "agenda",
    "pipeline",
    "tickets",
    "people",
    "reports",
    "orders",
    "targets",
    "projects",
)


@pytest.fixture
def window(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> Iterator[MainWindow]:
    with sqlite_store.session() as s:
        company = contacts.create_company(s, CompanyInput(name="Bäckerei Özdemir"))
        contacts.create_person(
            s, PersonInput(given_name="Jörg", family_name="Übel", company_id=company.id)
        )
    win = MainWindow(
        sqlite_store, AppSettings(tmp_path / "settings.ini"), clock=clock, data_dir=tmp_path
    )
    qtbot.addWidget(win)
    win.show()
    yield win
    win.tasks.wait(5000)


def test_every_page_is_built_one_way_and_subscribes(window: MainWindow) -> None:
    for name in PAGES:
        window.show_view(name)
        page = window.pages[name]
        assert window.center.currentWidget() is page
        assert isinstance(page, Page), name
        assert page in window.hub._listeners, name


def test_a_broken_page_is_not_hidden_behind_a_placeholder(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crm_desktop.ui import targets_view

    def broken(self: Any, *args: Any, **kwargs: Any) -> None:
        raise TypeError("a bug in the page")

    monkeypatch.setattr(targets_view.TargetsView, "__init__", broken)
    with pytest.raises(TypeError, match="a bug in the page"):
        window.show_view("targets")
    assert "targets" not in window.pages


def test_find_duplicates_opens_the_review_dialog_and_searches(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crm_desktop.ui.duplicates import DuplicateReviewDialog

    shown: list[QWidget] = []
    monkeypatch.setattr(window, "_run_tool", lambda dialog: shown.append(dialog))
    window.actions_by_name["duplicates"].trigger()
    assert len(shown) == 1 and isinstance(shown[0], DuplicateReviewDialog)
    assert "duplicates" not in window.pages
    with qtbot.waitSignal(shown[0].search_finished, timeout=10_000) as found:
        pass  # the search starts by itself
    assert found.args == [0]  # one person: nobody to compare with


def test_the_tickets_page_follows_a_new_ticket(
    window: MainWindow, sqlite_store: Store, clock: FixedClock
) -> None:
    window.show_view("tickets")
    page = window.pages["tickets"]
    assert page.list.numbers() == []  # type: ignore[attr-defined]
    with sqlite_store.session() as s:
        company_id = s.execute(select(Company.id)).scalar_one()
        ticket = tks.open_ticket(
            s, "Ofen heizt nicht", ActivityKind.COMPLAINT, company_id=company_id, clock=clock
        )
        ticket_id, number = ticket.id, ticket.number
    assert page.list.numbers() == []  # type: ignore[attr-defined]
    window.hub.publish(Changes.of("ticket", ticket_id))
    assert page.list.numbers() == [number]  # type: ignore[attr-defined]


def test_a_hidden_page_loads_when_shown_again(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_view("orders")
    page = window.pages["orders"]
    window.show_view("people")
    loads: list[str] = []
    original = type(page).refresh
    monkeypatch.setattr(type(page), "refresh", lambda self: (loads.append("x"), original(self)))
    window.hub.publish(Changes.of("order", 1))
    assert loads == []  # hidden: nothing loaded
    window.show_view("orders")
    assert loads == ["x"]  # shown: loaded once
    window.hub.publish(Changes.of("person", 1))  # nothing an orders page shows? people are
    assert len(loads) == 2
    window.hub.publish(Changes.of("campaign", 1))  # not shown on the orders page
    assert len(loads) == 2


def test_f5_is_one_record_and_shows_what_another_program_wrote(
    window: MainWindow, sqlite_store: Store
) -> None:
    assert window.status_label.text().startswith("1 person")
    with sqlite_store.session() as s:  # the CLI or a second window
        contacts.create_person(s, PersonInput(given_name="Anna", family_name="Schäfer"))
    published = window.hub.published
    window.actions_by_name["refresh"].trigger()
    assert window.hub.published == published + 1
    assert window.status_label.text().startswith("2 people")


def test_ui_has_no_fallbacks_for_its_own_modules() -> None:
    """No ``optional()``, ``_construct``, placeholder pages or ``except ImportError``
    around the program's own modules; no duck-typed refresh calls."""
    for path in sorted(UI.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        for node in ast.walk(tree):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                names = {n.id for n in ast.walk(node.type) if isinstance(n, ast.Name)}
                assert not names & {"ImportError", "ModuleNotFoundError"}, (
                    f"{path.name}:{node.lineno}"
                )
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in ("optional", "_construct"), f"{path.name}:{node.lineno}"
                if node.func.id == "getattr" and len(node.args) >= 2:
                    arg = node.args[1]
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        assert arg.value not in ("refresh", "reload", "refresh_all"), (
                            f"{path.name}:{node.lineno}: getattr(…, {arg.value!r})"
                        )
        assert "PlaceholderPage" not in source, path.name
        assert "refresh_all" not in source, path.name


def _sources_with_background_work() -> list[Path]:
    """Every ui module but the runner itself, and the program's start (app.py)."""
    return [p for p in sorted(UI.rglob("*.py")) if p.name != "tasks.py"] + [UI.parent / "app.py"]


BANNED_THREADING = {"QThread", "QRunnable", "QThreadPool"}


def test_background_work_goes_through_the_one_runner() -> None:
    """No raw threads, no hand-rolled QRunnables or thread pools, no ``_Bridge`` signal
    objects outside ui/tasks.py: every background job is a task of the app's runner."""
    for path in _sources_with_background_work():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            where = f"{path.name}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Attribute):
                assert not (
                    node.attr == "Thread"
                    and isinstance(node.value, ast.Name)
                    and node.value.id == "threading"
                ), f"{where}: threading.Thread"
                assert node.attr not in BANNED_THREADING, f"{where}: {node.attr}"
            if isinstance(node, ast.Name):
                assert node.id not in BANNED_THREADING, f"{where}: {node.id}"
            if isinstance(node, ast.ImportFrom):
                names = {a.name for a in node.names}
                assert not names & (BANNED_THREADING | {"Thread"}), f"{where}: {names}"
            if isinstance(node, ast.ClassDef):
                assert node.name != "_Bridge", f"{where}: class _Bridge"


def test_one_place_makes_the_runner() -> None:
    """The runner is made once, by ``tasks.runner()``; widgets get store clients from
    it (``runner().for_store(store, self)``), never a runner of their own."""
    makers: list[str] = []
    for path in [*_sources_with_background_work(), UI / "tasks.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        inside: dict[ast.AST, str] = {}  # a call -> the innermost function around it
        for func in ast.walk(tree):
            if isinstance(func, ast.FunctionDef):
                for node in ast.walk(func):
                    inside[node] = func.name  # inner functions come later: they win
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if node.func.id == "Runner":
                    makers.append(f"{path.name}:{inside.get(node, '<module>')}")
                if node.func.id == "TaskRunner":
                    assert path.name == "tasks.py", f"{path.name}:{node.lineno}: TaskRunner()"
    assert set(makers) == {"tasks.py:runner"}, makers


def test_dashboard_and_duplicates_ask_the_services_not_the_database() -> None:
    for name in ("dashboard.py", "duplicates.py"):
        tree = ast.parse((UI / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("sqlalchemy"), f"{name}:{node.lineno}"
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("sqlalchemy") for a in node.names), name
            if isinstance(node, ast.Attribute):
                assert node.attr not in ("execute", "scalars", "scalar"), (
                    f"{name}:{node.lineno}: .{node.attr}"
                )


def test_the_start_refreshes_no_page_by_name() -> None:
    source = (UI.parent / "app.py").read_text(encoding="utf-8")
    assert "refresh_async" not in source
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "getattr"
            and len(node.args) >= 2
        ):
            arg = node.args[1]
            assert not (isinstance(arg, ast.Constant) and str(arg.value).startswith("refresh")), (
                f"app.py:{node.lineno}"
            )


def test_views_say_what_they_changed() -> None:
    """A view's ``changed`` signal carries the Changes record of what it wrote; a bare
    ``changed = Signal()`` made the window publish "everything" (issue #16)."""
    allowed = {("editors.py", "ListEditor")}  # a form's rows changed: no data was written
    bare: list[str] = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for stmt in cls.body:
                if (
                    isinstance(stmt, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == "changed" for t in stmt.targets)
                    and isinstance(stmt.value, ast.Call)
                    and getattr(stmt.value.func, "id", "") == "Signal"
                    and not stmt.value.args
                    and (path.name, cls.name) not in allowed
                ):
                    bare.append(f"{path.name}:{cls.name}")
    assert bare == []


def test_a_tool_dialog_publishes_what_it_changed_not_everything(
    window: MainWindow, sqlite_store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trash → Restore used to end with a reload of everything when the dialog closed;
    now the dialog's record names the person it brought back."""
    from crm_desktop.data.models import Person
    from crm_desktop.ui.trash import TrashDialog

    with sqlite_store.session() as s:
        pid = s.execute(select(Person.id)).scalar_one()
        contacts.delete_person(s, pid, clock=clock)
    seen: list[Changes] = []
    window.hub.changed.connect(seen.append)

    def exec_restore(dialog: TrashDialog) -> int:
        dialog.select_rows([0])
        assert dialog.restore_selected() == 1
        return 1

    monkeypatch.setattr(TrashDialog, "exec", exec_restore)
    window.open_trash()
    assert seen and not any(c.everything for c in seen)
    assert any(c.touches_record("person", pid) for c in seen)


# the services' writes the window offers undo for: the ui calls their undoable use case
# (services/undo.py "row-edit"), never the bare write that leaves no undo entry
NOT_UNDOABLE = {
    "move_stage": "change_stage",
    "win": "mark_won",
    "lose": "mark_lost",
    "update_opportunity": "edit_opportunity",
    "mark_quote_sent": "record_quote_sent",
    "change_status": "set_status",
    "update_ticket": "edit_ticket",
    "update_activity": "edit_activity",
    "update_order": "save_order",
    "mark_done": "complete",
    "snooze": "postpone",
    "reschedule": "move_due",
    "update_appointment": "edit_appointment",
    "move_appointment": "edit_appointment",
    "add_department": "create_department",
}


def test_the_window_writes_rows_undoably() -> None:
    """Every edit of a ticket, opportunity, order, activity, appointment, follow-up or a
    new department from the window goes through the use case that writes its undo
    entry (issue #16: every mutating command of the window is undoable)."""
    found: list[str] = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in NOT_UNDOABLE
                and isinstance(node.value, ast.Name)
                and node.value.id not in ("self", "super")
            ):
                found.append(f"{path.name}:{node.lineno}: {node.value.id}.{node.attr}")
    assert found == []


MARK = "QT_TRANSLATE_NOOP"


def test_translated_texts_are_written_where_lupdate_sees_them() -> None:
    """lupdate reads only literal contexts and texts, and nothing inside f-strings: a context
    through a constant (``translate(CTX, "...")``) or a ``tr("...")`` inside an f-string leaves
    the text out of the .ts, and ``make translations`` then drops its German."""
    found: list[str] = []
    for path in sorted(UI.parent.rglob("*.py")):  # ui, app, cli, services, interop, …
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_fstring = {
            id(n) for f in ast.walk(tree) if isinstance(f, ast.JoinedStr) for n in ast.walk(f)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            literal_text = any(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args
            )
            if name in ("translate", MARK) and len(node.args) >= 2 and literal_text:
                ctx = node.args[0]
                if not (isinstance(ctx, ast.Constant) and isinstance(ctx.value, str)):
                    found.append(f"{path.name}:{node.lineno}: {name} with a variable context")
            if name in ("tr", "translate", MARK) and literal_text and id(node) in in_fstring:
                found.append(f"{path.name}:{node.lineno}: {name}(...) inside an f-string")
    assert not found, "\n".join(found)


def test_printouts_are_laid_out_by_the_page_engine() -> None:
    """Paper goes through ``ui/printing`` (issue #20): no QTextDocument printed to PDF,
    no dashboard of widget grabs; a QPdfWriter is made only there and for the one-chart
    export of a dashboard card."""
    allowed_writers = {("dashboard.py", "export_pdf")}
    for path in sorted(UI.rglob("*.py")):
        if "printing" in path.relative_to(UI).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        inside: dict[ast.AST, str] = {}
        for func in ast.walk(tree):
            if isinstance(func, ast.FunctionDef):
                for node in ast.walk(func):
                    inside[node] = func.name
        for node in ast.walk(tree):
            where = f"{path.name}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Attribute):
                assert node.attr not in ("print_", "render_pdf"), f"{where}: .{node.attr}"
            if isinstance(node, ast.FunctionDef):
                assert node.name != "render_pdf", f"{where}: def render_pdf"
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "QPdfWriter"
            ):
                assert (path.name, inside.get(node, "")) in allowed_writers, f"{where}: QPdfWriter"


# the changes of these records that the window makes go through their undoable use
# case (services: save_order, new_order, edit_appointment, call_off, complete,
# postpone, move_due, plan, change_stage, edit_opportunity, mark_won, mark_lost,
# take_back_loss, new_opportunity, record_quote_sent); the plain service functions
# write no undo entry (issue #16: every mutating command of the window is undoable)
_NOT_UNDOABLE = {
    "orders": {"create_order", "update_order", "set_lines", "delete_order", "set_status"},
    "calendar": {
        "create_appointment",
        "cancel_appointment",
        "update_appointment",
        "move_appointment",
    },
    "followups": {"create_followup", "mark_done", "snooze", "reschedule", "cancel"},
    "pipeline": {
        "create_opportunity",
        "update_opportunity",
        "move_stage",
        "win",
        "lose",
        "reopen",
        "mark_quote_sent",
    },
    # a stored person or company changes through editing.save_person/save_company or
    # signature_update.apply_update (one undo entry), never field by field (issue #17)
    "contacts": {
        "update_person",
        "update_company",
        "set_phones",
        "set_emails",
        "set_addresses",
        "set_bank_accounts",
        "set_tags",
    },
}


def _service_aliases(tree: ast.Module) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "crm_desktop.services":
            for alias in node.names:
                out[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("crm_desktop.services.") and alias.asname:
                    out[alias.asname] = alias.name.rsplit(".", 1)[1]
    return out


def _not_undoable(tree: ast.Module) -> list[tuple[int, str]]:
    aliases = _service_aliases(tree)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            module = aliases.get(node.value.id)
            if module is not None and node.attr in _NOT_UNDOABLE.get(module, ()):
                out.append((node.lineno, f"{module}.{node.attr}"))
    return out


def test_ui_changes_sales_and_calendar_records_undoably() -> None:
    found = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(UI)}:{n}: {what}" for n, what in _not_undoable(tree)]
    assert found == []


def test_the_undoable_check_finds_what_it_bans() -> None:
    source = (
        "from crm_desktop.services import orders as order_svc\n"
        "import crm_desktop.services.followups as fus\n"
        "collect(errors, order_svc.create_order, s)\n"
        "fus.cancel(s, 1)\n"
        "task.cancel()\n"
        "from crm_desktop.services import contacts\n"
        "contacts.update_person(s, 1, {})\n"
    )
    assert [w for _n, w in _not_undoable(ast.parse(source))] == [
        "orders.create_order",
        "followups.cancel",
        "contacts.update_person",
    ]


def _custom_field_writes(tree: ast.Module) -> list[int]:
    """Lines where ui code writes profile values or field definitions itself."""
    lines: list[int] = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr == "profile_fields"
            and isinstance(node.ctx, ast.Store)
        ):
            lines.append(node.lineno)
        if isinstance(node, ast.Name) and node.id == "CustomFieldDef":
            lines.append(node.lineno)
        if isinstance(node, ast.alias) and node.name == "CustomFieldDef":
            lines.append(getattr(node, "lineno", 0))
    return lines


def test_custom_fields_change_through_their_service() -> None:
    """Custom field definitions and the values they move (rename, delete) change only
    through services/customfields.py, which writes the undo entry (issue #17); the
    form hands its values to the save of the person."""
    found = [
        f"{path.name}:{line}"
        for path in sorted(UI.rglob("*.py"))
        for line in _custom_field_writes(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert found == []
    bad = ast.parse("person.profile_fields = {}\nfrom m import CustomFieldDef\n")
    assert len(_custom_field_writes(bad)) == 2


def test_desktop_messages_go_through_the_one_tray() -> None:
    """Issue #20: a reminder rings outside the window through ui/tray.py alone (it knows
    when the window is in front and falls back silently without a tray): no other ui
    module makes a QSystemTrayIcon or calls ``showMessage``."""
    for path in sorted(UI.rglob("*.py")):
        if path.name == "tray.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            where = f"{path.name}:{node.lineno}"
            func = node.func
            assert not (isinstance(func, ast.Name) and func.id == "QSystemTrayIcon"), where
            assert not (
                isinstance(func, ast.Attribute)
                and func.attr == "showMessage"
                and node.args
                and len(node.args) >= 3
            ), f"{where}: showMessage with an icon (a tray message) outside ui/tray.py"


def _hand_formatting(tree: ast.Module) -> list[tuple[int, str]]:
    """``x.strftime(...)`` and ``f"{x:,.0f}"``: dates and numbers formatted by hand for
    people, in one language whatever the window speaks."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "strftime"
        ):
            found.append((node.lineno, "strftime"))
        if isinstance(node, ast.FormattedValue) and isinstance(node.format_spec, ast.JoinedStr):
            spec = "".join(
                str(v.value) for v in node.format_spec.values if isinstance(v, ast.Constant)
            )
            if "," in spec:  # a thousands separator: a number for people, in English
                found.append((node.lineno, f"format spec {spec!r}"))
    return found


def test_dates_and_numbers_are_formatted_by_the_one_module() -> None:
    """Issue #20: dates, times, weekdays, money and numbers go through ui/format.py (driven
    by the window's language); the page engine (ui/printing) formats with its locale."""
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        rel = path.relative_to(UI).as_posix()
        if rel == "format.py" or rel.startswith("printing/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        offenders += [f"{rel}:{line}: {what}" for line, what in _hand_formatting(tree)]
    assert not offenders, "format through crm_desktop.ui.format:\n" + "\n".join(offenders)


def test_the_formatting_check_finds_what_it_bans() -> None:
    tree = ast.parse('a = day.strftime("%d.%m.")\nb = f"{value:,.0f} €"\nc = f"{n:02d}"\n')
    assert [what for _line, what in _hand_formatting(tree)] == [
        "strftime",
        "format spec ',.0f'",
    ]


# -- targets per owner (issue #17): the ui always says whose targets it reads or writes

#: function -> how many positional arguments include the owner
_OWNER_AT = {
    "set_month_target": 6,
    "set_year_targets": 6,
    "get_targets": 3,
    "actual_revenue": 3,
    "target_report": 3,
}


def _targets_without_owner(tree: ast.AST) -> list[tuple[int, str]]:
    """Calls of the targets services that leave the owner out (and so silently mean the
    whole team): ``owner`` must be passed, ``None`` for the team."""
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        needed = _OWNER_AT.get(name)
        if needed is None:
            continue
        if len(node.args) < needed and not any(k.arg == "owner" for k in node.keywords):
            out.append((node.lineno, name))
    return out


def test_ui_names_the_owner_of_targets() -> None:
    found = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(UI)}:{n}: {what}" for n, what in _targets_without_owner(tree)]
    assert found == []


def test_the_owner_check_finds_what_it_bans() -> None:
    source = (
        "svc.target_report(s, 2026)\n"
        "svc.target_report(s, 2026, owner)\n"
        "targets.set_month_target(s, 2026, 1, 5, 5, owner=None)\n"
        "set_year_targets(s, 2026, 1, 2, None)\n"
    )
    assert [w for _n, w in _targets_without_owner(ast.parse(source))] == [
        "target_report",
        "set_year_targets",
    ]
