"""A writer for the registry tests: the report's headings, one per line."""

from generator.document.model import Paragraph
from generator.write.publication import Publication


def render(publication: Publication) -> bytes:
    lines = [b.text for b in publication.document.blocks if isinstance(b, Paragraph)]
    return "\n".join(lines[:3]).encode("utf-8")
