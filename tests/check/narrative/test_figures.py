"""Stated counts, sums, shares and changes, one sentence at a time."""

from __future__ import annotations

from decimal import Decimal

from generator.base.problems import Location, Problems
from generator.check.narrative.figures import check_figures
from generator.check.narrative.text import Passage
from generator.check.narrative.values import Figures, FigureSet
from generator.formats.registry import format_for_year

SPEC = format_for_year(2025)
TABLE = {
    "apply.new.total": 713,
    "apply.carried.total": 36,
    "apply.total.total": 718,
    "apply.disclosed.total": 294,
    "apply.partial.total": 101,
    "apply.next.total": 31,
    "appeal.cases.review_total": 61,
}


def problems_of(
    text: str,
    table: dict | None = None,
    previous: dict | None = None,
    year: int = 2025,
    previous_year: int | None = None,
) -> list[str]:
    spec = format_for_year(year)
    numbers = {k: Decimal(v) for k, v in (TABLE if table is None else table).items()}
    labels = {f.id: f.label for f in spec.fields.values()}
    last = (
        FigureSet("上年", {k: Decimal(v) for k, v in previous.items()}, labels, previous_year)
        if previous
        else None
    )
    figures = Figures(FigureSet("表格", numbers, labels), previous=last)
    found = Problems()
    check_figures(
        [Passage(text, Location("r.docx", place="第一部分第1段"))], spec.narrative, figures, found
    )
    return [p.message for p in found]


def test_consistent_statements_give_nothing() -> None:
    text = (
        "2025年，新收政府信息公开申请713件，上年结转36件；本年度办理完结718件，其中予以公开294件，"
        "占40.9%，部分公开101件，占14.1%；结转下年度继续办理31件。全年被申请行政复议61件。"
    )
    assert problems_of(text) == []


def test_another_base_real_reports_use_is_accepted_and_named() -> None:
    found = problems_of("全年共受理政府信息公开申请749件。")
    assert found == [
        "“全年共受理政府信息公开申请749件。”：本年新收申请749件与“新收与上年结转之和”（749）一致"
    ]


def test_a_wrong_count_quotes_the_sentence_and_the_table() -> None:
    assert problems_of("全年新收政府信息公开申请710件。") == [
        "“全年新收政府信息公开申请710件。”：文中本年新收申请为710件，但表格中为 713件"
    ]


def test_shares_against_every_base_with_the_stated_precision() -> None:
    found = problems_of("办结718件，其中予以公开294件，占41.3%。")
    assert found == [
        "“办结718件，其中予以公开294件，占41.3%。”：占比41.3%不对，按总数（718）计算应为 40.9%"
    ]
    # 294 ÷ 718 = 40.9%, ÷ 713 = 41.2%: a share of 新收 is accepted and the base named
    assert problems_of("予以公开294件，占41.2%。") == [
        "“予以公开294件，占41.2%。”：41.2%是按“本年新收申请”计算的"
    ]
    assert problems_of("予以公开294件，占42.0%。") == [
        "“予以公开294件，占42.0%。”：占比42.0%不对，按本年度办理结果（七）总计（718）计算应为 40.9%"
    ]


def test_truncation_is_named() -> None:
    # 294 ÷ 713 = 41.234…%, 101 ÷ 718 = 14.066…%: 14.0 is the truncated share, 14.1 the rounded one
    found = problems_of("办结718件，其中部分公开101件，占14.0%。")
    assert found == [
        "“办结718件，其中部分公开101件，占14.0%。”：14.0%是截尾所得，四舍五入应为 14.1%"
    ]


def test_a_round_total_is_not_the_base_of_exact_shares() -> None:
    text = "主动公开政府信息2.8万条。其中，政策法规类信息580条，占2.1%；资讯信息类信息27144条，占96.9%。"
    found = problems_of(text, table={}, year=2018)
    assert found == [
        "“其中，政策法规类信息580条，占2.1%；资讯信息类信息27144条，占96.9%。”：占比96.9%不对，"
        "按各项之和（27724）计算应为 97.9%；96.9%是按约数2.8万条计算的"
    ]


def test_parts_larger_than_their_total() -> None:
    found = problems_of("共收到申请100件，其中当面申请60件，网络申请50件。", table={}, year=2018)
    assert found == [
        "“共收到申请100件，其中当面申请60件，网络申请50件。”：其中各项之和为 110，大于总数100件"
    ]


def test_a_changes_against_last_year() -> None:
    previous = {**TABLE, "apply.new.total": 620}
    assert problems_of("新收政府信息公开申请713件，同比增长15.0%。", previous=previous) == []
    assert problems_of("新收政府信息公开申请713件，较上年增加93件。", previous=previous) == []
    found = problems_of("新收政府信息公开申请713件，同比下降15.0%。", previous=previous)
    assert found == [
        "“新收政府信息公开申请713件，同比下降15.0%。”：本年新收申请同比应为增长15.0%（本年 713，上年 620）"
    ]
    assert (
        problems_of("新收政府信息公开申请713件，同比下降15.0%。") == []
    )  # no last year: nothing to say


