"""gen-report --serve as staff start it: a real server process on this machine only, a password
off it, a bounded memory whatever is sent, and Ctrl+C that stops it and removes its files."""

from __future__ import annotations

import base64
import http.client
import re
import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.server import Server, free_port

DEFAULT_PORT = 8765


@pytest.fixture
def server() -> Iterator[Server]:
    running = Server("--port", str(DEFAULT_PORT))
    yield running
    if running.process.poll() is None:
        running.process.kill()
        running.process.wait()


def listening(port: int) -> list[str]:
    """The local addresses with a socket listening on this port (Linux: /proc/net/tcp*)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if int(hex_port, 16) == port and state == "0A":
                found.append(address)
    return found


def other_addresses() -> set[str]:
    """This machine's addresses that are not 127.0.0.1."""
    names = {"127.0.0.2"}
    for family, *_, place in socket.getaddrinfo(socket.gethostname(), None):
        if family == socket.AF_INET and place[0] != "127.0.0.1":
            names.add(place[0])
    return names


def test_it_answers_on_127_0_0_1_8765_only_and_stops_cleanly(server: Server) -> None:
    server.wait_until_answering(f"http://127.0.0.1:{DEFAULT_PORT}/")
    assert listening(DEFAULT_PORT) == ["0100007F"]  # 127.0.0.1, nothing on IPv6 or any other
    for address in other_addresses():
        with socket.socket() as probe, pytest.raises(OSError):
            probe.settimeout(1)
            probe.connect((address, DEFAULT_PORT))
    (work,) = server.work_folders()
    assert work.is_dir()
    assert server.stop() == 0
    printed = server.output()
    assert f"http://127.0.0.1:{DEFAULT_PORT}/" in printed and "已停止" in printed
    assert "Traceback" not in printed
    assert not work.exists()


def test_another_address_needs_the_password_printed_once() -> None:
    port = free_port()
    running = Server("--host", "0.0.0.0", "--port", str(port))
    try:
        running.wait_until_answering(f"http://127.0.0.1:{port}/")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)
        assert refused.value.code == 401
    finally:
        assert running.stop() == 0
    printed = running.output()
    password = re.search(r"访问密码（只显示这一次，请记下）：(\w+)", printed).group(1)
    running = Server("--host", "0.0.0.0", "--port", str(port))
    try:
        running.wait_until_answering(f"http://127.0.0.1:{port}/")
        basic = base64.b64encode(f"x:{password}".encode()).decode()
        with pytest.raises(urllib.error.HTTPError):  # a new start, a new password
            urllib.request.urlopen(
                urllib.request.Request(
                    f"http://127.0.0.1:{port}/", headers={"Authorization": f"Basic {basic}"}
                ),
                timeout=5,
            )
    finally:
        running.stop()
    assert password not in running.output()


def test_the_password_can_come_from_the_environment() -> None:
    port = free_port()
    running = Server("--host", "0.0.0.0", "--port", str(port), GEN_REPORT_PASSWORD="办公室2025")
    try:
        running.wait_until_answering(f"http://127.0.0.1:{port}/")
        basic = base64.b64encode("任意:办公室2025".encode()).decode()
        answer = urllib.request.urlopen(
            urllib.request.Request(
                f"http://127.0.0.1:{port}/", headers={"Authorization": f"Basic {basic}"}
            ),
            timeout=5,
        )
        assert answer.status == 200
    finally:
        running.stop()
    printed = running.output()
    assert "GEN_REPORT_PASSWORD" in printed and "办公室2025" not in printed


def test_a_port_in_use_is_a_usage_problem_in_chinese() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        running = Server("--port", str(port))
        assert running.process.wait(20) == 2
    printed = running.output()
    assert "端口可能已被占用" in printed and "Traceback" not in printed
    assert running.work_folders() == set()


def _peak_memory_kb(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1))


def test_a_200_mb_upload_is_refused_in_chinese_with_memory_bounded(server: Server) -> None:
    server.wait_until_answering(f"http://127.0.0.1:{DEFAULT_PORT}/")
    before = _peak_memory_kb(server.process.pid)
    size = 200 * 2**20
    boundary = "----gen-report-test"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="workbooks"; '
        f'filename="大.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n'
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    connection = http.client.HTTPConnection("127.0.0.1", DEFAULT_PORT, timeout=60)
    connection.putrequest("POST", "/report")
    connection.putheader("Content-Type", f"multipart/form-data; boundary={boundary}")
    connection.putheader("Content-Length", str(len(head) + size + len(tail)))
    connection.endheaders()
    connection.send(head)
    chunk = b"\0" * 2**20
    for _ in range(size // len(chunk)):
        connection.send(chunk)
    connection.send(tail)
    answer = connection.getresponse()
    page = answer.read().decode("utf-8")
    assert answer.status == 413
    assert "上传的文件太大：一次最多上传 100 MB" in page
    grown = _peak_memory_kb(server.process.pid) - before
    assert grown < 50 * 1024, f"the server's peak memory grew by {grown // 1024} MB"
    assert server.stop() == 0
