"""Search published articles in Vietnamese, with or without diacritics.

Readers type "thanh hoa", "Thanh Hoá" or "Thanh Hóa" and mean the same
place; they type "doi thoai" for "đối thoại". Article.search_text already
holds title, lead and body folded by search_key() (lower case, no marks,
đ -> d), and the query goes through the same function here, so both sides
are folded by one piece of code and cannot disagree. That is why the
PostgreSQL path needs no unaccent(): the document is stored unaccented and
the query is unaccented in Python before it reaches the database. (unaccent
also folds less than search_key does, e.g. it keeps curly quotes.)

A query is a list of syllables. An article matches when it has every
syllable as a whole word; it ranks higher when the syllables stand together
in the query's order (Vietnamese words are several syllables: "thanh hoa"
is a place, "thanh" and "hoa" apart are not) and when they occur often.

PostgreSQL: to_tsvector('simple', search_text) @@ plainto_tsquery('simple', …)
behind a GIN expression index (migration 0002). The 'simple' configuration
neither stems nor drops stop words, which is right for Vietnamese syllables.
When nothing matches, a trigram word-similarity search (pg_trgm) finds
near misses such as typos ("doi thaoi"), and the results say they are
approximate. It reads only the newest NEAR_CANDIDATES articles (see there
why).

SQLite (development): the same matching with a word-boundary regular
expression on search_text, ranked by counting occurrences. It gives the
same articles on the seed content; it has no near-miss fallback.

At archive size a common query ("doi thoai nhan dan") matches most
articles, and ranking means reading every match's whole text. So only the
newest MAX_CANDIDATES matches are ranked (and counted): the database walks
the newest-first index, tests each row against the query, and stops at the
limit. On PostgreSQL the test reads search_document, a stored tsvector
column (migration 0003) instead of parsing search_text again for every row.
A reader looking for something older narrows the query or the dates.
"""

import functools
import html
import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, F, FloatField, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Length, Replace
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.caching import versioned
from articles.models import Article
from articles.pagination import PageOfIds
from articles.text.normalise import search_key

#: Longer queries are cut: nobody types more, and each syllable adds a join of work.
MAX_QUERY_CHARS = 200
MAX_TERMS = 12
#: The newest this many matches are ranked, counted and paged through.
MAX_CANDIDATES = 500

#: Near misses are looked for in the newest this many articles. A typo of common words ("doi thaoi",
#: "thanh hoaa") is near nearly every article, so the trigram index on search_text narrows nothing and
#: word similarity is computed over each article's whole text (about 1 ms each): at 100,000 articles
#: such a search took 80 s. Bounded, it takes about a quarter of a second, kept per content version.
NEAR_CANDIDATES = 300
#: pg_trgm's word_similarity_threshold, the bound of its %> operator.
NEAR_SIMILARITY = 0.6

#: search_key(title, lead, body) as a tsvector ('simple'), kept by PostgreSQL itself (migration 0003).
DOCUMENT_COLUMN = "search_document"

_TERM = re.compile(r"[a-z0-9]+")
_WORD = re.compile(r"\w+")


class RankedArticles:
    """The matches, best first: their ids are held, their rows read a page at a time by primary key.

    A sequence, so Paginator counts it with len() and reads page n as a slice.
    The rows come from published() again: an article withdrawn since the
    ranking was kept is left out.
    """

    def __init__(self, ids: list[int], rows: QuerySet):
        self.ids, self.rows = ids, rows

    def __len__(self):
        return len(self.ids)

    def count(self):
        return len(self.ids)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return PageOfIds(self.ids[index], self.rows)
        return PageOfIds([self.ids[index]], self.rows).read()[0]

    def __iter__(self):
        return iter(PageOfIds(self.ids, self.rows).read())


@dataclass(frozen=True)
class SearchResults:
    query: str
    terms: tuple[str, ...]
    articles: RankedArticles | QuerySet
    approximate: bool = False
    #: Whether older articles were left unread (MAX_CANDIDATES matches, or NEAR_CANDIDATES articles, were reached).
    recent_only: bool = False

    def __bool__(self):
        return bool(self.terms)


