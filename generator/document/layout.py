"""Layout rules of GB/T 9704-2012 that every writer applies, measured in characters."""

from __future__ import annotations

from dataclasses import dataclass

from generator.base.textwidth import char_width
from generator.document.model import SignOff

SIGNATURE_RIGHT_CHARS = 2
"""右空二字: the signature ends two characters before the right margin."""

DATE_SHIFT_CHARS = 2
"""The date starts two characters right of the signature's first character."""


@dataclass(frozen=True, slots=True)
class SignatureIndents:
    """Right indents, in characters, of the signature line and the date line."""

    signature: float
    date: float


def signature_indents(signature: str, date: str) -> SignatureIndents:
    """Place signature and date as GB/T 9704 7.3.5.2 says for a document without a seal.

    The signature is right-indented two characters and the date starts two characters right of
    the signature's start; when the date is too long for that, the date is right-indented two
    characters and the signature moves left so the two-character shift still holds.
    """
    s, d = char_width(signature), char_width(date)
    date_indent = SIGNATURE_RIGHT_CHARS + s - DATE_SHIFT_CHARS - d
    if date_indent >= SIGNATURE_RIGHT_CHARS:
        return SignatureIndents(SIGNATURE_RIGHT_CHARS, date_indent)
    return SignatureIndents(SIGNATURE_RIGHT_CHARS + d + DATE_SHIFT_CHARS - s, SIGNATURE_RIGHT_CHARS)


def sign_off_indents(sign_off: SignOff) -> SignatureIndents:
    """The indents of a report's signature and date lines."""
    signature = sign_off.signature.text if sign_off.signature else ""
    date = sign_off.date.text if sign_off.date else ""
    return signature_indents(signature, date)
