"""E-mails into the timeline: File → Read e-mails…, and ``.eml``/mbox files dropped
anywhere on the window (onto the record shown: the mails are filed there)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog

from crm_desktop.ui.main_window.base import WindowRoom, log

MAIL_SUFFIXES = {".eml", ".mbox", ".mbx", ".mbs"}


def mail_paths(mime: QMimeData) -> list[Path]:
    """The e-mail files and folders among dropped URLs (other files are ignored)."""
    if not mime.hasUrls():
        return []
    found: list[Path] = []
    for url in mime.urls():
        if not url.isLocalFile():
            continue
        path = Path(url.toLocalFile())
        if path.is_dir() or path.suffix.lower() in MAIL_SUFFIXES:
            found.append(path)
    return found


class MailRoom(WindowRoom):
    """Reading e-mails into the timeline."""

    def read_mail_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Read e-mails into the timeline"),
            str(Path.home()),
            self.tr("E-mails (*.eml *.mbox *.mbx);;All files (*)"),
        )
        if paths:
            self.read_mails([Path(p) for p in paths], on_record=False)

    def _mail_target(self) -> Any:
        from crm_desktop.services.mailimport import Target

        loc = self.current
        if loc is None or loc.ref_id is None:
            return Target()
        if loc.kind == "person":
            return Target(person_id=loc.ref_id)
        if loc.kind == "company":
            return Target(company_id=loc.ref_id)
        if loc.kind == "ticket":
            return Target(ticket_id=loc.ref_id)
        return Target()

    def read_mails(self, paths: list[Path], *, on_record: bool = True) -> None:
        """Read ``paths`` in the background; ``on_record``: file them on the record shown."""
        from crm_desktop.services import mailimport

        if self.store is None:
            return
        target = self._mail_target() if on_record else mailimport.Target()
        owner = self.store.owner
        self.statusBar().showMessage(self.tr("Reading e-mails…"))

        def work(session: Any, progress: Any) -> Any:
            return mailimport.import_paths(
                session, paths, clock=self.clock, target=target, owner=owner, progress=progress
            )

        self.tasks.run(work, on_done=self._mails_read, on_error=self._background_failed)

    def _mails_read(self, report: Any) -> None:
        from crm_desktop.errors import CrmError
        from crm_desktop.ui.i18n import translate_error

        self.statusBar().clearMessage()
        n = len(report.imported)
        lines = [
            self.tr("1 e-mail read into the timeline.")
            if n == 1
            else self.tr("{n} e-mails read into the timeline.").format(n=n)
        ]
        if report.attachments:
            lines.append(self.tr("Attachments kept: {n}.").format(n=report.attachments))
        if report.duplicates:
            lines.append(
                self.tr("Already in the timeline (left alone): {n}.").format(
                    n=len(report.duplicates)
                )
            )
        if report.unmatched:
            lines.append("")
            lines.append(
                self.tr(
                    "Nobody stored has these addresses; drop the mails onto a person or a "
                    "company to file them there:"
                )
            )
            for source, subject, addresses in report.unmatched[:10]:
                lines.append(f"• {subject or source} — {', '.join(addresses)}")
            if len(report.unmatched) > 10:
                lines.append(self.tr("… and {n} more.").format(n=len(report.unmatched) - 10))
        if report.rejected:
            lines.append("")
            lines.append(self.tr("Not read:"))
            for source, message, params in report.rejected[:10]:
                lines.append(f"• {source}: {translate_error(CrmError(message, **params))}")
        log.info("mails read: %d, unmatched %d", n, len(report.unmatched))
        self.show_message(self.tr("E-mails"), "\n".join(lines))
        changes = report.changes()
        if not changes.empty:
            self.hub.publish(changes)

    # ------------------------------------------------------------ drop onto the window

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.store is not None and mail_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.store is not None and mail_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = mail_paths(event.mimeData())
        if self.store is None or not paths:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.read_mails(paths)
