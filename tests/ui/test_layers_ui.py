"""No queries or transactions in ``ui/`` (issue #16, "one operations core").

The ui never opens a unit of work itself: a quick read on the GUI thread is
``ops.read(store, lambda s: service_fn(s, …))``, a write is
``ops.write(store, lambda s: use_case(s, …), sender=self, changes=Changes.of(…))``
(:mod:`crm_desktop.ui.ops`), background work goes through the runner
(:class:`crm_desktop.ui.tasks.TaskRunner`). The session those hand to the function is
passed on to a service function; the ui never imports SQLAlchemy and never calls the
session itself. This test walks the AST of every ``crm_desktop/ui/*.py`` file (an
import-linter-style layer rule) and names each offending line: SQL and session calls
everywhere, and ``….session()`` / ``….reader()`` outside ``ops.py`` and ``tasks.py``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "crm_desktop" / "ui"

# Files allowed to keep SQL while it is being moved out (none left). A file listed
# here that is already clean fails below, so the set cannot go stale.
PENDING: set[str] = set()

# The background task runner opens the unit of work for the function it runs (it
# needs the Session type for that function's signature); it queries nothing itself.
RUNNER = {"tasks.py"}

# The ui's one way to open a unit of work: ops.read / ops.write (GUI thread) and the
# runner (background). Everywhere else ``….session()`` / ``….reader()`` is banned.
UOW_OPENERS = {"ops.py", "tasks.py"}
UOW_CALLS = {"session", "reader"}

# Files still opening units of work themselves while other helpers convert them. A
# file listed here that is already clean fails below, so the set cannot go stale.
PENDING_UOW: set[str] = set()

# Calls that run SQL or change the unit of work, on anything (no ui object has them).
ANY_RECEIVER = {"execute", "scalars", "scalar", "scalar_one", "scalar_one_or_none", "query"}
# Calls that are banned on a session: a name bound by ``with ….session() as x`` /
# ``with ….reader() as x``, a parameter annotated ``Session``, or one named s/session.
ON_SESSION = ANY_RECEIVER | {
    "get",
    "get_one",
    "add",
    "add_all",
    "delete",
    "flush",
    "merge",
    "commit",
    "rollback",
    "refresh",
    "expunge",
}
SESSION_NAMES = {"s", "session"}


def _is_session_annotation(node: ast.expr | None) -> bool:
    if node is None:
        return False
    text = ast.unparse(node)
    return text.split("[")[0].split(".")[-1].strip("'\"") == "Session"


class _Checker(ast.NodeVisitor):
    def __init__(self) -> None:
        self.problems: list[tuple[int, str]] = []
        self.sessions: list[set[str]] = [set(SESSION_NAMES)]

    # -- scopes: names bound to a session

    def _visit_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        names = set(self.sessions[-1])
        a = node.args
        for arg in [*a.posonlyargs, *a.args, *a.kwonlyargs]:
            if _is_session_annotation(arg.annotation):
                names.add(arg.arg)
        self.sessions.append(names)
        self.generic_visit(node)
        self.sessions.pop()

    visit_FunctionDef = _visit_function
    visit_AsyncFunctionDef = _visit_function

    def visit_With(self, node: ast.With) -> None:
        for item in node.items:
            call = item.context_expr
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr in ("session", "reader")
                and isinstance(item.optional_vars, ast.Name)
            ):
                self.sessions[-1].add(item.optional_vars.id)
        self.generic_visit(node)

    # -- the rules

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name == "sqlalchemy" or alias.name.startswith("sqlalchemy."):
                self.problems.append((node.lineno, f"import {alias.name}"))
        self.generic_visit(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        mod = node.module or ""
        if node.level == 0 and (mod == "sqlalchemy" or mod.startswith("sqlalchemy.")):
            self.problems.append((node.lineno, f"from {mod} import …"))
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute):
            receiver = func.value
            if func.attr in ANY_RECEIVER:
                self.problems.append((node.lineno, f"….{func.attr}()"))
            elif (
                func.attr in ON_SESSION
                and isinstance(receiver, ast.Name)
                and receiver.id in self.sessions[-1]
            ):
                self.problems.append((node.lineno, f"{receiver.id}.{func.attr}()"))
        self.generic_visit(node)


def problems_in(source: str) -> list[tuple[int, str]]:
    checker = _Checker()
    checker.visit(ast.parse(source))
    return checker.problems


class _UowChecker(ast.NodeVisitor):
    """Every call ``<anything>.session()`` / ``<anything>.reader()``: the store's two
    ways to open a unit of work take no arguments (``csv.reader(f)`` is no store)."""

    def __init__(self) -> None:
        self.problems: list[tuple[int, str]] = []

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr in UOW_CALLS
            and not node.args
            and not node.keywords
        ):
            self.problems.append((node.lineno, f"{ast.unparse(func)}()"))
        self.generic_visit(node)


def units_of_work_in(source: str) -> list[tuple[int, str]]:
    checker = _UowChecker()
    checker.visit(ast.parse(source))
    return checker.problems


def _ui_files() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if p.name not in RUNNER)


@pytest.mark.parametrize("path", _ui_files(), ids=lambda p: p.name)
def test_ui_runs_no_queries(path: Path) -> None:
    found = problems_in(path.read_text(encoding="utf-8"))
    if path.name in PENDING:
        assert found, f"{path.name} is clean now: take it off PENDING"
        return
    assert not found, f"{path.name}: " + "; ".join(f"line {n}: {what}" for n, what in found)


@pytest.mark.parametrize(
    "path",
    sorted(p for p in UI.rglob("*.py") if p.name not in UOW_OPENERS),
    ids=lambda p: str(p.relative_to(UI)),
)
def test_ui_opens_no_unit_of_work(path: Path) -> None:
    """A read is ``ops.read``, a write ``ops.write``, background work the runner."""
    found = units_of_work_in(path.read_text(encoding="utf-8"))
    if path.name in PENDING_UOW:
        assert found, f"{path.name} opens no unit of work now: take it off PENDING_UOW"
        return
    assert not found, f"{path.name}: " + "; ".join(
        f"line {n}: {what} (use ops.read / ops.write / TaskRunner)" for n, what in found
    )


def test_pending_uow_names_existing_files() -> None:
    missing = sorted(name for name in PENDING_UOW if not (UI / name).exists())
    assert not missing, f"PENDING_UOW names files that do not exist: {missing}"


def test_the_runner_only_opens_sessions() -> None:
    """tasks.py may name the Session type but never calls the session beyond handing
    it to the function it runs."""
    found = problems_in((UI / "tasks.py").read_text(encoding="utf-8"))
    assert all(what.startswith("from sqlalchemy") for _n, what in found), found


def test_the_checker_finds_what_it_bans() -> None:
    source = """
