"""What each mode of the command does: call the library, print the outcome, pick the status."""

from __future__ import annotations

import os
from pathlib import Path

from generator.build import build, check_inputs
from generator.cli_output import EXIT_INPUT, EXIT_OK, EXIT_OUTPUT, Console, UsageProblem
from generator.formats import FormatUnavailable
from generator.outputs import OutputError
from generator.problems import Problems, Severity
from generator.write import UNITS_FOLDER


def run_build(
    console: Console,
    year: int,
    inputs: Path,
    out: Path,
    *,
    check: bool,
    strict: bool,
    pdf: bool,
    each: bool,
) -> int:
    """--check, or a full build."""
    pdf_error = None
    progress = console.progress()
    try:
        if check:
            checked = check_inputs(year, inputs, each=each, progress=progress)
            problems, written = checked.problems, []
        else:
            built = build(year, inputs, out, strict=strict, pdf=pdf, each=each, progress=progress)
            problems, written, pdf_error = built.problems, built.written, built.pdf_error
    except FormatUnavailable as error:
        raise UsageProblem(str(error)) from None
    except OutputError as error:
        console.error(str(error))
        return EXIT_OUTPUT
    console.say(f"已读取 {inputs} 中的工作簿（{year} 年度，{_format_name(year)}）。")
    console.problems(problems.sorted())
    blocked = problems.blocking(strict)
    console.say(_summary(problems, strict))
    if blocked:
        action = "检查未通过" if check else "未生成报告"
        console.say(f"{action}：请按上面的提示修改工作簿后重新运行。")
        return EXIT_INPUT
    if check:
        console.say("检查通过。")
    else:
        console.say("已生成：")
        units_folder = out / UNITS_FOLDER
        for path in written:
            if path.parent != units_folder:
                console.say(f"  {path}")
        unit_reports = sum(1 for p in written if p.parent == units_folder and p.suffix == ".docx")
        if unit_reports:
            console.say(
                f"  {units_folder}{os.sep}（{unit_reports} 个单位的报告，文本和 Word 各一份）"
            )
    if pdf_error:
        console.error(f"未生成 PDF：{pdf_error}")
        return EXIT_OUTPUT
    return EXIT_OK


def _format_name(year: int) -> str:
    from generator.formats import format_for_year

    return format_for_year(year).name


def _summary(problems: Problems, strict: bool) -> str:
    errors, warnings = problems.count(Severity.ERROR), problems.count(Severity.WARNING)
    if not errors and not warnings:
        return "未发现问题。"
    note = "（严格模式：警告也必须处理）" if strict and warnings else ""
    return f"共发现 {errors} 个错误、{warnings} 个警告{note}。"


def run_init(
    console: Console, year: int, folder: Path, units: list[tuple[str, str]], notice: dict[str, str]
) -> int:
    """--init: blank fill-in workbooks."""
    from generator.forms.init import UnitListError, init_forms  # openpyxl: only when needed

    try:
        result = init_forms(year, folder, units, notice)
    except FormatUnavailable as error:
        raise UsageProblem(str(error)) from None
    except UnitListError as error:
        raise UsageProblem(str(error)) from None
    for path in result.skipped:
        console.say(f"已存在，未覆盖：{path}")
    for path in result.written:
        console.say(f"已生成填报表：{path}")
    return EXIT_OK
