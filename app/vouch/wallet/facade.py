"""The one facade the GUI and the CLI use: every use case of the wallet.

Each use case that writes is one store transaction. The GUI and the CLI see only this class and
the records of `vouch.core.records`; they hold no SQL and no crypto. The use cases are grouped
one module per group (`core`, `contacts`, `people`, `statements`, `transfer`, `trust`, `backup`,
`exchange`, `devices`, `guardians`); `Wallet` is their union.
"""

from __future__ import annotations

from vouch.core.records import VerificationReport
from vouch.wallet.backup import BackupUseCases
from vouch.wallet.contacts import ContactUseCases
from vouch.wallet.devices import DeviceUseCases
from vouch.wallet.exchange import ExchangeUseCases
from vouch.wallet.guardians import GuardianUseCases
from vouch.wallet.importing import verify_any
from vouch.wallet.people import PeopleUseCases
from vouch.wallet.statements import StatementUseCases
from vouch.wallet.transfer import TransferUseCases
from vouch.wallet.trust import TrustUseCases


class Wallet(
    PeopleUseCases,
    ContactUseCases,
    StatementUseCases,
    TransferUseCases,
    TrustUseCases,
    BackupUseCases,
    ExchangeUseCases,
    DeviceUseCases,
    GuardianUseCases,
):
    """An unlocked wallet. `lock()` closes the store and forgets the key and the identity."""


def verify_document(data: bytes | str) -> VerificationReport:
    """Check a credential or bundle without a wallet (`vouch verify`)."""
    return verify_any(data)
