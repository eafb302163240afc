"""The "Rules" dialog (Extras → Regeln…): the rules of this address book in one place.

Pipeline stages with their probabilities and the loss reasons, the quote follow-up,
the A/B/C priority criteria, the opportunity a new customer gets, the fields a person
or company must have, and the ticket and order number schemes. One save stores every
changed rule as one undo step (:func:`crm_desktop.services.rules.set_rules`) and hands
the window one change record (``saved``); a value the rules refuse is named in the
dialog, on its tab, and nothing is stored.
"""

from __future__ import annotations

import decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError, MultipleErrors
from crm_desktop.services import customfields, rules
from crm_desktop.services.changes import Changes
from crm_desktop.ui import ops
from crm_desktop.ui.errors import error_label_text, show_error

# the tab a refused rule is on
_TAB_OF = {
    "pipeline-stages": 0,
    "loss-reasons": 0,
    "quote-stages": 1,
    "priority-criteria": 2,
    "new-customer-opportunity": 3,
    "required-person-fields": 4,
    "required-company-fields": 4,
    "ticket-scheme": 5,
    "order-scheme": 5,
}


class RulesDialog(QDialog):
    """Edit the rules; ``saved`` carries the :class:`Changes` of a save."""

    saved = Signal(object)

    def __init__(
        self, store: Store, *, clock: Clock | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock or SystemClock()
        self.setObjectName("rulesDialog")
        self.setWindowTitle(self.tr("Rules"))
        self.resize(760, 560)
        self.loaded: dict[str, Any] = ops.read(store, rules.show)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._pipeline_tab(), self.tr("Pipeline"))
        self.tabs.addTab(self._quote_tab(), self.tr("Quote follow-up"))
        self.tabs.addTab(self._priority_tab(), self.tr("Priorities"))
        self.tabs.addTab(self._opportunity_tab(), self.tr("New customers"))
        self.tabs.addTab(self._required_tab(), self.tr("Required fields"))
        self.tabs.addTab(self._numbers_tab(), self.tr("Numbers"))
        self.fields = CustomFieldsPage(store, clock=self.clock, parent=self)
        self.fields.changed.connect(self.saved)
        self.tabs.addTab(self.fields, self.tr("Fields"))
        self.error = QLabel(self)
        self.error.setObjectName("rulesError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        hint = QLabel(
            self.tr(
                "Changes apply from the next run (numbering, the nightly priority run, "
                "quote reminders). Edit → Undo takes a save back."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    # ------------------------------------------------------------ tabs

    def _pipeline_tab(self) -> QWidget:
        page = QWidget(self)
        box = QGroupBox(self.tr("Stages of an opportunity (in order)"), page)
        self.stages = QTableWidget(0, 2, box)
        self.stages.setObjectName("stagesTable")
        self.stages.setHorizontalHeaderLabels([self.tr("Stage"), self.tr("Probability %")])
        header = self.stages.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.stages.verticalHeader().hide()
        self.stages.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for stage in self.loaded["pipeline-stages"]:
            self._add_stage(str(stage["name"]), int(stage["probability"]))
        stage_buttons = self._row_buttons(
            self.stages,
            add=lambda: self._add_stage(self.tr("New stage"), 50, edit=True),
        )
        inner = QVBoxLayout(box)
        inner.addWidget(self.stages)
        inner.addLayout(stage_buttons)

        reasons_box = QGroupBox(self.tr("Reasons why an opportunity was lost"), page)
        self.reasons = QListWidget(reasons_box)
        self.reasons.setObjectName("lossReasons")
        for reason in self.loaded["loss-reasons"]:
            self._add_reason(str(reason))
        reason_buttons = self._row_buttons(
            self.reasons, add=lambda: self._add_reason(self.tr("New reason"), edit=True)
        )
        inner2 = QVBoxLayout(reasons_box)
        inner2.addWidget(self.reasons)
        inner2.addLayout(reason_buttons)
        row = QHBoxLayout(page)
        row.addWidget(box, 3)
        row.addWidget(reasons_box, 2)
        return page

    def _add_stage(self, name: str, probability: int, *, edit: bool = False) -> None:
        row = self.stages.rowCount()
        self.stages.insertRow(row)
        self.stages.setItem(row, 0, QTableWidgetItem(name))
        spin = QSpinBox(self.stages)
        spin.setRange(0, 100)
        spin.setSuffix(" %")
        spin.setValue(probability)
        self.stages.setCellWidget(row, 1, spin)
        if edit:
            item = self.stages.item(row, 0)
            self.stages.setCurrentCell(row, 0)
            if item is not None:
                self.stages.editItem(item)

    def _add_reason(self, text: str, *, edit: bool = False) -> None:
        item = QListWidgetItem(text, self.reasons)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        if edit:
            self.reasons.setCurrentItem(item)
            self.reasons.editItem(item)

    def _row_buttons(self, view: QTableWidget | QListWidget, *, add: Any) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("Add"), add),
            (self.tr("Remove"), lambda: self._remove(view)),
            (self.tr("Up"), lambda: self._move(view, -1)),
            (self.tr("Down"), lambda: self._move(view, 1)),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _remove(self, view: QTableWidget | QListWidget) -> None:
        row = view.currentRow()
        if row < 0:
            return
        if isinstance(view, QTableWidget):
            view.removeRow(row)
        else:
            view.takeItem(row)

    def _move(self, view: QTableWidget | QListWidget, step: int) -> None:
        row = view.currentRow()
        target = row + step
        if isinstance(view, QTableWidget):
            if row < 0 or not 0 <= target < view.rowCount():
                return
            values = self._stage_values()
            values[row], values[target] = values[target], values[row]
            view.setRowCount(0)
            for name, pct in values:
                self._add_stage(name, pct)
            view.setCurrentCell(target, 0)
        else:
            if row < 0 or not 0 <= target < view.count():
                return
            item = view.takeItem(row)
            view.insertItem(target, item)
            view.setCurrentRow(target)

    def _quote_tab(self) -> QWidget:
        page = QWidget(self)
        q = self.loaded["quote-stages"]
        form = QFormLayout(page)
        self.reminder_days = QLineEdit(", ".join(str(d) for d in q["reminder_days"]), page)
        self.reminder_days.setObjectName("reminderDays")
        self.reminder_days.setPlaceholderText(self.tr("e.g. 7, 14"))
        self.lost_after = QSpinBox(page)
        self.lost_after.setRange(1, 3650)
        self.lost_after.setSuffix(self.tr(" days"))
        self.lost_after.setValue(int(q["lost_after_days"]))
        self.lost_reason = QLineEdit(str(q["lost_reason"]), page)
        form.addRow(self.tr("Remind after (days after sending)"), self.reminder_days)
        form.addRow(self.tr("Count the quote as lost after"), self.lost_after)
        form.addRow(self.tr("Loss reason then"), self.lost_reason)
        return page

    def _money_box(self, value: Any, parent: QWidget) -> QDoubleSpinBox:
        box = QDoubleSpinBox(parent)
        box.setRange(0, 1_000_000_000)
        box.setDecimals(2)
        box.setGroupSeparatorShown(True)
        box.setSuffix(" €")
        box.setValue(float(decimal.Decimal(str(value))))
        return box

    def _priority_tab(self) -> QWidget:
        page = QWidget(self)
        p = self.loaded["priority-criteria"]
        form = QFormLayout(page)
        explain = QLabel(
            self.tr(
                "A customer is A when the revenue or the number of orders in the period "
                "reaches the A threshold, B likewise, otherwise C. Without an order or an "
                "activity for a long time the class drops by one step."
            ),
            page,
        )
        explain.setWordWrap(True)
        form.addRow(explain)
        self.months = QSpinBox(page)
        self.months.setRange(1, 120)
        self.months.setSuffix(self.tr(" months"))
        self.months.setValue(int(p["months"]))
        self.a_revenue = self._money_box(p["a_revenue"], page)
        self.b_revenue = self._money_box(p["b_revenue"], page)
        self.a_orders = QSpinBox(page)
        self.a_orders.setRange(0, 100_000)
        self.a_orders.setValue(int(p["a_orders"]))
        self.b_orders = QSpinBox(page)
        self.b_orders.setRange(0, 100_000)
        self.b_orders.setValue(int(p["b_orders"]))
        self.stale_days = QSpinBox(page)
        self.stale_days.setRange(1, 3650)
        self.stale_days.setSuffix(self.tr(" days"))
        self.stale_days.setValue(int(p["stale_after_days"]))
        form.addRow(self.tr("Period"), self.months)
        form.addRow(self.tr("A from revenue"), self.a_revenue)
        form.addRow(self.tr("B from revenue"), self.b_revenue)
        form.addRow(self.tr("A from orders"), self.a_orders)
        form.addRow(self.tr("B from orders"), self.b_orders)
        form.addRow(self.tr("One step down after no contact for"), self.stale_days)
        return page

    def _opportunity_tab(self) -> QWidget:
        page = QWidget(self)
        d = self.loaded["new-customer-opportunity"]
        form = QFormLayout(page)
        self.opp_enabled = QCheckBox(
            self.tr("Open an opportunity automatically for every new customer"), page
        )
        self.opp_enabled.setChecked(bool(d["enabled"]))
        self.opp_title = QLineEdit(str(d["title"]), page)
        self.opp_title.setToolTip(self.tr("{company} is replaced by the customer's name"))
        self.opp_value = self._money_box(d["value"], page)
        self.opp_probability = QSpinBox(page)
        self.opp_probability.setRange(0, 100)
        self.opp_probability.setSuffix(" %")
        self.opp_probability.setValue(int(d["probability"]))
        self.opp_months = QSpinBox(page)
        self.opp_months.setRange(0, 120)
        self.opp_months.setSuffix(self.tr(" months"))
        self.opp_months.setValue(int(d["months_to_close"]))
        form.addRow(self.opp_enabled)
        form.addRow(self.tr("Title"), self.opp_title)
        form.addRow(self.tr("Estimated value"), self.opp_value)
        form.addRow(self.tr("Probability"), self.opp_probability)
        form.addRow(self.tr("Expected close after"), self.opp_months)
        return page

    def _field_labels(self, kind: str) -> dict[str, str]:
        common = {
            "email": self.tr("E-mail"),
            "phone": self.tr("Phone"),
            "address": self.tr("Address"),
            "owner": self.tr("Owner"),
            "payment_terms": self.tr("Payment terms"),
        }
        if kind == "person":
            return {
                "salutation": self.tr("Salutation"),
                "title": self.tr("Title"),
                "given_name": self.tr("Given name"),
                "birth_date": self.tr("Birth date"),
                "position": self.tr("Position"),
                "company": self.tr("Company"),
                "department": self.tr("Department"),
                **common,
            }
        return {
            "legal_form": self.tr("Legal form"),
            "website": self.tr("Website"),
            "vat_id": self.tr("VAT id"),
            "priority": self.tr("Priority"),
            "customer_since": self.tr("Customer since"),
            **common,
        }

    def _required_tab(self) -> QWidget:
        page = QWidget(self)
        row = QHBoxLayout(page)
        self.required: dict[str, QListWidget] = {}
        for kind, title, allowed in (
            ("person", self.tr("A person must have"), rules.PERSON_FIELDS),
            ("company", self.tr("A company must have"), rules.COMPANY_FIELDS),
        ):
            box = QGroupBox(title, page)
            view = QListWidget(box)
            view.setObjectName(f"required_{kind}")
            labels = self._field_labels(kind)
            chosen = set(self.loaded[f"required-{kind}-fields"])
            for name in allowed:
                item = QListWidgetItem(labels.get(name, name), view)
                item.setData(Qt.ItemDataRole.UserRole, name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if name in chosen else Qt.CheckState.Unchecked
                )
            inner = QVBoxLayout(box)
            inner.addWidget(view)
            self.required[kind] = view
            row.addWidget(box)
        return page

    def _numbers_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        explain = QLabel(
            self.tr(
                "{year} is the year, {seq} the running number; {seq:05d} pads it to five "
                "digits. New tickets and orders are numbered this way."
            ),
            page,
        )
        explain.setWordWrap(True)
        form.addRow(explain)
        self.ticket_scheme = QLineEdit(str(self.loaded["ticket-scheme"]), page)
        self.ticket_scheme.setObjectName("ticketScheme")
        self.order_scheme = QLineEdit(str(self.loaded["order-scheme"]), page)
        self.ticket_example = QLabel(page)
        self.order_example = QLabel(page)
        for edit, example in (
            (self.ticket_scheme, self.ticket_example),
            (self.order_scheme, self.order_example),
        ):
            edit.textChanged.connect(lambda text, label=example: self._example(text, label))
            self._example(edit.text(), example)
        form.addRow(self.tr("Ticket numbers"), self.ticket_scheme)
        form.addRow("", self.ticket_example)
        form.addRow(self.tr("Order numbers"), self.order_scheme)
        form.addRow("", self.order_example)
        return page

    def _example(self, scheme: str, label: QLabel) -> None:
        try:
            sample = scheme.format(year=self.clock.now().year, seq=42) if "{seq" in scheme else ""
        except (KeyError, IndexError, ValueError):
            sample = ""
        label.setText(
            self.tr("Example: {number}").format(number=sample)
            if sample
            else self.tr("Not a valid scheme")
        )

    # ------------------------------------------------------------ saving

    def _stage_values(self) -> list[tuple[str, int]]:
        values: list[tuple[str, int]] = []
        for row in range(self.stages.rowCount()):
            item = self.stages.item(row, 0)
            spin = self.stages.cellWidget(row, 1)
            pct = spin.value() if isinstance(spin, QSpinBox) else 0
            values.append((item.text() if item is not None else "", pct))
        return values

    def values(self) -> dict[str, Any]:
        """What the dialog shows, in the rules' JSON form."""
        days = [d.strip() for d in self.reminder_days.text().replace(";", ",").split(",")]
        checked = {
            kind: [
                str(view.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(view.count())
                if view.item(i).checkState() == Qt.CheckState.Checked
            ]
            for kind, view in self.required.items()
        }
        return {
            "pipeline-stages": [{"name": n, "probability": p} for n, p in self._stage_values()],
            "loss-reasons": [self.reasons.item(i).text() for i in range(self.reasons.count())],
            "quote-stages": {
                "reminder_days": [d for d in days if d],
                "lost_after_days": self.lost_after.value(),
                "lost_reason": self.lost_reason.text(),
            },
            "priority-criteria": {
                "months": self.months.value(),
                "a_revenue": f"{self.a_revenue.value():.2f}",
                "b_revenue": f"{self.b_revenue.value():.2f}",
                "a_orders": self.a_orders.value(),
                "b_orders": self.b_orders.value(),
                "stale_after_days": self.stale_days.value(),
            },
            "new-customer-opportunity": {
                "enabled": self.opp_enabled.isChecked(),
                "title": self.opp_title.text(),
                "value": f"{self.opp_value.value():.2f}",
                "probability": self.opp_probability.value(),
                "months_to_close": self.opp_months.value(),
            },
            "required-person-fields": checked["person"],
            "required-company-fields": checked["company"],
            "ticket-scheme": self.ticket_scheme.text(),
            "order-scheme": self.order_scheme.text(),
        }

    def save(self) -> None:
        values = self.values()
        try:
            changed = ops.write(self.store, lambda s: rules.set_rules(s, values, self.clock))
        except MultipleErrors as exc:
            self._refused(exc.errors[0] if exc.errors else exc)
            return
        except CrmError as exc:
            self._refused(exc)
            return
        except Exception as exc:  # a bug or a lost store: the crash dialog and the log
            show_error(self, exc)
            return
        changes = Changes()
        for change in changed:
            changes = changes | change.changes
        self.changes = changes
        self.saved.emit(changes)
        self.accept()

    def _refused(self, exc: CrmError) -> None:
        self.error.setText(error_label_text(exc))
        self.error.show()
        field = str(getattr(exc, "field", "") or "")
        tab = _TAB_OF.get(field, _TAB_FIELDS.get(field, self.tabs.currentIndex()))
        self.tabs.setCurrentIndex(tab)


# the ``field`` a setter names → its tab
_TAB_FIELDS = {
    "stages": 0,
    "loss_reasons": 0,
    "reminder_days": 1,
    "lost_after_days": 1,
    "priority": 2,
    "value": 3,
    "probability": 3,
    "months_to_close": 3,
    "title": 3,
    "enabled": 3,
    "required": 4,
    "scheme": 5,
}


class CustomFieldsPage(QWidget):
    """The "Fields" tab: custom fields defined once for every person (name, type, the
    values of a pick-list). Each change is stored at once as its own undo step and goes
    out on ``changed``; a delete asks whether the people's values stay (as free profile
    fields) or go."""

    changed = Signal(object)

    def __init__(self, store: Store, *, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.setObjectName("customFieldsPage")
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("customFields")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Type"), self.tr("Pick-list values"), self.tr("People")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._selected)
        self.name = QLineEdit(self)
        self.name.setObjectName("fieldName")
        self.name.setPlaceholderText(self.tr("e.g. Industry"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("fieldKind")
        for key, label in self._kind_labels().items():
            self.kind.addItem(label, key)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.options = QLineEdit(self)
        self.options.setObjectName("fieldOptions")
        self.options.setPlaceholderText(self.tr("e.g. Construction; Trade; Services"))
        self.define_button = QPushButton(self.tr("&Add or change"), self)
        self.define_button.clicked.connect(self.define)
        self.rename_button = QPushButton(self.tr("&Rename…"), self)
        self.rename_button.clicked.connect(self.ask_rename)
        self.delete_button = QPushButton(self.tr("&Delete…"), self)
        self.delete_button.clicked.connect(self.ask_delete)
        self.error = QLabel(self)
        self.error.setObjectName("fieldsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        explain = QLabel(
            self.tr(
                "Fields defined here appear on every person's Profile tab with an editor "
                "for their type; values can be searched, filtered (“Field = value” in the "
                "people list) and selected in a campaign. A change is stored at once; "
                "Edit → Undo takes it back."
            ),
            self,
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Type"), self.kind)
        form.addRow(self.tr("Pick-list &values"), self.options)
        buttons = QHBoxLayout()
        for button in (self.define_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self.reload()
        self._kind_changed()

    def _kind_labels(self) -> dict[str, str]:
        return {
            "text": self.tr("Text"),
            "number": self.tr("Number"),
            "date": self.tr("Date"),
            "yesno": self.tr("Yes/no"),
            "choice": self.tr("Pick-list"),
        }

    def reload(self) -> None:
        def read(s: Any) -> list[tuple[customfields.FieldDef, int]]:
            return [(f, customfields.count_values(s, f.name)) for f in customfields.list_fields(s)]

        self.defs = ops.read(self.store, read)
        labels = self._kind_labels()
        self.table.setRowCount(0)
        for defn, people in self.defs:
            row = self.table.rowCount()
            self.table.insertRow(row)
            name = QTableWidgetItem(defn.name)
            name.setData(Qt.ItemDataRole.UserRole, defn.name)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(labels.get(defn.kind, defn.kind)))
            self.table.setItem(row, 2, QTableWidgetItem("; ".join(defn.options)))
            count = QTableWidgetItem(str(people))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 3, count)
        self._selected()

    def selected_name(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _selected(self) -> None:
        name = self.selected_name()
        has = name is not None and bool(self.table.selectedItems())
        self.rename_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        if not has:
            return
        for defn, _n in self.defs:
            if defn.name == name:
                self.name.setText(defn.name)
                self.kind.setCurrentIndex(max(self.kind.findData(defn.kind), 0))
                self.options.setText("; ".join(defn.options))

    def _kind_changed(self) -> None:
        self.options.setEnabled(self.kind.currentData() == "choice")

    def select(self, name: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == name:
                self.table.selectRow(row)
                return

    def _run(self, fn: Any, then_select: str | None) -> bool:
        try:
            change = ops.write(self.store, fn)
        except CrmError as exc:
            self.error.setText(error_label_text(exc))
            self.error.show()
            return False
        except Exception as exc:  # a bug or a lost store: the crash dialog and the log
            show_error(self, exc)
            return False
        self.error.hide()
        self.reload()
        if then_select:
            self.select(then_select)
        if not change.changes.empty:
            self.changed.emit(change.changes)
        return True

    def define(self) -> bool:
        """Add the field of the typed name, or change its type and values."""
        name = self.name.text().strip()
        kind = str(self.kind.currentData())
        options = [o for o in self.options.text().split(";") if o.strip()]
        return self._run(
            lambda s: customfields.define_field(s, name, kind, options, clock=self.clock),
            name,
        )

    def rename(self, new_name: str) -> bool:
        old = self.selected_name()
        if old is None:
            return False
        return self._run(
            lambda s: customfields.rename_field(s, old, new_name, clock=self.clock),
            new_name.strip(),
        )

    def delete(self, *, keep_values: bool) -> bool:
        name = self.selected_name()
        if name is None:
            return False
        return self._run(
            lambda s: customfields.delete_field(s, name, keep_values=keep_values, clock=self.clock),
            None,
        )

    def ask_rename(self) -> None:
        old = self.selected_name()
        if old is None:
            return
        new_name, ok = QInputDialog.getText(
            self,
            self.tr("Rename field"),
            self.tr("New name (the people's values move along):"),
            text=old,
        )
        if ok:
            self.rename(new_name)

    def ask_delete(self) -> None:
        """Asks whether the values stay as free profile fields or are removed."""
        name = self.selected_name()
        if name is None:
            return
        people = next((n for d, n in self.defs if d.name == name), 0)
        if not people:
            self.delete(keep_values=True)
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete field"),
            self.tr(
                "People with a value in “{name}”: {count}. Keep the values as free "
                "profile fields, or remove them?"
            ).format(name=name, count=people),
            parent=self,
        )
        keep = box.addButton(self.tr("&Keep values"), QMessageBox.ButtonRole.AcceptRole)
        remove = box.addButton(self.tr("&Remove values"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        if box.clickedButton() is keep:
            self.delete(keep_values=True)
        elif box.clickedButton() is remove:
            self.delete(keep_values=False)


__all__ = ["CustomFieldsPage", "RulesDialog"]
