"""Export and import between real wallets: round trips, duplicates, revocations, forgeries."""

from __future__ import annotations

import copy
import errno
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from conftest import Snapshot
from vouch.core import credentials as creds
from vouch.core import fsutil
from vouch.core.dataintegrity import AUTHENTICATION, add_proof
from vouch.core.errors import InvalidBundle, OperationCancelled, StorageFull
from vouch.core.records import Direction, Level, Status
from vouch.exchange import bundle as bundles
from vouch.wallet import Wallet
from vouch.wallet.importing import BATCH


def _docs(data: bytes) -> list[dict[str, Any]]:
    return list(json.loads(data)["verifiableCredential"])


def test_round_trip_between_two_wallets(alice: Wallet, bob: Wallet, mallory: Wallet) -> None:
    about_bob = alice.endorse(bob.did, "home/plumbing", Level.STRONGLY, comment="Fixed a leak ✓")
    alice.endorse(mallory.did, "cooking", Level.SMALL_THINGS)
    data = alice.export_bundle()
    preview = bob.preview_import(data)
    assert preview.presenter == alice.did
    assert len(preview.new) == 2
    assert (preview.duplicates, preview.invalid, preview.revocations) == (0, (), ())
    assert preview.issuers == (alice.did,)
    result = bob.apply_import(preview)
    assert (result.added, result.duplicates, result.revocations_applied) == (2, 0, 0)
    stored = bob.endorsement(about_bob.id)
    assert stored is not None
    assert stored.direction is Direction.RECEIVED
    assert stored.comment == "Fixed a leak ✓"
    assert stored.level is Level.STRONGLY
    assert stored.document == about_bob.document
    assert bob.count_endorsements() == 2


def test_importing_twice_changes_nothing(alice: Wallet, bob: Wallet, snapshot: Snapshot) -> None:
    alice.endorse(bob.did, "plumbing", 3)
    alice.caution(bob.did, "finance", "Kept the deposit")
    data = alice.export_bundle()
    bob.import_data(data)
    before = snapshot(bob)
    preview = bob.preview_import(data)
    assert preview.new == ()
    assert preview.duplicates == 2
    assert preview.is_empty
    result = bob.apply_import(preview)
    assert result.added == 0
    assert snapshot(bob) == before


def test_preview_changes_nothing(alice: Wallet, bob: Wallet, snapshot: Snapshot) -> None:
    alice.endorse(bob.did, "plumbing", 3)
    before = snapshot(bob)
    bob.preview_import(alice.export_bundle())
    assert snapshot(bob) == before


def test_preview_counts_new_duplicate_invalid_and_revocations(
    alice: Wallet, bob: Wallet, mallory: Wallet
) -> None:
    known = alice.endorse(bob.did, "plumbing", 3)
    bob.import_data(alice.export_bundle())
    fresh = alice.endorse(bob.did, "gardening", 2)
    other = alice.endorse(mallory.did, "cooking", 1)
    alice.revoke(other.id, "Moved away")
    forged = json.loads(fresh.document)
    forged["credentialSubject"]["level"] = 4
    data = alice.export_bundle([known.id, fresh.id, other.id])
    items = [*_docs(data), forged, "not a credential"]
    preview = bob.preview_import(bundles.encode_bundle(alice.identity, items))
    assert {e.id for e in preview.new} == {fresh.id, other.id}
    assert preview.duplicates == 1
    assert [r.target_id for r in preview.revocations] == [other.id]
    assert len(preview.invalid) == 2
    assert {i.index for i in preview.invalid} == {len(items) - 2, len(items) - 1}


def test_revocation_is_applied(alice: Wallet, bob: Wallet) -> None:
    given = alice.endorse(bob.did, "plumbing", 3)
    bob.import_data(alice.export_bundle())
    alice.revoke(given.id, "No longer in business")
    preview = bob.preview_import(alice.export_bundle())
    assert preview.duplicates == 1
    assert len(preview.revocations) == 1
    result = bob.apply_import(preview)
    assert result.revocations_applied == 1
    stored = bob.endorsement(given.id)
    assert stored is not None and stored.revoked_at is not None
    assert stored.revocation_reason == "No longer in business"
    assert stored.status(datetime.now(UTC) + timedelta(seconds=1)) is Status.REVOKED
    # Importing the same revocation again is a duplicate and changes nothing.
    again = bob.preview_import(alice.export_bundle())
    assert again.revocations == () and again.duplicates == 2


