"""The Secret Service (GNOME Keyring, KWallet, KeePassXC, ...) through `secretstorage`.

A thin adapter: store, look up and delete one secret by its attributes. Library exceptions
become Vouch errors here, so nothing above this module imports `secretstorage` or `jeepney`.
Those imports are lazy: without the `linux-unlock` extra, `problem()` says so and nothing fails.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import closing, contextmanager
from typing import TYPE_CHECKING, Any, Protocol

from vouch.core.errors import UnlockCancelled, UnlockFailed, UnlockUnavailable

if TYPE_CHECKING:
    from secretstorage.collection import Collection

log = logging.getLogger(__name__)

_PROMPT_TIMEOUT_S = 300.0
NOT_RUNNING = (
    "The Secret Service (GNOME Keyring or KWallet) is not running in this session, so the "
    "wallet cannot be unlocked by the system. Unlock with your passphrase."
)
MISSING_EXTRA = (
    "System unlock needs the optional packages 'secretstorage' and 'jeepney' "
    "(pip install 'vouch[linux-unlock]')."
)


class SecretStoreAdapter(Protocol):
    """Exactly the Secret Service calls the Linux backend needs."""

    def problem(self) -> str:
        """Why the Secret Service cannot be used ("" when it can); never prompts."""
        ...

    def store(self, attributes: dict[str, str], label: str, secret: bytes) -> None: ...

    def lookup(self, attributes: dict[str, str]) -> bytes | None:
        """The secret of the first matching item (None when there is none); may prompt."""
        ...

    def delete(self, attributes: dict[str, str]) -> int:
        """Delete every matching item; how many were deleted."""
        ...


def _library() -> tuple[Any, Any]:
    """(secretstorage, jeepney's DBusErrorResponse), or UnlockUnavailable."""
    try:
        import secretstorage
        from jeepney.wrappers import DBusErrorResponse
    except ImportError:
        raise UnlockUnavailable(MISSING_EXTRA) from None
    return secretstorage, DBusErrorResponse


class SecretStorageAdapter:
    """The real Secret Service of the session bus (`DBUS_SESSION_BUS_ADDRESS`)."""

    def problem(self) -> str:
        try:
            with self._collection(unlock=False):
                pass
        except (UnlockUnavailable, UnlockCancelled, UnlockFailed) as exc:
            return exc.message
        return ""

    def store(self, attributes: dict[str, str], label: str, secret: bytes) -> None:
        with self._collection(unlock=True) as collection:
            self._call(
                lambda: collection.create_item(
                    label,
                    attributes,
                    secret,
                    replace=True,
                    content_type="application/octet-stream",
                )
            )

    def lookup(self, attributes: dict[str, str]) -> bytes | None:
        with self._collection(unlock=False) as collection:
            items = self._call(lambda: list(collection.search_items(attributes)))
            if not items:
                return None
            item = items[0]
            if self._call(item.is_locked):
                dismissed = self._call(lambda: item.unlock(timeout=_PROMPT_TIMEOUT_S))
                if dismissed:
                    raise UnlockCancelled()
            secret = self._call(item.get_secret)
            return bytes(secret)

    def delete(self, attributes: dict[str, str]) -> int:
        with self._collection(unlock=True) as collection:
            items = self._call(lambda: list(collection.search_items(attributes)))
            for item in items:
                self._call(item.delete)
            return len(items)

    @contextmanager
    def _collection(self, *, unlock: bool) -> Iterator[Collection]:
        ss, _ = _library()
        try:
            connection = ss.dbus_init()
        except (ss.exceptions.SecretServiceNotAvailableException, OSError) as exc:
            log.info("Secret Service: no session bus (%s)", exc.__class__.__name__)
            raise UnlockUnavailable(NOT_RUNNING) from None
        with closing(connection):
            if not self._call(lambda: ss.check_service_availability(connection)):
                raise UnlockUnavailable(NOT_RUNNING)
            collection = self._call(lambda: ss.get_default_collection(connection))
            if unlock and self._call(collection.is_locked):
                dismissed = self._call(lambda: collection.unlock(timeout=_PROMPT_TIMEOUT_S))
                if dismissed:
                    raise UnlockCancelled()
            yield collection

    @staticmethod
    def _call(fn: Any) -> Any:
        """Run one library call; its exceptions become Vouch errors with clear words."""
        ss, dbus_error = _library()
        errors = ss.exceptions
        try:
            return fn()
        except errors.PromptDismissedException:
            raise UnlockCancelled() from None
        except errors.SecretServiceNotAvailableException:
            raise UnlockUnavailable(NOT_RUNNING) from None
        except errors.LockedException:
            raise UnlockFailed("The keyring is locked; unlock it and try again.") from None
        except errors.ItemNotFoundException:
            raise UnlockFailed("The keyring has no collection to keep the secret in.") from None
        except TimeoutError:
            raise UnlockCancelled("The keyring did not answer in time.") from None
        except dbus_error as exc:
            name = getattr(exc, "name", "") or "unknown error"
            raise UnlockFailed(f"The Secret Service refused: {name}.") from None
        except (ConnectionError, OSError):
            raise UnlockUnavailable(NOT_RUNNING) from None