import sqlalchemy
from sqlalchemy.orm import Session
from sqlalchemy import select

def load(store, rid):
    with store.reader() as db:
        db.get(Person, rid)
        db.execute(select(Person))
    with store.session() as s:
        s.add(Person())
        s.delete(obj)
        s.flush()

def fill(conn: Session) -> None:
    conn.get(Person, 1)
    rows = other.scalars()

def fine(self, store):
    self.entries.get(1)      # a dict
    self.undo.delete("order", 1, "x")  # the undo manager
    self.combo.flush()
    with store.reader() as s:
        service.fn(s, 1)
"""
    found = problems_in(source)
    assert [n for n, _ in found] == [2, 3, 4, 8, 9, 11, 12, 13, 16, 17]


def test_the_uow_checker_finds_what_it_bans() -> None:
    source = """
def load(self, store):
    with store.reader() as s:
        fn(s)
    with self.store.session() as s:
        fn(s)
    db = store.session()
    x = make().reader()

def fine(self, store):
    ops.read(store, lambda s: fn(s))
    ops.write(store, fn, sender=self, changes=Changes.of("person", 1))
    self.tasks.run(lambda s, p: fn(s), write=False)
    self.session_count()
    rows = csv.reader(io.StringIO(text), delimiter=";")
"""
    found = units_of_work_in(source)
    assert [n for n, _ in found] == [3, 5, 7, 8]
    assert found[1][1] == "self.store.session()"
