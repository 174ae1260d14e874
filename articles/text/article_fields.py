"""The text fields of the Article a parsed source text becomes, made without the ORM.

Title, lead, body and search_text follow from a ParsedArticle alone, and
search_text (search_key over the article's whole text, about 6 KB) is the
costliest of them: 0.4 ms an article. A large import makes them in its
parsing worker processes (articles/parallel.py), next to the parsing, so
the importing process, which writes every row and is what the import waits
on, does not fold the text as well. article_fields() keeps them on the
record, which carries them back pickled; an import parsed in one process
makes them on first use.

Article.save() derives title and search_text the same way; the importer's
bulk inserts skip save(), so they must agree (tests/test_importing.py).
"""

from dataclasses import dataclass

from .body import BlockKind, plain_text, render_body
from .normalise import clean, search_key
from .pickling import pickled_by_fields
from .records import ParsedArticle


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class ArticleFields:
    title: str
    lead: str
    body: str
    search_text: str


def article_fields(parsed: ParsedArticle) -> ArticleFields:
    """The fields, made once per record and kept on it (parsed.prepared)."""
    if parsed.prepared is None:
        blocks = list(parsed.blocks)
        if parsed.lead:
            # The lead is shown above the body; it stays out of the body so it is not read twice.
            first = next((i for i, b in enumerate(blocks) if b.kind == BlockKind.PARAGRAPH), None)
            if first is not None and blocks[first].text == parsed.lead:
                del blocks[first]
        title, lead, body = clean(parsed.title), parsed.lead or "", render_body(blocks)
        parsed.prepared = ArticleFields(title, lead, body, search_key(" ".join([title, lead, plain_text(body)])))
    return parsed.prepared
