"""Read a PDF's text lines and ruled tables with pdfplumber; run as its own process.

    python -m generator.read.documents.pdf_pages [MEMORY_BYTES] < report.pdf > pages.json

Crafted PDFs can make a parser take unbounded time or memory, so the caller runs this module in
a child process with a time limit and an address-space limit, and reads JSON from its output:
{"pages": [{"lines": [[x0, x1, top, text], ...], "tables": [[top, cells], ...], "width": w}, ...]}
or {"error": "encrypted" | "broken"}.
"""

from __future__ import annotations

import io
import json
import sys

from generator.base import limits


def pages(data: bytes) -> dict[str, object]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as error:  # any parser failure is a damaged file to the user
        causes = (error, *error.args)
        encrypted = any(isinstance(c, PDFPasswordIncorrect | PDFEncryptionError) for c in causes)
        return {"error": "encrypted" if encrypted else "broken"}
    result = []
    with pdf:
        for printed in pdf.pages[: limits.MAX_PDF_PAGES]:
            page = printed.filter(_visible)
            tables = page.find_tables()
            boxes = [t.bbox for t in tables]

            def outside(obj: dict, boxes: list = boxes) -> bool:
                x = (obj["x0"] + obj["x1"]) / 2
                y = (obj["top"] + obj["bottom"]) / 2
                return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

            text_page = page.filter(outside) if boxes else page
            lines = [
                [line["x0"], line["x1"], line["top"], line["text"]]
                for line in text_page.extract_text_lines()
            ]
            result.append(
                {
                    "width": page.width,
                    "lines": lines,
                    "tables": [[t.bbox[1], _cells(t)] for t in tables],
                }
            )
    return {"pages": result}


def _visible(obj: dict) -> bool:
    """Whether an object can be seen: a white area filled without an outline is not (a browser
    paints the page's background so), and its edges must not be taken for a table's rules."""
    if obj.get("object_type") != "rect" or obj.get("stroke") or not obj.get("fill"):
        return True
    colour = obj.get("non_stroking_color")
    if not isinstance(colour, tuple | list) or not all(isinstance(c, int | float) for c in colour):
        return True
    white = (0, 0, 0, 0) if len(colour) == 4 else (1,) * len(colour)
    return any(abs(c - w) > 0.01 for c, w in zip(colour, white, strict=True))


def _cells(table: object) -> list[list[object]]:
    """Each cell as [x0, top, x1, bottom, text]."""
    texts = table.extract()  # type: ignore[attr-defined]
    cells = []
    for row, row_texts in zip(table.rows, texts, strict=False):  # type: ignore[attr-defined]
        for bbox, text in zip(row.cells, row_texts, strict=False):
            if bbox is not None:
                cells.append([*bbox, text or ""])
    return cells


def main() -> None:
    if len(sys.argv) > 1 and sys.platform != "win32":  # the address space this process may use
        import resource

        limit = int(sys.argv[1])
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        output = pages(sys.stdin.buffer.read())
    except Exception:
        output = {"error": "broken"}
    sys.stdout.write(json.dumps(output, ensure_ascii=False))


if __name__ == "__main__":
    main()
