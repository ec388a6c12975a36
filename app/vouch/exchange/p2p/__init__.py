"""Peer-to-peer sync: mDNS discovery, a Noise channel bound to did:key, set reconciliation.

The protocol logic (`pairing`, `session`, `reconcile`) is state machines with no I/O, each with
a table of the message codes (`codes`) its phases accept; `connection` drives them over asyncio
streams and `service` accepts and opens connections under the slot rules (`slots`). See
docs/SYNC.md for the design.
"""
