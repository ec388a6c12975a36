"""Automatic backups: a while after the wallet changes, and when it locks.

Off until a folder is chosen in Settings (the wallet settings `backup/folder` and `backup/keep`).
After a change the backup waits `delay_ms` for quiet, then runs off the GUI thread. At lock, with
the store still open, a change not yet backed up is backed up before the store closes. A failure
is reported once through `message` (until a backup works again), never as a crash.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from vouch.errors import VouchError
from vouch.gui import worker
from vouch.gui.session import Session
from vouch.wallet import AUTO_FOLDER, AUTO_KEEP, DEFAULT_KEEP, BackupInfo, Wallet

DELAY_MS = 60_000


def backup_plan(wallet: Wallet) -> tuple[Path, int] | None:
    """Where automatic backups go and how many stay, or None when they are off."""
    folder = wallet.get_setting(AUTO_FOLDER) or ""
    if not folder:
        return None
    try:
        keep = int(wallet.get_setting(AUTO_KEEP) or DEFAULT_KEEP)
    except ValueError:
        keep = DEFAULT_KEEP
    return Path(folder), max(keep, 1)


class AutoBackup(QObject):
    message = Signal(str)  # for the status bar
    backed_up = Signal(object)  # BackupInfo

    def __init__(
        self, session: Session, parent: QObject | None = None, *, delay_ms: int = DELAY_MS
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.pending = False  # a change not yet in a backup
        self.job: worker.Job | None = None
        self._failure = ""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.run)
        session.changed.connect(self._changed)
        session.about_to_lock.connect(self._before_lock)
        session.locked.connect(self._locked)

    def _plan(self) -> tuple[Wallet, Path, int] | None:
        if not self.session.is_unlocked:
            return None
        wallet = self.session.wallet
        plan = backup_plan(wallet)
        return None if plan is None else (wallet, *plan)

    def _changed(self) -> None:
        if self._plan() is None:
            return
        self.pending = True
        self.timer.start()  # restarted by every change: one backup after a burst of them

    def run(self) -> None:
        """Back up now, off the GUI thread (if automatic backups are on)."""
        plan = self._plan()
        if plan is None or self.job is not None:
            return
        wallet, folder, keep = plan
        self.pending = False
        self.job = worker.run(
            lambda _job: wallet.auto_backup(folder, keep),
            on_success=self._done,
            on_failure=self._failed,
        )
        self.job.finished.connect(self._finished)

    def _finished(self) -> None:
        self.job = None

    def _done(self, info: BackupInfo) -> None:
        self._failure = ""
        self.backed_up.emit(info)

    def _failed(self, exc: BaseException) -> None:
        self.pending = True
        text = (
            exc.message
            if isinstance(exc, VouchError)
            else self.tr("the backup could not be written.")
        )
        if text != self._failure:
            self._failure = text
            self.message.emit(self.tr("Automatic backup failed: {text}").format(text=text))

    def _before_lock(self) -> None:
        """The store is still open: back up a change that is not in a backup yet."""
        self.timer.stop()
        plan = self._plan()
        if plan is None or not self.pending:
            return
        wallet, folder, keep = plan
        self.pending = False
        try:
            self._done(wallet.auto_backup(folder, keep))
        except VouchError as exc:  # reported, never in the way of locking
            self._failed(exc)
            self.pending = False

    def _locked(self) -> None:
        self.timer.stop()
        self.pending = False
        self._failure = ""
