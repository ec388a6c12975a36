"""What the Exchange page says: phases, counts and summaries in words, shared by its parts."""

from __future__ import annotations

from vouch.exchange.runtime import SyncPhase, SyncReport
from vouch.gui.text import escaped

PHASE_WORDS = {
    SyncPhase.CONNECTING: "Connecting…",
    SyncPhase.HANDSHAKE: "Securing the connection…",
    SyncPhase.AWAITING_CONFIRMATION: "Waiting for both of you to compare the code…",
    SyncPhase.RECONCILING: "Comparing what each wallet holds…",
}
ATTEMPT_LINES = 3  # failed pairing attempts shown at once (the newest)
NO_WALLETS = (
    "No visible wallets nearby yet. Ask the other person to make their wallet visible, "
    "or type the address their screen shows."
)


def countdown_text(seconds: float) -> str:
    whole = max(0, int(seconds + 0.999))
    return f"{whole // 60}:{whole % 60:02d}"


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


def summary_text(report: SyncReport, name: str, incoming: bool) -> str:
    got = report.received
    parts = [f"received {got.added - got.revocations} new"]
    if got.revocations:
        parts.append(plural(got.revocations, "revocation"))
    parts.append(plural(got.duplicates, "duplicate"))
    parts.append(f"{got.invalid} invalid")
    how = "they connected" if incoming else "you connected"
    return (
        f"<b>Exchanged with {escaped(name)}</b> ({how}): {', '.join(parts)}; "
        f"sent {plural(report.sent, 'item')}."
    )