def test_respectively_and_sub_amounts_are_not_guessed() -> None:
    text = "制发规章、行政规范性文件分别为2件、6件；答复申请718件（含上年结转36件）。"
    assert problems_of(text, table={**TABLE, "art20_1.rules.issued": 0}) == []


APPEALS = {**TABLE, "appeal.cases.direct_total": 3, "appeal.cases.after_total": 10}


def test_counts_of_other_work_named_by_everyday_words_are_not_compared() -> None:
    for sentence in (
        "12345政务服务热线全年办结群众诉求3.2万件。",
        "全年答复人大代表建议和政协提案156件。",
        "县政务服务中心全年受理群众办事申请12.5万件。",
        "全年办理行政复议案件120件。",
        "全县法院审结行政诉讼案件85件。",
        "全年受理政府信息公开申请713件，12345热线办结群众诉求3.2万件。",
    ):
        assert problems_of(sentence, table=APPEALS) == [], sentence


def test_everyday_words_about_disclosure_are_still_compared() -> None:
    assert problems_of("全年被申请行政复议60件。", table=APPEALS) == [
        "“全年被申请行政复议60件。”：文中行政复议为60件，但表格中为 61件"
    ]
    assert problems_of("因政府信息公开被申请行政复议案件120件。", table=APPEALS) != []
    assert problems_of("依托政务服务中心受理政府信息公开申请700件。") != []
    assert problems_of("新收申请700件。") != []  # 申请 is the word's own noun
    typed_in_its_row = [Passage("全年受理申请700件。", Location("a.xlsx"), "（二）依申请公开")]
    found = Problems()
    check_figures(
        typed_in_its_row,
        SPEC.narrative,
        Figures(FigureSet("表格", {"apply.new.total": Decimal(713)})),
        found,
    )
    assert len(found.items) == 1


def test_a_change_against_a_named_year_is_checked_against_that_years_table() -> None:
    previous = {**TABLE, "apply.new.total": 693}
    text = "2025年，新收政府信息公开申请713件，较2024年增加30件。"
    assert problems_of(text, previous=previous, previous_year=2024) == [
        f"“{text}”：本年新收申请较上年应为增加20件（本年 713，上年 693）"
    ]
    assert problems_of(text.replace("30件", "20件"), previous=previous, previous_year=2024) == []
    assert problems_of(text, previous=previous, previous_year=2023) == []  # another year's table
    assert problems_of(text, previous=previous) == []  # whose year is not known


def test_a_stated_last_year_figure_is_checked() -> None:
    # the tool's own form (templates/*/yoy.j2): 713 against 693 is 2.9%, against 683 4.4%
    text = "新收政府信息公开申请713件（上年683件，同比增长2.9%），上年结转36件。"
    previous = {**TABLE, "apply.new.total": 693}
    assert problems_of(text, previous=previous) == [
        f"“{text}”：文中上年本年新收申请为683件，但上年中为 693件"
    ]
    assert problems_of(text) == [  # no table of last year: the sentence against itself
        f"“{text}”：本年新收申请同比应为增长4.4%（本年 713，上年 683）"
    ]
    assert problems_of(text.replace("683", "693")) == []
    assert problems_of(text.replace("683", "693"), previous=previous) == []
    assert problems_of("新收申请713件，上年为683件。", previous=previous) == [
        "“新收申请713件，上年为683件。”：文中上年本年新收申请为683件，但上年中为 693件"
    ]
    assert problems_of("新收申请713件，上年683件申请已办结。", previous=previous) == []
    assert problems_of(
        "被申请行政复议61件（上年0件）。", previous={**TABLE, "appeal.cases.review_total": 2}
    ) == ["“被申请行政复议61件（上年0件）。”：文中上年行政复议为0件，但上年中为 2件"]


def test_a_full_width_comma_between_groups_of_three_digits_is_a_thousands_separator() -> None:
    table = {**TABLE, "art20_5.license.decisions": 517645}
    assert problems_of("作出行政许可决定517，645件，行政处罚决定2件。", table=table) == []
    assert problems_of("作出行政许可决定517,645件。", table=table) == []
    assert problems_of("作出行政许可决定517，654件。", table=table) == [
        "“作出行政许可决定517,654件。”：文中行政许可决定为517,654件，但表格中为 517645件"
    ]
    assert problems_of("新收政府信息公开申请1，713件。") == [
        "“新收政府信息公开申请1,713件。”：文中本年新收申请为1,713件，但表格中为 713件"
    ]


def test_a_share_that_names_its_base_is_computed_against_it() -> None:
    # 294 ÷ 713 (新收) = 41.2%, ÷ 718 (办结, the enumeration's total) = 40.9%, ÷ 749 = 39.3%
    text = "本年度办理完结718件，其中予以公开294件，占新收申请量的41.2%。"
    assert problems_of(text) == []
    assert problems_of(text.replace("41.2", "40.9")) == [
        f"“{text.replace('41.2', '40.9')}”：占比40.9%不对，按本年新收申请（713）计算应为 41.2%"
    ]
    assert problems_of(text.replace("新收申请量", "申请总数").replace("41.2", "39.3")) == []
    assert problems_of(text.replace("占新收申请量的", "占")) == [
        f"“{text.replace('占新收申请量的', '占')}”：占比41.2%不对，按总数（718）计算应为 40.9%"
    ]
