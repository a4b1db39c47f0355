"""What each mode of the command does: call the library, print the outcome, pick the status."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from generator.base.textwidth import spaced
from generator.cli.arguments import UsageProblem
from generator.cli.console import Console
from generator.cli.status import EXIT_INPUT, EXIT_OK, EXIT_OUTPUT
from generator.formats.registry import FormatUnavailable
from generator.pipeline.options import BuildOptions
from generator.pipeline.staging import OutputError
from generator.read.roster import UnitListError
from generator.write import problem_list
from generator.write.registry import conversion_for, labels, output_rank


def _options(console: Console, year: int, args: argparse.Namespace) -> BuildOptions:
    try:
        return BuildOptions.for_year(
            year,
            inputs=Path(args.inputs) if args.inputs else None,
            out=Path(args.out) if args.out else None,
            strict=args.strict,
            each=args.each,
            pdf=args.pdf,
            charts=args.charts,
            unit_list=Path(args.units) if args.units else None,
            progress=console.progress(),
        )
    except FormatUnavailable as error:
        raise UsageProblem(str(error)) from None


def run_build(console: Console, year: int, args: argparse.Namespace) -> int:
    """--check, or a full build."""
    from generator.pipeline.build import build, check  # the library: only for a build

    options = _options(console, year, args)
    pdf_error = None
    try:
        built = check(options) if args.check else build(options)
    except UnitListError as error:
        raise UsageProblem(str(error)) from None
    except OutputError as error:
        console.error(str(error))
        return EXIT_OUTPUT
    problems, written, pdf_error = built.problems, built.written, built.pdf_error
    console.say(f"已读取 {options.inputs} 中的工作簿（{year} 年度，{options.spec.name}）。")
    console.problems(problems.sorted())
    blocked = problems.blocking(options.strict)
    console.say(problems.tally(options.strict))
    _list_problem_lists(console, options, written)
    if blocked:
        action = "检查未通过" if args.check else "未生成报告"
        console.say(f"{action}：请按上面的提示修改工作簿后重新运行。")
        return EXIT_INPUT
    if args.check:
        console.say("检查通过。")
    else:
        _list_written(console, options, written)
    if pdf_error:
        console.error(f"未生成 PDF：{pdf_error}")
        return EXIT_OUTPUT
    return EXIT_OK


def _list_problem_lists(console: Console, options: BuildOptions, written: list[Path]) -> None:
    """Where the problem lists went, when they were written."""
    book = options.out / problem_list.BOOK
    if book not in written:
        return
    folder = options.out / problem_list.FOLDER
    count = sum(1 for p in written if p.parent == folder)
    console.say(f"问题清单已写入 {book}（每个问题一行，可筛选）。")
    if count:
        line = f"（{count} 个单位各一份，可直接转发给相应单位）"
        console.say(f"各单位的问题清单在 {folder}{os.sep}{spaced(line)}")


def _list_written(console: Console, options: BuildOptions, written: list[Path]) -> None:
    """The report's files (in the writers' order, each conversion after its source), then the
    units' reports in one line naming every kind written for them (PDF too, when made)."""
    from generator.pipeline.writing import UNITS_FOLDER

    units_folder = options.out / UNITS_FOLDER
    lists = (options.out / problem_list.BOOK, options.out / problem_list.FOLDER)
    console.say("已生成：")
    reports = [
        p for p in written if p.parent != units_folder and p not in lists and p.parent not in lists
    ]
    for path in sorted(reports, key=lambda p: output_rank(p.name)):
        console.say(f"  {path}")
    unit_files = [p for p in written if p.parent == units_folder]
    each = tuple(w for w in options.active_writers if w.each)
    unit_reports = sum(1 for p in unit_files if p.name.endswith(each[0].suffix))
    pdf = conversion_for("pdf")
    made = (*each, pdf) if any(p.name.endswith(pdf.suffix) for p in unit_files) else each
    if unit_reports:
        line = f"（{unit_reports} 个单位的报告，{labels(made)}各一份）"
        console.say(f"  {units_folder}{os.sep}{spaced(line)}")


def run_init(console: Console, year: int, args: argparse.Namespace) -> int:
    """--init: blank fill-in workbooks."""
    from generator.fillin.init import UnitListError, init_forms, unit_pairs

    folder = Path(args.inputs) if args.inputs else Path("inputs") / str(year)
    notice = {k: v for k, v in (("deadline", args.deadline), ("contact", args.contact)) if v}
    try:
        units = unit_pairs(
            args.unit or [], args.level or [], Path(args.units) if args.units else None
        )
        result = init_forms(year, folder, units, notice)
    except (FormatUnavailable, UnitListError) as error:
        raise UsageProblem(str(error)) from None
    for path in result.skipped:
        console.say(f"已存在，未覆盖：{path}")
    for path in result.written:
        console.say(f"已生成填报表：{path}")
    return EXIT_OK


def run_audit(console: Console, year: int | None, args: argparse.Namespace) -> int:
    """--audit: check report documents; one 核查报告 each, a 核查汇总 for several."""
    from generator.pipeline.audit import AUDIT_FOLDER, AuditOptions, audit

    options = AuditOptions(
        paths=tuple(Path(p) for p in args.audit),
        out=Path(args.out) if args.out else AUDIT_FOLDER,
        year=year,
        previous=tuple(Path(p) for p in args.previous or ()),
        strict=args.strict,
        progress=console.progress(),
    )
    try:
        result = audit(options)
    except OutputError as error:
        console.error(str(error))
        return EXIT_OUTPUT
    console.problems(result.problems.sorted())
    for report in result.reports:
        model = report.report()
        what = f"（{model.year} 年度，{model.format_name}）" if model.format_name else ""
        console.say(f"核查 {report.path}{what}：")
        console.problems(model.problems)
        console.say(f"  {report.problems.tally(options.strict)}")
    if result.written:
        console.say("已生成：")
        for path in result.written:
            console.say(f"  {path}")
    return EXIT_INPUT if result.blocking(options.strict) else EXIT_OK


def run_serve(args: argparse.Namespace) -> int:
    """--serve: the web page, until Ctrl+C."""
    from generator.web.serve import ServeProblem, serve
    from generator.web.settings import DEFAULT_HOST, DEFAULT_PORT

    port = DEFAULT_PORT
    if args.port is not None:
        text = args.port.strip()
        if not (text.isascii() and text.isdigit() and 0 < int(text) < 65536):
            raise UsageProblem(f"端口应为 1 到 65535 之间的数字，如 8765；收到的是“{args.port}”")
        port = int(text)
    try:
        serve(args.host or DEFAULT_HOST, port, open_browser=not args.no_browser)
    except ServeProblem as error:
        raise UsageProblem(str(error)) from None
    except KeyboardInterrupt:
        pass  # Ctrl+C is how the server is meant to stop
    return EXIT_OK
