"""The web page for office staff (gen-report --serve): plain HTML forms over the library.

settings → jobs (each request's own folder) → uploads (files saved under safe names) → the pages
(生成报告, 空白填报表, 核查报告, results and downloads) → app (security, errors) → serve.
"""
