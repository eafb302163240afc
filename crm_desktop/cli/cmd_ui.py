"""``crm-desktop screenshot``: render the real main window offscreen and save a PNG."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from crm_desktop.cli.context import CliContext
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import NotFoundError, ValidationError

VIEWS = ("company", "person", "ticket", "project", "agenda", "today", "pipeline", "welcome")
WIDTH, HEIGHT = 1400, 900


def register(sub: Any) -> None:
    p = sub.add_parser(
        "screenshot",
        help="save a picture of the main window (rendered offscreen)",
        description="Render the main window at 1400×900 with the current data and save a PNG.",
    )
    p.add_argument("--out", required=True, metavar="FILE", help="PNG file to write")
    p.add_argument("--view", choices=VIEWS, default="company", help="what the window shows")
    p.add_argument("--select", metavar="NAME", help="name (or ticket number) of the record to show")
    p.add_argument(
        "--lang", dest="screenshot_lang", choices=["de", "en"], help="language of the window"
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_screenshot)


def _named(columns: list[Any], name: str) -> Any:
    """Every word of ``name`` in one of ``columns`` (:mod:`crm_desktop.services.textmatch`)."""
    from crm_desktop.services import textmatch

    found = textmatch.contains_all(columns, name)
    return found if found is not None else textmatch.contains(columns[0], "")


def find_record(session: Session, view: str, name: str | None) -> tuple[str, int] | None:
    """(kind, id) of the record to show for ``view``: by name, else the busiest one."""
    from crm_desktop.data.models import Activity, Company, Person, Project, Ticket

    stmt: Select[int | None]

    if view == "company":
        if name:
            stmt = select(Company.id).where(
                Company.deleted_at.is_(None),
                _named([Company.name], name),
            )
        else:  # the company with the most activities
            stmt = (
                select(Activity.company_id)
                .where(Activity.company_id.is_not(None), Activity.deleted_at.is_(None))
                .group_by(Activity.company_id)
                .order_by(func.count().desc())
            )
        found = session.execute(stmt.limit(1)).scalar()
        if found is None and not name:
            found = session.execute(
                select(Company.id).where(Company.deleted_at.is_(None)).order_by(Company.id).limit(1)
            ).scalar()
        return ("company", int(found)) if found is not None else None
    if view == "person":
        if name:
            stmt = select(Person.id).where(
                Person.deleted_at.is_(None), _named([Person.given_name, Person.family_name], name)
            )
        else:
            stmt = (
                select(Activity.person_id)
                .where(Activity.person_id.is_not(None), Activity.deleted_at.is_(None))
                .group_by(Activity.person_id)
                .order_by(func.count().desc())
            )
        found = session.execute(stmt.limit(1)).scalar()
        if found is None and not name:
            found = session.execute(
                select(Person.id).where(Person.deleted_at.is_(None)).order_by(Person.id).limit(1)
            ).scalar()
        return ("person", int(found)) if found is not None else None
    if view == "ticket":
        if name:
            stmt = select(Ticket.id).where(
                (func.lower(Ticket.number) == name.strip().lower()) | _named([Ticket.title], name)
            )
        else:
            stmt = (
                select(Activity.ticket_id)
                .where(Activity.ticket_id.is_not(None), Activity.deleted_at.is_(None))
                .group_by(Activity.ticket_id)
                .order_by(func.count().desc())
            )
        found = session.execute(stmt.limit(1)).scalar()
        return ("ticket", int(found)) if found is not None else None
    if view == "project":
        if name:
            stmt = select(Project.id).where(_named([Project.name], name))
        else:
            stmt = (
                select(Activity.project_id)
                .where(Activity.project_id.is_not(None), Activity.deleted_at.is_(None))
                .group_by(Activity.project_id)
                .order_by(func.count().desc())
            )
        found = session.execute(stmt.limit(1)).scalar()
        return ("project", int(found)) if found is not None else None
    return None


def render(
    ctx: CliContext,
    out: Path,
    view: str = "company",
    select_name: str | None = None,
    lang: str | None = None,
) -> dict[str, Any]:
    """Render the main window of ``ctx``'s store into ``out``; returns what was shown."""
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtTest import QTest

    from crm_desktop.app import choose_language, create_application, install_translators
    from crm_desktop.ui.main_window import MainWindow
    from crm_desktop.ui.settings_dialog import AppSettings

    # off screen unless QT_QPA_PLATFORM names a platform (passed as -platform, not written)
    platform = os.environ.get("QT_QPA_PLATFORM") or "offscreen"
    app = create_application(["crm-desktop", "-platform", platform])
    translators = install_translators(app, choose_language(lang, None))
    store = ctx.store()
    with store.reader() as s:
        record = find_record(s, view, select_name)
    if record is None and select_name and view in ("company", "person", "ticket", "project"):
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Nothing called “{name}” was found for the {view} view."),
            name=select_name,
            view=view,
        )
    with tempfile.TemporaryDirectory(prefix="crm-shot-") as tmp:
        # a throw-away layout file: a screenshot never changes the user's window layout
        settings = AppSettings(Path(tmp) / "settings.ini")
        window = MainWindow(store, settings, clock=ctx.clock, data_dir=None)
        window.resize(WIDTH, HEIGHT)
        window.show()
        QTest.qWait(50)
        if record is not None:
            window.open_record(*record)
        elif view in ("agenda", "today"):
            window.show_view(view)
        elif view == "pipeline":
            window.show_view("pipeline")
        QTest.qWait(150)
        window.resize(WIDTH, HEIGHT)
        QCoreApplication.processEvents()
        pixmap = window.grab()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not pixmap.save(str(out), "PNG"):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The picture could not be written to {path}."),
                path=str(out),
            )
        window.close()
        window.deleteLater()
        QSettings().sync()
    del translators
    return {
        "out": str(out),
        "view": view,
        "record": {"kind": record[0], "id": record[1]} if record else None,
        "width": pixmap.width(),
        "height": pixmap.height(),
    }


def cmd_screenshot(ctx: CliContext, args: argparse.Namespace) -> int:
    lang = args.screenshot_lang or getattr(args, "lang", None)
    result = render(ctx, Path(args.out), args.view, args.select, lang)
    ctx.out(result, f"{result['out']} ({result['width']}×{result['height']}, {result['view']})")
    return 0
