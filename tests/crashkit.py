"""Kill harness: SIGKILL a real ``crm-desktop`` command at a random moment, then start
again and demand a sound store holding exactly the data from before or from after.

How one kill point works (:meth:`Harness.kill_point`):

1. the op's prepared store (built once, see :class:`Harness`) is copied to a temp dir;
2. the command runs in a child process (:mod:`tests.crashkit_child`: the real
   ``crm_desktop.cli.main.main``, imported before the start signal, clock frozen) and
   gets ``SIGKILL`` after a random delay in ``[0, t_op]``, where ``t_op`` is the
   command's uninterrupted duration, measured once;
3. the "next start": ``crm-desktop check`` (what every command does first -- finish or
   roll back interrupted work -- plus the full integrity check; an encrypted store with
   its passphrase from ``CRM_DESKTOP_PASSPHRASE``) must exit 0; for a command that
   creates the store (``demo-data`` into an empty folder) a normal command start comes
   first, since only that starts a store afresh whose first creation was cut short;
4. no leftovers (``.crm-*`` in the data folder and in ``backups/``: partial encrypts,
   restores, backups, restore intents), the encryption marker matches the file, every
   backup file in ``backups/`` is complete (it verifies), and
5. :func:`signature` of the store equals the one before the command or the one after
   it (that of an uninterrupted run on a copy), never anything else;
6. a normal command start (``search``) works afterwards.

The signature (:func:`signature`) is a SHA-256 over the schema (``sqlite_master``:
type, name, table and SQL of every table, index, trigger and view) and every row of
every table, the tables by name, the rows sorted. Nothing the user can see is left
out. Left out are only ``sqlite_*`` tables (``sqlite_stat1`` is rewritten by
``ANALYZE`` when a store is opened, ``sqlite_sequence`` follows the rows) and the
FTS5 shadow tables' internal b-tree (``search_fts_data``, ``search_fts_idx``: their
segment layout depends on when SQLite merged segments, not on what is indexed; the
indexed text itself, ``search_fts_content`` and ``search_documents``, is compared).
The frozen clock of the child makes timestamps written by a command (``created_at``,
``deleted_at``, undo entries, demo dates) the same in every run, so they are compared
too. An encrypted store is read with its passphrase: encrypting changes the bytes,
not the signature.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PASS = "crash kill 2026"
DB = "crm.sqlite3"
PEOPLE = 250  # the base store's demo data set
SKIP_TABLES = ("search_fts_data", "search_fts_idx")
_ENV_NAMES = ("CRM_DESKTOP_PASSPHRASE", "CRM_TEST_KILL_AT", "CRM_DESKTOP_DATABASE_URL")


# ---------------------------------------------------------------- signature


def _plain(db: Path) -> bool:
    """A plaintext SQLite file (not encrypted)."""
    with open(db, "rb") as fh:
        return fh.read(16) == b"SQLite format 3\x00"


def _connect(db: Path, passphrase: str | None) -> Any:
    if _plain(db):
        return sqlite3.connect(db)
    from crm_desktop.services import crypto

    if passphrase is None:
        raise AssertionError(f"{db} is encrypted and no passphrase was given")
    return crypto.connect(db, passphrase)


def _key(row: tuple[Any, ...]) -> tuple[tuple[int, str], ...]:
    return tuple((0, "") if v is None else (1, repr(v)) for v in row)


def signature(data_dir: Path, passphrase: str | None = None) -> str:
    """The data signature of the store in ``data_dir`` ("missing" when there is none)."""
    db = data_dir / DB
    if not db.is_file():
        return "missing"
    con = _connect(db, passphrase)
    try:
        digest = hashlib.sha256()
        objects = con.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master "
            "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
        ).fetchall()
        # the text of a CREATE TABLE lists its constraints in the order of a Python set
        # (it differs between processes): the lines are compared sorted
        digest.update(repr([(*o[:3], _sql_lines(o[3])) for o in objects]).encode())
        tables = [name for kind, name, _, sql in objects if kind == "table"]
        for table in tables:
            if table in SKIP_TABLES:
                continue
            quoted = table.replace('"', '""')
            rows = con.execute(f'SELECT * FROM "{quoted}"').fetchall()
            digest.update(f"\n{table}:{len(rows)}\n".encode())
            for row in sorted(rows, key=_key):
                digest.update(repr(row).encode())
        return digest.hexdigest()[:16]
    finally:
        con.close()


def _sql_lines(sql: str | None) -> list[str]:
    return sorted(line.strip().rstrip(",").strip() for line in (sql or "").splitlines())


# ---------------------------------------------------------------- running commands


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    for name in (*_ENV_NAMES, "CRM_DESKTOP_DATA_DIR"):
        env.pop(name, None)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        CRM_DESKTOP_TZ="Europe/Berlin",
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    )
    env.update(extra)
    return env


class Child:
    """One started child, waiting for its command (see :mod:`tests.crashkit_child`)."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.crashkit_child"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env=child_env(),
        )

    def wait_ready(self) -> None:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if line.strip() != b"ready":
            err = self.proc.stderr.read().decode() if self.proc.stderr else ""
            raise RuntimeError(f"the child did not start: {line!r} {err}")

    def start(self, argv: list[str], env: dict[str, str], cwd: Path) -> float:
        self.wait_ready()
        assert self.proc.stdin is not None
        job = {"argv": argv, "env": env, "cwd": str(cwd)}
        self.proc.stdin.write((json.dumps(job) + "\n").encode())
        self.proc.stdin.flush()
        return time.perf_counter()

    def finish(self, timeout: float = 300) -> tuple[int, str, str]:
        out, err = self.proc.communicate(timeout=timeout)
        return self.proc.returncode, out.decode(errors="replace"), err.decode(errors="replace")

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.proc.send_signal(signal.SIGKILL)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.kill()
        with contextlib.suppress(Exception):
            self.proc.communicate(timeout=30)


