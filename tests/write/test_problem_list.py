import io
import zipfile

from generator.base.problems import Location, Problem, Severity
from generator.formats.spec import FormatSpec
from generator.write import problem_list


def problem(severity: Severity, location: Location | None, unit: str | None = None) -> Problem:
    return Problem(severity, "code", "说明", location, unit)


def test_rows_name_the_unit_and_the_label(spec2018: FormatSpec) -> None:
    listed = problem_list.rows(
        [
            problem(Severity.ERROR, Location("a.xlsx", "依申请公开", "B6")),
            problem(Severity.WARNING, Location("坏.xlsx")),
            problem(Severity.WARNING, Location("单位清单.txt"), unit="丙局"),
            problem(Severity.ERROR, None),
            problem(Severity.ERROR, Location("a.xlsx", "依申请公开", "A6")),  # the label cell
        ],
        {"a.xlsx": "甲局"},
        spec2018,
    )
    assert [r[:5] for r in listed] == [
        ("甲局", "a.xlsx", "依申请公开", "B6", "传真申请"),
        ("坏.xlsx", "坏.xlsx", "", "", ""),
        ("丙局", "单位清单.txt", "", "", ""),
        ("", "", "", "", ""),
        ("甲局", "a.xlsx", "依申请公开", "A6", "传真申请"),
    ]


def test_letters_only_for_units_with_errors_or_warnings(spec2018: FormatSpec) -> None:
    listed = problem_list.rows(
        [
            problem(Severity.NOTICE, Location("提示.xlsx")),
            problem(Severity.ERROR, None),
            problem(Severity.WARNING, Location("b.xlsx", "主动公开", "B10")),
        ],
        {"b.xlsx": "乙局"},
        spec2018,
    )
    letters = problem_list.letters(listed, 2018)
    assert list(letters) == ["乙局"]
    text = letters["乙局"].decode("utf-8-sig")
    assert "\r\n1. 工作表“主动公开”B10 单元格（资讯信息）：说明\r\n" in text
    assert "必须改正的错误" not in text and text.startswith("乙局：\r\n")


def test_files_not_read_get_a_letter_each_by_file_name(spec2018: FormatSpec) -> None:
    names = ("junk.et", "junk.ods", "junk.xlsx")
    listed = problem_list.rows(
        [Problem(Severity.ERROR, "broken", "文件已损坏", Location(n)) for n in names], {}, spec2018
    )
    letters = problem_list.letters(listed, 2018)
    assert list(letters) == list(names)
    for name in names:
        text = letters[name].decode("utf-8-sig")
        assert text.startswith(f"{name}：\r\n") and f"（{name}）有以下问题" in text
        assert "\r\n1. 文件已损坏\r\n" in text


def test_a_letter_covering_several_files_names_the_file_in_each_item(
    spec2018: FormatSpec,
) -> None:
    listed = problem_list.rows(
        [
            problem(Severity.ERROR, Location("a.xlsx", "依申请公开", "B6")),
            problem(Severity.ERROR, Location("a（副本）.xlsx")),
        ],
        {"a.xlsx": "甲局", "a（副本）.xlsx": "甲局"},
        spec2018,
    )
    text = problem_list.letters(listed, 2018)["甲局"].decode("utf-8-sig")
    assert "（a.xlsx、a（副本）.xlsx）有以下问题" in text
    assert "\r\n1. a.xlsx 工作表“依申请公开”B6 单元格（传真申请）：说明\r\n" in text
    assert "\r\n2. a（副本）.xlsx：说明\r\n" in text


def test_the_book_filters_every_column(spec2018: FormatSpec) -> None:
    listed = problem_list.rows([problem(Severity.ERROR, Location("a.xlsx"))], {}, spec2018)
    sheet = zipfile.ZipFile(io.BytesIO(problem_list.render_book(listed))).read(
        "xl/worksheets/sheet1.xml"
    )
    assert b'<autoFilter ref="A1:G2"/>' in sheet
