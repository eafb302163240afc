"""The first-start page: an empty store explained, with the ways to fill it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.icons import app_icon, icon


class WelcomeWidget(QWidget):
    """Shown instead of the detail pane while the store holds no contacts."""

    importRequested = Signal()
    demoRequested = Signal()
    newCompanyRequested = Signal()
    newPersonRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        logo = QLabel(self)
        logo.setPixmap(app_icon().pixmap(QSize(72, 72)))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)

        title = QLabel(self.tr("Welcome to CRM Desktop"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)

        text = QLabel(
            self.tr(
                "No contacts yet. Import a vCard or CSV file from your address book or "
                "e-mail program, or create demo data to look around first. Everything stays "
                "on this computer."
            ),
            self,
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setMinimumWidth(420)

        self.import_button = self._button(
            "import", self.tr("Import contacts…"), self.tr("vCard (.vcf) or CSV file")
        )
        self.import_button.clicked.connect(self.importRequested)
        self.demo_button = self._button(
            "today", self.tr("Create demo data"), self.tr("Made-up companies, people and calls")
        )
        self.demo_button.clicked.connect(self.demoRequested)
        self.company_button = self._button(
            "company", self.tr("New company…"), self.tr("Start with your first customer")
        )
        self.company_button.clicked.connect(self.newCompanyRequested)
        self.person_button = self._button(
            "person", self.tr("New person…"), self.tr("A contact without a company")
        )
        self.person_button.clicked.connect(self.newPersonRequested)

        grid = QGridLayout()
        grid.setSpacing(12)
        grid.addWidget(self.import_button, 0, 0)
        grid.addWidget(self.demo_button, 0, 1)
        grid.addWidget(self.company_button, 1, 0)
        grid.addWidget(self.person_button, 1, 1)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("welcomeProgress")
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.hide()

        box = QFrame(self)
        box.setMaximumWidth(620)
        box.setMinimumWidth(460)
        inner = QVBoxLayout(box)
        inner.setSpacing(14)
        inner.addWidget(logo)
        inner.addWidget(title)
        inner.addWidget(text)
        inner.addSpacing(8)
        inner.addLayout(grid)
        inner.addWidget(self.progress)
        inner.addWidget(self.status)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def _button(self, icon_name: str, title: str, hint: str) -> QPushButton:
        button = QPushButton(icon(icon_name), f"{title}\n{hint}", self)
        button.setIconSize(QSize(28, 28))
        button.setMinimumHeight(64)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setStyleSheet("text-align: left; padding: 8px 12px;")
        button.setAccessibleName(title)
        return button

    def set_busy(self, text: str) -> None:
        """Show that an import or the demo data is being written (buttons disabled)."""
        busy = bool(text)
        for b in (self.import_button, self.demo_button, self.company_button, self.person_button):
            b.setEnabled(not busy)
        self.status.setText(text)
        self.status.setVisible(busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)

    def set_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
