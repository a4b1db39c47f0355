"""Turn a stored cell into the value a person meant, or say exactly why it cannot be read."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from generator.base import limits
from generator.base.numbers import format_decimal
from generator.base.problems import Severity
from generator.formats.kinds import FieldKind, Reads
from generator.read.xlsx import RawCell

Value = int | Decimal | str | dt.date | None

EXCEL_DIGITS = 15
"""Excel keeps 15 significant digits; anything beyond is binary floating-point noise."""

COUNT_UNITS = ("人次", "件", "条", "次", "场", "期", "个", "项", "元", "万元")
"""Units people type after a number (“120件”); the number is what they meant."""

ZERO_PLACEHOLDERS = frozenset({"无", "没有", "—", "——", "–", "-", "--", "/", "／", "－", "─", "空"})
CHINESE_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟")
_INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width characters, soft hyphen
)
_BIDI = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_GROUPED = re.compile(r"^\d{1,3}(?:[,， ]\d{3})+(?:\.\d+)?$")
_PLAIN_NUMBER = re.compile(r"^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$")
_ACCOUNTING_NEGATIVE = re.compile(r"^\(\s*[\d,.]+\s*\)$")
_DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_EXCEL_ERRORS = frozenset(
    {"#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"}
)
_NO_RESULT = "单元格是公式，但文件里没有保存计算结果；请在 Excel/WPS 中打开并保存后再提交"


@dataclass
class Reading:
    """The value read from one cell and what was noticed while reading it."""

    value: Value = None
    issues: list[tuple[Severity, str, str]] = field(default_factory=list)

    def fail(self, code: str, message: str) -> Reading:
        self.value = None
        self.issues.append((Severity.ERROR, code, message))
        return self

    def warn(self, code: str, message: str) -> None:
        self.issues.append((Severity.WARNING, code, message))

    @property
    def ok(self) -> bool:
        return not any(severity == Severity.ERROR for severity, _, _ in self.issues)


def shown(text: str, limit: int = 20) -> str:
    """A short quotation of cell text for a message, printable on a GBK (Windows) console."""
    cleaned = "".join(ch if ch.isprintable() else "?" for ch in text)
    cleaned = cleaned.encode("gbk", "replace").decode("gbk")
    return "“" + (cleaned if len(cleaned) <= limit else cleaned[:limit] + "…") + "”"


def excel_decimal(text: str) -> Decimal:
    """A stored number as Excel shows it: at most 15 significant digits."""
    if len(text) > 400:
        raise InvalidOperation(text[:20])
    number = Decimal(text)
    if not number.is_finite() or not -400 < number.adjusted() < 400:  # beyond any double
        raise InvalidOperation(text[:20])
    if number.is_zero():
        return Decimal(0)
    digits = number.adjusted() + 1
    return +number.quantize(Decimal(1).scaleb(digits - EXCEL_DIGITS)).normalize()


def clean_text(text: str, reading: Reading, multiline: bool = False) -> str:
    """Drop invisible and control characters (with a warning for the dangerous ones)."""
    removed_bidi = any(ch in _BIDI for ch in text)
    kept: list[str] = []
    controls = False
    for ch in text:
        if ch in _BIDI or ch in _INVISIBLE:
            continue
        if ch in "\r\n" and multiline:
            kept.append("\n")
            continue
        if ch == "\t" or ch in "\r\n" or ch in "\u00a0\u3000\u2028\u2029":
            kept.append(" ")
            continue
        if unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"):
            controls = True
            continue
        kept.append(ch)
    if removed_bidi or controls:
        reading.warn("control-chars", "文字中有不可见的控制字符或文字方向控制符，已删除")
    result = "".join(kept)
    if multiline:
        lines = [" ".join(line.split()) for line in result.split("\n")]
        return "\n".join(line for line in lines if line)
    return " ".join(result.split())


def read_cell(raw: RawCell, kind: FieldKind, unit: str = "", date1904: bool = False) -> Reading:
    """A cell read as its field's kind says: a number, a date or text."""
    if kind.reads is Reads.NUMBER:
        return read_number(raw, unit, whole=kind.whole, signed=kind.signed)
    if kind.reads is Reads.DATE:
        return read_date(raw, date1904)
    return read_text(raw, kind.max_chars, kind.multiline)


def read_number(raw: RawCell, unit: str = "", whole: bool = True, signed: bool = False) -> Reading:
    """A number ≥ 0 (or of either sign when `signed`): whole, or with decimals allowed."""
    reading = Reading()
    number = _number(raw, reading, unit, signed)
    if number is None or not reading.ok:
        return reading
    if number < 0 and not signed:
        return reading.fail("negative", f"应为不小于 0 的数，填的是 {format_decimal(number)}")
    if whole and number != number.to_integral_value():
        return reading.fail("not-whole", f"应为整数（件数），填的是 {format_decimal(number)}")
    if abs(number) >= Decimal(10) ** EXCEL_DIGITS:
        return reading.fail(
            "too-large", f"数值 {shown(format_decimal(number))} 超出 Excel 能精确保存的范围"
        )
    if abs(number) > limits.MAX_COUNT:
        reading.warn("implausible", f"数值 {format_decimal(number)} 异常大，请核实")
    reading.value = int(number) if whole else number
    return reading


