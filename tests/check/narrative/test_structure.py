"""The outline: parts in order with their headings, the part count, the year, the date."""

from __future__ import annotations

import datetime as dt

from generator.base.problems import Problems
from generator.check.narrative.structure import check_structure, outline
from generator.formats.registry import format_for_year
from generator.read.documents.text import read_text_report
from tests.support import SIX_PARTS


def outline_problems(lines: list[str], year: int = 2025) -> list[str]:
    spec = format_for_year(year)
    document = read_text_report("r.txt", "\n".join(lines).encode("utf-8"))
    found = Problems()
    check_structure(document, spec.narrative, year, found)
    return [f"{p.code} {p}" for p in found]


def report(
    *,
    title: str = "某县人民政府2025年政府信息公开工作年度报告",
    headings=SIX_PARTS,
    date: str = "2026年1月20日",
    intro: str = "",
) -> list[str]:
    lines = [title, intro or "本报告所列数据的统计期限为2025年1月1日至12月31日。"]
    for heading in headings:
        lines += [heading, "全年工作有序推进，成效明显，群众满意。"]
    return [*lines, "某县人民政府", date]


def test_a_well_formed_report_gives_nothing() -> None:
    assert outline_problems(report()) == []


def test_missing_renumbered_out_of_order_and_variant_parts() -> None:
    missing = outline_problems(report(headings=[h for h in SIX_PARTS if not h.startswith("四")]))
    assert missing == [
        "part-missing [错误] r.txt：缺少“四、政府信息公开行政复议、行政诉讼情况”部分"
    ]
    renumbered = [*SIX_PARTS[:3], "四、存在的主要问题及改进情况", "五、其他需要报告的事项"]
    found = outline_problems(report(headings=renumbered))
    assert (
        "part-renumbered [错误] r.txt 第9段：“四、存在的主要问题及改进情况”的序号应为“五、”（五、存在的主要问题及改进情况）"
        in found
    )
    swapped = [SIX_PARTS[0], SIX_PARTS[2], SIX_PARTS[1], *SIX_PARTS[3:]]
    found = outline_problems(
        report(headings=[h[2:] and f"{'一二三四五六'[i]}、{h[2:]}" for i, h in enumerate(swapped)])
    )
    assert any(p.startswith("parts-out-of-order") for p in found)
    variant = outline_problems(
        report(
            headings=[*SIX_PARTS[:4], "五、政府信息公开工作存在的主要问题及改进情况", SIX_PARTS[5]]
        )
    )
    assert variant == []
    odd = outline_problems(report(headings=[*SIX_PARTS[:4], "五、存在问题和不足", SIX_PARTS[5]]))
    assert any("缺少“五、存在的主要问题及改进情况”部分" in p for p in odd)


def test_the_intro_part_count_and_the_title_year() -> None:
    counted = report(intro="全文共分七个部分。本报告所列数据的统计期限为2025年1月1日至12月31日。")
    assert any("引言称全文共七部分，但报告中有 6 个部分" in p for p in outline_problems(counted))
    wrong = report(intro="本报告所列数据的统计期限为2024年1月1日至12月31日。")
    assert any(
        "标题中的年度（2025年）与统计期限（2024年）不一致" in p for p in outline_problems(wrong)
    )


def test_the_date_against_the_deadline_of_the_regulation() -> None:
    assert any(
        "晚于《条例》第四十九条规定的县级以上人民政府公布期限（2026年3月31日）" in p
        for p in outline_problems(report(date="2026年4月2日"))
    )
    department = report(title="某县财政局2025年政府信息公开工作年度报告", date="2026年2月10日")
    assert any("行政机关公布期限（2026年1月31日）" in p for p in outline_problems(department))
    assert any(
        "不晚于统计期限的最后一天" in p for p in outline_problems(report(date="2025年12月20日"))
    )
    assert dt.date(2026, 1, 20)  # the well-formed report's date is within both deadlines


def test_a_problems_part_that_says_only_none() -> None:
    lines = report()
    lines[lines.index("五、存在的主要问题及改进情况") + 1] = "无。"
    assert any("只写了“无。”" in p for p in outline_problems(lines))


def test_headings_numbered_with_other_punctuation_give_one_warning() -> None:
    for mark in ("．", ".", "，", "　"):
        headings = [h.replace("、", mark, 1) for h in SIX_PARTS]
        found = outline_problems(report(headings=headings))
        said = "没有顿号（如“一总体情况”" if mark == "　" else f"用了“{mark}”（如“{headings[0]}”"
        assert found == [  # the text reader takes out the space between 一 and 总体情况
            f"heading-numbering [警告] r.txt 第3段：部分标题的序号后{said}），应用顿号：“一、总体情况”"
        ], mark
    # with nothing after the numeral only an official title is a heading (not 一是…)
    lines = report(headings=["一总体情况", *SIX_PARTS[1:]])
    lines.insert(4, "一是加强组织领导")
    found = outline_problems(lines)
    assert [p.split()[0] for p in found] == ["heading-numbering"]


def test_a_web_pages_metadata_rows_written_as_text_are_not_the_title() -> None:
    rows = [f"名称 | {report()[0]} | ||", "索引号 | 000000001/2025-00037 | 分类 | 信息公开年报 |"]
    rows += [f"第{n}行 | 元数据 |" for n in range(5)]
    document = read_text_report("r.txt", "\n".join([*rows, *report()]).encode("utf-8"))
    found = outline(document)
    assert (found.title, found.agency, found.title_year) == (report()[0], "某县人民政府", 2025)
