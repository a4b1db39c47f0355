"""A report's outline: title, statistics period, its parts in order, the intro's part count,
the date, and the running text by part (as passages with their locations)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from generator.base.problems import Location, Problems
from generator.check.narrative.text import Passage, normalize
from generator.formats.narrative import Narrative, Part
from generator.read.documents.labels import Match, match
from generator.read.documents.model import ReportText
from generator.read.names import normalized

NUMERALS = "一二三四五六七八九十"
_TITLE = re.compile(
    r"(?P<before>.{0,40}?)(?P<year>(?:19|20)\d{2})\s*年度?(?P<after>.{0,40}?)政府信息公开(?:工作)?年度?报告"
)
_PERIOD = re.compile(
    r"统计(?:期限|时限|区间|时间)[^0-9]{0,6}(?P<year>\d{4})\s*年\s*1\s*月\s*1\s*日[起]?\s*(?:至|到|—|-|－|~)\s*(?:(?P<end>\d{4})\s*年)?\s*12\s*月\s*31\s*日"
)
_HEADING = re.compile(rf"^(?P<numeral>[{NUMERALS}]+)(?P<mark>[、．.，,　 ]?)\s*(?P<title>\S.*)$")
"""A part heading: 一、总体情况, or numbered 一．/一./一，/一　 (recognised, and warned about);
with nothing after the numeral (一总体情况: a space the reader took out) only an official title."""
_PART_COUNT = re.compile(rf"(?:共|分为|由)[^。]{{0,60}}?(?P<count>[{NUMERALS}]|\d+)\s*(?:个)?部分")
_DATE = re.compile(r"^(?P<y>\d{4})\s*[年\-/.]\s*(?P<m>\d{1,2})\s*[月\-/.]\s*(?P<d>\d{1,2})\s*日?$")
_GOVERNMENT = re.compile(r"(?:省|市|区|县|旗|州|盟)人民政府$")
MAX_HEADING = 50


@dataclass
class Outline:
    """What the checks need to know about a report's layout."""

    title: str = ""
    agency: str = ""
    title_year: int | None = None
    period_year: int | None = None
    date: dt.date | None = None
    passages: list[Passage] = field(default_factory=list)
    parts_found: int = 0

    @property
    def year(self) -> int | None:
        """The report year the document states (its title first, then its statistics period)."""
        return self.title_year or self.period_year


def outline(document: ReportText) -> Outline:
    """The title, period, date and passages of a document (no checking)."""
    # A row of a table written as text (a web page's 名称 | … metadata) is never the title.
    texts = [p.text for p in document.paragraphs if "|" not in p.text][:6]
    result = Outline()
    for count in (1, 2, 3):
        for start in range(len(texts) + 1):
            text = (
                "".join(texts[start : start + count]) if start < len(texts) else document.page_title
            )
            found = _TITLE.search(text)
            if found and len(text) <= 80:
                result.title = text
                result.title_year = int(found.group("year"))
                result.agency = (found.group("before") + found.group("after")).strip(" 年度")
                break
        if result.title:
            break
    for paragraph in document.paragraphs:
        period = _PERIOD.search(normalize(paragraph.text).replace(" ", ""))
        if period:
            result.period_year = int(period.group("year"))
            break
    result.date = _date(document)
    return result


def _date(document: ReportText) -> dt.date | None:
    candidates = [p.text for p in document.paragraphs[-6:]]
    if document.published:
        candidates.append(document.published)
    for text in reversed(candidates):
        found = _DATE.match(normalize(text).replace(" ", ""))
        if found:
            try:
                return dt.date(int(found["y"]), int(found["m"]), int(found["d"]))
            except ValueError:
                continue
    return None


