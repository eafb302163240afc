"""Files in and out: import, export, printing, calendar files, demo data, backup,
the search index.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from crm_desktop.clock import local_zone, to_local
from crm_desktop.errors import CrmError
from crm_desktop.ui import ops
from crm_desktop.ui.format import phone_region
from crm_desktop.ui.main_window.base import WindowRoom, log

if TYPE_CHECKING:
    # The data layer and the panes are imported when a store is attached: the window's
    # frame (menus, toolbar, status bar) paints before SQLAlchemy and the models load.
    pass


class FilesRoom(WindowRoom):
    """Import, export, print, calendar, demo data, backup, search index."""

    # ------------------------------------------------------------ import, export, demo

    def import_file(self) -> None:
        from crm_desktop.services.importer import import_file

        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import contacts"),
            str(Path.home()),
            self.tr(
                "Contacts (*.vcf *.vcard *.csv);;vCard (*.vcf *.vcard);;CSV (*.csv);;All files (*)"
            ),
        )
        if not path:
            return
        self.welcome.set_busy(self.tr("Importing {file}…").format(file=Path(path).name))

        region = phone_region()  # numbers without a country code: the settings' region

        def work(session: Any, progress: Any) -> Any:
            return import_file(session, Path(path), clock=self.clock, region=region)

        self.tasks.run(work, on_done=self._imported, on_error=self._background_failed)

    def _imported(self, result: Any) -> None:
        self.welcome.set_busy("")
        summary = getattr(result, "summary", None) or result
        self.statusBar().showMessage(self.tr("Import finished."), 8000)
        log.info("import finished: %s", type(summary).__name__)
        self.reload_everything()

    def export_file(self) -> None:
        from crm_desktop.services import exporter

        formats = [
            ("vcard3", self.tr("vCard 3.0 (*.vcf)")),
            ("vcard4", self.tr("vCard 4.0 (*.vcf)")),
            ("people", self.tr("CSV people (*.csv)")),
            ("companies", self.tr("CSV companies (*.csv)")),
            ("activities", self.tr("CSV activities (*.csv)")),
            ("json", self.tr("JSON, everything (*.json)")),
        ]
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export"),
            str(Path.home() / "kontakte.vcf"),
            ";;".join(label for _key, label in formats),
        )
        if not path:
            return
        out = Path(path)
        key = next((k for k, label in formats if label == chosen), "vcard3")

        def work(s: Any, _p: Any) -> None:
            if key == "json":
                import json

                data = exporter.export_json(s)
                out.write_text(
                    json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8"
                )
            elif key in ("people", "companies", "activities"):
                exporter.export_csv(s, key, out)
            else:
                exporter.export_vcard(s, out, version="4.0" if key == "vcard4" else "3.0")

        self.tasks.run(
            work,
            write=False,
            on_done=lambda _r: self.statusBar().showMessage(
                self.tr("Exported to {file}.").format(file=out.name), 8000
            ),
            on_error=self._background_failed,
        )

    def _ask_pdf(self, name: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), str(Path.home() / name), self.tr("PDF (*.pdf)")
        )
        return Path(path) if path else None

    def _open_file(self, path: Path) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def print_contact_sheet(self) -> None:
        from crm_desktop.ui.reports import contact_sheet_pdf

        loc = self.current
        if (
            loc is None
            or loc.ref_id is None
            or loc.kind not in ("person", "company", "ticket", "project")
        ):
            self.show_message(
                self.tr("Contact sheet"),
                self.tr("Select a person, a company, a ticket or a project first."),
            )
            return
        out = self._ask_pdf(f"{loc.kind}-{loc.ref_id}.pdf")
        if out is None:
            return
        kwargs: dict[str, Any] = {}
        if loc.kind == "ticket":
            from crm_desktop.services import lookups

            ticket_id = loc.ref_id
            kwargs["ticket"] = ops.read(
                self.store, lambda s: lookups.ticket_number(s, ticket_id) or ""
            )
        else:
            kwargs[
                {"person": "person_id", "company": "company_id", "project": "project_id"}[loc.kind]
            ] = loc.ref_id
        try:
            contact_sheet_pdf(self.store, out, clock=self.clock, **kwargs)
        except CrmError as exc:
            self.show_error(exc)
            return
        self._open_file(out)

    def print_agenda(self) -> None:
        from crm_desktop.ui.reports import agenda_pdf

        out = self._ask_pdf("agenda.pdf")
        if out is not None:
            agenda_pdf(self.store, out, to_local(self.clock.now(), local_zone()).date(), self.clock)
            self._open_file(out)

    def print_dashboard(self) -> None:
        from crm_desktop.ui.reports import dashboard_pdf

        out = self._ask_pdf("dashboard.pdf")
        if out is not None:
            dashboard_pdf(self.store, out, self.clock)
            self._open_file(out)

    def print_targets(self) -> None:
        from crm_desktop.ui.format import is_german
        from crm_desktop.ui.reports import targets_pdf

        out = self._ask_pdf("soll-ist.pdf" if is_german() else "target-actual.pdf")
        if out is not None:
            targets_pdf(self.store, out, self.clock)
            self._open_file(out)

    def open_contact_report(self) -> Any:
        """Reports → Contact intervals: planned vs done contacts (non-modal, follows the hub)."""
        from crm_desktop.ui.contact_report_view import ContactReportDialog

        dlg = ContactReportDialog(self.store, self.clock, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.hub.subscribe(dlg)
        dlg.finished.connect(lambda _r: self.hub.unsubscribe(dlg))
        dlg.openPerson.connect(lambda pid: self.open_record("person", pid))
        dlg.show()
        return dlg

    def print_pipeline(self) -> None:
        from crm_desktop.ui.reports import pipeline_pdf

        out = self._ask_pdf("pipeline.pdf")
        if out is not None:
            pipeline_pdf(self.store, out, self.clock)
            self._open_file(out)

    def export_calendar(self) -> None:
        from crm_desktop.services.calendar import export_calendar

        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export calendar"),
            str(Path.home() / "crm.ics"),
            self.tr("iCalendar (*.ics)"),
        )
        if not path:
            return

        def tr_ical(text: str) -> str:
            return QCoreApplication.translate("ical", text)

        n = ops.read(
            self.store,
            lambda s: export_calendar(s, Path(path), owner=self.store.owner, translate=tr_ical),
        )
        message = self.tr("{n} entries exported.").format(n=n)
        feed = self.calendar_feed_path()
        if feed is not None:
            # the feed a calendar program can subscribe to (kept current by the window)
            message += " " + self.tr("Calendar feed: {path}").format(path=str(feed))
        self.statusBar().showMessage(message, 15000)

    def calendar_feed_path(self) -> Path | None:
        """The calendar subscription file, when the window writes one."""
        from crm_desktop.config import resolve_paths

        feed = resolve_paths(self.data_dir).calendar_path
        return feed if feed.exists() else None

    def import_calendar(self) -> None:
        from crm_desktop.services.ics_import import import_ics

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import an invitation"), str(Path.home()), self.tr("iCalendar (*.ics)")
        )
        if not path:
            return
        try:
            report = ops.write(self.store, lambda s: import_ics(s, Path(path), self.store.owner))
        except CrmError as exc:
            self.show_error(exc)
            return
        self.show_message(
            self.tr("Invitation imported"),
            self.tr(
                "{created} new, {updated} updated, {cancelled} cancelled, {skipped} skipped."
            ).format(
                created=len(report.created),
                updated=len(report.updated),
                cancelled=len(report.cancelled),
                skipped=len(report.skipped),
            ),
        )
        self.reload_everything()

    def create_demo_data(self) -> None:
        from crm_desktop.services.demo import generate

        people, ok = QInputDialog.getInt(
            self,
            self.tr("Create demo data"),
            self.tr("How many people? (Demo data is only written into an empty store.)"),
            500,
            10,
            100_000,
            100,
        )
        if not ok:
            return
        self.welcome.set_busy(self.tr("Writing demo data…"))
        self.tasks.run_with_store(
            lambda store, progress: generate(store, people, clock=self.clock, progress=progress),
            on_done=self._demo_done,
            on_error=self._background_failed,
            on_progress=lambda done, total, _t: self.welcome.set_progress(done, total),
        )

    def _demo_done(self, _summary: Any) -> None:
        self.welcome.set_busy("")
        self.statusBar().showMessage(self.tr("Demo data created."), 8000)
        self.reload_everything()

    def _background_failed(self, exc: BaseException) -> None:
        self.welcome.set_busy("")
        if isinstance(exc, CrmError):
            self.show_error(exc)
        else:
            import sys

            sys.excepthook(type(exc), exc, exc.__traceback__)

    def store_passphrase(self) -> str | None:
        """The passphrase of an encrypted store (its backups are encrypted with it)."""
        encryption = self.property("encryption")
        value = getattr(encryption, "passphrase", None)
        return str(value()) if callable(value) and value() else None

    def backup_now(self) -> None:
        from crm_desktop.services import backup

        if self.data_dir is None or not self.store.is_sqlite:
            self.show_message(
                self.tr("Backup"),
                self.tr("Backups of a server database are made on the server (pg_dump)."),
            )
            return
        from crm_desktop.config import resolve_paths

        paths = resolve_paths(self.data_dir)
        try:
            made = backup.make_backup(
                paths, "manual", clock=self.clock, passphrase=self.store_passphrase()
            )
        except CrmError as exc:
            self.show_error(exc)
            return
        self.statusBar().showMessage(
            self.tr("Backup written: {file}").format(file=Path(str(made)).name), 8000
        )

    def rebuild_search_index(self) -> None:
        from crm_desktop.data import search_sync

        self.tasks.run(
            lambda s, _p: search_sync.rebuild(s),
            on_done=lambda n: self.statusBar().showMessage(
                self.tr("Search index rebuilt (%n entries).", "", int(n)), 8000
            ),
            on_error=self._background_failed,
        )
