"""Benchmark of the web page: python bench/web.py  (run by hand, not in CI).

Measures, as staff meet them:
  - `gen-report --serve` from the command to the first page answered (median of 3 starts);
  - 生成报告 with the shipped inputs/2018 through a running server, from sending the form to the
    results page (median of 5), beside `gen-report 2018` as a command for comparison;
  - the server's peak memory (VmHWM, Linux) after those requests and after one 200 MB upload.
"""

from __future__ import annotations

import http.client
import re
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.web.server import Server, free_port  # noqa: E402

SHIPPED = ROOT / "inputs" / "2018"
RUNS = 5


def _post(port: int, path: str, fields: dict[str, str], files: list[Path], cookie: str) -> tuple:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in fields.items()
    ]
    for file in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="workbooks"; '
            f'filename="{file.name}"\r\n\r\n'.encode()
            + file.read_bytes()
            + b"\r\n"
        )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}", "Cookie": cookie}
    connection.request("POST", path, body, headers)
    answer = connection.getresponse()
    answer.read()
    return answer.status, answer.getheader("Location")


def _get(port: int, path: str, cookie: str = "") -> tuple[str, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    answer = connection.getresponse()
    return answer.read().decode("utf-8"), answer.getheader("Set-Cookie") or ""


def _peak_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024


def main() -> None:
    starts = []
    for _ in range(3):
        port = free_port()
        began = time.perf_counter()
        server = Server("--port", str(port))
        server.wait_until_answering(f"http://127.0.0.1:{port}/", seconds=30)
        starts.append(time.perf_counter() - began)
        server.stop()
    print(f"start to first page: median {statistics.median(starts) * 1000:.0f} ms")

    port = free_port()
    server = Server("--port", str(port))
    server.wait_until_answering(f"http://127.0.0.1:{port}/", seconds=30)
    page, cookie = _get(port, "/")
    cookie = cookie.split(";")[0]
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    files = sorted(SHIPPED.iterdir())
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        status, location = _post(port, "/report", {"csrf": token, "year": "2018"}, files, cookie)
        assert status == 303, status
        _get(port, location, cookie)
        times.append(time.perf_counter() - began)
    print(
        f"生成报告 (16 workbooks) through the page: median {statistics.median(times) * 1000:.0f} ms"
    )
    print(f"server peak memory after {RUNS} builds: {_peak_mb(server.process.pid):.0f} MB")
    cli = []
    for _ in range(RUNS):
        began = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "generator", "2018", "--quiet", "--out", "/tmp/bench-web-cli"],
            cwd=ROOT,
            check=True,
        )
        cli.append(time.perf_counter() - began)
    print(f"gen-report 2018 as a command: median {statistics.median(cli) * 1000:.0f} ms")
    big = Path("/tmp/bench-web-200mb.xlsx")
    with big.open("wb") as handle:
        handle.truncate(200 * 2**20)
    status, _ = _post(port, "/report", {"csrf": token, "year": "2018"}, [big], cookie)
    big.unlink()
    print(f"200 MB upload: status {status}; peak memory {_peak_mb(server.process.pid):.0f} MB")
    server.stop()


if __name__ == "__main__":
    main()