def check_structure(
    document: ReportText, narrative: Narrative, year: int, problems: Problems
) -> Outline:
    """The parts in order with their official headings, the intro's part count, the title's year
    against the statistics period, and the date against the deadline; returns the outline with
    the running text as passages, each located by part and paragraph."""
    found = outline(document)
    where = Location(document.file)
    if found.title_year and found.period_year and found.title_year != found.period_year:
        problems.error(
            "period-mismatch",
            f"标题中的年度（{found.title_year}年）与统计期限（{found.period_year}年）不一致",
            where,
        )
    if not found.title:
        problems.warning("no-title", "找不到报告标题（“……年政府信息公开工作年度报告”）", where)
    headings = _headings(document, found.title, narrative)
    assigned = _assign(headings, narrative, problems, where)
    _check_numbering(document, assigned, problems, where)
    found.parts_found = len(assigned)
    _check_count(document, headings, len(assigned), problems, where)
    found.passages = _passages(document, headings, assigned, found.title)
    labels = {
        narrative.parts[assigned[n]]: f"第{numeral}部分"
        for n, numeral, _ in headings
        if n in assigned
    }
    _check_problems_part(found.passages, labels, problems, where)
    _check_date(found, narrative, year, problems, where)
    return found


def _headings(document: ReportText, title: str, narrative: Narrative) -> list[tuple[int, str, str]]:
    """(paragraph number, numeral, text) of each paragraph that is a part heading (一、…), its
    text numbered with 、 whatever it was numbered with."""
    result = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        heading = _HEADING.match(text)
        if heading and len(text) <= MAX_HEADING and text != title and not text.endswith("。"):
            numeral = heading["numeral"]
            if heading["mark"] or _official_title(heading["title"], narrative):
                result.append((paragraph.number, numeral, f"{numeral}、{heading['title']}"))
    return result


def _official_title(title: str, narrative: Narrative) -> bool:
    """Whether a heading's words after its numeral are a part's official title or a variant's."""
    return any(
        match(title, h.partition("、")[2] or h) is Match.EXACT
        for part in narrative.parts
        for h in (part.heading, *part.variants)
    )


def _check_numbering(
    document: ReportText, assigned: dict[int, int], problems: Problems, where: Location
) -> None:
    """One warning for a document whose part headings are numbered 一．/一，/一　 instead of 一、."""
    for paragraph in document.paragraphs:
        heading = _HEADING.match(paragraph.text.strip())
        if paragraph.number in assigned and heading and heading["mark"] != "、":
            mark = heading["mark"]
            used = f"用了“{mark}”" if mark.strip() else "没有顿号"
            problems.warning(
                "heading-numbering",
                f"部分标题的序号后{used}（如“{paragraph.text.strip()}”），应用顿号：“"
                f"{heading['numeral']}、{heading['title']}”",
                Location(where.file, place=f"第{paragraph.number}段"),
            )
            return


def _part_match(heading: str, part: Part) -> Match:
    if part.keywords:
        folded = normalized(heading)
        return Match.EXACT if all(normalized(k) in folded for k in part.keywords) else Match.NONE
    best = max((match(heading, h) for h in (part.heading, *part.variants)), default=Match.NONE)
    if best is Match.NONE:
        title = _HEADING.match(heading)
        if title and match(title["title"], part.title) is Match.EXACT:
            return Match.VARIANT  # same title, other numbering
    if best is Match.VARIANT and any(match(heading, v) is Match.EXACT for v in part.variants):
        return Match.EXACT
    return best


