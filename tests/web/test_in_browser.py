"""The web page in a real headless Chromium against a real server, as office staff use it:
without JavaScript for the whole basic flow, and with it for the enhancements."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from generator.pipeline.build import build
from generator.pipeline.options import BuildOptions
from tests.browser import Browser
from tests.web.conftest import SHIPPED_2018
from tests.web.server import Server, free_port

WORD = "株洲市人民政府2018年政府信息公开工作年度报告.docx"


@pytest.fixture(scope="module")
def address() -> Iterator[str]:
    port = free_port()
    running = Server("--port", str(port))
    url = f"http://127.0.0.1:{port}"
    running.wait_until_answering(url + "/")
    yield url
    assert running.stop() == 0


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """A Chromium with JavaScript off."""
    browser = Browser(tmp_path_factory.mktemp("no-script"), javascript=False)
    yield browser
    browser.quit()


def upload(browser: Browser, address: str, files: list[Path], year: str = "2018") -> None:
    browser.visit(address + "/")
    field = browser.driver.find_element(By.ID, "year")
    field.clear()
    field.send_keys(year)
    browser.driver.find_element(By.ID, "workbooks").send_keys("\n".join(str(f) for f in files))
    submit(browser)


def submit(browser: Browser) -> None:
    """Send the form and wait for the page that answers it (results, or a page saying why not)."""
    browser.driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(browser.driver, 60, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: d.find_element(By.TAG_NAME, "h1").text not in ("生成报告", "核查报告")
    )


def test_without_javascript_the_word_file_is_the_command_line_s(
    plain: Browser, address: str, tmp_path: Path
) -> None:
    upload(plain, address, sorted(SHIPPED_2018.iterdir()))
    assert "/jobs/" in plain.driver.current_url
    assert "已生成《株洲市人民政府2018年政府信息公开工作年度报告》" in plain.text()
    plain.driver.find_element(By.LINK_TEXT, WORD).click()
    downloaded = plain.downloaded(WORD)
    cli = build(BuildOptions.for_year(2018, SHIPPED_2018, tmp_path / "cli"))
    assert downloaded.read_bytes() == next(p for p in cli.written if p.name == WORD).read_bytes()


def test_without_javascript_blank_forms_come_as_one_zip(plain: Browser, address: str) -> None:
    plain.visit(address + "/forms")
    year = plain.driver.find_element(By.ID, "year")
    year.clear()
    year.send_keys("2025")
    plain.driver.find_element(By.ID, "units").send_keys(
        "沭阳县财政局, 政府工作部门\n沭城街道办事处, 下级人民政府"
    )
    plain.driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    bundle = zipfile.ZipFile(plain.downloaded("2025年度填报表.zip"))
    assert bundle.namelist() == ["沭阳县财政局.xlsx", "沭城街道办事处.xlsx"]


def test_a_broken_sum_shows_its_file_sheet_and_cell(
    browser: Browser, address: str, tmp_path: Path
) -> None:
    inputs = tmp_path / "2018"
    shutil.copytree(SHIPPED_2018, inputs)
    book = load_workbook(inputs / "株洲市财政局.xlsx")
    book["依申请公开"]["B13"] = book["依申请公开"]["B13"].value + 1
    book.save(inputs / "株洲市财政局.xlsx")
    browser.size(1280)
    upload(browser, address, sorted(inputs.iterdir()))
    text = browser.text()
    assert "未生成报告" in text
    assert (
        "[错误] 株洲市财政局.xlsx 依申请公开!B10：" in text
        and "为 97，应等于“已答复”（B10）的 96" in text
    )
    assert "/jobs/" in browser.driver.current_url  # the script sent it and went to the results
    browser.driver.find_element(By.LINK_TEXT, "下载该单位的问题清单").click()
    letter = browser.downloaded("株洲市财政局.txt").read_text(encoding="utf-8-sig")
    assert "依申请公开" in letter and "B10" in letter


def sparse_200_mb(folder: Path) -> Path:
    """A 200 MB file that takes no room on disk."""
    big = folder / "大文件.xlsx"
    with big.open("wb") as handle:
        handle.truncate(200 * 2**20)
    return big


def test_with_javascript_a_200_mb_choice_is_refused_before_sending(
    browser: Browser, address: str, tmp_path: Path
) -> None:
    big = sparse_200_mb(tmp_path)
    browser.visit(address + "/")
    browser.driver.find_element(By.ID, "workbooks").send_keys(str(big))
    browser.driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    message = browser.driver.find_element(By.CSS_SELECTOR, ".too-big")
    assert message.is_displayed() and "所选文件共超过 100 MB，超出上限" in message.text
    assert not [u for u in browser.requests() if u.endswith("/report")]


def test_without_javascript_a_200_mb_upload_is_refused_in_chinese(
    plain: Browser, address: str, tmp_path: Path
) -> None:
    big = sparse_200_mb(tmp_path)
    upload(plain, address, [big])
    assert "上传的文件太大：一次最多上传 100 MB" in plain.text()


def test_an_audit_in_the_browser(plain: Browser, address: str) -> None:
    from tests.web.pages.test_audit import SEED

    plain.visit(address + "/audit")
    plain.driver.find_element(By.ID, "reports").send_keys(str(SEED))
    submit(plain)
    text = plain.text()
    assert "核查结果" in text and "11.3%" in text and "83.9%" in text


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("page", ["/", "/forms", "/audit"])
def test_pages_fit_the_screen(browser: Browser, address: str, page: str, width: int) -> None:
    browser.size(width)
    browser.visit(address + page)
    assert not browser.page_scrolls_sideways()
    outside = [u for u in browser.requests() if not u.startswith(address)]
    assert outside == []


def test_the_page_s_script_has_no_syntax_an_old_browser_rejects() -> None:
    """enhance.js is ES5: no arrow functions, let/const, template strings or classes."""
    script = (Path(__file__).resolve().parents[2] / "generator/web/static/enhance.js").read_text()
    for modern in ("=>", "let ", "const ", "`", "class "):
        assert modern not in script, modern
    node = shutil.which("node")
    assert node, "run sh tools/install-test-deps.sh (it installs npm, and with it node)"
    subprocess.run([node, "--check", "-"], input=script, text=True, check=True)
