"""Qt-free logic of the desktop app's multi-step flows, testable without a display."""
