"""The command line: a thin layer over generator.build (heavy libraries load only when used)."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Annotated

import typer

from generator import __version__
from generator.cli_output import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, Console, UsageProblem

DESCRIPTION = (
    "根据各单位填报的 Excel 工作簿，校验、汇总并生成政府信息公开工作年度报告（文本和 Word）。"
)
EPILOG = """退出状态：
  0  完成
  1  输入工作簿有问题（已全部列出，未生成报告）
  2  命令用法有误
  3  程序内部错误（详情已保存到文件，请联系技术支持）
  4  无法写入输出文件（如文件正在 Word 中打开）

示例：
  gen-report 2018                      生成 2018 年度报告（读取 inputs/2018，写入 out/2018）
  gen-report 2018 --check              只检查 inputs/2018 中的工作簿
  gen-report 2018 --init --unit 株洲市财政局 --level 市政府工作部门
                                       为该单位生成空白填报表
  gen-report 2018 --inputs D:\\报表\\2018 --out D:\\报告"""


app = typer.Typer(add_completion=False, context_settings={"help_option_names": []})


def _show_help(ctx: typer.Context, value: bool) -> None:
    if value:
        from generator.cli_help import render_help

        typer.echo(render_help(ctx.command, DESCRIPTION, EPILOG))
        raise typer.Exit(EXIT_OK)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"gen-report {__version__}")
        raise typer.Exit(EXIT_OK)


@app.command()
def run(
    year: Annotated[
        str, typer.Argument(metavar="年度", help="报告年度，四位数字，如 2018", show_default=False)
    ],
    check: Annotated[
        bool, typer.Option("--check", help="只检查输入工作簿并列出问题，不生成报告")
    ] = False,
    init: Annotated[
        bool,
        typer.Option("--init", help="在输入文件夹中生成空白填报表（已有同名文件时跳过，不会覆盖）"),
    ] = False,
    unit: Annotated[
        list[str] | None,
        typer.Option(
            "--unit", metavar="单位名称", help="与 --init 一起使用：为该单位生成填报表，可重复"
        ),
    ] = None,
    level: Annotated[
        list[str] | None,
        typer.Option(
            "--level",
            metavar="单位层级",
            help="与 --unit 一起使用：单位层级，如 市政府工作部门；可重复，与 --unit 一一对应",
        ),
    ] = None,
    units: Annotated[
        Path | None,
        typer.Option(
            "--units",
            metavar="清单文件",
            help="与 --init 一起使用：单位清单文本文件，每行“单位名称, 单位层级”",
        ),
    ] = None,
    deadline: Annotated[
        str | None,
        typer.Option(
            "--deadline",
            metavar="文字",
            help="与 --init 一起使用：写进填表说明的报送要求，如“请于2019年1月15日前报送市政务公开办”",
        ),
    ] = None,
    contact: Annotated[
        str | None,
        typer.Option(
            "--contact",
            metavar="文字",
            help="与 --init 一起使用：写进填表说明的联系人和电话，如“张三 0731-12345678”",
        ),
    ] = None,
    inputs: Annotated[
        Path | None,
        typer.Option("--inputs", metavar="文件夹", help="输入工作簿所在文件夹（默认 inputs/年度）"),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", metavar="文件夹", help="报告输出文件夹（默认 out/年度）")
    ] = None,
    each: Annotated[
        bool,
        typer.Option(
            "--each", help="同时为每个单位生成本单位的年度报告（放在输出文件夹的“单位”子文件夹中）"
        ),
    ] = False,
    pdf: Annotated[
        bool,
        typer.Option(
            "--pdf", help="同时生成 PDF（需要安装 LibreOffice；也可用 Word/WPS 另存为 PDF）"
        ),
    ] = False,
    strict: Annotated[bool, typer.Option("--strict", help="严格模式：有警告也不生成报告")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", help="安静模式：只显示错误和警告")] = False,
    _help: Annotated[
        bool,
        typer.Option(
            "--help",
            "-h",
            help="显示本帮助并退出",
            is_eager=True,
            callback=_show_help,
            expose_value=False,
        ),
    ] = False,
    _version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="显示版本号并退出",
            is_eager=True,
            callback=_show_version,
            expose_value=False,
        ),
    ] = False,
) -> int:
    """Parse the options, call the library, map the outcome to an exit status."""
    report_year = _parse_year(year)
    console = Console(quiet=quiet)
    inputs_dir = inputs or Path("inputs") / str(report_year)
    if init:
        from generator.cli_commands import run_init

        notice = {k: v for k, v in (("deadline", deadline), ("contact", contact)) if v}
        return run_init(
            console, report_year, inputs_dir, _unit_list(unit or [], level or [], units), notice
        )
    if unit or level or units or deadline or contact:
        raise UsageProblem(
            "--unit、--level、--units、--deadline 和 --contact 只能与 --init 一起使用"
        )
    from generator.cli_commands import run_build

    return run_build(
        console,
        report_year,
        inputs_dir,
        out or Path("out") / str(report_year),
        check=check,
        strict=strict,
        pdf=pdf,
        each=each,
    )


def _parse_year(text: str) -> int:
    value = text.strip()
    if not (value.isascii() and value.isdigit() and len(value) == 4):
        raise UsageProblem(f"年度应为四位数字，如 2018；收到的是“{text}”")
    return int(value)


def _unit_list(
    names: list[str], levels: list[str], list_file: Path | None
) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    if list_file is not None:
        from generator.forms.init import UnitListError, read_unit_list

        try:
            pairs.extend(read_unit_list(list_file))
        except UnitListError as error:
            raise UsageProblem(str(error)) from None
    if len(levels) == 1 and len(names) > 1:
        levels = levels * len(names)
    if len(names) != len(levels):
        raise UsageProblem("每个 --unit 都要有对应的 --level（单位层级），两者个数应相同")
    pairs.extend(zip(names, levels, strict=True))
    return pairs


def _usage_message(error: Exception) -> str:
    from typer._click import exceptions as click_errors

    if isinstance(error, click_errors.NoSuchOption):
        return f"没有这个选项：{error.option_name}"
    if isinstance(error, click_errors.MissingParameter):
        return "缺少报告年度，如：gen-report 2018"
    if isinstance(error, click_errors.BadOptionUsage):
        return f"选项 {error.option_name} 缺少取值"
    if isinstance(error, click_errors.BadParameter):
        name = error.param.opts[0] if error.param is not None and error.param.opts else ""
        return f"参数 {name} 的取值无效"
    return "命令用法有误"


def main(argv: list[str] | None = None) -> int:
    """Entry point of the gen-report command; returns the exit status."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    command = typer.main.get_command(app)
    try:
        status = command.main(args=argv, prog_name="gen-report", standalone_mode=False)
    except UsageProblem as error:
        return _usage_error(str(error))
    except typer.Exit as done:
        return done.exit_code
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except Exception as error:
        from typer._click.exceptions import ClickException

        if isinstance(error, ClickException):
            return _usage_error(_usage_message(error))
        return _internal_error(error)
    return status if isinstance(status, int) else EXIT_OK


def _usage_error(message: str) -> int:
    print(f"用法错误：{message}\n运行 gen-report --help 查看用法。", file=sys.stderr)
    return EXIT_USAGE


def _internal_error(error: BaseException) -> int:
    if os.environ.get("GEN_REPORT_DEBUG"):
        raise error
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
    print(
        f"程序内部错误，输入文件没有被改动。{where}，请把该文件发给技术支持。",
        file=sys.stderr,
    )
    return EXIT_INTERNAL
