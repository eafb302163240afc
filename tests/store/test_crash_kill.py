"""Crash safety as SQLite tests it: ``kill -9`` at random moments of every operation.

Each operation (import of a vCard and a CSV file, merge, bulk edit, bulk delete, undo,
demo-data into an empty folder, backup, restore, encrypt, the schema migration of a
start) runs as the real command in a child process and is killed with SIGKILL after a
random delay in [0, t_op]. The next start must find a healthy store, no leftovers and
exactly the data from before or from after (see :mod:`tests.crashkit`). Two points
per operation here, the second in the last fifth of t_op (where the commit, the swap
of encrypt and restore, the rename of a backup are); ``bench/crash_kill.py`` runs 20
or more each.

The kill moments are random for every run; the seed is printed with a failure (and is
taken from ``CRASHKIT_SEED`` when set), so a failure can be repeated::

    CRASHKIT_SEED=123 pytest tests/store/test_crash_kill.py -k encrypt
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import pytest

from tests import crashkit

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

POINTS = int(os.environ.get("CRASHKIT_POINTS", "2"))  # the second in t_op's last fifth
SEED = crashkit.default_seed()


@pytest.fixture(scope="module")
def harness() -> Iterator[crashkit.Harness]:
    if "encrypt" in crashkit.OPS:
        pytest.importorskip("sqlcipher3")
    with crashkit.Harness() as h:
        yield h


@pytest.mark.parametrize("op", list(crashkit.OPS))
def test_killed_op_leaves_before_or_after(harness: crashkit.Harness, op: str) -> None:
    points = list(harness.points(op, SEED, POINTS, late=POINTS // 2))
    failed = [p.describe() for p in points if p.failed]
    assert not failed, "\n".join(failed) + f"\n(repeat with CRASHKIT_SEED={SEED})"
    print(f"{op}: " + ", ".join(f"{p.delay:.3f}s {p.outcome}" for p in points))


def test_signature_sees_each_kind_of_change(harness: crashkit.Harness) -> None:
    """The signature is not blind: every op's after differs from its before (backup
    and encrypt keep the data: their outcome is the new backup, the encrypted file)."""
    for name, op in crashkit.OPS.items():
        ref = harness.reference(name)
        assert (ref.before == ref.after) == (op.done is not None), name


def test_the_harness_catches_an_op_in_two_transactions(harness: crashkit.Harness) -> None:
    """A bulk delete committed in two halves, killed in the pause between them: the
    store is sound, but neither before nor after -- the kill test must say so."""
    point = harness.kill_point("split-delete", SEED, 0, delay=0.2, after_file="half-committed")
    assert point.failed and "in between" in point.outcome, point.describe()
