"""Locks the wallet after a while without keyboard or mouse use."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """Watches the application's input events; emits `idle` after `minutes` of none.

    It watches only while its timer runs (an unlocked wallet with idle locking on): an
    application-wide event filter is a call into Python for every event of the app, and the
    first calls make PySide create Python types for many of Qt's classes (8 ms of a start)."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._msecs = 0
        self._watching = False

    def set_minutes(self, minutes: float) -> None:
        """0 turns idle locking off."""
        self._msecs = int(minutes * 60_000)
        self.restart()

    def restart(self) -> None:
        if self._msecs > 0:
            self._watch(True)
            self._timer.start(self._msecs)
        else:
            self.stop()

    def stop(self) -> None:
        self._timer.stop()
        self._watch(False)

    @property
    def remaining_ms(self) -> int:
        """Milliseconds left before `idle` (-1 when the timer does not run)."""
        return self._timer.remainingTime()

    @property
    def watching(self) -> bool:
        """Whether it sees the application's events now."""
        return self._watching

    def _watch(self, on: bool) -> None:
        app = QCoreApplication.instance()
        if app is None or on == self._watching:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching = on

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start(self._msecs)
        return False
