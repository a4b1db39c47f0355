"""Every bound the tool enforces, in one place.

A unit's fill-in workbook is about 30 KB zipped and well under 1 MB unzipped; these limits leave
ample room for real files and stop crafted ones (zip bombs, huge sheets) before any parser sees them.
"""

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest workbook file accepted, as stored on disk."""

MAX_ZIP_MEMBERS = 1_000
"""Most entries a workbook's zip may hold."""

MAX_MEMBER_BYTES = 30 * 1024 * 1024
"""Largest declared uncompressed size of one part the reader opens."""

MAX_TOTAL_BYTES = 100 * 1024 * 1024
"""Largest declared uncompressed size of all parts together."""

MAX_COMPRESSION_RATIO = 200
"""Largest uncompressed/compressed ratio of a part bigger than RATIO_FLOOR_BYTES."""

RATIO_FLOOR_BYTES = 1024 * 1024
"""Parts smaller than this are never rejected for their compression ratio."""

MAX_SHARED_STRINGS = 200_000
"""Most shared strings a workbook may declare."""

MAX_MERGED_RANGES = 10_000
"""Most merged ranges one sheet may declare."""

MAX_TEXT_CHARS = 5_000
"""Longest text accepted in one cell of a report (a paragraph); longer text is rejected."""

MAX_SHORT_TEXT_CHARS = 200
"""Longest text accepted in a one-line field such as a unit name or an address."""

MAX_COUNT = 100_000_000
"""Largest count accepted without question; larger ones are reported as implausible."""

MAX_WORKBOOKS = 20_000
"""Most workbooks one run reads."""

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
"""Largest report document (Word file, web page, PDF, text) accepted for checking."""

MAX_HTML_NODES = 200_000
"""Most elements a web page may hold (a report page has a few thousand)."""

MAX_HTML_DEPTH = 200
"""Deepest nesting of elements in a web page."""

MAX_PARAGRAPHS = 5_000
"""Most paragraphs a report document may hold (a report has 20 to 300)."""

MAX_DOCUMENT_CHARS = 500_000
"""Most characters of text (paragraphs and table cells) a report document may hold (a report
has 5,000 to 30,000)."""

MAX_CELL_SPAN = 64
"""Most rows or columns one table cell may span (a report's tables have fewer than 30 columns
and 100 rows); a larger span is read as this one."""

MAX_GRID_POSITIONS = 50_000
"""Most grid positions the tables of one report document may cover together, merged cells
counted at every position they cover (a report's tables cover about 1,500)."""

MAX_DRAWN_TABLE_CHARS = 1_000_000
"""Largest table drawn with + - | in a text report, as lines times the longest line's width."""

MAX_PDF_PAGES = 300
"""Most pages of a PDF report read (a report has 5 to 30)."""

MAX_PDF_SECONDS = 60
"""Longest a PDF may take to read, in its own process."""

PDF_MEMORY_BYTES = 1536 * 1024 * 1024
"""Address space the PDF reader's child process may use (where the system can bound it)."""

LEGACY_MAX_ROWS = 1_000
"""Rows of each sheet the .xls/.et/.ods reader hands back (a form has fewer than 200)."""

LEGACY_MAX_COLUMNS = 64
"""Columns of each sheet the .xls/.et/.ods reader hands back."""

LEGACY_MEMORY_BYTES = 1024 * 1024 * 1024
"""Address space the .xls/.et/.ods reader's child process may use (where the system can bound it)."""

LEGACY_SECONDS = 30
"""Time the .xls/.et/.ods reader's child process may take for one file."""

OUTPUT_LOCK_SECONDS = 10.0
"""How long a second run on the same output folder waits for the first before refusing."""

MAX_UPLOAD_BYTES = 100 * 1024 * 1024
"""Largest request the web page accepts (all the files of one form together)."""

MAX_UPLOAD_FILES = 2_000
"""Most files one form of the web page may send (the files inside a .zip count one by one)."""

MAX_BLANK_FORMS = 1_000
"""Most fill-in workbooks the web page makes at once."""

WEB_RESULTS_SECONDS = 2 * 60 * 60
"""How long the web page keeps a request's results for download before removing them."""

WEB_MAX_RESULTS = 200
"""Most requests' results the web page keeps at once (the oldest go first)."""

WEB_BUILDS_AT_ONCE = 2
"""Most builds or audits the web page runs at the same time (others wait their turn)."""
