"""`Wallet.import_while_checking`: a bundle's items stored part by part as they are checked, in
one transaction committed only if the bundle's own proof holds.

The outcome is the one a preview followed by `apply_import` gives, item for item, whether the
items come in parts (worker processes) or all at once. A bundle whose own proof fails leaves
the store exactly as it was, although its items had been written inside the transaction: the
test sees them written before the proof is known, which is what makes the rollback matter.
"""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Callable
from typing import Any

import pytest

from conftest import Snapshot
from support.cli import run_vouch
from vouch.core import credentials as creds
from vouch.core.errors import InvalidBundle
from vouch.core.records import EndorsementFilter, Level
from vouch.core.store import queries
from vouch.exchange import bundle as bundles
from vouch.exchange import importing
from vouch.wallet import BackgroundCheck, Wallet
from vouch.wallet import importing as wallet_importing


def _in_parts(monkeypatch: pytest.MonkeyPatch, parts: bool) -> None:
    """Parts of two items, checked by worker processes, or (False) everything in one part."""
    if parts:
        monkeypatch.setattr(importing, "MIN_ITEMS_FOR_WORKERS", 1)
        monkeypatch.setattr(importing, "MIN_BYTES_FOR_WORKERS", 1)
        monkeypatch.setattr(importing, "WORKER_CHUNK", 2)


def _document(endorsement: Any) -> dict[str, Any]:
    return dict(json.loads(endorsement.document))


def _mixed_items(alice: Wallet, bob: Wallet, known: dict[str, Any]) -> list[dict[str, Any]]:
    """New statements; one the recipient holds already; one forged; a revocation; a second
    statement under an id the bundle used before (in an earlier part); that same first
    statement again (a duplicate within the bundle)."""
    new = [_document(alice.endorse(bob.did, f"task{n}", 2)) for n in range(5)]
    forged = copy.deepcopy(new[1])
    forged["credentialSubject"]["level"] = 4
    forged["id"] = "urn:uuid:00000000-0000-4000-8000-000000000009"
    revoked = alice.endorse(bob.did, "gardening", 3)
    revocation = _document(alice.revoke(revoked.id, "Moved away"))
    unsigned = creds.unsigned_statement(
        alice.did, bob.did, "cooking", level=Level.SMALL_THINGS, statement_id=new[0]["id"]
    )
    same_id = creds.sign_statement(unsigned, alice.identity)
    first_part = [new[0], known, new[1], forged, _document(revoked), revocation]
    return [*first_part, *new[2:], same_id, new[0]]


def _listing(wallet: Wallet) -> list[tuple[str, str, str, bool]]:
    shown = wallet.endorsements(EndorsementFilter())
    return sorted((e.issuer, e.id, e.scope, e.revoked_at is not None) for e in shown)


@pytest.mark.parametrize("parts", [False, True])
def test_the_same_outcome_as_a_preview_then_apply(
    alice: Wallet,
    bob: Wallet,
    mallory: Wallet,
    new_wallet: Callable[..., Wallet],
    monkeypatch: pytest.MonkeyPatch,
    parts: bool,
) -> None:
    _in_parts(monkeypatch, parts)
    known = _document(alice.endorse(bob.did, "known", 1))
    data = bundles.encode_bundle(mallory.identity, _mixed_items(alice, bob, known))
    stepwise, streamed = new_wallet("stepwise"), new_wallet("streamed")
    for recipient in (stepwise, streamed):  # both hold one of the items already
        assert recipient.import_data(bundles.encode_bundle(alice.identity, [known])).added == 1

    preview = stepwise.preview_import(data)
    result = stepwise.apply_import(preview)
    with BackgroundCheck(data, parts=True) as checking:
        stored = streamed.import_while_checking(checking)

    assert (stored.presenter, stored.new, stored.duplicates, stored.revocations) == (
        preview.presenter,
        len(preview.new),
        preview.duplicates,
        len(preview.revocations),
    )
    assert (stored.invalid, stored.added, stored.revocations_applied) == (
        result.invalid,
        result.added,
        result.revocations_applied,
    )
    assert _listing(streamed) == _listing(stepwise)
    # What the bundle holds, so that the comparison above means something:
    assert stored.presenter == mallory.did
    assert (stored.new, stored.added, stored.duplicates, stored.revocations) == (6, 6, 2, 1)
    reasons = sorted(item.reason for item in stored.invalid)
    assert reasons == sorted([importing.BAD_SIGNATURE, wallet_importing.REUSED_STATEMENT_ID])
    assert "cooking" not in {scope for _, _, scope, _ in _listing(streamed)}
    assert sum(revoked for *_, revoked in _listing(streamed)) == 1


def _broken_holder_proof(data: bytes) -> bytes:
    """The same items, each valid, under a presentation proof that no longer matches."""
    presentation = json.loads(data)
    value = presentation["proof"]["proofValue"]
    presentation["proof"]["proofValue"] = (
        value[:-2] + ("A" if value[-2] != "A" else "B") + value[-1]
    )
    return json.dumps(presentation).encode()