def test_revocation_arriving_before_its_endorsement(alice: Wallet, bob: Wallet) -> None:
    given = alice.endorse(bob.did, "plumbing", 3)
    alice.revoke(given.id, "Mistake")
    revocation = [d for d in _docs(alice.export_bundle()) if "VouchRevocation" in d["type"]]
    bob.import_data(bundles.encode_bundle(alice.identity, revocation))
    assert bob.count_endorsements() == 0
    bob.import_data(alice.export_bundle([given.id]))
    stored = bob.endorsement(given.id)
    assert stored is not None and stored.revoked_at is not None


def _foreign_revocation(mallory: Wallet, target_id: str) -> bytes:
    document = creds.revocation_document(mallory.identity, target_id, "I say so")
    return bundles.encode_bundle(mallory.identity, [document])


def test_revocation_by_someone_else_never_applies(
    alice: Wallet, bob: Wallet, mallory: Wallet
) -> None:
    """A revocation names a statement of its own issuer: Mallory's can only ever revoke a
    statement of Mallory's with that id, never Alice's."""
    given = alice.endorse(bob.did, "plumbing", 3)
    bob.import_data(alice.export_bundle())
    preview = bob.preview_import(_foreign_revocation(mallory, given.id))
    assert [r.issuer for r in preview.revocations] == [mallory.did]
    assert preview.invalid == ()
    bob.apply_import(preview)
    stored = bob.endorsement(given.id)
    assert stored is not None and stored.revoked_at is None
    assert stored.status(datetime.now(UTC) + timedelta(days=1)) is Status.VALID
    # Alice's own revocation still applies.
    alice.revoke(given.id, "Retired")
    assert bob.import_data(alice.export_bundle()).revocations_applied == 1
    stored = bob.endorsement(given.id)
    assert stored is not None and stored.revocation_reason == "Retired"


def test_foreign_revocation_stored_early_is_never_applied(
    alice: Wallet, bob: Wallet, mallory: Wallet
) -> None:
    given = alice.endorse(bob.did, "plumbing", 3)
    bob.import_data(_foreign_revocation(mallory, given.id))  # target not known yet
    bob.import_data(alice.export_bundle())
    stored = bob.endorsement(given.id)
    assert stored is not None and stored.revoked_at is None
    assert stored.status(datetime.now(UTC)) is Status.VALID


def test_an_issuer_reusing_a_revocation_id_is_refused_and_says_which_item(
    alice: Wallet, bob: Wallet
) -> None:
    given = alice.endorse(bob.did, "plumbing", 3)
    alice.revoke(given.id, "Moved away")
    bob.import_data(alice.export_bundle())
    first = next(d for d in _docs(alice.export_bundle()) if "VouchRevocation" in d["type"])
    unsigned = {k: v for k, v in first.items() if k != "proof"}
    unsigned["credentialSubject"] = {**unsigned["credentialSubject"], "reason": "Other words"}
    again = add_proof(unsigned, alice.identity)
    preview = bob.preview_import(bundles.encode_bundle(alice.identity, [again]))
    assert preview.revocations == ()
    assert [(i.index, i.item_id) for i in preview.invalid] == [(0, first["id"])]
    assert "already used this id" in preview.invalid[0].reason


def test_bundle_whose_holder_is_not_the_signer_is_refused(
    alice: Wallet, bob: Wallet, mallory: Wallet, snapshot: Snapshot
) -> None:
    alice.endorse(bob.did, "plumbing", 3)
    presentation = {k: v for k, v in json.loads(alice.export_bundle()).items() if k != "proof"}
    forged = add_proof(presentation, mallory.identity, purpose=AUTHENTICATION)
    before = snapshot(bob)
    with pytest.raises(InvalidBundle, match="other than its signer"):
        bob.preview_import(json.dumps(forged).encode())
    assert snapshot(bob) == before


def test_bundle_with_a_changed_item_fails_its_own_signature(alice: Wallet, bob: Wallet) -> None:
    alice.endorse(bob.did, "plumbing", 3)
    presentation = json.loads(alice.export_bundle())
    presentation["verifiableCredential"][0]["credentialSubject"]["level"] = 4
    with pytest.raises(InvalidBundle, match="signature"):
        bob.preview_import(json.dumps(presentation).encode())


