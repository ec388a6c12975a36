"""One device link (offer or join) run off the GUI thread, reporting by signal.

The link is a coroutine (`vouch.wallet.linking`); it runs in a worker job on its own asyncio loop.
What it needs from the person (the answer about the safety code) comes from the GUI thread
through `answer()`; stopping cancels the coroutine on its loop, which closes the wormhole.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QObject, Signal

from vouch.gui import worker
from vouch.wallet.linking import LinkReport

Start = Callable[["LinkJob"], Awaitable[LinkReport]]


class LinkJob(QObject):
    """Signals are emitted from the job's thread and delivered on the GUI thread."""

    code_ready = Signal(str)  # the wormhole code to show (offer side)
    safety_ready = Signal(str)  # the safety code both screens show
    succeeded = Signal(object)  # LinkReport
    failed = Signal(object)  # the exception
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._answer: bool | None = None
        self._answered = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[LinkReport] | None = None
        self._stopped = False
        self._job: worker.Job | None = None

    # -- GUI thread --------------------------------------------------------------------
    def start(self, begin: Start) -> None:
        self._job = worker.run(
            lambda _job: self._run(begin),
            on_success=self.succeeded.emit,
            on_failure=self._failed,
            parent=self,
        )
        self._job.finished.connect(self.finished.emit)

    def answer(self, agreed: bool) -> None:
        """The person's answer about the safety code."""
        self._answer = agreed
        self._answered.set()

    def stop(self) -> None:
        """Cancel the link wherever it is (waiting for the code, the answer, or syncing)."""
        self._stopped = True
        self.answer(False)
        loop, task = self._loop, self._task
        if loop is not None and task is not None and not loop.is_closed():
            loop.call_soon_threadsafe(task.cancel)

    def _failed(self, exc: BaseException) -> None:
        if not self._stopped:
            self.failed.emit(exc)

    # -- the job's thread ----------------------------------------------------------------
    def _run(self, begin: Start) -> LinkReport:
        async def main() -> LinkReport:
            self._loop = asyncio.get_running_loop()
            self._task = asyncio.ensure_future(begin(self))
            if self._stopped:
                self._task.cancel()
            return await self._task

        try:
            return asyncio.run(main())
        except asyncio.CancelledError:
            raise RuntimeError("The link was stopped.") from None

    async def confirm(self, code: str) -> bool:
        """Used by the offer: show the safety code, wait for the person's answer."""
        self.safety_ready.emit(code)
        await asyncio.to_thread(self._answered.wait)
        return bool(self._answer)

    def show_code(self, code: str) -> None:
        self.code_ready.emit(code)

    def show_safety(self, code: str) -> None:
        self.safety_ready.emit(code)
