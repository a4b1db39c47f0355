"""The command's arguments and options, and its --help text in Chinese, from one declaration."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import NamedTuple

from generator.base.textwidth import display_width

USAGE = """用法：gen-report 年度 [选项]
      gen-report [年度] --audit 报告或文件夹… [--previous 上年报告或文件夹…] [--out 文件夹]
      gen-report --serve [--port 端口] [--host 地址]"""
EPILOG = """退出状态：
  0  完成
  1  输入工作簿有问题（已全部列出，未生成报告）
  2  命令用法有误
  3  程序内部错误（详情已保存到文件，请联系技术支持）
  4  无法写入输出文件（如文件正在 Word 中打开）

示例：
  gen-report 2018                      生成 2018 年度报告（读取 inputs/2018，写入 out/2018）
  gen-report 2018 --check              只检查 inputs/2018 中的工作簿（有问题时写出问题清单）
  gen-report 2018 --check --units 单位清单.txt
                                       同时列出还没有提交工作簿的单位
  gen-report 2018 --init --unit 株洲市财政局 --level 市政府工作部门
                                       为该单位生成空白填报表
  gen-report 2018 --inputs D:\\报表\\2018 --out D:\\报告
  gen-report --audit 报告.docx         核查一份报告（年度和格式从报告中读出）
  gen-report --audit 各部门年报 --previous 各部门上年年报
                                       核查文件夹中的所有报告，每份与同一机关的上年报告比较
  gen-report --serve                   在浏览器中使用（打开 http://127.0.0.1:8765/）"""
HELP_FLAGS = ("--help", "-h")
COLUMN = 30


class UsageProblem(Exception):
    """The command line is wrong; the message says how, in Chinese."""


class Option(NamedTuple):
    """One argument or option: its names, its help, and the value it takes (none for a flag)."""

    names: tuple[str, ...]
    help: str
    metavar: str | None = None
    """The value's name in --help; None for a flag."""
    repeat: bool = False
    """Given more than once, each time with a value."""
    many: bool = False
    """Followed by one value or several."""
    positional: bool = False

    @property
    def title(self) -> str:
        """How --help lists it: the names, then the value's name."""
        if self.positional:
            return self.metavar or self.names[0]
        return ", ".join(self.names) + (f" {self.metavar}" if self.metavar else "")


ARGUMENTS: tuple[Option, ...] = (
    Option(("year",), "报告年度，四位数字，如 2018", "年度", positional=True),
    Option(("--check",), "只检查输入工作簿并列出问题，不生成报告"),
    Option(("--init",), "在输入文件夹中生成空白填报表（已有同名文件时跳过，不会覆盖）"),
    Option(("--unit",), "与 --init 一起使用：为该单位生成填报表，可重复", "单位名称", repeat=True),
    Option(
        ("--level",),
        "与 --unit 一起使用：单位层级，如 市政府工作部门；可重复，与 --unit 一一对应",
        "单位层级",
        repeat=True,
    ),
    Option(
        ("--units",),
        "单位清单文本文件，每行“单位名称, 单位层级”：与 --init 一起使用时为清单中的单位生成填报表；"
        "生成报告或 --check 时列出还没有提交工作簿的单位和不在清单中的工作簿",
        "清单文件",
    ),
    Option(
        ("--deadline",),
        "与 --init 一起使用：写进填表说明的报送要求，如“请于2019年1月15日前报送市政务公开办”",
        "文字",
    ),
    Option(
        ("--contact",),
        "与 --init 一起使用：写进填表说明的联系人和电话，如“张三 0731-12345678”",
        "文字",
    ),
    Option(("--inputs",), "输入工作簿所在文件夹（默认 inputs/年度）", "文件夹"),
    Option(("--out",), "报告输出文件夹（默认 out/年度）", "文件夹"),
    Option(("--each",), "同时为每个单位生成本单位的年度报告（放在输出文件夹的“单位”子文件夹中）"),
    Option(("--pdf",), "同时生成 PDF（需要安装 LibreOffice；也可用 Word/WPS 另存为 PDF）"),
    Option(
        ("--charts",),
        "同时生成图解（…图解.html），并在 Word 文件末尾附图表（默认 Word 文件只有报告正文）",
    ),
    Option(("--strict",), "严格模式：有警告也不生成报告（与 --audit 一起使用：有警告也算未通过）"),
    Option(
        ("--audit",),
        "核查已写好的年度报告（Word、网页、PDF、文本）或一个文件夹中的所有报告，结果写入 out/核查",
        "报告或文件夹",
        many=True,
    ),
    Option(
        ("--previous",),
        "与 --audit 一起使用：上年的报告（一份或几份，或一个文件夹）；每份报告只与标题中"
        "同一机关上一年的报告比较，核对上年结转、同比和与上年的重复率",
        "上年报告或文件夹",
        many=True,
    ),
    Option(
        ("--serve",),
        "启动网页版：在浏览器中上传填报表、生成和下载报告、核查报告（按 Ctrl+C 停止）",
    ),
    Option(("--port",), "与 --serve 一起使用：端口号（默认 8765）", "端口"),
    Option(
        ("--host",),
        "与 --serve 一起使用：监听的地址（默认 127.0.0.1，只有本机可以访问）；"
        "如 0.0.0.0 让局域网内的其他电脑访问，此时必须输入访问密码"
        "（取自环境变量 GEN_REPORT_PASSWORD，未设置时启动时生成并显示一次）",
        "地址",
    ),
    Option(("--no-browser",), "与 --serve 一起使用：启动后不自动打开浏览器"),
    Option(("--quiet",), "安静模式：只显示错误和警告"),
    Option(HELP_FLAGS, "显示本帮助并退出"),
    Option(("--version",), "显示版本号并退出"),
)


class _Parser(argparse.ArgumentParser):
    """argparse, with every complaint turned into a Chinese usage problem."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageProblem("命令用法有误")


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """The command line parsed; UsageProblem says in Chinese what is wrong with it."""
    parser = _Parser(prog="gen-report", add_help=False, allow_abbrev=False, exit_on_error=False)
    for option in ARGUMENTS:
        if option.positional:
            parser.add_argument(option.names[0], nargs="?")
        elif option.metavar is None:
            parser.add_argument(*option.names, action="store_true")
        elif option.many:
            parser.add_argument(*option.names, nargs="+")
        else:
            parser.add_argument(*option.names, action="append" if option.repeat else "store")
    try:
        args, extra = parser.parse_known_args(list(argv))
    except argparse.ArgumentError as error:
        name = error.argument_name or ""
        if "expected" in (error.message or ""):
            raise UsageProblem(f"选项 {name} 缺少取值") from None
        raise UsageProblem(f"参数 {name} 的取值无效") from None
    for item in extra:
        if item.startswith("-"):
            raise UsageProblem(f"没有这个选项：{item}")
        raise UsageProblem(f"多余的参数：{item}")
    return args


def render_help(description: str) -> str:
    """Usage, description, every argument and option with its help, then the epilog."""
    lines = [USAGE, "", description, "", "参数："]
    lines += [_row(o.title, o.help) for o in ARGUMENTS if o.positional]
    lines += ["", "选项："]
    lines += [_row(o.title, o.help) for o in ARGUMENTS if not o.positional]
    return "\n".join([*lines, "", EPILOG])


def _row(name: str, text: str) -> str:
    pad = COLUMN - display_width(name)
    if pad < 2:
        return f"  {name}\n  {' ' * COLUMN}{text}"
    return f"  {name}{' ' * pad}{text}"