def test_forged_items_are_reported_and_valid_ones_import(
    alice: Wallet, bob: Wallet, mallory: Wallet
) -> None:
    good = alice.endorse(bob.did, "plumbing", 3)
    forged_level = json.loads(good.document)
    forged_level["credentialSubject"]["level"] = 4
    forged_level["id"] = creds.new_id()
    impersonation = copy.deepcopy(json.loads(good.document))
    impersonation["credentialSubject"]["scope"] = "banking"
    impersonation["id"] = creds.new_id()
    bare = {k: v for k, v in impersonation.items() if k != "proof"}
    impersonation = add_proof(bare, mallory.identity)  # signed by mallory, claims alice
    items = [forged_level, json.loads(good.document), impersonation]
    # Mallory can present anything she holds: the bundle proof is hers and valid.
    preview = bob.preview_import(bundles.encode_bundle(mallory.identity, items))
    assert [e.id for e in preview.new] == [good.id]
    reasons = {i.index: i.reason for i in preview.invalid}
    assert set(reasons) == {0, 2}
    assert "signature" in reasons[0]
    assert "did not sign" in reasons[2]
    assert {i.item_id for i in preview.invalid} == {forged_level["id"], impersonation["id"]}
    result = bob.apply_import(preview)
    assert result.added == 1 and len(result.invalid) == 2
    assert bob.count_endorsements() == 1


def test_same_id_with_other_content_is_refused(alice: Wallet, bob: Wallet) -> None:
    given = alice.endorse(bob.did, "plumbing", 3)
    bob.import_data(alice.export_bundle())
    copycat = creds.unsigned_statement(
        alice.did, bob.did, "cooking", level=Level.COMPLETELY, statement_id=given.id
    )
    signed = creds.sign_statement(copycat, alice.identity)
    preview = bob.preview_import(bundles.encode_bundle(alice.identity, [signed]))
    assert preview.new == ()
    assert len(preview.invalid) == 1
    stored = bob.endorsement(given.id)
    assert stored is not None and stored.scope == "plumbing"


def _many(alice: Wallet, subject: str, count: int) -> bytes:
    documents = [
        creds.sign_statement(
            creds.unsigned_statement(alice.did, subject, f"skill-{n}", level=Level.STRONGLY),
            alice.identity,
        )
        for n in range(count)
    ]
    return bundles.encode_bundle(alice.identity, documents)


@pytest.mark.parametrize("stop_at", [1, 3, 6])
def test_cancelled_apply_leaves_the_store_unchanged(
    alice: Wallet,
    bob: Wallet,
    snapshot: Snapshot,
    monkeypatch: pytest.MonkeyPatch,
    stop_at: int,
) -> None:
    import vouch.wallet.importing as wallet_import

    monkeypatch.setattr(wallet_import, "BATCH", 10)
    preview = bob.preview_import(_many(alice, bob.did, 50))
    assert len(preview.new) == 50
    before = snapshot(bob)
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls >= stop_at

    with pytest.raises(OperationCancelled):
        bob.apply_import(preview, cancelled=cancelled)
    assert snapshot(bob) == before
    result = bob.apply_import(preview)  # the store is usable, no transaction left open
    assert result.added == 50


def test_cancelled_big_import_with_real_batches(
    alice: Wallet, bob: Wallet, snapshot: Snapshot
) -> None:
    preview = bob.preview_import(_many(alice, bob.did, BATCH + 100))
    before = snapshot(bob)
    seen: list[tuple[int, int]] = []
    with pytest.raises(OperationCancelled):
        bob.apply_import(
            preview, progress=lambda d, t: seen.append((d, t)), cancelled=lambda: bool(seen)
        )
    assert seen == [(0, BATCH + 100)]
    assert snapshot(bob) == before


def test_cancelled_preview_raises(alice: Wallet, bob: Wallet) -> None:
    with pytest.raises(OperationCancelled):
        bob.preview_import(_many(alice, bob.did, 5), cancelled=lambda: True)


def test_progress_reaches_the_total(alice: Wallet, bob: Wallet) -> None:
    seen: list[tuple[int, int]] = []
    preview = bob.preview_import(
        _many(alice, bob.did, 5), progress=lambda d, t: seen.append((d, t))
    )
    assert seen[-1] == (5, 5)
    done: list[tuple[int, int]] = []
    bob.apply_import(preview, progress=lambda d, t: done.append((d, t)))
    assert done[-1] == (5, 5)


def test_clipboard_text_round_trip(alice: Wallet, bob: Wallet) -> None:
    given = alice.endorse(bob.did, "plumbing", 3, comment="naïve café 🚰")
    text = alice.export_text()
    assert text.startswith("vouch:1:") and "\n" not in text
    result = bob.import_data("\n  " + text + "  \n")
    assert result.added == 1
    stored = bob.endorsement(given.id)
    assert stored is not None and stored.comment == "naïve café 🚰"