@pytest.mark.parametrize("parts", [False, True])
def test_a_bundle_whose_own_proof_fails_leaves_the_store_as_it_was(
    alice: Wallet,
    bob: Wallet,
    mallory: Wallet,
    snapshot: Snapshot,
    monkeypatch: pytest.MonkeyPatch,
    parts: bool,
) -> None:
    _in_parts(monkeypatch, parts)
    items = [_document(alice.endorse(bob.did, f"task{n}", 2)) for n in range(6)]
    good = bundles.encode_bundle(mallory.identity, items)
    hostile = _broken_holder_proof(good)
    before = snapshot(bob)

    written: list[int] = []
    original = wallet_importing.queries.insert_statements

    def counting_insert(conn: Any, rows: Any) -> int:
        added = original(conn, rows)
        written.append(added)
        return added

    monkeypatch.setattr(wallet_importing.queries, "insert_statements", counting_insert)
    with BackgroundCheck(hostile, parts=True) as checking, pytest.raises(InvalidBundle):
        bob.import_while_checking(checking)
    # In parts, every item was written inside the transaction before the proof was known (all
    # at once, the proof is checked before the items are handed over)...
    assert sum(written) == (6 if parts else 0)
    assert snapshot(bob) == before  # ...and none of it was kept

    # The control: the same items under their genuine proof are stored.
    with BackgroundCheck(good, parts=True) as checking:
        assert bob.import_while_checking(checking).added == 6
    assert snapshot(bob) != before
    assert bob.count_endorsements() == before["count"] + 6


def test_parts_need_asking_for(alice: Wallet, bob: Wallet, mallory: Wallet) -> None:
    data = bundles.encode_bundle(mallory.identity, [_document(alice.endorse(bob.did, "x", 1))])
    with BackgroundCheck(data) as checking:
        with pytest.raises(ValueError):
            next(checking.parts())
        assert checking.result().presenter == mallory.did


def test_a_store_that_fails_midway_keeps_nothing(
    alice: Wallet,
    bob: Wallet,
    mallory: Wallet,
    snapshot: Snapshot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The store fails after the first part (a full disk, say): the transaction is rolled back,
    and the checks' thread has ended with the block."""
    _in_parts(monkeypatch, True)
    items = [_document(alice.endorse(bob.did, f"task{n}", 2)) for n in range(8)]
    data = bundles.encode_bundle(mallory.identity, items)
    before = snapshot(bob)
    original = wallet_importing.queries.insert_statements
    calls: list[int] = []

    def failing_after_one(conn: Any, rows: Any) -> int:
        calls.append(1)
        if len(calls) > 1:
            raise OSError(28, "No space left on device")
        return original(conn, rows)

    monkeypatch.setattr(wallet_importing.queries, "insert_statements", failing_after_one)
    with pytest.raises(OSError), BackgroundCheck(data, parts=True) as checking:
        bob.import_while_checking(checking)
    assert len(calls) == 2  # one part stored, the next one failed
    assert not checking._thread.is_alive()
    assert not [t for t in threading.enumerate() if t.name == "bundle-check"]
    assert snapshot(bob) == before


def test_the_command_line_reports_a_streamed_import_like_a_dry_run(
    tmp_path: Any, alice: Wallet, bob: Wallet, mallory: Wallet
) -> None:
    """`vouch import` (stored as checked) and `vouch import --dry-run` (a preview) report the
    same figures; the dry run stores nothing and the import stores what it reports."""
    known = _document(alice.endorse(bob.did, "known", 1))
    bundle = tmp_path / "in.vouch"
    bundle.write_bytes(bundles.encode_bundle(mallory.identity, _mixed_items(alice, bob, known)))
    home = tmp_path / "carol"
    assert run_vouch("init", wallet=home).returncode == 0
    dry = run_vouch("--json", "import", "--dry-run", str(bundle), wallet=home)
    assert dry.returncode == 0, dry.stderr
    assert json.loads(run_vouch("--json", "list", wallet=home).stdout) == []
    done = run_vouch("--json", "import", str(bundle), wallet=home)
    assert done.returncode == 0, done.stderr
    previewed, stored = json.loads(dry.stdout), json.loads(done.stdout)
    assert stored.pop("added") == previewed["new"] == 7
    assert (stored.pop("dry_run"), previewed.pop("dry_run")) == (False, True)
    assert stored == previewed
    assert len(json.loads(run_vouch("--json", "list", wallet=home).stdout)) == 7


def test_a_checked_statement_is_stored_as_its_record_would_be(
    alice: Wallet, bob: Wallet, mallory: Wallet
) -> None:
    """The streamed import writes rows straight from the checked statements; they must be the
    rows of the records a preview shows (an endorsement and a caution, each audience)."""
    documents = [
        alice.endorse(bob.did, "plumbing", 3, comment="Fixed the boiler").document,
        alice.caution(mallory.did, "childcare", reason="Left the children alone").document,
    ]
    for document in documents:
        checked = importing.check_item(0, json.loads(document))
        assert isinstance(checked, importing.CheckedStatement)
        for me in (alice.did, bob.did):
            audience = wallet_importing.default_audience(checked.statement.issuer, me)
            record = wallet_importing.statement_record(
                checked.statement, checked.document, audience, me
            )
            expected = queries.statement_row(record, checked.doc_hash, 1.5e9)
            row = queries.new_statement_row(
                checked.statement, audience, checked.document, checked.doc_hash, 1.5e9
            )
            assert row == expected
