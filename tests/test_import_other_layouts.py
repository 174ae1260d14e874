"""Texts laid out as other papers and portals print them, imported end to end as real files.

The seeds come from two sites; tests/data/other_layouts/ holds texts in the
layouts of others: a weekday dateline above the title and a byline below the
body, a party portal's "15-03-2024" and "Theo Báo …", "20/09/2025 | 08:30"
after the 2025 merger, TP.HCM and its abbreviations, names of the Central
Highlands, a quote over two paragraphs, NFD text with a BOM and CRLF line
ends, a source given as an address, a party portal's headline in capitals,
a section label above the title, a share bar and a writer with the paper in
brackets, a city's council named without the city before its official's name,
an office after a name without its closing comma, and the courts and border
guards of a province. tests/data/other_layouts.json is what `import_articles --dry-run
--json` prints for them, checked by hand when it was written; each rule
behind it has its own test in tests/test_text_*.py.
"""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article
from tests.sources import fresh_gazetteer  # noqa: F401  (an autouse fixture)

DATA = Path(__file__).parent / "data"

pytestmark = pytest.mark.django_db


def test_texts_in_other_layouts_give_the_recorded_extraction():
    out = io.StringIO()
    call_command("import_articles", "--dry-run", "--json", str(DATA / "other_layouts"), stdout=out,
                 stderr=io.StringIO())

    found = json.loads(out.getvalue())
    expected = json.loads((DATA / "other_layouts.json").read_text(encoding="utf-8"))
    assert sorted(found) == sorted(expected)
    for name in expected:
        assert found[name] == expected[name], name
    assert not Article.objects.exists()


def test_the_nfd_text_really_is_nfd_with_a_bom_and_crlf():
    raw = (DATA / "other_layouts" / "phu_tho_nfd_bom_crlf.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    assert "\u0301" in raw.decode("utf-8-sig")  # a combining acute: decomposed, not NFC
