"""The command line as a user runs it: exit statuses, messages, consoles that speak GBK."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.cli.main import main
from tests.conftest import ROOT

SHIPPED = ROOT / "inputs" / "2018"


def run(
    *args: str, cwd: Path | None = None, encoding: str = "utf-8", **extra_env: str
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, **extra_env}
    env.pop("GEN_REPORT_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd or ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding=encoding,
        errors="strict",
        check=False,
    )


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "输入" / "2018"
    shutil.copytree(SHIPPED, folder)
    return folder


def test_build_writes_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "报告"
    assert main(["2018", "--inputs", str(SHIPPED), "--out", str(out)]) == 0
    assert (out / "株洲市人民政府2018年政府信息公开工作年度报告.txt").exists()
    assert "已生成" in capsys.readouterr().out


def test_check_passes_on_shipped_inputs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["2018", "--check", "--inputs", str(SHIPPED)]) == 0
    assert "检查通过" in capsys.readouterr().out


def test_one_more_agreed_application_fails_the_check(shipped_copy: Path) -> None:
    path = shipped_copy / "株洲市财政局.xlsx"
    book = load_workbook(path)
    book["依申请公开"]["B13"] = book["依申请公开"]["B13"].value + 1
    book.save(path)
    result = run(
        "2018", "--check", "--inputs", str(shipped_copy), "--out", str(shipped_copy.parent)
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "株洲市财政局.xlsx 依申请公开!B10" in result.stdout
    assert "（B12:B16）为 97" in result.stdout and "“已答复”（B10）的 96" in result.stdout


def test_gbk_console_and_chinese_paths(shipped_copy: Path, tmp_path: Path) -> None:
    (shipped_copy / "多余文件.txt").write_text("不是工作簿", encoding="utf-8")
    result = run(
        "2018", "--inputs", str(shipped_copy), "--out", str(tmp_path / "输出"), encoding="gbk"
    )
    assert result.returncode == 1
    assert "多余文件.txt" in result.stdout and "不是 Excel 工作簿" in result.stdout
    ok = run("2018", "--check", "--inputs", str(SHIPPED), encoding="gbk")
    assert ok.returncode == 0 and "检查通过" in ok.stdout


def test_output_redirected_to_a_file(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    with log.open("wb") as handle:
        status = subprocess.run(
            [sys.executable, "-m", "generator", "2018", "--check", "--inputs", str(SHIPPED)],
            cwd=ROOT,
            stdout=handle,
            stderr=subprocess.STDOUT,
            check=False,
        ).returncode
    assert status == 0
    assert "检查通过" in log.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ([], "缺少报告年度"),
        (["20x8"], "年度应为四位数字"),
        (["2018", "--nope"], "没有这个选项：--nope"),
        (["2007"], "2007 年度没有可用的报告格式"),
        (["2018", "--unit", "甲局"], "只能与 --init 一起使用"),
        (["2018", "--deadline", "明天"], "只能与 --init 一起使用"),
        (["2018", "--init", "--unit", "甲局"], "每个 --unit 都要有对应的 --level"),
        (["2018", "--inputs"], "缺少取值"),
        (["2018", "--port", "8765"], "只能与 --serve 一起使用"),
        (["--serve", "--port", "http"], "端口应为 1 到 65535 之间的数字"),
        (["--serve", "--port", "70000"], "端口应为 1 到 65535 之间的数字"),
        (["2018", "--serve"], "年度 不能与 --serve 一起使用"),
        (["--serve", "--pdf"], "--pdf 不能与 --serve 一起使用"),
    ],
)
def test_usage_errors_exit_2_in_chinese(args: list[str], fragment: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr and "Usage" not in result.stderr


def test_help_is_complete_and_chinese() -> None:
    result = run("--help")
    assert result.returncode == 0
    for option in (
        "--check",
        "--init",
        "--unit",
        "--level",
        "--units",
        "--inputs",
        "--out",
        "--strict",
        "--quiet",
        "--charts",
    ):
        assert option in result.stdout
    assert "用法：gen-report 年度 [选项]" in result.stdout
    assert "Show this message" not in result.stdout and "Options" not in result.stdout


def test_charts_add_the_graphic_and_every_output_is_listed_in_order(tmp_path: Path) -> None:
    result = run(
        "2025", "--charts", "--inputs", str(ROOT / "inputs" / "2025"), "--out", str(tmp_path)
    )
    assert result.returncode == 0, result.stderr
    listed = [line.strip() for line in result.stdout.splitlines() if line.startswith("  ")]
    suffixes = [".txt", ".docx", ".html", "（网站编辑器用）.html", "图解.html", "汇总表.xlsx"]
    assert [
        Path(p).name.removeprefix("沭阳县人民政府2025年政府信息公开工作年度报告") for p in listed
    ] == suffixes


def test_missing_inputs_folder(tmp_path: Path) -> None:
    result = run("2018", "--inputs", str(tmp_path / "无此文件夹"), "--out", str(tmp_path / "out"))
    assert result.returncode == 1 and "找不到输入文件夹" in result.stdout
    assert not (tmp_path / "out").exists()  # nothing to send back to a unit


def test_internal_error_is_a_short_message(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys
) -> None:
    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.delenv("GEN_REPORT_DEBUG", raising=False)
    monkeypatch.setattr("generator.pipeline.build.build", broken)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    assert main(["2018", "--inputs", str(SHIPPED), "--out", str(tmp_path / "o")]) == 3
    err = capsys.readouterr().err
    assert "程序内部错误" in err and "boom" not in err
    logs = list(tmp_path.glob("gen-report-错误-*.txt"))
    assert logs and "RuntimeError: boom" in logs[0].read_text(encoding="utf-8")


def test_quiet_prints_nothing_on_success(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["2018", "--quiet", "--inputs", str(SHIPPED), "--out", str(tmp_path)]) == 0
    assert capsys.readouterr().out == ""


def test_pdf_on_request(tmp_path: Path) -> None:
    result = run("2018", "--pdf", "--inputs", str(SHIPPED), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "株洲市人民政府2018年政府信息公开工作年度报告.pdf").exists()


def test_each_with_pdf_names_the_units_pdfs(tmp_path: Path) -> None:
    inputs = ROOT / "inputs" / "2025"
    result = run("2025", "--each", "--pdf", "--inputs", str(inputs), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    units = len(list(inputs.glob("*.xlsx")))
    assert len(list((tmp_path / "单位").glob("*.pdf"))) == units
    line = f"（{units} 个单位的报告，文本、Word、网页、网站编辑器用网页和 PDF 各一份）"
    assert f"{tmp_path / '单位'}{os.sep}{line}" in result.stdout


def test_pdf_without_libreoffice_says_so_and_leaves_no_stale_pdf(tmp_path: Path) -> None:
    stale = tmp_path / "株洲市人民政府2018年政府信息公开工作年度报告.pdf"
    stale.write_bytes(b"%PDF-old")
    env = {**os.environ, "GEN_REPORT_SOFFICE": str(tmp_path / "no-soffice")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "2018",
            "--pdf",
            "--inputs",
            str(SHIPPED),
            "--out",
            str(tmp_path),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 4
    assert "未找到 LibreOffice" in result.stderr
    assert (tmp_path / "株洲市人民政府2018年政府信息公开工作年度报告.docx").exists()
    assert not stale.exists()


def test_init_keeps_unit_names_out_of_paths(tmp_path: Path) -> None:
    folder = tmp_path / "forms"
    result = run(
        "2018",
        "--init",
        "--inputs",
        str(folder),
        "--unit",
        "../../etc/passwd",
        "--level",
        "市政府工作部门",
    )
    assert result.returncode == 0, result.stderr
    assert [p.name for p in tmp_path.rglob("*.xlsx")] == ["___etc_passwd.xlsx"]
    book = load_workbook(folder / "___etc_passwd.xlsx")
    assert book["基本信息"]["B3"].value == "../../etc/passwd"


def test_every_declared_option_is_in_the_help_and_accepted() -> None:
    """--help and the parser come from one declaration: nothing listed that is not accepted."""
    from generator.cli.arguments import ARGUMENTS, parse, render_help

    text = render_help("说明")
    for option in ARGUMENTS:
        assert option.title in text
        if option.positional or option.names[0] in ("--help", "--version"):
            continue
        value = [] if option.metavar is None else ["值"]
        parse(["2018", option.names[0], *value])


def templates_copy(tmp_path: Path, file: str, old: str, new: str) -> Path:
    """A copy of templates/ with one file of the 2021 format changed."""
    root = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", root)
    path = root / "2021" / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


def line_of(root: Path, file: str, marker: str) -> int:
    """The number of the first line of the 2021 format's `file` that holds `marker`."""
    lines = (root / "2021" / file).read_text(encoding="utf-8").splitlines()
    return next(number for number, text in enumerate(lines, start=1) if marker in text)


