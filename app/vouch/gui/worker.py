"""The one way slow calls leave the GUI thread: a `Job` run on Qt's thread pool.

A job runs a function in a pool thread and reports back by signal (delivered on the GUI
thread): `succeeded(result)` or `failed(exception)`, `progressed(done, total)` along the way,
and `finished()` in every case. A job can be asked to stop; the function sees that through
`job.cancelled()` (passed to the wallet as its `cancelled` callback).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance

# Some jobs run for minutes (the exchange runtime while its page is open, a device link); the
# pool must keep threads for quick ones (unlock, a backup) on a two-core machine too, where
# Qt's default is two threads.
MIN_THREADS = 6


class Job(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)
    finished = Signal()

    _running: ClassVar[set[Job]] = set()  # keeps jobs alive until their signals are delivered

    def __init__(self, fn: Callable[[Job], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._cancel = threading.Event()
        self.finished.connect(self._forget)

    # -- called from the pool thread -------------------------------------------------
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    # -- called from the GUI thread ------------------------------------------------------
    def cancel(self) -> None:
        self._cancel.set()

    def start(self) -> Job:
        Job._running.add(self)
        pool = QThreadPool.globalInstance()
        if pool.maxThreadCount() < MIN_THREADS:
            pool.setMaxThreadCount(MIN_THREADS)
        pool.start(_Runner(self))
        return self

    def _forget(self) -> None:
        Job._running.discard(self)

    def _run(self) -> None:
        try:
            result = self._fn(self)
        except Exception as exc:  # reported to the GUI thread, which decides how to show it
            self._tell(self.failed, exc)
        else:
            self._tell(self.succeeded, result)
        finally:
            self._tell(self.finished)

    def _tell(self, signal: SignalInstance, *args: object) -> None:
        """Emit, unless the job's Qt side is already gone (the app is exiting): then there is
        nobody left to tell, and the pool thread ends quietly."""
        if not shiboken6.isValid(self):
            return
        try:
            signal.emit(*args)
        except RuntimeError:
            if shiboken6.isValid(self):
                raise


class _Runner(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job._run()


def run(
    fn: Callable[[Job], Any],
    *,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    parent: QObject | None = None,
) -> Job:
    """Start `fn(job)` in the pool with the given callbacks and return its job."""
    job = Job(fn, parent)
    if on_success is not None:
        job.succeeded.connect(on_success)
    if on_failure is not None:
        job.failed.connect(on_failure)
    if on_progress is not None:
        job.progressed.connect(on_progress)
    return job.start()


def cancel_all() -> None:
    """Ask every running job to stop (before the wallet is locked under them)."""
    for job in list(Job._running):
        job.cancel()


def wait_for_all(msecs: int = 10_000) -> bool:
    """Wait for every pool thread (used when quitting and by tests)."""
    return QThreadPool.globalInstance().waitForDone(msecs)


def forget_finished() -> None:
    """Drop the jobs whose `finished` can no longer be delivered (the event loop has ended
    and every pool thread is done): nothing is left to keep alive for them."""
    if QThreadPool.globalInstance().activeThreadCount() == 0:
        Job._running.clear()
