"""Moving endorsements between people: signed files, clipboard text, and peer-to-peer sync."""
