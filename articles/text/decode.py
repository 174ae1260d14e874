"""Source bytes -> NFC text, or a SourceError saying why the file is not an article.

Scraped texts arrive as UTF-8 with or without a byte-order mark, with
Windows, old Mac or Unix line ends, sometimes decomposed (NFD) and with
zero-width characters. Non-breaking spaces are kept here: a line made of
them, or opening with one, marks where a picture stood, which the parser
needs to tell captions from paragraphs. Everything else is refused early
with the file name, the reason and, where it helps, the line.
"""

import codecs
import os
import re
import unicodedata
from pathlib import Path

from .normalise import nfc
from .records import SourceError

#: Largest source accepted. A long feature is under 100 KB; anything near
#: this is a dump or a wrong file, and is refused before it is decoded.
MAX_SOURCE_BYTES = 2 * 1024 * 1024

#: Share of control characters (other than tab and line ends) above which
#: the bytes are taken for a binary file that happens to decode.
MAX_CONTROL_SHARE = 0.01

#: Every byte but the control characters refused in bulk (tab and line ends are text).
_NOT_CONTROL_BYTES = bytes(set(range(256)) - {*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F})
_LINE_ENDS = re.compile(r"\r\n?")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _check_size(size: int, file_name: str) -> None:
    if size > MAX_SOURCE_BYTES:
        raise SourceError(file_name, f"too large: {size} bytes, the limit is {MAX_SOURCE_BYTES}")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode_bytes(data: bytes, *, file_name: str) -> str:
    """The text of a source file: NFC, LF line ends, no BOM or zero-width characters."""
    _check_size(len(data), file_name)
    if not data.strip():
        raise SourceError(file_name, "empty file")
    nul = data.find(b"\x00")
    if nul >= 0:
        # UTF-16 and binary formats both show NUL bytes; neither is a source text.
        raise SourceError(file_name, "binary data (NUL byte)", line=_line_of(data, nul))
    try:
        text = codecs.decode(data, "utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(file_name, "not UTF-8 text", line=_line_of(data, error.start)) from None
    # Counted in the bytes, where UTF-8 writes a control character as itself: a tenth of the
    # time a regex over the text takes.
    controls = len(data.translate(None, _NOT_CONTROL_BYTES))
    if controls and controls > MAX_CONTROL_SHARE * len(text):
        raise SourceError(file_name, f"binary data ({controls} control characters)")
    if "\r" in text:
        text = _LINE_ENDS.sub("\n", text)
    # nfc() also drops invisible characters; its translate() is the slow part, so only when needed.
    text = nfc(text) if _INVISIBLE.search(text) else unicodedata.normalize("NFC", text)
    if not text.strip():
        raise SourceError(file_name, "only white space")
    return text


def decode_file(path: str | os.PathLike) -> str:
    """decode_bytes() for a file, refusing an oversized one before reading it."""
    path = Path(path)
    _check_size(path.stat().st_size, path.name)
    with path.open("rb") as f:
        # Read one byte past the limit: a file that grew since stat() is still refused.
        data = f.read(MAX_SOURCE_BYTES + 1)
    return decode_bytes(data, file_name=path.name)

