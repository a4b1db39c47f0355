"""A real headless Chromium (Debian's chromium and chromium-driver, driven by selenium).

Started once per test session (tests/conftest.py's `browser` fixture), offline: no background
networking, no component updates, a fresh profile. Pages are opened at a given viewport width,
photographed whole, printed to PDF, and every request they made is recorded.
"""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
DRIVER = ("chromedriver", "chromium-driver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
)


def _which(names: tuple[str, ...]) -> str:
    found = next((shutil.which(n) for n in names if shutil.which(n)), None)
    assert found, f"none of {names} found: run sh tools/install-test-deps.sh"
    return found


class Browser:
    """One Chromium for the session."""

    def __init__(self, profile: Path, javascript: bool = True) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = _which(CHROMIUM)
        for flag in (*FLAGS, f"--user-data-dir={profile}", "--lang=zh-CN"):
            options.add_argument(flag)
        prefs: dict[str, object] = {"intl.accept_languages": "zh-CN,zh"}
        if not javascript:  # as an old browser, or one whose scripts are blocked, would be
            prefs["profile.managed_default_content_settings.javascript"] = 2
        options.add_experimental_option("prefs", prefs)
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        self.driver = webdriver.Chrome(service=Service(_which(DRIVER)), options=options)
        self.downloads = profile / "下载"
        self.downloads.mkdir(exist_ok=True)
        self.driver.execute_cdp_cmd(
            "Browser.setDownloadBehavior",
            {"behavior": "allow", "downloadPath": str(self.downloads)},
        )

    def open(self, page: Path, width: int, height: int = 800) -> None:
        """Load the page in a viewport of this size (a phone's at 375), forgetting earlier requests."""
        self.size(width, height)
        self.visit(page.resolve().as_uri())

    def visit(self, url: str) -> None:
        """Go to an address (forgetting earlier requests), at the current viewport size."""
        self.driver.get_log("performance")
        self.driver.get(url)

    def size(self, width: int, height: int = 800) -> None:
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
        )

    def downloaded(self, name: str, seconds: float = 30) -> Path:
        """The file of this name once the browser has finished downloading it."""
        import time

        target = self.downloads / name
        deadline = time.monotonic() + seconds
        while not target.exists() or any(self.downloads.glob("*.crdownload")):
            assert time.monotonic() < deadline, (
                f"{name} not downloaded: {list(self.downloads.iterdir())}"
            )
            time.sleep(0.1)
        return target

    def text(self) -> str:
        """The page's text as it is shown."""
        return self.driver.find_element("tag name", "body").text

    def run(self, script: str) -> object:
        return self.driver.execute_script(script)

    def page_scrolls_sideways(self) -> bool:
        return bool(self.run("return document.documentElement.scrollWidth > window.innerWidth"))

    def requests(self) -> list[str]:
        """The URL of every request made since the page was opened."""
        urls = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                urls.append(message["params"]["request"]["url"])
        return urls

    def screenshot(self, target: Path) -> Path:
        """The whole page (not only the viewport) as PNG."""
        shot = self.driver.execute_cdp_cmd(
            "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}
        )
        target.write_bytes(base64.b64decode(shot["data"]))
        return target

    def pdf(self, target: Path, header_footer: bool = False) -> Path:
        """The page printed as the browser prints it (its @page size, backgrounds); with
        `header_footer`, as its print dialog does by default: the date and the title above each
        page, the address and “1/4” below."""
        printed = self.driver.execute_cdp_cmd(
            "Page.printToPDF",
            {
                "preferCSSPageSize": True,
                "printBackground": True,
                "displayHeaderFooter": header_footer,
            },
        )
        target.write_bytes(base64.b64decode(printed["data"]))
        return target

    def quit(self) -> None:
        self.driver.quit()
