"""Pure-Python core: identities, credentials and the encrypted store. No Qt, no network."""
