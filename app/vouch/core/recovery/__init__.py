"""Social recovery: the identity seed split among guardians, and given back to its owner.

Pure logic, no Qt, no store, no wallet: SLIP-39 shares (`slip39`), the signed share envelope
a guardian keeps (`envelope`), the one-time request of a recovering device (`request`), a
guardian's answer to it (`answer`), the recovering device's temporary state (`pending`), and
the combination of answers back into the seed (`combine`). Every reader of outside input here
has a size limit and a strict parser: share files, requests and answers travel by e-mail,
messengers and USB sticks, so they are treated as hostile until checked.
"""
