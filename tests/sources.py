"""Source texts for the importer's tests: the seed texts, and small ones built to order."""

import unicodedata

import pytest

from articles.seeding import SOURCES_DIR

SEED_DATED = "002_ac696ad58154414b.txt"     # An Giang, 25/11/2022 17:05, baoangiang.com.vn
SEED_UNDATED = "000_ef77439944f15189.txt"   # Thanh Hóa, no dateline


def seed_bytes(name: str = SEED_DATED) -> bytes:
    return (SOURCES_DIR / name).read_bytes()


def source(title: str = "Đối thoại với nông dân huyện Như Xuân", *paragraphs: str, date: str | None = "05/03/2024 08:30",
           source_line: str | None = "Nguồn: baothanhhoa.vn") -> bytes:
    """A small source text laid out as the scraped ones are: title, dateline, paragraphs, source line."""
    paragraphs = paragraphs or (
        "Sáng 5/3, Ủy ban nhân dân tỉnh Thanh Hóa tổ chức đối thoại với nông dân huyện Như Xuân về chuyển đổi cây trồng.",
        "Phát biểu tại buổi đối thoại, ông Nguyễn Văn Hùng, Chủ tịch UBND huyện Như Xuân nhấn mạnh: "
        "“Chính quyền luôn lắng nghe và đồng hành cùng bà con trong sản xuất”.",
        "Dịp này, Lasuco cam kết bao tiêu toàn bộ sản lượng mía cho bà con.",
    )
    lines = [title, *([date] if date else []), *paragraphs, *([source_line] if source_line else [])]
    return "\n\n".join(lines).encode("utf-8")


def refusing_one_texts_quotes(bulk_insert):
    """The importer's bulk_insert, but the database refuses the quote of source() (an unknown kind).

    A real refusal by a check constraint, half-way through writing that text:
    its article, tags and people are already written when its quotes fail.
    """
    from articles.models import Quote

    def insert(objs, **kwargs):
        objs = list(objs)
        for quote in objs:
            if isinstance(quote, Quote) and "đồng hành cùng bà con" in quote.text:
                quote.kind = "unknown"
        return bulk_insert(objs, **kwargs)
    return insert


def as_windows_nfd(data: bytes) -> bytes:
    """The same text as a Windows editor with decomposed accents would save it: BOM, CRLF, NFD."""
    text = unicodedata.normalize("NFD", data.decode("utf-8")).replace("\n", "\r\n")
    return b"\xef\xbb\xbf" + text.encode("utf-8")


@pytest.fixture(autouse=True)
def fresh_gazetteer():
    """Start each test from a gazetteer rebuilt from its own database.

    A rolled-back test sends no post_delete for its rows, so without this a
    person made by one test could still be known to the tagger in the next.
    Import it into a test module to use it there.
    """
    from articles import tagging

    tagging.invalidate()
    yield
    tagging.invalidate()
