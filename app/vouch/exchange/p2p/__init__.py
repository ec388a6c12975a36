"""Peer-to-peer sync: mDNS discovery, a Noise channel bound to did:key, set reconciliation.

The protocol logic (`reconcile`, `session`) is pure state machines with no I/O; `service` drives
them over asyncio streams. See docs/SYNC.md for the design.
"""
