"""One running Vouch per user and wallet folder.

The first launch listens on a local socket whose name is derived from the user and the wallet
folder. A later launch for the same wallet connects, sends what it was asked to open (a `.vouch`
file as an absolute path, a `vouch://` link, or nothing: "show the window"), waits for the
answer `ok` and exits; the running instance raises its window and handles the request.

On Unix the socket lives in a folder only the user can enter (`$XDG_RUNTIME_DIR`, else a
private folder under the temp dir), so another account can neither listen in our place nor
connect. On Windows it is a named pipe restricted to the user. The receiver still treats every
request as untrusted input: its size is capped, its shape checked, and a link is parsed
strictly (`vouch.links`) before anything happens.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import stat
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from vouch.gui.launch_request import KINDS, Request

__all__ = ["KINDS", "InstanceServer", "Request", "hand_off", "server_name"]

MAX_REQUEST_BYTES = 64 * 1024
CONNECT_TIMEOUT_MS = 1000
ANSWER_TIMEOUT_MS = 5000
READ_TIMEOUT_MS = 5000
OK = b"ok\n"


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def _private_folder(folder: Path) -> bool:
    try:
        info = folder.lstat()
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and not info.st_mode & (stat.S_IRWXG | stat.S_IRWXO)
    )


def _socket_folder() -> Path | None:
    """Where the socket may live on Unix; None when no private folder can be had."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and _private_folder(Path(runtime)):
        return Path(runtime)
    folder = Path(tempfile.gettempdir()) / f"vouch-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return None
    return folder if _private_folder(folder) else None


def server_name(home: Path) -> str | None:
    """The socket name for this user and wallet folder; None if no safe place exists."""
    key = f"{_user()}\0{home.expanduser().resolve()}".encode()
    name = "vouch-" + hashlib.sha256(key).hexdigest()[:24]
    if sys.platform == "win32":
        return name
    folder = _socket_folder()
    return None if folder is None else str(folder / name)


def hand_off(name: str, request: Request) -> bool | None:
    """Give `request` to the instance listening on `name`.

    True: it took it. None: nobody listens (this launch should start the app). False: somebody
    listens but did not answer in time.
    """
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return None
    socket.write(request.encode())
    socket.waitForBytesWritten(ANSWER_TIMEOUT_MS)
    answer = b""
    while len(answer) < len(OK) and socket.waitForReadyRead(ANSWER_TIMEOUT_MS):
        answer += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return answer == OK


class _Connection(QObject):
    """One incoming connection: reads a line (bounded in size and time), answers, closes."""

    done = Signal(object)  # Request | None

    def __init__(self, socket: QLocalSocket, parent: QObject) -> None:
        super().__init__(parent)
        self.socket = socket
        self.buffer = bytearray()
        socket.setParent(self)
        socket.readyRead.connect(self._read)
        socket.disconnected.connect(self.deleteLater)
        QTimer.singleShot(READ_TIMEOUT_MS, self, self._give_up)
        if socket.bytesAvailable():
            self._read()

    def _read(self) -> None:
        self.buffer += bytes(self.socket.readAll().data())
        if b"\n" not in self.buffer:
            if len(self.buffer) > MAX_REQUEST_BYTES:
                self._give_up()
            return
        line = bytes(self.buffer.split(b"\n", 1)[0])
        request = Request.decode(line) if len(line) <= MAX_REQUEST_BYTES else None
        if request is not None:
            self.socket.write(OK)
            self.socket.flush()
        self.socket.disconnectFromServer()
        self.done.emit(request)

    def _give_up(self) -> None:
        if self.socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            self.socket.abort()


class InstanceServer(QObject):
    """Listens for later launches; `received` carries each well-formed `Request`."""

    received = Signal(object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening, unless a live instance holds the name (Qt would silently take it
        over); a socket left by a crashed run (nobody answers) is replaced."""
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(CONNECT_TIMEOUT_MS):
            probe.abort()
            return False
        if self.server.listen(self.name):
            return True
        if self.server.serverError() != QAbstractSocket.SocketError.AddressInUseError:
            return False
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            connection = _Connection(socket, self)
            connection.done.connect(self._done)

    def _done(self, request: Request | None) -> None:
        if request is not None:
            self.received.emit(request)