class ChildPool:
    """Keeps one child started ahead, so its interpreter start overlaps other work."""

    def __init__(self) -> None:
        self._next: Child | None = None

    def take(self) -> Child:
        child = self._next or Child()
        self._next = Child()
        return child

    def close(self) -> None:
        if self._next is not None:
            self._next.close()
            self._next = None


def cli(data_dir: Path, *args: str, **extra: str) -> tuple[int, str, str]:
    """A command in this process (the "next start": what ``crm-desktop`` would do)."""
    from crm_desktop.cli.main import main

    saved = {name: os.environ.get(name) for name in _ENV_NAMES}
    for name in _ENV_NAMES:
        os.environ.pop(name, None)
    os.environ.update(extra)
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--data-dir", str(data_dir), *args])
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return code, out.getvalue(), err.getvalue()


# ---------------------------------------------------------------- the operations


@dataclasses.dataclass
class Op:
    name: str
    argv: Callable[[Harness], list[str]]
    prepare: Callable[[Harness, Path], None]  # builds the "before" store in the folder
    creates: bool = False  # the op may create the store (a normal start comes first)
    passphrase: bool = False  # CRM_DESKTOP_PASSPHRASE is given
    # an op that keeps the data (backup, encrypt): whether it was done, seen otherwise
    done: Callable[[Reference, Path], bool] | None = None


def _copy_base(h: Harness, target: Path) -> None:
    shutil.copytree(h.base, target)


def _with_bulk_delete(h: Harness, target: Path) -> None:
    _copy_base(h, target)
    h.run_ok(target, ["bulk-delete", "--every", "2"])


def _with_backup(h: Harness, target: Path) -> None:
    _copy_base(h, target)
    code, out, err = h.run_ok(target, ["backup"])
    (target.parent / "backup-name").write_text(Path(out.strip().splitlines()[-1]).name)
    h.run_ok(target, ["bulk-delete", "--every", "3"])


def _backup_name(h: Harness) -> str:
    return (h.prepared("restore").parent / "backup-name").read_text()


def _older_revision(h: Harness, target: Path) -> None:
    from crm_desktop.data import migrate
    from crm_desktop.data.engine import make_engine

    _copy_base(h, target)
    engine = make_engine(f"sqlite:///{target / DB}")
    try:
        migrate.downgrade(engine, "0001")
    finally:
        engine.dispose()


def _empty(h: Harness, target: Path) -> None:
    target.mkdir(parents=True)


