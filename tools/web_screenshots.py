"""The screenshots of the web page in docs/使用说明.md, taken as a user sees the pages.

    python tools/web_screenshots.py        # writes docs/images/网页-*.png

Starts `gen-report --serve` on a free port, drives Debian's Chromium (selenium) through each page
with the shipped 2018 workbooks (one with a broken sum, to show the problems) and the 2018
reference report, and photographs each page whole.
"""

from __future__ import annotations

import base64
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from openpyxl import load_workbook
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
SHIPPED = ROOT / "inputs" / "2018"
REPORT = ROOT / "tests" / "fixtures" / "reports" / "2018-zhuzhou-city" / "report.txt"


def main() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "--serve", "--no-browser", "--port", str(port)],
        cwd=ROOT,
    )
    work = Path(tempfile.mkdtemp())
    try:
        _wait(address)
        browser = _browser(work)
        try:
            _photograph(browser, address, work)
        finally:
            browser.quit()
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


def _wait(address: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(address + "/", timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


def _browser(work: Path) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
    for flag in ("--headless", "--no-sandbox", "--lang=zh-CN", f"--user-data-dir={work / 'p'}"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


def _shot(browser: webdriver.Chrome, name: str, width: int = 1100) -> None:
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 600},
    )
    shot = browser.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}
    )
    (IMAGES / f"网页-{name}.png").write_bytes(base64.b64decode(shot["data"]))
    print(f"docs/images/网页-{name}.png")


def _upload(browser: webdriver.Chrome, address: str, files: list[Path]) -> None:
    browser.get(address + "/")
    year = browser.find_element(By.ID, "year")
    year.clear()
    year.send_keys("2018")
    browser.find_element(By.ID, "workbooks").send_keys("\n".join(str(f) for f in files))


def _submit(browser: webdriver.Chrome) -> None:
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(browser, 60).until(lambda d: "/jobs/" in d.current_url)
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.TAG_NAME, "h1"))


def _photograph(browser: webdriver.Chrome, address: str, work: Path) -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    _upload(browser, address, sorted(SHIPPED.iterdir()))
    _shot(browser, "生成报告")
    _shot(browser, "生成报告-手机", 375)
    _submit(browser)
    _shot(browser, "生成结果")
    broken = work / "2018"
    shutil.copytree(SHIPPED, broken)
    for name, sheet, cell in (
        ("株洲市财政局", "依申请公开", "B13"),
        ("攸县人民政府", "主动公开", "B5"),
    ):
        book = load_workbook(broken / f"{name}.xlsx")
        book[sheet][cell] = book[sheet][cell].value + 1
        book.save(broken / f"{name}.xlsx")
    _upload(browser, address, sorted(broken.iterdir()))
    _submit(browser)
    _shot(browser, "问题")
    browser.get(address + "/forms")
    browser.find_element(By.ID, "units").send_keys(
        "株洲市财政局, 市政府工作部门\n株洲市教育局, 市政府工作部门\n天元区人民政府, 县市区政府"
    )
    _shot(browser, "空白填报表")
    browser.get(address + "/audit")
    browser.find_element(By.ID, "reports").send_keys(str(REPORT))
    _shot(browser, "核查报告")
    _submit(browser)
    _shot(browser, "核查结果")


if __name__ == "__main__":
    main()