def terms_of(query: str) -> tuple[str, ...]:
    """The syllables a query searches for, folded: "Đối thoại!" -> ("doi", "thoai")."""
    return tuple(_TERM.findall(search_key((query or "")[:MAX_QUERY_CHARS])))[:MAX_TERMS]


def search(query: str) -> SearchResults:
    """Published articles matching the query, best first. Any input is safe: no terms, no results."""
    terms = terms_of(query)
    public = Article.objects.published()
    if not terms:
        return SearchResults(query or "", terms, public.none())
    # The ranking (at most MAX_CANDIDATES ids) only changes with what is published,
    # so it is kept per content version, like a list's count: ranking reads every
    # candidate's document and is most of a search's SQL.
    ids, approximate, recent_only = versioned(f"search:{terms!r}", lambda: _ranked(public, terms))
    # The card shows an excerpt around the match, which may be in the body.
    rows = public.for_cards("body")
    return SearchResults(query, terms, RankedArticles(ids, rows), approximate, recent_only)


def _ranked(public, terms) -> tuple[list[int], bool, bool]:
    """The ids of the matches, best first; whether they are only near misses; whether older ones were left."""
    if connection.vendor == "postgresql":
        return _postgres(public, terms)
    ids = _ids(_sqlite(public, terms))
    return ids, False, len(ids) >= MAX_CANDIDATES


def _ids(ranked) -> list[int]:
    return list(ranked.values_list("pk", flat=True)[:MAX_CANDIDATES])


def _newest(candidates) -> list[int]:
    """The ids of the newest MAX_CANDIDATES rows of candidates (one query).

    Fetched rather than nested as a subquery: the ranked query then reads
    500 rows by primary key, and search_document (raw SQL naming the table)
    never lands in a subquery where Django renames the table.
    """
    return list(candidates.order_by("-published_at", "-id").values_list("pk", flat=True)[:MAX_CANDIDATES])


def search_document():
    """The stored tsvector column (PostgreSQL only; not a model field, since SQLite has no such type)."""
    from django.contrib.postgres.search import SearchVectorField

    return RawSQL(f'"{Article._meta.db_table}"."{DOCUMENT_COLUMN}"', [], output_field=SearchVectorField())


def _postgres(public, terms):
    from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity

    text = " ".join(terms)
    every_word = SearchQuery(text, config="simple", search_type="plain")
    together = SearchQuery(text, config="simple", search_type="phrase")
    newest = _newest(public.annotate(document=search_document()).filter(document=every_word))
    if newest:
        # ts_rank ignores the positions a phrase query asks for, so "together" is a
        # yes/no test (@@ with <->), worth more than any frequency.
        matches = (
            Article.objects.filter(pk__in=newest)
            .annotate(document=search_document())
            .annotate(rank=Case(When(document=together, then=Value(10.0)), default=Value(0.0),
                                output_field=FloatField()) + SearchRank(F("document"), every_word))
            .order_by("-rank", "-published_at", "-id")
        )
        ids = _ids(matches)
        return ids, False, len(ids) >= MAX_CANDIDATES
    # Each article's similarity is computed once and compared here: in SQL the
    # test (%>) and the ranking would each compute it.
    scored = list(
        public.order_by("-published_at", "-id")
        .annotate(rank=TrigramWordSimilarity(Value(text), "search_text"))
        .values_list("rank", "published_at", "pk")[:NEAR_CANDIDATES]
    )
    near = [pk for rank, _, pk in sorted(scored, reverse=True) if rank >= NEAR_SIMILARITY]
    return near[:MAX_CANDIDATES], True, len(scored) >= NEAR_CANDIDATES


def _occurrences(needle: str):
    """How many times needle occurs in search_text, in portable SQL."""
    return Cast(
        (Length("search_text") - Length(Replace(F("search_text"), Value(needle), Value("")))) / len(needle),
        IntegerField(),
    )


