"""The encrypted SQLCipher store: key derivation, connection, schema and queries."""
