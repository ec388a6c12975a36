"""The desktop app's own settings, each with its key, type and default.

They belong to this user on this computer (Qt keeps them), not to a wallet: where the wallet
lives, how the app looks, when it locks itself, and the window. What belongs to a wallet (such
as whether its recovery phrase was written down) is kept in the wallet.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

from vouch.flows.idle import DEFAULT_IDLE_MINUTES, parse_minutes
from vouch.gui.i18n import LANGUAGES
from vouch.gui.i18n import SYSTEM as SYSTEM_LANGUAGE
from vouch.gui.theme import DEFAULT_THEME, THEMES

if TYPE_CHECKING:
    from vouch.exchange.runtime import WormholeServers

HOME_KEY = "wallet/home"
THEME_KEY = "appearance/theme"
LANGUAGE_KEY = "appearance/language"
IDLE_KEY = "security/idle_minutes"
GEOMETRY_KEY = "window/geometry"
PAGE_KEY = "window/page"
MAILBOX_KEY = "exchange/mailbox"
TRANSIT_KEY = "exchange/transit"


class Preferences:
    """Typed access to the app's settings.

    Qt finds them by the organisation and application names, so `vouch.gui.app.set_names`
    must have run before the first one is made."""

    def __init__(self) -> None:
        self._settings = QSettings()

    @property
    def home(self) -> Path | None:
        """The wallet folder last chosen (in Settings, the first-run wizard or on the locked
        screen); None for the default one."""
        stored = str(self._settings.value(HOME_KEY, "") or "")
        return Path(stored) if stored else None

    @home.setter
    def home(self, folder: Path | None) -> None:
        if folder is None:
            self._settings.remove(HOME_KEY)
        else:
            self._settings.setValue(HOME_KEY, str(folder))

    @property
    def theme(self) -> str:
        """One of the keys of `theme.THEMES`."""
        stored = str(self._settings.value(THEME_KEY, DEFAULT_THEME))
        return stored if stored in dict(THEMES) else DEFAULT_THEME

    @theme.setter
    def theme(self, theme: str) -> None:
        if theme not in dict(THEMES):
            raise ValueError(f"unknown theme {theme!r}")
        self._settings.setValue(THEME_KEY, theme)

    @property
    def language(self) -> str:
        """ "system" (follow the computer's language) or a key of `i18n.LANGUAGES`."""
        stored = str(self._settings.value(LANGUAGE_KEY, SYSTEM_LANGUAGE))
        return stored if stored in (SYSTEM_LANGUAGE, *dict(LANGUAGES)) else SYSTEM_LANGUAGE

    @language.setter
    def language(self, language: str) -> None:
        if language not in (SYSTEM_LANGUAGE, *dict(LANGUAGES)):
            raise ValueError(f"unknown language {language!r}")
        self._settings.setValue(LANGUAGE_KEY, language)

    @property
    def idle_minutes(self) -> int:
        """Minutes without use before the wallet locks itself; 0 for never."""
        return parse_minutes(self._settings.value(IDLE_KEY, DEFAULT_IDLE_MINUTES))

    @idle_minutes.setter
    def idle_minutes(self, minutes: int) -> None:
        self._settings.setValue(IDLE_KEY, parse_minutes(minutes))

    @property
    def page(self) -> int:
        """The page of the open wallet shown last (its row in the navigation)."""
        try:
            row = int(str(self._settings.value(PAGE_KEY, 0)))
        except ValueError:
            return 0
        return max(row, 0)

    @page.setter
    def page(self, row: int) -> None:
        self._settings.setValue(PAGE_KEY, row)

    @property
    def window_geometry(self) -> QByteArray | None:
        """The main window's size and place, as `QWidget.saveGeometry` gave them."""
        stored = self._settings.value(GEOMETRY_KEY)
        return stored if isinstance(stored, QByteArray) else None

    @window_geometry.setter
    def window_geometry(self, geometry: QByteArray) -> None:
        self._settings.setValue(GEOMETRY_KEY, geometry)

    @property
    def wormhole_servers(self) -> WormholeServers:
        from vouch.exchange.runtime import WormholeServers  # the runtime: after start-up

        """The mailbox and transit relay for far-away syncs: chosen here, else `VOUCH_MAILBOX`
        and `VOUCH_TRANSIT`, else the magic-wormhole project's public servers."""
        mailbox = str(self._settings.value(MAILBOX_KEY, "") or "").strip()
        transit = str(self._settings.value(TRANSIT_KEY, "") or "").strip()
        return WormholeServers.from_environment(mailbox or None, transit or None)

    def set_wormhole_servers(self, mailbox: str, transit: str) -> None:
        """Empty strings go back to the defaults."""
        for key, value in ((MAILBOX_KEY, mailbox.strip()), (TRANSIT_KEY, transit.strip())):
            if value:
                self._settings.setValue(key, value)
            else:
                self._settings.remove(key)

    def sync(self) -> None:
        """Write pending changes to disk now (before the app exits)."""
        self._settings.sync()