def _number(raw: RawCell, reading: Reading, unit: str, signed: bool) -> Decimal | None:
    if raw.kind == "blank":
        if raw.formula:
            reading.fail("formula-no-result", _NO_RESULT)
        return None
    if raw.kind == "bool":
        reading.fail("bool", "单元格是逻辑值（TRUE/FALSE），应填数字")
        return None
    if raw.kind == "error":
        reading.fail(
            "error-value", f"单元格显示错误值 {shown(raw.value)}，请改正公式或直接填写数字"
        )
        return None
    if raw.kind == "date" or (raw.kind == "number" and raw.number_format == "date"):
        reading.fail(
            "date", "单元格是日期格式，应填数字；请把单元格格式改为“常规”或“数值”后重新填写"
        )
        return None
    if raw.kind == "number":
        if raw.number_format == "percent":
            reading.fail("percent", "单元格是百分比格式，这里应填件数等数值，不是百分比")
            return None
        try:
            return excel_decimal(raw.value)
        except (InvalidOperation, ValueError):
            reading.fail("bad-number", f"无法识别的数值 {shown(raw.value)}")
            return None
    return _number_from_text(raw.value, reading, unit, signed)


def _number_from_text(original: str, reading: Reading, unit: str, signed: bool) -> Decimal | None:
    text = unicodedata.normalize("NFKC", "".join(ch for ch in original if ch not in _INVISIBLE))
    text = " ".join(text.replace("\u3000", " ").split())
    if text.startswith("'"):
        text = text[1:].strip()
    for suffix in (unit, *COUNT_UNITS) if unit else COUNT_UNITS:
        if text.endswith(suffix) and text != suffix:
            text = text[: -len(suffix)].strip()
            break
    if text == "":
        return None
    if text in ZERO_PLACEHOLDERS or original.strip() in ZERO_PLACEHOLDERS:
        reading.warn("placeholder-zero", f"填的是{shown(original)}，按 0 读取；没有时请直接填 0")
        return Decimal(0)
    if any(ch in CHINESE_NUMERALS for ch in text):
        reading.fail("chinese-numeral", f"请用阿拉伯数字填写，{shown(original)}不能自动识别")
        return None
    if text.endswith("%"):
        reading.fail("percent", f"这里应填数值，不是百分比：{shown(original)}")
        return None
    accounting = bool(_ACCOUNTING_NEGATIVE.match(text))
    if accounting and not signed:
        reading.fail("negative", f"应为不小于 0 的数，{shown(original)}是负数的会计写法")
        return None
    if accounting:
        text = "-" + text[1:-1].strip()
    negative = text.startswith(("-", "−"))
    body = text[1:].strip() if negative or (signed and text.startswith("+")) else text
    if _GROUPED.match(body):
        body = re.sub(r"[,， ]", "", body)
    if not _PLAIN_NUMBER.match(body):
        reading.fail("not-a-number", f"无法识别为数字：{shown(original)}")
        return None
    try:
        number = excel_decimal(body)
    except (InvalidOperation, ValueError):
        reading.fail("not-a-number", f"无法识别为数字：{shown(original)}")
        return None
    return -number if negative else number


def read_text(raw: RawCell, max_chars: int, multiline: bool = False) -> Reading:
    """Text as typed, cleaned of invisible characters; numbers are taken as their digits."""
    reading = Reading()
    if raw.kind == "blank":
        if raw.formula:
            reading.fail("formula-no-result", _NO_RESULT)
        return reading
    if raw.kind in ("bool", "error"):
        return reading.fail("not-text", f"这里应填文字，单元格里是 {shown(raw.value)}")
    if raw.kind == "number":
        try:
            text = format(excel_decimal(raw.value), "f")
        except (InvalidOperation, ValueError):
            text = raw.value
    else:
        text = raw.value
    text = clean_text(text, reading, multiline)
    if len(text) > max_chars:
        return reading.fail(
            "too-long", f"文字有 {len(text)} 个字符，超过上限 {max_chars}；请分成几行（每行一段）"
        )
    reading.value = text or None
    return reading


def read_date(raw: RawCell, date1904: bool) -> Reading:
    """A calendar date: an Excel date, or text such as 2019年3月20日 / 2019-03-20."""
    reading = Reading()
    if raw.kind == "blank":
        if raw.formula:
            reading.fail("formula-no-result", _NO_RESULT)
        return reading
    if raw.kind == "number":
        try:
            serial = float(raw.value)
        except ValueError:
            return reading.fail("bad-date", f"无法识别的日期 {shown(raw.value)}")
        if not 1 <= serial < 2958466:
            return reading.fail("bad-date", f"无法识别的日期 {shown(raw.value)}")
        reading.value = excel_serial_date(int(serial), date1904)
        return reading
    if raw.kind == "date":
        text = raw.value[:10]
    elif raw.kind == "text":
        text = unicodedata.normalize("NFKC", clean_text(raw.value, reading))
    else:
        return reading.fail("bad-date", f"这里应填日期，单元格里是 {shown(raw.value)}")
    match = _DATE_TEXT.match(text)
    if not match:
        return reading.fail("bad-date", f"无法识别的日期 {shown(raw.value)}，请写成 2019年3月20日")
    try:
        reading.value = dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return reading.fail("bad-date", f"日期不存在：{shown(raw.value)}")
    return reading


def excel_serial_date(serial: int, date1904: bool = False) -> dt.date:
    """Excel's day number as a date (1900 system with its phantom 29 February, or 1904)."""
    if date1904:
        return dt.date(1904, 1, 1) + dt.timedelta(days=serial)
    if serial < 60:
        return dt.date(1899, 12, 31) + dt.timedelta(days=serial)
    return dt.date(1899, 12, 30) + dt.timedelta(days=serial)
