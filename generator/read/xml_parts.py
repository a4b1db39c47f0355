"""XML parts of Office files parsed the one safe way: expat, with any DTD refused."""

from __future__ import annotations

from collections.abc import Callable
from xml.parsers import expat

from generator.base.textwidth import spaced


class StopParsing(Exception):
    """Raised by a handler that has read all it needs."""


def new_parser(kind: str, error: Callable[[str], Exception]) -> expat.XMLParserType:
    """A namespace-aware parser that refuses any DTD (so no entity expansion of any kind);
    `kind` names the file type in the message ("Excel", "Word", "表格")."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True

    def refuse_dtd(*_args: object) -> None:
        raise error(
            spaced(
                f"文件中含有 XML 文档类型声明（DTD），正常的{kind}文件不会有，出于安全考虑拒绝读取"
            )
        )

    parser.StartDoctypeDeclHandler = refuse_dtd
    parser.EntityDeclHandler = refuse_dtd
    return parser


def parse(data: bytes, parser: expat.XMLParserType, error: Callable[[str], Exception]) -> None:
    """Feed the whole part; a damaged part is `error` with expat's reason."""
    try:
        parser.Parse(data, True)
    except StopParsing:
        pass
    except expat.ExpatError as broken:
        raise error(f"文件内部的 XML 已损坏（{expat.ErrorString(broken.code)}）") from None