def test_a_typo_in_a_format_names_the_file_and_the_key(tmp_path: Path) -> None:
    root = templates_copy(tmp_path, "format.toml", 'severity = "warning"', 'severty = "warning"')
    result = run("2025", "--check", GEN_REPORT_TEMPLATES=str(root))
    assert result.returncode == 3
    assert "报告格式定义有误" in result.stderr
    assert 'templates/2021/format.toml: rules[1]: 未知的键 "severty"' in result.stderr
    assert "Traceback" not in result.stderr


def test_a_broken_template_names_the_template_and_its_line(tmp_path: Path) -> None:
    old = "{{ total.apply.new.total }}"
    root = templates_copy(tmp_path, "report.j2", old, "{{ total.apply.nwe.total }}")
    line = line_of(root, "report.j2", "apply.nwe")
    result = run("2025", "--out", str(tmp_path / "out"), GEN_REPORT_TEMPLATES=str(root))
    assert result.returncode == 3
    assert "报告模板有误" in result.stderr
    assert f"templates/2021/report.j2:{line}:" in result.stderr and "nwe" in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_check_finds_a_template_that_does_not_compile(tmp_path: Path) -> None:
    old = "{{ total.apply.new.total }}"
    root = templates_copy(tmp_path, "report.j2", old, "{{ total.apply.new.total + }}")
    line = line_of(root, "report.j2", "total +")
    result = run("2025", "--check", GEN_REPORT_TEMPLATES=str(root))
    assert result.returncode == 3
    assert "报告模板有误" in result.stderr and f"templates/2021/report.j2:{line}:" in result.stderr
    assert "Traceback" not in result.stderr


