from generator.base.problems import Location, Problem, Problems, Severity


def test_location_in_excel_notation() -> None:
    assert str(Location("市财政局.xlsx", "依申请公开", "C7")) == "市财政局.xlsx 依申请公开!C7"
    assert str(Location("a.xlsx")) == "a.xlsx"
    assert str(Location("a.xlsx", "依申请公开 (2)", "B3")) == "a.xlsx '依申请公开 (2)'!B3"
    assert str(Location("a.xlsx", "O'Brien", "B3")) == "a.xlsx 'O''Brien'!B3"


def test_problem_text() -> None:
    problem = Problem(Severity.ERROR, "x", "不对", Location("a.xlsx", "表", "B3"))
    assert str(problem) == "[错误] a.xlsx 表!B3：不对"


def test_blocking_and_strict() -> None:
    problems = Problems()
    problems.warning("w", "警告")
    problems.notice("n", "提示")
    assert not problems.blocking()
    assert problems.blocking(strict=True)
    problems.error("e", "错误")
    assert problems.blocking()
    assert problems.count(Severity.ERROR) == 1


def test_sorted_groups_by_file_keeping_order() -> None:
    problems = Problems()
    problems.error("1", "b1", Location("b.xlsx"))
    problems.error("2", "a1", Location("a.xlsx"))
    problems.error("3", "b2", Location("b.xlsx"))
    problems.error("4", "none")
    assert [p.code for p in problems.sorted()] == ["4", "2", "1", "3"]
