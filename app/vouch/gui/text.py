"""Text that other people wrote, shown as text and never as markup.

A QLabel renders its text as rich text whenever it merely looks like markup, so a petname, a
comment or a reason from a bundle or a peer could otherwise bring its own links, images and
layout. Labels that show such text alone are set to plain text; where our own markup frames it
(a bold name), every piece of it goes through `escaped` first.
"""

from __future__ import annotations

import html


def escaped(text: str) -> str:
    """`text` as literal characters inside rich text: `<a href=…>` shows as written."""
    return html.escape(text, quote=True)
