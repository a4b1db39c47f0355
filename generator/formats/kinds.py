"""Field kinds as values: how a cell is read, whether it is added up, how it is filled in.

Every stage asks the kind instead of switching on its name: the reader reads what `reads` says,
aggregation adds up what is `summed`, the fill-in workbook takes `excel_format`, `validation` and
`prompt`. A new kind (a signed 增/减 count, an amount column) is one entry of KINDS.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from generator.base import limits


class Reads(enum.StrEnum):
    """What the reader makes of a field's cells."""

    NUMBER = "number"
    TEXT = "text"
    DATE = "date"
    LIST = "list"  # a run of rows, one paragraph each, with an optional run-in heading
    NOTHING = "nothing"  # a caption row: no value


@dataclass(frozen=True, slots=True)
class Validation:
    """An Excel data validation (list validations take the format's levels)."""

    type: str  # "whole", "decimal", "date", "textLength" or "list"
    operator: str | None = None
    low: str | None = None
    high: str | None = None


@dataclass(frozen=True, slots=True)
class FieldKind:
    """What a field holds and everything each stage does differently because of it."""

    name: str
    reads: Reads
    whole: bool = True
    """Numbers only: integers (counts), else decimals allowed (amounts)."""
    signed: bool = False
    """Numbers only: negative values are allowed (a change such as 本年增/减)."""
    summed: bool = False
    """Added up over units, usable in rules and shares."""
    computed: bool = False
    """A sum of other fields: a formula in the workbook, recomputed on reading."""
    max_chars: int = 0
    multiline: bool = False
    excel_format: str = "General"
    validation: Validation | None = None
    prompt: tuple[str, str] = ("", "")
    """(title, text) of the input message in the fill-in workbook."""

    @property
    def numeric(self) -> bool:
        return self.reads is Reads.NUMBER

    @property
    def has_value(self) -> bool:
        return self.reads is not Reads.NOTHING


_COUNT_LIMIT = str(limits.MAX_COUNT * 10)
_TEXT_PROMPT = "请填写文字，不超过 {} 个字；每个单元格一段。"


def _text(name: str, max_chars: int, multiline: bool = False) -> FieldKind:
    return FieldKind(
        name,
        Reads.TEXT,
        max_chars=max_chars,
        multiline=multiline,
        excel_format="@",
        validation=Validation("textLength", "lessThanOrEqual", str(max_chars)),
        prompt=("填写文字", _TEXT_PROMPT.format(max_chars)),
    )


KINDS: dict[str, FieldKind] = {
    kind.name: kind
    for kind in (
        FieldKind(
            "count",
            Reads.NUMBER,
            summed=True,
            excel_format="0",
            validation=Validation("whole", "between", "0", _COUNT_LIMIT),
            prompt=("填写整数", "请填写不小于 0 的整数；没有发生的填 0，不要留空。"),
        ),
        FieldKind(
            "change",
            Reads.NUMBER,
            signed=True,
            summed=True,
            excel_format="0",
            validation=Validation("whole", "between", "-" + _COUNT_LIMIT, _COUNT_LIMIT),
            prompt=("填写增减数", "请填写整数：增加填正数，减少填负数（如 -3），没有变化的填 0。"),
        ),
        FieldKind(
            "amount",
            Reads.NUMBER,
            whole=False,
            summed=True,
            validation=Validation("decimal", "greaterThanOrEqual", "0"),
            prompt=("填写金额", "请填写不小于 0 的数，可以有小数；没有的填 0。"),
        ),
        FieldKind("total", Reads.NUMBER, summed=True, computed=True, excel_format="0"),
        FieldKind(
            "year",
            Reads.NUMBER,
            excel_format="0",
            validation=Validation("whole", "between", "2000", "2100"),
            prompt=("填写年份", "请填写四位年份，如 2018。"),
        ),
        FieldKind(
            "date",
            Reads.DATE,
            excel_format="yyyy年m月d日",
            validation=Validation("date", "greaterThan", "36526"),
            prompt=("填写日期", "请填写日期，如 2019年3月20日。"),
        ),
        _text("text", limits.MAX_SHORT_TEXT_CHARS),
        _text("paragraph", limits.MAX_TEXT_CHARS, multiline=True),
        FieldKind(
            "list",
            Reads.LIST,
            max_chars=limits.MAX_TEXT_CHARS,
            multiline=True,
            excel_format="@",
            validation=Validation("textLength", "lessThanOrEqual", str(limits.MAX_TEXT_CHARS)),
            prompt=("填写文字", _TEXT_PROMPT.format(limits.MAX_TEXT_CHARS)),
        ),
        FieldKind(
            "level",
            Reads.TEXT,
            max_chars=limits.MAX_SHORT_TEXT_CHARS,
            excel_format="@",
            validation=Validation("list"),
            prompt=("选择单位层级", "请从下拉列表中选择：{levels}"),
        ),
        FieldKind("heading", Reads.NOTHING),
    )
}
