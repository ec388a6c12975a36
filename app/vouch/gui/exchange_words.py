"""What the Exchange page says: phases, counts and summaries in words, shared by its parts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vouch.exchange.runtime import SyncPhase, SyncReport
from vouch.gui.marks import QT_TRANSLATE_NOOP
from vouch.gui.text import escaped

CONTEXT = "ExchangeWords"
PHASE_WORDS = {
    SyncPhase.CONNECTING: QT_TRANSLATE_NOOP("ExchangeWords", "Connecting…"),
    SyncPhase.HANDSHAKE: QT_TRANSLATE_NOOP("ExchangeWords", "Securing the connection…"),
    SyncPhase.AWAITING_CONFIRMATION: QT_TRANSLATE_NOOP(
        "ExchangeWords", "Waiting for both of you to compare the code…"
    ),
    SyncPhase.RECONCILING: QT_TRANSLATE_NOOP("ExchangeWords", "Comparing what each wallet holds…"),
}
ATTEMPT_LINES = 3  # failed pairing attempts shown at once (the newest)
NO_WALLETS = QT_TRANSLATE_NOOP(
    "ExchangeWords",
    "No visible wallets nearby yet. Ask the other person to make their wallet visible, "
    "or type the address their screen shows.",
)


def words(text: str) -> str:
    """One of the texts above in the user's language."""
    return QCoreApplication.translate(CONTEXT, text)


def phase_words(phase: SyncPhase) -> str:
    text = PHASE_WORDS.get(phase)
    return words(text) if text else QCoreApplication.translate("ExchangeWords", "Exchanging…")


def countdown_text(seconds: float) -> str:
    whole = max(0, int(seconds + 0.999))
    return f"{whole // 60}:{whole % 60:02d}"


def minutes_text(minutes: int) -> str:
    return QCoreApplication.translate("ExchangeWords", "%n minutes", "", minutes)


def summary_text(report: SyncReport, name: str, incoming: bool) -> str:
    got = report.received
    translate = QCoreApplication.translate
    parts = [translate("ExchangeWords", "received %n new", "", got.added - got.revocations)]
    if got.revocations:
        parts.append(translate("ExchangeWords", "%n revocations", "", got.revocations))
    parts.append(translate("ExchangeWords", "%n duplicates", "", got.duplicates))
    parts.append(translate("ExchangeWords", "%n invalid", "", got.invalid))
    if incoming:
        text = QCoreApplication.translate(
            "ExchangeWords",
            "<b>Exchanged with {name}</b> (they connected): {parts}; sent %n items.",
            "",
            report.sent,
        )
    else:
        text = QCoreApplication.translate(
            "ExchangeWords",
            "<b>Exchanged with {name}</b> (you connected): {parts}; sent %n items.",
            "",
            report.sent,
        )
    return text.format(name=escaped(name), parts=", ".join(parts))