def test_export_to_file_and_import(alice: Wallet, bob: Wallet, tmp_path: Path) -> None:
    alice.endorse(bob.did, "plumbing", 3)
    target = tmp_path / "out.vouch"
    assert alice.export_to_file(target) == 1
    assert bob.import_data(target.read_bytes()).added == 1


def _fail_fsync(fd: int) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


class _FullDiskFile:
    def __init__(self, fd: int, *args: Any, **kwargs: Any) -> None:
        self._fd = fd

    def __enter__(self) -> _FullDiskFile:
        return self

    def __exit__(self, *exc: object) -> None:
        os.close(self._fd)

    def write(self, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("where", ["write", "fsync"])
def test_full_disk_during_export(
    alice: Wallet, bob: Wallet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    alice.endorse(bob.did, "plumbing", 3)
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "mine.vouch"
    target.write_bytes(b"the previous export")
    if where == "fsync":
        monkeypatch.setattr(fsutil.os, "fsync", _fail_fsync)
    else:
        monkeypatch.setattr(fsutil.os, "fdopen", _FullDiskFile)
    with pytest.raises(StorageFull):
        alice.export_to_file(target)
    monkeypatch.undo()
    assert sorted(p.name for p in folder.iterdir()) == ["mine.vouch"]
    assert target.read_bytes() == b"the previous export"


def test_imported_document_with_a_large_float_can_be_exported_again(
    alice: Wallet, bob: Wallet, mallory: Wallet
) -> None:
    document = creds.unsigned_statement(mallory.did, alice.did, "plumbing", level=Level.STRONGLY)
    document["note"] = 1e16
    signed = creds.sign_statement(document, mallory.identity)
    presentation = {
        "@context": [creds.VC_CONTEXT, creds.VOUCH_CONTEXT],
        "id": creds.new_id(),
        "type": list(bundles.BUNDLE_TYPES),
        "holder": mallory.did,
        "vouchFormat": 1,
        "verifiableCredential": [signed],
    }
    text = json.dumps(add_proof(presentation, mallory.identity, purpose=AUTHENTICATION))
    assert bob.import_data(text.encode()).added == 1
    exported = bob.export_bundle([signed["id"]])
    assert alice.import_data(exported).added == 1


def _lasting(mallory: Wallet, subject: str, until: str) -> dict[str, Any]:
    document = creds.unsigned_statement(mallory.did, subject, "plumbing", level=Level.COMPLETELY)
    document["validUntil"] = until
    return creds.sign_statement(document, mallory.identity)


def test_a_statement_valid_for_more_than_five_years_is_refused_on_import(
    alice: Wallet, bob: Wallet, mallory: Wallet, snapshot: Snapshot
) -> None:
    forever = _lasting(mallory, alice.did, "9999-01-01T00:00:00Z")
    before = snapshot(bob)
    preview = bob.preview_import(bundles.encode_bundle(mallory.identity, [forever]))
    assert preview.new == ()
    assert [(i.index, i.item_id) for i in preview.invalid] == [(0, forever["id"])]
    assert "more than five years" in preview.invalid[0].reason
    bob.apply_import(preview)
    assert snapshot(bob) == before


def test_a_statement_valid_for_more_than_five_years_is_refused_from_a_peer(
    alice: Wallet, bob: Wallet, mallory: Wallet
) -> None:
    """The sync path: documents that arrived one by one."""
    forever = _lasting(mallory, alice.did, "9999-01-01T00:00:00Z")
    preview = bob.preview_documents([forever], presenter=mallory.did)
    assert preview.new == () and "more than five years" in preview.invalid[0].reason
    assert bob.apply_import(preview).added == 0
    assert bob.count_endorsements() == 0


def test_exactly_five_years_is_accepted(alice: Wallet, bob: Wallet, mallory: Wallet) -> None:
    document = creds.unsigned_statement(mallory.did, alice.did, "plumbing", level=Level.STRONGLY)
    start = datetime.fromisoformat(document["validFrom"].replace("Z", "+00:00"))
    end = start + creds.MAX_VALIDITY
    document["validUntil"] = end.strftime("%Y-%m-%dT%H:%M:%SZ")
    signed = creds.sign_statement(document, mallory.identity)
    assert bob.import_data(bundles.encode_bundle(mallory.identity, [signed])).added == 1
