"""The company tree: a lazy Qt item model and the panel around it (filter, menus).

The model never loads more than it shows: the top level and every node's children
come in pages (``services.tree.children_page``) when the view asks through
``canFetchMore``/``fetchMore`` — on expanding a node or scrolling to the end.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError
from crm_desktop.services import tree
from crm_desktop.services.tree import NO_COMPANY, Cursor, MovePlan, NodeKind, NodeRef, TreeNode
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.icons import icon

log = logging.getLogger("crm_desktop.ui.tree")

PERSON_MIME = "application/x-crm-desktop-person-ids"
NodeRefRole = int(Qt.ItemDataRole.UserRole) + 1
TreeNodeRole = int(Qt.ItemDataRole.UserRole) + 2

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT_INDEX = QModelIndex()  # the invalid index: "the top level"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CompanyTree", text)


class _Node:
    __slots__ = ("children", "cursor", "data", "parent", "row", "uid")

    def __init__(self, uid: int, data: TreeNode | None, parent: _Node | None, row: int) -> None:
        self.uid = uid
        self.data = data
        self.parent = parent
        self.row = row
        self.children: list[_Node] = []
        # where the next page starts; None once every child is loaded
        self.cursor: Cursor | None = Cursor() if (data is None or data.has_children) else None

    @property
    def ref(self) -> NodeRef | None:
        return self.data.ref if self.data is not None else None


class CompanyTreeModel(QAbstractItemModel):
    """Companies → branches → departments → people, loaded page by page."""

    errorOccurred = Signal(str)  # a human, translated message
    personMoved = Signal(int)

    def __init__(
        self,
        store: Store,
        parent: QObject | None = None,
        *,
        page_size: int = tree.PAGE_SIZE,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock or SystemClock()
        self.page_size = page_size
        self.filter_text = ""
        # asked before a person moves to another company: (person, from, to) -> ok?
        self.confirm_company_change: Callable[[str, str, str], bool] | None = None
        self._ids = itertools.count(1)
        self._nodes: dict[int, _Node] = {}
        self.fetch_count = 0  # pages loaded (tests and diagnostics)
        self._root = self._new_node(None, None, 0)

    # ------------------------------------------------------------ structure

    def _new_node(self, data: TreeNode | None, parent: _Node | None, row: int) -> _Node:
        node = _Node(next(self._ids), data, parent, row)
        self._nodes[node.uid] = node
        return node

    def _forget(self, node: _Node) -> None:
        for child in node.children:
            self._forget(child)
        self._nodes.pop(node.uid, None)

    def _node(self, index: AnyIndex) -> _Node:
        if not index.isValid():
            return self._root
        return self._nodes.get(index.internalId(), self._root)

    def _index_of(self, node: _Node) -> QModelIndex:
        if node is self._root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node.uid)

    def index(self, row: int, column: int, parent: AnyIndex = _ROOT_INDEX) -> QModelIndex:
        node = self._node(parent)
        if column != 0 or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row].uid)

    def parent(self, index: AnyIndex = _ROOT_INDEX) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node = self._node(index)
        if node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self._index_of(node.parent)

    def rowCount(self, parent: AnyIndex = _ROOT_INDEX) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: AnyIndex = _ROOT_INDEX) -> int:
        return 1

    def hasChildren(self, parent: AnyIndex = _ROOT_INDEX) -> bool:
        node = self._node(parent)
        if node is self._root:
            return True
        return bool(node.children) or node.cursor is not None

    # ------------------------------------------------------------ lazy loading

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return self._node(parent).cursor is not None

    def fetchMore(self, parent: AnyIndex) -> None:
        self._fetch(self._node(parent))

    def _fetch(self, node: _Node) -> int:
        if node.cursor is None:
            return 0
        try:
            cursor, limit = node.cursor, self.page_size
            filter_text = self.filter_text if node is self._root else None
            page = ops.read(
                self.store,
                lambda s: tree.children_page(
                    s, node.ref, cursor=cursor, limit=limit, filter_text=filter_text
                ),
            )
        except CrmError as exc:
            node.cursor = None
            self.errorOccurred.emit(exc.text(_tr))
            return 0
        self.fetch_count += 1
        node.cursor = page.next
        if not page.nodes:
            if node is not self._root:  # the expand arrow goes away
                idx = self._index_of(node)
                self.dataChanged.emit(idx, idx)
            return 0
        first = len(node.children)
        self.beginInsertRows(self._index_of(node), first, first + len(page.nodes) - 1)
        for offset, data in enumerate(page.nodes):
            node.children.append(self._new_node(data, node, first + offset))
        self.endInsertRows()
        return len(page.nodes)

    def fetch_all(self, parent: QModelIndex = _ROOT_INDEX, limit_pages: int = 1000) -> None:
        node = self._node(parent)
        for _ in range(limit_pages):
            if not self._fetch(node):
                break

    # ------------------------------------------------------------ data

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        data = node.data
        if data is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(data)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(data)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(data)
        if role == NodeRefRole:
            return data.ref
        if role == TreeNodeRole:
            return data
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(data)
        return None

    @staticmethod
    def _display(data: TreeNode) -> str:
        if data.kind is NodeKind.NO_COMPANY:
            return QCoreApplication.translate("CompanyTree", "No company")
        label = data.label or QCoreApplication.translate("CompanyTree", "(no name)")
        if data.kind is NodeKind.COMPANY and data.detail:
            label = f"{label} — {data.detail}"
        if data.kind in (NodeKind.COMPANY, NodeKind.DEPARTMENT) and data.count:
            return f"{label} ({data.count:n})"
        return label

    @staticmethod
    def _icon(data: TreeNode) -> Any:
        if data.kind is NodeKind.COMPANY:
            return icon("branch" if data.is_branch else "company")
        return icon(data.kind.value)

    @staticmethod
    def _tooltip(data: TreeNode) -> str:
        if data.kind is NodeKind.NO_COMPANY:
            return QCoreApplication.translate(
                "CompanyTree", "People who do not belong to a company"
            )
        parts = [data.label]
        if data.kind is NodeKind.PERSON and data.detail:
            parts.append(data.detail)
        if data.kind is NodeKind.COMPANY:
            if data.detail:
                parts.append(
                    QCoreApplication.translate("CompanyTree", "Branch of {parent}").format(
                        parent=data.detail
                    )
                )
            parts.append(
                QCoreApplication.translate(
                    "CompanyTree", "{count} people (branches included)"
                ).format(count=data.count or 0)
            )
        if data.kind is NodeKind.DEPARTMENT:
            parts.append(
                QCoreApplication.translate("CompanyTree", "{count} people").format(
                    count=data.count or 0
                )
            )
        return "\n".join(p for p in parts if p)

    def node_at(self, index: AnyIndex) -> TreeNode | None:
        return self._node(index).data if index.isValid() else None

    def ref_at(self, index: AnyIndex) -> NodeRef | None:
        data = self.node_at(index)
        return data.ref if data is not None else None

    # ------------------------------------------------------------ filter, reload

    def set_filter(self, text: str) -> None:
        text = text.strip()
        if text == self.filter_text:
            return
        self.filter_text = text
        self.reload()

    def reload(self) -> None:
        """Start again from the first page (expanded state is the view's business)."""
        self.beginResetModel()
        self._forget(self._root)
        self._nodes.clear()
        self._root = self._new_node(None, None, 0)
        self.endResetModel()
        self._fetch(self._root)

    def nodes_for(self, ref: NodeRef) -> list[QModelIndex]:
        """Indexes of the loaded nodes showing ``ref`` (a record can show twice when filtered)."""
        return [self._index_of(n) for n in self._walk(self._root) if n.ref == ref]

    def _walk(self, node: _Node) -> Iterator[_Node]:
        for child in node.children:
            yield child
            yield from self._walk(child)

    def refresh_node(self, index: QModelIndex) -> None:
        """Reload one node's own data (label, count) and, if loaded, its children."""
        node = self._node(index)
        if node is not self._root and not self._refresh_data(node):
            return
        self._reload_children(node)

    def _refresh_data(self, node: _Node) -> bool:
        """New label and count for one node; False when the record is gone (removed)."""
        if node.data is None:
            return True
        try:
            ref = node.data.ref
            node.data = ops.read(self.store, lambda s: tree.node_for(s, ref))
        except CrmError:
            self._remove(node)
            return False
        idx = self._index_of(node)
        self.dataChanged.emit(idx, idx)
        return True

    def _reload_children(self, node: _Node) -> None:
        was_loaded = bool(node.children) or node is self._root
        index = self._index_of(node)
        if node.children:
            self.beginRemoveRows(index, 0, len(node.children) - 1)
            for child in node.children:
                self._forget(child)
            node.children = []
            self.endRemoveRows()
        has = node is self._root or (node.data is not None and node.data.has_children)
        node.cursor = Cursor() if has else None
        if was_loaded:
            self._fetch(node)

    def _remove(self, node: _Node) -> None:
        parent = node.parent
        if parent is None:
            return
        row = node.row
        self.beginRemoveRows(self._index_of(parent), row, row)
        del parent.children[row]
        for i, sibling in enumerate(parent.children[row:], start=row):
            sibling.row = i
        self._forget(node)
        self.endRemoveRows()

    def refresh_records(self, refs: Sequence[NodeRef]) -> None:
        """After a change: reload the children of the nodes showing ``refs`` and the
        labels and counts of their ancestors (which stay expanded)."""
        wanted = set(refs)
        direct = [n for n in self._walk(self._root) if n.ref in wanted]
        ancestors: dict[int, _Node] = {}
        for node in direct:
            current = node.parent
            while current is not None and current is not self._root:
                ancestors[current.uid] = current
                current = current.parent
        for node in direct:
            if node.uid in self._nodes and node.uid not in ancestors:
                self.refresh_node(self._index_of(node))
        for node in ancestors.values():
            if node.uid in self._nodes:
                self._refresh_data(node)
        for node in direct:  # a container that is also an ancestor: data only above
            if node.uid in self._nodes and node.uid in ancestors:
                self._refresh_data(node)

    # ------------------------------------------------------------ reveal a record

    def reveal(self, ref: NodeRef) -> QModelIndex:
        """Load the pages on the way to ``ref`` and return its index (invalid if not found)."""
        try:
            path = ops.read(self.store, lambda s: tree.path_to(s, ref))
        except CrmError:
            return QModelIndex()
        if self.filter_text:
            found = self.nodes_for(ref)
            if found:
                return found[0]
            self.filter_text = ""
            self.reload()
        node = self._root
        for step in path:
            child = self._find_child(node, step)
            if child is None:
                return QModelIndex()
            node = child
        return self._index_of(node)

    def _find_child(self, node: _Node, ref: NodeRef) -> _Node | None:
        while True:
            for child in node.children:
                if child.ref == ref:
                    return child
            if node.cursor is None or not self._fetch(node):
                return None

    # ------------------------------------------------------------ drag and drop

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        data = self.node_at(index)
        if data is not None and data.kind is NodeKind.PERSON:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        elif data is not None:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [PERSON_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = []
        for idx in indexes:
            data = self.node_at(idx)
            if data is not None and data.kind is NodeKind.PERSON and data.ref_id not in ids:
                ids.append(data.ref_id)
        mime = QMimeData()
        mime.setData(PERSON_MIME, QByteArray(json.dumps(ids).encode()))
        return mime

    @staticmethod
    def person_ids(mime: QMimeData) -> list[int]:
        if not mime.hasFormat(PERSON_MIME):
            return []
        try:
            raw = json.loads(bytes(mime.data(PERSON_MIME).data()).decode())
        except ValueError:
            return []
        return [int(x) for x in raw if isinstance(x, int)]

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        target = self.node_at(parent)
        return (
            target is not None
            and target.kind is not NodeKind.PERSON
            and bool(self.person_ids(data))
        )

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        target = self.node_at(parent)
        ids = self.person_ids(data)
        if target is None or target.kind is NodeKind.PERSON or not ids:
            return False
        moved_any = False
        touched: list[NodeRef] = [target.ref]
        for person_id in ids:
            moved = self._move_one(person_id, target, touched)
            moved_any = moved_any or moved
        if moved_any:
            self._after_move(touched)
        return moved_any

    def _move_one(self, person_id: int, target: TreeNode, touched: list[NodeRef]) -> bool:
        try:

            def look(s: Session) -> tuple[MovePlan, TreeNode, list[NodeRef], str, str]:
                plan = tree.plan_move(s, person_id, target.ref)
                person = tree.node_for(s, NodeRef.person(person_id))
                source = tree.path_to(s, NodeRef.person(person_id))[:-1]
                from_name = (
                    tree.node_for(s, NodeRef.company(plan.from_company_id)).label
                    if plan.from_company_id is not None
                    else ""
                )
                to_name = (
                    tree.node_for(s, NodeRef.company(plan.company_id)).label
                    if plan.company_id is not None
                    else QCoreApplication.translate("CompanyTree", "No company")
                )
                return plan, person, source, from_name, to_name

            plan, person, source, from_name, to_name = ops.read(self.store, look)
            if not plan.changes:
                return False
            allowed = False
            if plan.crosses_company:
                ask = self.confirm_company_change
                allowed = ask is not None and ask(person.label, from_name, to_name)
                if not allowed:
                    self.errorOccurred.emit(
                        QCoreApplication.translate(
                            "CompanyTree",
                            "{person} works at {source}; moving them to {target} was not "
                            "confirmed, so nothing changed.",
                        ).format(person=person.label, source=from_name, target=to_name)
                    )
                    return False
            ops.write(
                self.store,
                lambda s: tree.move_person(
                    s, person_id, target.ref, allow_company_change=allowed, clock=self.clock
                ),
            )
        except CrmError as exc:
            self.errorOccurred.emit(exc.text(_tr))
            return False
        log.info("moved person %s", person_id)
        touched.extend(source[-1:] or [NO_COMPANY])
        self.personMoved.emit(person_id)
        return True

    def _after_move(self, touched: list[NodeRef]) -> None:
        unique = list(dict.fromkeys(touched))
        self.refresh_records(unique)
        if NO_COMPANY in unique and not self.nodes_for(NO_COMPANY):
            self.refresh_node(QModelIndex())


# ---------------------------------------------------------------- the panel


class CompanyTreePanel(QWidget):
    """Filter box, the tree, a "Today" entry and the context menu."""

    recordSelected = Signal(object)  # NodeRef
    recordActivated = Signal(object)  # NodeRef (double click / Enter)
    actionRequested = Signal(str, object)  # action name, NodeRef | None
    todayRequested = Signal()

    ACTIONS = (
        "new_company",
        "new_branch",
        "new_department",
        "new_person",
        "new_activity",
        "edit",
        "delete",
    )

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
        page_size: int = tree.PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("companyTreePanel")
        self.model = CompanyTreeModel(store, self, page_size=page_size, clock=clock)
        self.model.confirm_company_change = self._confirm_company_change

        self.today_button = QPushButton(icon("today"), self.tr("Today"))
        self.today_button.setFlat(True)
        self.today_button.setObjectName("todayButton")
        self.today_button.setStyleSheet("text-align: left; padding: 4px;")
        self.today_button.clicked.connect(self.todayRequested)

        self.view = QTreeView(self)
        self.view.setObjectName("companyTree")
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.activated.connect(self._activated)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.setAccessibleName(self.tr("Companies and people"))

        self.filter = QLineEdit(self)
        self.filter.setObjectName("treeFilter")
        self.filter.setPlaceholderText(self.tr("Filter companies and people…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_later)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(250)
        self._filter_timer.timeout.connect(self.apply_filter)

        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.empty_label.setContentsMargins(8, 16, 8, 16)
        self.empty_label.hide()

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("treeMessage")
        self.message.hide()
        self.model.errorOccurred.connect(self.show_message)
        self.model.modelReset.connect(self._update_empty)
        self.model.rowsInserted.connect(self._update_empty)
        self.model.rowsRemoved.connect(self._update_empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.today_button)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.message)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(4, 0, 4, 4)
        bottom.addWidget(self.filter)
        layout.addLayout(bottom)
        self.model.reload()

    # ------------------------------------------------------------ public

    def current_ref(self) -> NodeRef | None:
        return self.model.ref_at(self.view.currentIndex())

    def current_node(self) -> TreeNode | None:
        return self.model.node_at(self.view.currentIndex())

    def select(self, ref: NodeRef) -> bool:
        """Expand the way to ``ref`` and select it without emitting ``recordSelected``."""
        index = self.model.reveal(ref)
        if not index.isValid():
            return False
        parent = index.parent()
        chain = []
        while parent.isValid():
            chain.append(parent)
            parent = parent.parent()
        for idx in reversed(chain):
            self.view.expand(idx)
        self.blockSignals(True)
        try:
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        finally:
            self.blockSignals(False)
        self.view.scrollTo(index)
        return True

    def reload(self) -> None:
        """Reload from the store, keeping the expanded nodes and the selection."""
        expanded = [
            ref
            for ref in (self.model.ref_at(i) for i in self._expanded_indexes())
            if ref is not None
        ]
        current = self.current_ref()
        self.model.reload()
        for ref in expanded:
            idx = self.model.reveal(ref)
            if idx.isValid():
                self.view.expand(idx)
        if current is not None:
            self.select(current)

    def _expanded_indexes(self) -> list[QModelIndex]:
        out: list[QModelIndex] = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.model.rowCount(parent)):
                idx = self.model.index(row, 0, parent)
                if self.view.isExpanded(idx):
                    out.append(idx)
                    walk(idx)

        walk(QModelIndex())
        return out

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if text:
            QTimer.singleShot(8000, lambda: self.message.hide())

    def focus_tree(self) -> None:
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_due_count(self, due: int) -> None:
        if due:
            self.today_button.setText(self.tr("Today (%n due)", "", due))
        else:
            self.today_button.setText(self.tr("Today"))

    # ------------------------------------------------------------ filter

    def _filter_later(self, _text: str) -> None:
        self._filter_timer.start()

    def apply_filter(self) -> None:
        self._filter_timer.stop()
        self.model.set_filter(self.filter.text())
        self._update_empty()

    def _update_empty(self, *_args: object) -> None:
        if self.model.rowCount() > 0:
            self.empty_label.hide()
            self.view.show()
            return
        self.view.hide()  # the explanation takes the tree's place
        if self.model.filter_text:
            self.empty_label.setText(
                self.tr("Nothing matches “{text}”.").format(text=self.model.filter_text)
            )
        else:
            self.empty_label.setText(
                self.tr("No contacts yet. Create a company or a person, or import a file.")
            )
        self.empty_label.show()

    # ------------------------------------------------------------ selection, menu

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        ref = self.model.ref_at(current)
        if ref is not None and not self.signalsBlocked():
            self.recordSelected.emit(ref)

    def _activated(self, index: QModelIndex) -> None:
        ref = self.model.ref_at(index)
        if ref is not None:
            self.recordActivated.emit(ref)

    def menu_actions(self, node: TreeNode | None) -> list[tuple[str, str]]:
        """(action, label) pairs offered for ``node`` (also used by tests)."""
        items: list[tuple[str, str]] = []
        kind = node.kind if node is not None else None
        if kind is NodeKind.COMPANY:
            items += [
                ("new_branch", self.tr("New branch…")),
                ("new_department", self.tr("New department…")),
                ("new_person", self.tr("New person…")),
                ("new_activity", self.tr("New activity…")),
                ("edit", self.tr("Edit company…")),
                ("delete", self.tr("Delete company…")),
            ]
        elif kind is NodeKind.DEPARTMENT:
            items += [
                ("new_person", self.tr("New person in this department…")),
                ("edit", self.tr("Rename department…")),
            ]
        elif kind is NodeKind.PERSON:
            items += [
                ("new_activity", self.tr("New activity…")),
                ("edit", self.tr("Edit person…")),
                ("delete", self.tr("Delete person…")),
            ]
        elif kind is NodeKind.NO_COMPANY:
            items += [("new_person", self.tr("New person…"))]
        items.append(("new_company", self.tr("New company…")))
        return items

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        node = self.model.node_at(index)
        if index.isValid():
            self.view.setCurrentIndex(index)
        menu = QMenu(self)
        for action, label in self.menu_actions(node):
            if action in ("delete", "new_company"):
                menu.addSeparator()
            act = QAction(label, menu)
            if action == "delete":
                act.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
            ref = node.ref if node is not None else None
            act.triggered.connect(
                lambda _checked=False, a=action, r=ref: self.actionRequested.emit(a, r)
            )
            menu.addAction(act)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def _confirm_company_change(self, person: str, source: str, target: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Move to another company?"),
            self.tr(
                "{person} belongs to {source}. Move them to {target}? Their supervisor "
                "link is removed when the supervisor stays behind."
            ).format(person=person, source=source, target=target),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