def _sqlite(public, terms):
    condition = Q()
    for term in terms:
        condition &= Q(search_text__regex=rf"(^|[^a-z0-9]){term}([^a-z0-9]|$)")
    phrase = " ".join(terms)
    rank = _occurrences(phrase) * 10
    for term in terms:
        rank = rank + _occurrences(term)
    return (
        Article.objects.filter(pk__in=_newest(public.filter(condition)))
        .annotate(rank=Cast(rank, FloatField()))
        .order_by("-rank", "-published_at", "-id")
    )


def _marked(keys: list[str], terms) -> set[int]:
    """Which words to mark: the query's syllables where they stand together, else each one alone."""
    terms = tuple(terms or ())
    n = len(terms)
    together = {i + k for i in range(len(keys) - n + 1) if tuple(keys[i:i + n]) == terms for k in range(n)}
    if together or n == 1:
        return together
    return {i for i, key in enumerate(keys) if key in terms}


def _first_match(tokens: list[str], terms: tuple[str, ...]) -> int:
    """Where the first run of the query's syllables together starts, else the first of them alone (0: none).

    The words marked by _marked(), found reading no further than needed: a
    search page shows 20 excerpts of articles of hundreds of words, and the
    run is usually near the start.
    """
    n = len(terms)
    # Folding the whole text at once (C calls) gives its syllables in order: a run
    # can only start where they follow each other, a syllable only be found if it is there.
    syllables = f" {' '.join(_TERM.findall(search_key(' '.join(tokens))))} "
    run_possible = f" {' '.join(terms)} " in syllables
    if not run_possible and not any(f" {term} " in syllables for term in terms):
        return 0
    keys, first_alone = [], None
    for i, token in enumerate(tokens):
        key = _token_key(token)
        keys.append(key)
        if key in terms:
            if first_alone is None:
                first_alone = i
                if not run_possible:
                    break
            if key == terms[-1] and i >= n - 1 and tuple(keys[i - n + 1:]) == terms:
                return i - n + 1
    return first_alone if n > 1 and first_alone is not None else 0


# Folding is the cost of highlighting, and news text repeats its syllables: keep the keys of recent words.
@functools.lru_cache(maxsize=50_000)
def _word_key(word: str) -> str:
    return search_key(word)


@functools.lru_cache(maxsize=50_000)
def _token_key(token: str) -> str:
    """A space-separated token's syllables, folded: "“Đối" -> "doi", "đối-thoại" -> "doi thoai"."""
    return " ".join(_TERM.findall(search_key(token)))


def highlight(text: str, terms) -> SafeString:
    """The text escaped, with the words matching the search wrapped in <mark>.

    A word matches when its folded form is a search term ("Đối" for "doi").
    Without diacritics one syllable stands for many words (doi: đối, đời,
    đôi …), so when the query's syllables occur together only those runs
    are marked. Escaping comes first and marking second, so nothing in an
    article can inject markup; adjacent marked words share one <mark>.
    """
    words = list(_WORD.finditer(text))
    marked = _marked([_word_key(w.group(0)) for w in words], terms)
    out, last = [], 0
    for i, match in enumerate(words):
        out.append(html.escape(text[last:match.start()]))
        word = html.escape(match.group(0))
        out.append(f"<mark>{word}</mark>" if i in marked else word)
        last = match.end()
    out.append(html.escape(text[last:]))
    return mark_safe(re.sub(r"</mark>(\s+)<mark>", r"\1", "".join(out)))


def excerpt(text: str, terms, *, words: int = 40) -> SafeString:
    """About `words` words of text around the first match, highlighted."""
    tokens = (text or "").split()
    start = max(0, _first_match(tokens, tuple(terms or ())) - words // 4)
    piece = " ".join(tokens[start:start + words])
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + words < len(tokens) else ""
    return mark_safe(escape(prefix) + highlight(piece, terms) + escape(suffix))
