"""`QT_TRANSLATE_NOOP`: marks an English text for the translation tools where it is defined;
it is translated where it is shown (`QCoreApplication.translate(context, text)`)."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text