def _assign(
    headings: list[tuple[int, str, str]], narrative: Narrative, problems: Problems, where: Location
) -> dict[int, int]:
    """Heading paragraph number → index of the official part; problems for what does not fit."""
    assigned: dict[int, int] = {}
    for number, numeral, text in headings:
        matches = [(i, _part_match(text, p)) for i, p in enumerate(narrative.parts)]
        fitting = [(i, q) for i, q in matches if q is not Match.NONE and i not in assigned.values()]
        if not fitting:
            continue
        exact = [i for i, q in fitting if q is Match.EXACT]
        index = exact[0] if exact else fitting[0][0]
        part = narrative.parts[index]
        assigned[number] = index
        here = Location(where.file, place=f"第{number}段")
        if len(fitting) > 1 and not exact and not part.keywords:
            others = "”“".join(narrative.parts[i].heading for i, _ in fitting)
            problems.error("parts-merged", f"“{text}”把“{others}”合并成了一个部分", here)
        if narrative.numbered and numeral != part.numeral:
            problems.error(
                "part-renumbered", f"“{text}”的序号应为“{part.numeral}、”（{part.heading}）", here
            )
        elif not exact and not part.keywords:
            problems.warning(
                "heading-variant", f"标题“{text}”与官方格式不一致，应为“{part.heading}”", here
            )
    order = [assigned[n] for n, _, _ in headings if n in assigned]
    for earlier, later in itertools.pairwise(order):
        if later < earlier:
            problems.error(
                "parts-out-of-order",
                f"“{narrative.parts[later].heading}”应在“{narrative.parts[earlier].heading}”之前",
                where,
            )
    for index, part in enumerate(narrative.parts):
        if part.required and index not in assigned.values():
            problems.error("part-missing", f"缺少“{part.heading}”部分", where)
    return assigned


def _check_count(
    document: ReportText,
    headings: list[tuple[int, str, str]],
    parts: int,
    problems: Problems,
    where: Location,
) -> None:
    first = headings[0][0] if headings else len(document.paragraphs) + 1
    for paragraph in document.paragraphs:
        if paragraph.number >= first:
            break
        stated = _PART_COUNT.search(paragraph.text)
        if stated:
            count = stated["count"]
            number = int(count) if count.isdigit() else NUMERALS.index(count) + 1
            present = max(parts, len(headings))
            if number != present:
                problems.error(
                    "part-count",
                    f"引言称全文共{count}部分，但报告中有 {present} 个部分",
                    Location(where.file, place=f"第{paragraph.number}段"),
                )
            return


def _passages(
    document: ReportText,
    headings: list[tuple[int, str, str]],
    assigned: dict[int, int],
    title: str,
) -> list[Passage]:
    heading_numbers = {number: numeral for number, numeral, _ in headings}
    result = []
    part, counter = "引言", 0
    for paragraph in document.paragraphs:
        if paragraph.number in heading_numbers:
            part, counter = f"第{heading_numbers[paragraph.number]}部分", 0
            continue
        if paragraph.text == title or title.startswith(paragraph.text):
            continue
        counter += 1
        place = f"{part}第{counter}段"
        result.append(Passage(paragraph.text, Location(document.file, place=place), part))
    return result


def _check_problems_part(
    passages: list[Passage], labels: dict[Part, str], problems: Problems, where: Location
) -> None:
    """`labels`: the passage label of each part present (第六部分)."""
    part = next((p for p in labels if p.problems), None)
    if part is None:
        return
    label = labels[part]
    text = "".join(p.text for p in passages if p.part == label)
    if len(normalized(text).strip("。.；;")) <= 4:
        problems.warning(
            "problems-empty",
            f"“{part.heading}”只写了“{text or '（空白）'}”；应如实写明存在的主要问题和改进措施",
            Location(where.file, place=label),
        )


def _check_date(
    found: Outline, narrative: Narrative, year: int, problems: Problems, where: Location
) -> None:
    if found.date is None:
        return
    government = bool(_GOVERNMENT.search(found.agency)) and "办公" not in found.agency
    month, day = narrative.deadline_government if government else narrative.deadline_department
    deadline = dt.date(year + 1, month, day)
    written = f"{found.date.year}年{found.date.month}月{found.date.day}日"
    if found.date <= dt.date(year, 12, 31):
        problems.warning(
            "date-early", f"报告日期 {written} 不晚于统计期限的最后一天（{year}年12月31日）", where
        )
    elif found.date > deadline:
        who = "县级以上人民政府" if government else "行政机关"
        problems.warning(
            "date-late",
            f"报告日期 {written} 晚于《条例》第四十九条规定的{who}公布期限（{year + 1}年{month}月{day}日）",
            where,
        )
