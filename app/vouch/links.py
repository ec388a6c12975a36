"""`vouch://` links: a person's identifier or a small bundle, opened by the desktop app.

The grammar (scheme and kind are case-insensitive, everything else is exact):

    vouch://did/<did:key:z6Mk...>[?name=<petname>]
    vouch://bundle/<vouch:1:...>
    vouch://bundle?text=<vouch:1:...>

- `did` opens the People page on that person, offering to add them (with the suggested
  `name`, as long as a contact's name may be) when they are not a contact yet.
- `bundle` opens the import preview of the `vouch:1:` text (the clipboard form of a bundle,
  see `vouch.exchange.bundle`). Nothing is imported without the user's confirmation.

Parts may be percent-encoded (UTF-8). A link is at most `MAX_LINK_CHARS` characters (it
travels on a command line, and Windows caps those near 32,000), must be ASCII, and may not
carry a user, port, fragment, unknown query keys or repeated keys. Anything else raises
`InvalidLink` with a message meant for the user. Larger bundles travel as `.vouch` files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, unquote

from vouch.core.errors import InvalidDid, VouchError
from vouch.core.identity import public_key_from_did
from vouch.core.records import MAX_PETNAME_CHARS

SCHEME = "vouch"
PREFIX = f"{SCHEME}://"
MAX_LINK_CHARS = 30_000
MAX_NAME_CHARS = MAX_PETNAME_CHARS
BUNDLE_PREFIX = "vouch:1:"

_BUNDLE_BODY = re.compile(r"[A-Za-z0-9_-]+={0,2}")
_QUERY_KEYS = {"did": {"name"}, "bundle": {"text"}}


class InvalidLink(VouchError):
    default_message = "That is not a Vouch link."


@dataclass(frozen=True)
class PersonLink:
    """Show (or offer to add) the person with this identifier."""

    did: str
    name: str = ""


@dataclass(frozen=True)
class BundleLink:
    """Preview the import of this `vouch:1:` text."""

    text: str


Link = PersonLink | BundleLink


def looks_like_link(value: str) -> bool:
    """True when `value` is meant as a link (even a broken one) rather than a file name."""
    return value.strip()[: len(PREFIX)].lower() == PREFIX


def parse_link(url: str) -> Link:
    """The link's meaning, after strict checks; `InvalidLink` for anything else."""
    if not isinstance(url, str):
        raise InvalidLink()
    if len(url) > MAX_LINK_CHARS:
        raise InvalidLink("That link is too long. Send the endorsements as a .vouch file instead.")
    url = url.strip()
    if not url.isascii() or any(ch <= " " or ch == "\x7f" for ch in url):
        raise InvalidLink("That link holds spaces or characters a link may not hold.")
    if not looks_like_link(url):
        raise InvalidLink("That is not a Vouch link (it should start with 'vouch://').")
    rest = url[len(PREFIX) :]
    if "#" in rest:
        raise InvalidLink("A Vouch link has no '#' part.")
    path, has_query, query = rest.partition("?")
    kind, _slash, tail = path.partition("/")
    kind = kind.lower()
    if kind not in _QUERY_KEYS:
        raise InvalidLink(
            "That Vouch link is of an unknown kind (it should be vouch://did/… or vouch://bundle…)."
        )
    params = _query(query, _QUERY_KEYS[kind]) if has_query else {}
    if kind == "did":
        return _person(_decode(tail), params.get("name", ""))
    return _bundle(_decode(tail), params.get("text"))


def person_link(did: str, name: str = "") -> str:
    """The link that shares this identifier (checked), with an optional suggested name."""
    link = _person(did, name)
    query = f"?name={quote(link.name, safe='')}" if link.name else ""
    return f"{PREFIX}did/{link.did}{query}"


def bundle_link(text: str) -> str:
    """The link that carries this `vouch:1:` text; `InvalidLink` when it would be too long."""
    link = PREFIX + "bundle/" + _bundle(text, None).text
    if len(link) > MAX_LINK_CHARS:
        raise InvalidLink("That bundle is too large for a link. Send it as a .vouch file.")
    return link


def _decode(part: str) -> str:
    try:
        return unquote(part, encoding="utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        raise InvalidLink("That link holds a badly encoded character.") from exc


def _query(query: str, allowed: set[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in query.split("&"):
        key, eq, value = pair.partition("=")
        key = _decode(key)
        if not eq or key not in allowed:
            raise InvalidLink(f"That link has an unknown part: {key[:20]!r}.")
        if key in params:
            raise InvalidLink(f"That link gives '{key}' more than once.")
        params[key] = _decode(value)
    return params


def _person(did: str, name: str) -> PersonLink:
    if not did:
        raise InvalidLink("That link names nobody (vouch://did/ needs a did:key).")
    try:
        public_key_from_did(did)
    except InvalidDid as exc:
        raise InvalidLink(f"That link does not hold a valid identifier: {exc.message}") from exc
    name = name.strip()
    if len(name) > MAX_NAME_CHARS:
        raise InvalidLink(f"The name in that link is longer than {MAX_NAME_CHARS} characters.")
    if not name.isprintable():
        raise InvalidLink("The name in that link holds characters that cannot be shown.")
    return PersonLink(did, name)


def _bundle(tail: str, text: str | None) -> BundleLink:
    if tail and text is not None:
        raise InvalidLink("That link carries two bundles.")
    body = tail or text or ""
    if not body:
        raise InvalidLink("That link carries no bundle (vouch://bundle/ needs vouch:1: text).")
    if not body.startswith(BUNDLE_PREFIX):
        raise InvalidLink("The bundle in that link should start with 'vouch:1:'.")
    if not _BUNDLE_BODY.fullmatch(body[len(BUNDLE_PREFIX) :]):
        raise InvalidLink("The bundle in that link is damaged (it holds unexpected characters).")
    return BundleLink(body)