OPS: dict[str, Op] = {
    op.name: op
    for op in [
        Op("import-vcard", lambda h: ["import", str(h.files / "people.vcf")], _copy_base),
        Op("import-csv", lambda h: ["import", str(h.files / "people.csv")], _copy_base),
        Op("merge", lambda h: ["merge", "1", "2"], _copy_base),
        Op("bulk-edit", lambda h: ["bulk-set", "owner", "Kill Test"], _copy_base),
        Op("bulk-delete", lambda h: ["bulk-delete"], _copy_base),
        Op("undo", lambda h: ["undo"], _with_bulk_delete),
        Op(
            "demo-data",
            lambda h: ["demo-data", "--people", str(PEOPLE), "--seed", "3"],
            _empty,
            creates=True,
        ),
        Op(
            "backup",
            lambda h: ["backup"],
            _copy_base,
            done=lambda ref, d: backup_names(d) != ref.backups_before,
        ),
        Op("restore", lambda h: ["restore", _backup_name(h), "--yes"], _with_backup),
        Op(
            "encrypt",
            lambda h: ["encrypt"],
            _copy_base,
            passphrase=True,
            done=lambda ref, d: not _plain(d / DB),
        ),
        Op("migration", lambda h: ["search", "Müller"], _older_revision),
    ]
}


# not run by the suite's kill test: a wrong op the harness must catch (its own test)
BROKEN_OPS: dict[str, Op] = {
    "split-delete": Op("split-delete", lambda h: ["split-delete"], _copy_base),
}


def op_named(name: str) -> Op:
    return OPS.get(name) or BROKEN_OPS[name]


# ---------------------------------------------------------------- results


@dataclasses.dataclass
class Point:
    op: str
    seed: int
    index: int
    delay: float
    late: bool = False
    outcome: str = ""  # "before", "after", or "FAIL: ..."
    leftovers: int = 0  # files the kill left that the next start removed

    @property
    def failed(self) -> bool:
        return self.outcome.startswith("FAIL")

    def describe(self) -> str:
        return (
            f"op={self.op} seed={self.seed} point={self.index}{' (late)' if self.late else ''} "
            f"delay={self.delay:.3f}s: "
            f"{self.outcome}"
        )


@dataclasses.dataclass
class Reference:
    before: str
    after: str
    t_op: float
    backups_before: frozenset[str]


def leftovers(data_dir: Path) -> list[str]:
    found = [p.name for p in data_dir.glob(".crm-*")]
    backups = data_dir / "backups"
    if backups.is_dir():
        found += [f"backups/{p.name}" for p in backups.glob(".crm-*")]
    return sorted(found)


def backup_names(data_dir: Path) -> frozenset[str]:
    backups = data_dir / "backups"
    if not backups.is_dir():
        return frozenset()
    return frozenset(p.name for p in backups.iterdir() if p.name.startswith("crm-"))


def _verify_backups(data_dir: Path) -> list[str]:
    """The backup files that do not verify (a half-written backup under its real name)."""
    from crm_desktop.services import backup as bk
    from crm_desktop.services import storecheck

    bad = []
    for name in sorted(backup_names(data_dir)):
        path = data_dir / "backups" / name
        if name.endswith(("-wal", "-shm", "-journal")):
            bad.append(name)
            continue
        try:
            if storecheck.has_sqlite_header(path):
                bk.verify_backup(path)
            else:
                from crm_desktop.services import crypto

                crypto._verify(path, PASS)
        except Exception as exc:
            bad.append(f"{name} ({exc})")
    return bad


# ---------------------------------------------------------------- the harness


