"""My devices: this device's id and name, the others I know, and merging their changes.

Every device of a wallet holds the same identity; the devices tell one another apart by a
random device id kept in each store. Names, and every other piece of mutable state that
travels, are change records (`changelog`), so a rename on one device reaches the others.
"""

from __future__ import annotations

import platform
import time
from datetime import UTC, datetime

from vouch.core.changes import DEVICE_ID, MAX_DEVICE_NAME_CHARS, Change
from vouch.core.errors import InvalidInput, NotFound
from vouch.core.records import DeviceInfo
from vouch.core.store import changes as store
from vouch.wallet import changelog
from vouch.wallet.changelog import MergeResult
from vouch.wallet.core import WalletCore, serialised


def default_device_name() -> str:
    """The computer's name, as the system gives it, or a plain word."""
    name = platform.node().split(".")[0].strip()
    return (name or "This device")[:MAX_DEVICE_NAME_CHARS]


def _check_name(name: str) -> str:
    name = " ".join(name.split())
    if not 0 < len(name) <= MAX_DEVICE_NAME_CHARS:
        raise InvalidInput(f"A device needs a name of 1 to {MAX_DEVICE_NAME_CHARS} characters.")
    return name


class DeviceUseCases(WalletCore):
    """This device's id and name, the other devices I know, and the merge of their changes."""

    @property
    @serialised
    def device_id(self) -> str:
        with self._database.transaction() as conn:
            return changelog.device_id(conn)

    @serialised
    def device_name(self) -> str:
        """This device's name, given on first use from the computer's name."""
        with self._database.transaction() as conn:
            me = changelog.device_id(conn)
            current = store.get_change(conn, changelog.device_name_key(me))
            if current is not None and isinstance(current.decoded(), str):
                return str(current.decoded())
            name = default_device_name()
            changelog.record_change(conn, changelog.device_name_key(me), name)
            return name

    @serialised
    def rename_device(self, device: str, name: str) -> None:
        """Rename this device or another one I know (the name travels to every device)."""
        name = _check_name(name)
        if not any(d.device_id == device for d in self.devices()):
            raise NotFound("No such device.")
        with self._database.transaction() as conn:
            changelog.record_change(conn, changelog.device_name_key(device), name)

    @serialised
    def devices(self) -> list[DeviceInfo]:
        """This device first, then the others I know (not those I forgot), by name."""
        mine = self.device_id
        this_name = self.device_name()
        conn = self._database.conn
        names = {
            c.key.split("/")[1]: str(c.decoded())
            for c in store.changes_with_prefix(conn, "device/")
            if c.key.endswith("/name") and c.value is not None
        }
        known = store.known_devices(conn)
        others = [
            DeviceInfo(device, names.get(device, "Unnamed device"), False, _when(synced))
            for device, (synced, forgotten) in known.items()
            if device != mine and not forgotten
        ]
        others.sort(key=lambda d: (d.name.casefold(), d.device_id))
        return [DeviceInfo(mine, this_name, True), *others]

    @serialised
    def resolve_device(self, text: str) -> DeviceInfo:
        """A device by its name or a prefix (at least 4 characters) of its id."""
        wanted = text.strip()
        found = [d for d in self.devices() if d.name.casefold() == wanted.casefold()]
        if not found and len(wanted) >= 4:
            found = [d for d in self.devices() if d.device_id.startswith(wanted.lower())]
        if len(found) == 1:
            return found[0]
        if not found:
            raise NotFound(f"No device of this wallet is called {wanted!r}.")
        listed = ", ".join(f"{d.name} ({d.device_id[:8]})" for d in found)
        raise InvalidInput(f"{wanted!r} could be any of: {listed}. Give more of the id.")

    @serialised
    def forget_device(self, device: str) -> None:
        """Drop a device from this device's list. It does not take the identity back from it."""
        if device == self.device_id:
            raise InvalidInput("This is the device you are using; it cannot forget itself.")
        if device not in store.known_devices(self._database.conn):
            raise NotFound("No such device.")
        with self._database.transaction() as conn:
            store.forget_device(conn, device)

    # -- what a sync between my devices carries ------------------------------------------
    @serialised
    def change_records(self) -> list[Change]:
        """Every record, after giving one to state kept before there were records."""
        self.device_name()  # this device's name is a record too: make sure it exists
        with self._database.transaction() as conn:
            changelog.backfill(conn, self.did)
            return store.all_changes(conn)

    @serialised
    def merge_device_changes(self, incoming: list[Change]) -> MergeResult:
        """Merge records another of my devices sent, in one transaction."""
        with self._database.transaction() as conn:
            result = changelog.merge_changes(conn, incoming, self.identity)
        if result.applied:
            self._changes += 1
        return result

    @serialised
    def note_device_sync(self, device: str, name: str | None = None) -> None:
        """Another device of mine just synced with this one."""
        if not DEVICE_ID.match(device):
            raise InvalidInput("The other device sent a malformed device id.")
        if device == self.device_id:
            raise InvalidInput("The other device has this device's id.")
        with self._database.transaction() as conn:
            store.note_device_sync(conn, device, time.time())
            key = changelog.device_name_key(device)
            if name and store.get_change(conn, key) is None:
                changelog.record_change(conn, key, _check_name(name))

    @serialised
    def take_new_device_id(self) -> str:
        """After a restore: this copy is a new device (the original may still be in use)."""
        with self._database.transaction() as conn:
            return changelog.new_device_id(conn)


def _when(stamp: float | None) -> datetime | None:
    return None if stamp is None else datetime.fromtimestamp(stamp, UTC)
