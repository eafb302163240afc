"""The application's one runner (issue #16): work off the GUI thread, the answer on it;
an answer for a widget deleted meanwhile is dropped; errors, progress and cancel."""

from __future__ import annotations

import logging
import threading
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from crm_desktop.data.store import Store
from crm_desktop.errors import ValidationError
from crm_desktop.services import contacts
from crm_desktop.ui import tasks
from crm_desktop.ui.tasks import Cancelled, Progress


def test_one_runner_per_application(qtbot: QtBot) -> None:
    assert tasks.runner() is tasks.runner()


def test_the_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    seen: dict[str, Any] = {}

    def work(_p: Progress) -> int:
        seen["worker"] = threading.current_thread()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["gui"] = threading.current_thread()

    task = tasks.runner().submit(work, on_done=done)
    assert tasks.runner().wait(5000)  # the answer is handed over by wait()
    assert seen["value"] == 42
    assert seen["worker"] is not threading.main_thread()
    assert seen["gui"] is threading.main_thread()
    assert task.finished and not tasks.runner().busy


@pytest.mark.logs_errors
def test_an_error_is_delivered_and_logged(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    got: list[tuple[BaseException, threading.Thread]] = []

    def work(_p: Progress) -> None:
        raise ValidationError("A name is needed.")

    with caplog.at_level(logging.INFO, logger="crm_desktop.ui.tasks"):
        tasks.runner().submit(
            work, on_error=lambda exc: got.append((exc, threading.current_thread()))
        )
        tasks.runner().wait(5000)
    exc, thread = got[0]
    assert isinstance(exc, ValidationError) and thread is threading.main_thread()
    assert any("ValidationError" in r.getMessage() for r in caplog.records)


def test_without_on_error_a_failure_goes_the_one_error_path(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crm_desktop.ui import errors

    shown: list[tuple[Any, BaseException]] = []
    monkeypatch.setattr(errors, "show_error", lambda parent, exc: shown.append((parent, exc)))
    widget = QWidget()
    qtbot.addWidget(widget)

    def work(_p: Progress) -> None:
        raise ValidationError("A name is needed.")

    tasks.runner().submit(work, receiver=widget)
    tasks.runner().wait(5000)
    assert len(shown) == 1 and shown[0][0] is widget
    assert isinstance(shown[0][1], ValidationError)


def test_a_deleted_receiver_does_not_crash(qtbot: QtBot) -> None:
    label = QLabel("loading")
    gate = threading.Event()
    called: list[str] = []

    def work(_p: Progress) -> str:
        gate.wait(5)
        return "figures"

    def done(text: str) -> None:
        called.append(text)
        label.setText(text)  # would raise on a deleted widget

    tasks.runner().submit(work, receiver=label, on_done=done)
    shiboken6.delete(label)  # the page closed while it loaded
    gate.set()
    assert tasks.runner().wait(5000)
    assert called == []


def test_a_bound_method_receiver_is_found_by_itself(qtbot: QtBot) -> None:
    label = QLabel()
    gate = threading.Event()

    def work(_p: Progress) -> str:
        gate.wait(5)
        return "x"

    task = tasks.runner().submit(work, on_done=label.setText)
    assert task.receiver is label
    shiboken6.delete(label)
    gate.set()
    assert tasks.runner().wait(5000)
    assert task.finished


def test_cancel_and_progress(qtbot: QtBot) -> None:
    started = threading.Event()
    steps: list[tuple[int, int, str]] = []
    outcome: list[str] = []

    def work(p: Progress) -> None:
        p(1, 10, "one")
        started.set()
        while True:
            p.check()
            threading.Event().wait(0.005)

    task = tasks.runner().submit(
        work,
        on_progress=lambda d, t, text: steps.append((d, t, text)),
        on_cancel=lambda: outcome.append("cancelled"),
        on_done=lambda _r: outcome.append("done"),
        on_error=lambda exc: outcome.append(type(exc).__name__),
    )
    assert started.wait(5)
    task.cancel()
    assert tasks.runner().wait(5000)
    assert steps == [(1, 10, "one")]
    assert outcome == ["cancelled"]


def test_a_cancelled_task_without_on_cancel_reaches_on_error(qtbot: QtBot) -> None:
    gate = threading.Event()
    got: list[BaseException] = []
    first = tasks.runner().submit(lambda _p: gate.wait(5), lane="test-cancel")
    second = tasks.runner().submit(
        lambda p: p.check(),
        lane="test-cancel",
        on_error=got.append,
    )
    second.cancel()
    gate.set()
    assert tasks.runner().wait(5000)
    assert first.finished and second.finished
    assert len(got) == 1 and isinstance(got[0], Cancelled)


def test_a_lane_runs_one_after_another(qtbot: QtBot) -> None:
    order: list[int] = []
    for i in range(5):
        tasks.runner().submit(
            lambda _p, i=i: threading.Event().wait(0.01) or i,
            lane="test-order",
            on_done=order.append,
        )
    assert tasks.runner().wait(5000)
    assert order == [0, 1, 2, 3, 4]


def test_a_store_client_runs_in_a_session_and_follows_its_owner(
    qtbot: QtBot, sqlite_store: Store
) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    client = tasks.runner().for_store(sqlite_store, owner)
    busy: list[bool] = []
    client.busyChanged.connect(busy.append)
    made: list[int] = []
    client.run(
        lambda s, _p: contacts.create_company(s, contacts.CompanyInput(name="Vogt")).id,
        on_done=made.append,
    )
    assert client.busy
    assert client.wait(5000)
    qtbot.waitUntil(lambda: bool(made), timeout=5000)
    assert busy == [True, False]
    names = client.run(lambda s, _p: contacts.get_company(s, made[0]).name, write=False)
    assert client.wait(5000)
    tasks.runner().wait(5000)
    assert names.finished

    gate = threading.Event()
    client.run(lambda _s, _p: gate.wait(5), on_done=lambda _r: pytest.fail("owner is gone"))
    shiboken6.delete(owner)  # the client goes with its owner
    gate.set()
    assert tasks.runner().wait(5000)


def test_tasks_are_submitted_on_the_gui_thread(qtbot: QtBot) -> None:
    got: list[BaseException] = []

    def work(_p: Progress) -> None:
        tasks.runner().submit(lambda _q: None)

    tasks.runner().submit(work, on_error=got.append)
    assert tasks.runner().wait(5000)
    assert len(got) == 1 and isinstance(got[0], RuntimeError)