class Harness:
    """Prepared stores (built once: the base demo store, the import files, one "before"
    store per op) and the references (before/after signatures, ``t_op``) per op."""

    def __init__(self, root: Path | None = None) -> None:
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        if root is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="crashkit-")
            root = Path(self._tmp.name)
        self.root = root
        self.pool = ChildPool()
        self.base = root / "base" / "data"
        self.files: Path = root / "files"
        self._prepared: dict[str, Path] = {}
        self._refs: dict[str, Reference] = {}
        self._count = 0
        self._build_base()

    def close(self) -> None:
        self.pool.close()
        if self._tmp is not None:
            self._tmp.cleanup()

    def __enter__(self) -> Harness:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ running

    def run(
        self, data_dir: Path, argv: list[str], *, passphrase: bool = False
    ) -> tuple[int, str, str, float]:
        child = self.pool.take()
        try:
            env = {"CRM_DESKTOP_PASSPHRASE": PASS} if passphrase else {}
            started = child.start(["--data-dir", str(data_dir), *argv], env, data_dir.parent)
            code, out, err = child.finish()
            return code, out, err, time.perf_counter() - started
        finally:
            child.close()

    def run_ok(self, data_dir: Path, argv: list[str], **kw: Any) -> tuple[int, str, str]:
        code, out, err, _ = self.run(data_dir, argv, **kw)
        if code != 0:
            raise RuntimeError(f"{argv} failed ({code}): {err or out}")
        return code, out, err

    def fresh_dir(self, label: str) -> Path:
        self._count += 1
        path = self.root / "runs" / f"{self._count:04d}-{label}"
        path.mkdir(parents=True)
        return path / "data"

    def _build_base(self) -> None:
        source = self.root / "source" / "data"
        self.base.parent.mkdir(parents=True)
        source.parent.mkdir(parents=True)
        self.files.mkdir(parents=True)
        self.run_ok(self.base, ["demo-data", "--people", str(PEOPLE), "--seed", "1"])
        self.run_ok(source, ["demo-data", "--people", str(PEOPLE), "--seed", "2"])
        for fmt, name in (("vcard", "people.vcf"), ("csv", "people.csv")):
            out = self.files / name
            self.run_ok(source, ["export", "--format", fmt, "--out", str(out)])
        for data in (self.base, source):
            _checkpoint(data)

    def prepared(self, name: str) -> Path:
        """The op's "before" store (built once, then only copied)."""
        if name not in self._prepared:
            target = self.root / "prepared" / name / "data"
            target.parent.mkdir(parents=True)
            op_named(name).prepare(self, target)
            if (target / DB).exists():
                self._next_start(op_named(name), target)
                _checkpoint(target)
            self._prepared[name] = target
        return self._prepared[name]

    def _copy(self, name: str, label: str) -> Path:
        target = self.fresh_dir(label)
        shutil.copytree(self.prepared(name), target)
        (target / "crm.lock").unlink(missing_ok=True)
        return target

    def _passphrase_for(self, data_dir: Path) -> str | None:
        db = data_dir / DB
        return PASS if db.is_file() and not _plain(db) else None

    def _next_start(self, op: Op, data_dir: Path) -> list[str]:
        """What the next start does; returns the problems found (empty: fine)."""
        problems: list[str] = []
        extra = {"CRM_DESKTOP_PASSPHRASE": PASS}
        if op.creates:
            code, out, err = cli(data_dir, "search", "zzz", **extra)
            if code != 0:
                problems.append(f"the start after the kill failed ({code}): {err.strip()}")
        code, out, err = cli(data_dir, "check", **extra)
        if code != 0:
            problems.append(f"check failed ({code}): {err.strip() or out.strip()}")
        return problems

    def reference(self, name: str) -> Reference:
        """before/after signatures and the uninterrupted duration of the op."""
        if name not in self._refs:
            op = op_named(name)
            before_dir = self._copy(name, f"{name}-before")
            if op.creates:  # a command start in the empty folder: the empty store
                assert not self._next_start(op, before_dir)
            before = signature(before_dir, self._passphrase_for(before_dir))
            after_dir = self._copy(name, f"{name}-after")
            backups_before = backup_names(after_dir)
            code, out, err, t_op = self.run(after_dir, op.argv(self), passphrase=op.passphrase)
            if code != 0:
                raise RuntimeError(f"{name}: the uninterrupted run failed ({code}): {err}")
            problems = self._next_start(op, after_dir)
            if problems:
                raise RuntimeError(f"{name}: the uninterrupted run: {problems}")
            after = signature(after_dir, self._passphrase_for(after_dir))
            if op.done is not None:  # the data stays; the outcome is seen otherwise
                if after != before:
                    raise RuntimeError(f"{name}: the op changed the data")
            elif after == before:
                raise RuntimeError(f"{name}: the op changes nothing the signature sees")
            self._refs[name] = Reference(before, after, t_op, backups_before)
            shutil.rmtree(before_dir.parent, ignore_errors=True)
            shutil.rmtree(after_dir.parent, ignore_errors=True)
        return self._refs[name]

    # ------------------------------------------------------------ one kill

    def kill_point(
        self,
        name: str,
        seed: int,
        index: int,
        *,
        late: bool = False,
        delay: float | None = None,
        after_file: str | None = None,
    ) -> Point:
        """One kill after a random delay in [0, t_op] (``late``: in its last fifth,
        where the commits, swaps and renames are; ``delay``: this one; ``after_file``:
        once the child made this file in its working folder, then ``delay``)."""
        op = op_named(name)
        ref = self.reference(name)
        rng = random.Random(f"{seed}:{name}:{index}:{late}")
        low = 0.8 * ref.t_op if late else 0.0
        chosen = rng.uniform(low, ref.t_op) if delay is None else delay
        point = Point(name, seed, index, chosen, late=late)
        data_dir = self._copy(name, f"{name}-{index}")
        try:
            point.outcome = self._kill_and_judge(op, ref, data_dir, point, after_file)
        except Exception as exc:  # a harness problem is a failure too, with its point
            point.outcome = f"FAIL: {type(exc).__name__}: {exc}"
        if not point.failed:
            shutil.rmtree(data_dir.parent, ignore_errors=True)
        return point

    def _kill_and_judge(
        self, op: Op, ref: Reference, data_dir: Path, point: Point, after_file: str | None
    ) -> str:
        child = self.pool.take()
        env = {"CRM_DESKTOP_PASSPHRASE": PASS} if op.passphrase else {}
        try:
            started = child.start(
                ["--data-dir", str(data_dir), *op.argv(self)], env, data_dir.parent
            )
            if after_file is not None:
                mark = data_dir.parent / after_file
                while not mark.exists() and child.proc.poll() is None:
                    time.sleep(0.005)
                started = time.perf_counter()
            deadline = started + point.delay
            while (left := deadline - time.perf_counter()) > 0 and child.proc.poll() is None:
                time.sleep(min(left, 0.005))
            child.kill()
            code, out, err = child.finish()
        finally:
            child.close()
        if code not in (0, -signal.SIGKILL):
            return f"FAIL: the command itself failed ({code}): {err.strip()}"
        point.leftovers = len(leftovers(data_dir))
        problems = self._next_start(op, data_dir)
        remaining = leftovers(data_dir)
        if remaining:
            problems.append(f"leftovers after the next start: {remaining}")
        db = data_dir / DB
        from crm_desktop.services import storecheck

        if db.is_file() and storecheck.has_marker(db) == storecheck.has_sqlite_header(db):
            problems.append("the encryption marker does not match the data file")
        bad = _verify_backups(data_dir)
        if bad:
            problems.append(f"backups that do not verify: {bad}")
        if op.name == "backup":
            new = backup_names(data_dir) - ref.backups_before
            if len(new) > 1 or not ref.backups_before <= backup_names(data_dir):
                problems.append(f"backups before {sorted(ref.backups_before)}, now {sorted(new)}")
        if problems:
            return "FAIL: " + "; ".join(problems)
        sig = signature(data_dir, self._passphrase_for(data_dir))
        if op.done is not None and sig == ref.before:
            outcome = "after" if op.done(ref, data_dir) else "before"
        elif sig == ref.after:
            outcome = "after"
        elif sig == ref.before:
            outcome = "before"
        else:
            return f"FAIL: in between (signature {sig}, before {ref.before}, after {ref.after})"
        code, out, err = cli(data_dir, "search", "Müller", CRM_DESKTOP_PASSPHRASE=PASS)
        if code != 0:
            return f"FAIL: the normal start after check failed ({code}): {err.strip()}"
        return outcome

    def points(self, name: str, seed: int, count: int, late: int = 0) -> Iterator[Point]:
        """``count`` kill points; the last ``late`` of them in the last fifth of t_op."""
        for index in range(count):
            yield self.kill_point(name, seed, index, late=index >= count - late)


def _checkpoint(data_dir: Path) -> None:
    db = data_dir / DB
    if not db.is_file() or not _plain(db):
        return
    con = sqlite3.connect(db)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


def default_seed() -> int:
    raw = os.environ.get("CRASHKIT_SEED")
    return int(raw) if raw else random.SystemRandom().randrange(1, 10**6)
