"""Messages that come from `vouch.flows` (plain English there, shown by the desktop app) in the
user's language. Each is listed here once so that the translation tools see it; a message not
listed is shown as it came."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vouch.core.records import Endorsement, Kind, Level, Status
from vouch.gui.marks import QT_TRANSLATE_NOOP

CONTEXT = "FlowWords"


KNOWN = (
    QT_TRANSLATE_NOOP("FlowWords", "Very weak"),
    QT_TRANSLATE_NOOP("FlowWords", "Weak"),
    QT_TRANSLATE_NOOP("FlowWords", "Fair"),
    QT_TRANSLATE_NOOP("FlowWords", "Good"),
    QT_TRANSLATE_NOOP("FlowWords", "Strong"),
    QT_TRANSLATE_NOOP("FlowWords", "Choose a passphrase of at least 8 characters."),
    QT_TRANSLATE_NOOP("FlowWords", "That is one of the first passphrases anyone would try."),
    QT_TRANSLATE_NOOP("FlowWords", "Use at least 8 characters."),
    QT_TRANSLATE_NOOP(
        "FlowWords", "Too easy to guess: make it longer, or use a few unrelated words."
    ),
    QT_TRANSLATE_NOOP("FlowWords", "Weak: add a few more words or characters."),
    QT_TRANSLATE_NOOP("FlowWords", "Fair: a little longer would make it much harder to guess."),
    QT_TRANSLATE_NOOP("FlowWords", "Good."),
    QT_TRANSLATE_NOOP("FlowWords", "Strong."),
    QT_TRANSLATE_NOOP(
        "FlowWords", "Weak: several words make a passphrase both strong and memorable."
    ),
    QT_TRANSLATE_NOOP(
        "FlowWords", "Fair: several words make a passphrase both strong and memorable."
    ),
    QT_TRANSLATE_NOOP(
        "FlowWords", "Good: several words make a passphrase both strong and memorable."
    ),
    QT_TRANSLATE_NOOP(
        "FlowWords", "Strong: several words make a passphrase both strong and memorable."
    ),
    QT_TRANSLATE_NOOP("FlowWords", "The two passphrases are not the same."),
    QT_TRANSLATE_NOOP("FlowWords", "Type the 24 words of your recovery phrase."),
    QT_TRANSLATE_NOOP("FlowWords", "After 1 minute"),
    QT_TRANSLATE_NOOP("FlowWords", "After 5 minutes"),
    QT_TRANSLATE_NOOP("FlowWords", "After 15 minutes"),
    QT_TRANSLATE_NOOP("FlowWords", "After 30 minutes"),
    QT_TRANSLATE_NOOP("FlowWords", "After 1 hour"),
    QT_TRANSLATE_NOOP("FlowWords", "Never"),
)


def flow_text(text: str) -> str:
    """`text` in the user's language when it is one of the known messages."""
    return QCoreApplication.translate(CONTEXT, text)


_LEVELS = {
    Level.SMALL_THINGS: QT_TRANSLATE_NOOP("FlowWords", "for small things"),
    Level.MOST_THINGS: QT_TRANSLATE_NOOP("FlowWords", "for most things"),
    Level.STRONGLY: QT_TRANSLATE_NOOP("FlowWords", "strongly"),
    Level.COMPLETELY: QT_TRANSLATE_NOOP("FlowWords", "completely"),
}
_STATUSES = {
    Status.VALID: QT_TRANSLATE_NOOP("FlowWords", "valid"),
    Status.NOT_YET_VALID: QT_TRANSLATE_NOOP("FlowWords", "not yet valid"),
    Status.EXPIRED: QT_TRANSLATE_NOOP("FlowWords", "expired"),
    Status.REVOKED: QT_TRANSLATE_NOOP("FlowWords", "revoked"),
}
_CAUTION = QT_TRANSLATE_NOOP("FlowWords", "caution")
_BARELY = QT_TRANSLATE_NOOP("FlowWords", "barely")


def level_words(level: Level | None) -> str:
    """How much someone is relied on, in words ("strongly"); "barely" for no level."""
    return flow_text(_LEVELS[level] if level is not None else _BARELY)


def level_words_text(item: Endorsement) -> str:
    """A statement's level in words, or "caution" for a caution."""
    if item.kind == Kind.CAUTION or item.level is None:
        return flow_text(_CAUTION)
    return level_words(item.level)


def status_words(status: Status) -> str:
    return flow_text(_STATUSES[status])
