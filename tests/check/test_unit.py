"""Each validation rule, with small workbooks built in code."""

from pathlib import Path

from generator.base.problems import Severity
from generator.pipeline.build import check_inputs
from generator.pipeline.options import BuildOptions
from tests.conftest import Workbooks


def errors(folder: Path, year: int = 2018) -> list:
    return [
        p
        for p in check_inputs(BuildOptions.for_year(year, folder)).problems
        if p.severity is Severity.ERROR
    ]


def test_standard_set_is_clean(workbooks: Workbooks) -> None:
    workbooks.standard()
    problems = check_inputs(BuildOptions.for_year(2018, workbooks.folder)).problems
    assert [p.code for p in problems] == ["no-previous-year"]  # only: no 2017 folder, no 同比


def test_blank_count_is_an_error_not_zero(workbooks: Workbooks) -> None:
    workbooks.standard()
    workbooks.unit("某市财政局", "市政府工作部门", {"apply.fax": None})
    found = errors(workbooks.folder)
    assert [(p.code, str(p.location)) for p in found] == [
        ("blank", "某市财政局.xlsx 依申请公开!B6")
    ]
    assert "空白不会按 0 处理" in found[0].message


def test_channels_must_add_up_to_received(workbooks: Workbooks) -> None:
    workbooks.standard()
    workbooks.unit("某市财政局", "市政府工作部门", {"apply.online": 4})
    (problem,) = errors(workbooks.folder)
    assert str(problem.location) == "某市财政局.xlsx 依申请公开!B3"
    assert "（B5:B8）为 11" in problem.message
    assert "应等于“收到申请总数”（B3）的 10" in problem.message


def test_answered_may_not_exceed_received(workbooks: Workbooks) -> None:
    workbooks.standard()
    workbooks.unit("某市财政局", "市政府工作部门", {"apply.answered": 11, "result.agreed": 6})
    (problem,) = errors(workbooks.folder)
    assert "“已答复”（B10）为 11，不应大于“收到申请总数”（B3）的 10" in problem.message


def test_results_must_add_up_to_answered(workbooks: Workbooks) -> None:
    workbooks.standard()
    workbooks.unit("某市财政局", "市政府工作部门", {"result.agreed": 6})
    (problem,) = errors(workbooks.folder)
    assert str(problem.location) == "某市财政局.xlsx 依申请公开!B10"
    assert "“同意公开”" in problem.message and "（B12:B16）为 11" in problem.message


def test_reasons_must_add_up_to_refused(workbooks: Workbooks) -> None:
    workbooks.standard()
    workbooks.unit("某市财政局", "市政府工作部门", {"reason.privacy": 1})
    (problem,) = errors(workbooks.folder)
    assert str(problem.location) == "某市财政局.xlsx 依申请公开!B15"
    assert "（B19:B24）为 2" in problem.message


def test_exactly_one_body(workbooks: Workbooks) -> None:
    workbooks.unit("某市财政局", "市政府工作部门")
    assert [p.code for p in errors(workbooks.folder)] == ["no-body"]
    workbooks.unit("某市人民政府", "市政府")
    workbooks.unit("另一市人民政府", "市政府")
    found = errors(workbooks.folder)
    assert [p.code for p in found] == ["several-bodies", "several-bodies"]
    assert all(
        "某市人民政府.xlsx" in p.message and "另一市人民政府.xlsx" in p.message for p in found
    )


def test_body_fields_required_only_of_the_body(workbooks: Workbooks) -> None:
    workbooks.standard()
    workbooks.unit("某市人民政府", "市政府", {"sign.date": None}, lists={"text.part6": []})
    found = errors(workbooks.folder)
    assert sorted(str(p.location) for p in found) == [
        "某市人民政府.xlsx 基本信息!B15",
        "某市人民政府.xlsx 文字材料!C71",
    ]


def test_unit_names_are_unique(workbooks: Workbooks) -> None:
    workbooks.standard()
    workbooks.unit("某市财政局", "市政府工作部门", file="财政局-副本.xlsx")
    found = errors(workbooks.folder)
    assert [p.code for p in found] == ["duplicate-name", "duplicate-name"]


def test_year_must_match(workbooks: Workbooks) -> None:
    workbooks.standard()
    workbooks.unit("某市财政局", "市政府工作部门", {"unit.year": 2017})
    (problem,) = errors(workbooks.folder)
    assert problem.code == "wrong-year" and "2017" in problem.message


def test_level_must_be_one_of_the_choices(workbooks: Workbooks) -> None:
    workbooks.standard()
    workbooks.unit("某市财政局", "市政府工作部门", {"unit.level": "局"})
    (problem,) = errors(workbooks.folder)
    assert problem.code == "bad-level"


def test_overwritten_total_is_reported(workbooks: Workbooks) -> None:
    workbooks.standard()
    workbooks.unit("某市财政局", "市政府工作部门", {"active.total": 999})
    (problem,) = errors(workbooks.folder)
    assert problem.code == "stale-total" and "999" in problem.message and "100" in problem.message


def test_all_problems_of_all_files_at_once(workbooks: Workbooks) -> None:
    workbooks.standard()
    workbooks.unit("某市财政局", "市政府工作部门", {"apply.fax": "三", "result.agreed": 6})
    workbooks.unit("某县人民政府", "县市区政府", {"active.news": -1})
    (workbooks.folder / "说明.txt").write_text("这不是工作簿", encoding="utf-8")
    files = {p.location.file for p in errors(workbooks.folder)}
    assert files == {"某市财政局.xlsx", "某县人民政府.xlsx", "说明.txt"}


def test_lock_files_are_skipped_with_a_notice(workbooks: Workbooks) -> None:
    workbooks.standard()
    (workbooks.folder / "~$某市财政局.xlsx").write_bytes(b"\0" * 165)
    problems = check_inputs(BuildOptions.for_year(2018, workbooks.folder)).problems
    assert [(p.code, p.severity) for p in problems] == [
        ("lock-file", Severity.NOTICE),
        ("no-previous-year", Severity.NOTICE),
    ]
