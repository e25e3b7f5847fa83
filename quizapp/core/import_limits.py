"""Every limit an import is held to, named once: what a file may hold, how much its archives
may unpack to, and how long a hostile collection may keep a worker.

Each is counted on the real input (bytes as they are decompressed, rows as they are read),
never on what a file declares about itself; a file over one is refused whole, with a message
naming the limit, before anything is written.
"""

from __future__ import annotations

_MB = 1024 * 1024

# Zip archives (.apkg, .docx). The entry count is checked before the central directory is
# read into memory; the unpacked sizes are counted as the bytes come out of the decompressor.
MAX_ARCHIVE_ENTRIES = 10_000
UNZIP_CHUNK = 256 * 1024  # bytes decompressed at a time: the most an entry costs in memory

# An Anki package's collection: unpacked to a temporary file, read through a read-only
# connection, tables only, at most this long and with strings or blobs at most this large.
MAX_COLLECTION_BYTES = 200 * _MB
MAX_COLLECTION_SECONDS = 5.0
# The pictures and sound a package's cards show, unpacked (each file also passes MEDIA_MAX_BYTES).
MAX_PACKAGE_MEDIA_BYTES = 200 * _MB
MAX_COLLECTION_VALUE = 16 * _MB
MAX_NOTE_FIELD = 100_000  # characters of one note field, markup included, before reading it

# Question banks (GIFT, Moodle XML): a file with more questions than this is refused whole, as
# soon as the reader counts one too many; a Moodle file's elements are counted as it is parsed.
MAX_IMPORT_QUESTIONS = 5000
MAX_XML_ELEMENTS = 300_000  # a bank of 5,000 choice questions has about 200,000

# Cards from a paste or a CSV file (rows and sides are limited in ``flashcard_csv``).
MAX_CARD_TEXT = 20 * _MB  # characters of the whole paste or file
MAX_CARD_COLUMNS = 20
SNIFF_LINE_CHARS = 20_000  # the sample whose rows choose the separator

# Articles (.txt, .md, .html, .docx, .pdf).
MAX_ARTICLE_BYTES = 20 * _MB  # the file as uploaded (the web form's own limit is lower)
MAX_DOCX_XML_BYTES = 32 * _MB  # a Word document's XML parts, unpacked
MAX_PDF_PAGES = 500
MAX_HTML_ELEMENTS = 20_000  # trafilatura's time grows faster than the page
MAX_EXTRACTION_SECONDS = 20.0  # checked between pages
MAX_ARTICLE_CHARS = 2_000_000  # the text extracted from any file
