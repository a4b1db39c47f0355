"""The gen-report command: a thin layer over the library (heavy libraries load only when used)."""

from __future__ import annotations

import contextlib
import os
import sys

from generator import __version__
from generator.cli.arguments import HELP_FLAGS, UsageProblem, parse, render_help
from generator.cli.status import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE

DESCRIPTION = (
    "根据各单位填报的 Excel 工作簿，校验、汇总并生成政府信息公开工作年度报告（{outputs}）。"
)


def description() -> str:
    """The command's one-line description, naming the report's outputs from the writer list."""
    from generator.write.registry import WRITERS, labels

    return DESCRIPTION.format(outputs=labels(tuple(w for w in WRITERS if w.each and not w.charts)))


def main(argv: list[str] | None = None) -> int:
    """Entry point of the gen-report command; returns the exit status."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    args = sys.argv[1:] if argv is None else argv
    if any(a in HELP_FLAGS for a in args):
        with contextlib.suppress(BrokenPipeError):  # gen-report --help | more, quit early
            print(render_help(description()))
        return EXIT_OK
    if "--version" in args:
        print(f"gen-report {__version__}")
        return EXIT_OK
    from generator.pipeline.interrupts import stop_requests_interrupt

    try:
        with stop_requests_interrupt():
            return _run(args)
    except UsageProblem as error:
        return _usage_error(str(error))
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the output went to a pipe that closed (| head): nothing to show
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:
        return _internal_error(error)


def _run(argv: list[str]) -> int:
    args = parse(argv)
    if args.serve:
        return _run_serve(args)
    if args.port or args.host or args.no_browser:
        raise UsageProblem("--port、--host 和 --no-browser 只能与 --serve 一起使用")
    if args.audit:
        return _run_audit(args)
    if args.previous:
        raise UsageProblem("--previous 只能与 --audit 一起使用")
    if args.year is None:
        raise UsageProblem("缺少报告年度，如：gen-report 2018")
    year = _parse_year(args.year)
    from generator.cli import commands  # the library: only once the command line is good
    from generator.cli.console import Console

    console = Console(quiet=args.quiet)
    if args.init:
        return commands.run_init(console, year, args)
    if args.unit or args.level or args.deadline or args.contact:
        raise UsageProblem("--unit、--level、--deadline 和 --contact 只能与 --init 一起使用")
    return commands.run_build(console, year, args)


NOT_WITH_AUDIT = ("check", "init", "each", "pdf", "charts", "unit", "level", "units", "inputs",
                  "deadline", "contact")  # fmt: skip
NOT_WITH_SERVE = ("check", "init", "each", "pdf", "charts", "strict", "quiet", "audit", "previous",
                  "unit", "level", "units", "inputs", "out", "deadline", "contact")  # fmt: skip


def _run_audit(args) -> int:
    given = _given(args, NOT_WITH_AUDIT)
    if given:
        raise UsageProblem(f"--{given[0]} 不能与 --audit 一起使用")
    year = _parse_year(args.year) if args.year is not None else None
    from generator.cli import commands
    from generator.cli.console import Console

    return commands.run_audit(Console(quiet=args.quiet), year, args)


def _run_serve(args) -> int:
    given = _given(args, NOT_WITH_SERVE)
    if args.year is not None or given:
        what = f"--{given[0]}" if given else "年度"
        raise UsageProblem(f"{what} 不能与 --serve 一起使用：年度和选项在网页上选择")
    from generator.cli.commands import run_serve

    return run_serve(args)


def _given(args, options: tuple[str, ...]) -> list[str]:
    """Those of the options the command line gave."""
    return [o for o in options if getattr(args, o)]


def _parse_year(text: str) -> int:
    value = text.strip()
    if not (value.isascii() and value.isdigit() and len(value) == 4):
        raise UsageProblem(f"年度应为四位数字，如 2018；收到的是“{text}”")
    return int(value)


def _usage_error(message: str) -> int:
    print(f"用法错误：{message}\n运行 gen-report --help 查看用法。", file=sys.stderr)
    return EXIT_USAGE


def _internal_error(error: BaseException) -> int:
    if os.environ.get("GEN_REPORT_DEBUG"):
        raise error
    import datetime as dt
    import tempfile
    import traceback
    from pathlib import Path

    from generator.document.compose import TemplateProblem
    from generator.formats.spec import FormatError

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    log = Path(tempfile.gettempdir()) / f"gen-report-错误-{stamp}.txt"
    details = "".join(traceback.format_exception(error))
    try:
        log.write_text(
            f"gen-report {__version__}\n{' '.join(sys.argv)}\n\n{details}", encoding="utf-8"
        )
        where = f"详细信息已保存到 {log}"
    except OSError:
        where = "详细信息无法保存"
    if isinstance(error, FormatError | TemplateProblem):
        what = "报告格式定义" if isinstance(error, FormatError) else "报告模板"
        print(f"程序内部错误：{what}有误，输入文件没有被改动。\n  {error}", file=sys.stderr)
        print(f"{where}，请把该文件发给技术支持。", file=sys.stderr)
        return EXIT_INTERNAL
    print(
        f"程序内部错误，输入文件没有被改动。{where}，请把该文件发给技术支持。",
        file=sys.stderr,
    )
    return EXIT_INTERNAL