def test_audit_exit_status_messages_and_outputs(tmp_path: Path) -> None:
    fixture = ROOT / "tests" / "fixtures" / "reports"
    clean = run(
        "--audit", str(fixture / "2025-hangzhou-style-sample" / "report.html"), cwd=tmp_path
    )
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "未发现问题。" in clean.stdout
    assert (tmp_path / "out" / "核查" / "report核查报告.xlsx").exists()
    flagged = run(
        "2019",
        "--audit",
        str(fixture / "2019-shanghai-office" / "report.html"),
        "--out",
        str(tmp_path / "o"),
    )
    assert flagged.returncode == 1 and "Traceback" not in flagged.stdout + flagged.stderr
    assert "[错误] report.html 第一部分第10段：“予以公开及部分公开258件" in flagged.stdout
    assert "共发现 28 个错误、1 个警告。" in flagged.stdout


def test_audit_says_which_last_years_reports_could_not_be_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = ROOT / "tests" / "fixtures" / "reports" / "2025-hangzhou-style-sample" / "report.html"
    broken = [tmp_path / "上年.docx", tmp_path / "上年.pdf"]
    for path in broken:
        path.write_bytes(b"PK\x03\x04" + bytes(100))
    out = tmp_path / "核查"
    args = ["--audit", str(report), "--previous", *map(str, broken), "--out", str(out)]
    assert main(args) == 1
    printed = capsys.readouterr().out
    written = (out / "report核查报告.txt").read_text(encoding="utf-8-sig")
    for text in (printed, written):
        assert "[错误] 上年.docx：这份上年报告（--previous）未能使用：文件已损坏" in text
        assert "[错误] 上年.pdf：这份上年报告（--previous）未能使用：" in text
        assert "未发现问题" not in text


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--audit", "a.docx", "--init"], "--init 不能与 --audit 一起使用"),
        (["2025", "--previous", "a.docx"], "--previous 只能与 --audit 一起使用"),
        (["--audit"], "选项 --audit 缺少取值"),
    ],
)
def test_audit_usage_errors(args: list[str], fragment: str) -> None:
    result = run(*args)
    assert result.returncode == 2 and fragment in result.stderr
