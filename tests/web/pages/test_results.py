"""A job's results belong to the browser that made it: nobody else, no other path, nothing left."""

from __future__ import annotations

import re

from flask import Flask

from tests.web.conftest import Visitor, shipped, text_of


def _job(visitor: Visitor) -> str:
    sent = visitor.submit("/report", {"year": "2018"}, {"workbooks": shipped()})
    return sent.headers["Location"]


def test_another_browser_sees_nothing_of_a_job(visitor: Visitor, another: Visitor) -> None:
    job = _job(visitor)
    page = visitor.client.get(job)
    assert page.status_code == 200
    for address in [job, *visitor.links(page).values()]:
        if address.startswith("/jobs/"):
            assert another.client.get(address).status_code == 404, address
    mine = another.follow(another.submit("/report", {"year": "2018"}, {"workbooks": shipped()}))
    assert job not in mine.text


def test_a_job_of_another_browser_is_told_as_one_that_never_was(
    visitor: Visitor, another: Visitor
) -> None:
    """The page says results stay in their browser, without telling whether this one exists."""
    job = _job(visitor)
    refused = another.client.get(job)
    never = another.client.get("/jobs/" + "0" * len(job.removeprefix("/jobs/")))
    assert refused.status_code == never.status_code == 404
    assert refused.data == never.data
    assert "结果只能在提交的那个浏览器中查看和下载" in text_of(refused)
    assert "浏览器" not in text_of(another.client.get("/no-such-page"))


def test_only_the_job_s_own_files_by_number(visitor: Visitor) -> None:
    job = _job(visitor)
    for address in (
        f"{job}/files/99",
        f"{job}/files/-1",
        f"{job}/files/../../../etc/passwd",
        f"{job}/files/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        f"{job}/../../etc/passwd",
        "/jobs/..%2f..%2fetc/files/0",
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/app.py",
    ):
        answer = visitor.client.get(address)
        assert answer.status_code == 404, address
        assert b"root:" not in answer.data and b"import" not in answer.data


def test_file_names_from_the_browser_are_never_paths(app: Flask, visitor: Visitor) -> None:
    """“../” and absolute paths in upload names stay inside the job's folder, as plain names."""
    work = app.extensions["gen-report.jobs"].root
    body, _ = shipped()[0]
    names = ["../../逃出.xlsx", "..\\..\\逃出2.xlsx", "/etc/cron.d/x.xlsx", "C:\\Windows\\win.xlsx"]
    page = visitor.follow(
        visitor.submit("/report", {"year": "2018"}, {"workbooks": [(body, n) for n in names]})
    )
    text = text_of(page)
    for shown in ("逃出.xlsx", "逃出2.xlsx", "x.xlsx", "win.xlsx"):
        assert shown in text
    assert not any(work.parent.glob("逃出*")) and not any(work.glob("逃出*"))
    assert "../" not in text and "..\\" not in text


def test_removing_a_job_removes_its_files(app: Flask, visitor: Visitor) -> None:
    job = _job(visitor)
    page = visitor.client.get(job)
    (folder,) = [j.folder for j in app.extensions["gen-report.jobs"]._jobs.values()]
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    answer = visitor.client.post(f"{job}/remove", data={"csrf": token})
    assert answer.status_code == 303
    assert not folder.exists()
    assert visitor.client.get(job).status_code == 404


def test_two_staff_at_once_each_get_their_own(visitor: Visitor, another: Visitor, tmp_path) -> None:
    """Two builds running together: each browser gets its own report, and sees only its own."""
    import threading

    from tests.web.conftest import with_broken_sum

    pages: dict[str, str] = {}

    def send(who: Visitor, key: str, files: list) -> None:
        sent = who.submit("/report", {"year": "2018"}, {"workbooks": files})
        pages[key] = who.follow(sent).text

    runs = [
        threading.Thread(target=send, args=(visitor, "good", shipped())),
        threading.Thread(target=send, args=(another, "broken", with_broken_sum(tmp_path))),
    ]
    for run in runs:
        run.start()
    for run in runs:
        run.join(120)
    assert "已生成《" in pages["good"] and "依申请公开!B10" not in pages["good"]
    assert "未生成报告" in pages["broken"] and "依申请公开!B10" in pages["broken"]
