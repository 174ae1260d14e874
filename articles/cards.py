"""Article cards for the public lists, each rendered once per content version.

Rendering 20 cards through includes/card.html is most of what an uncached
list page costs (links, dates, provinces, translations, in the template
engine: about 20 ms a page at archive size). A card's HTML depends only on
the article, its provinces, the language, the heading level and, on the
search page, the searched terms; so it is kept under the content version
(articles.caching.versioned): a page's cards are kept together, one entry
read in one cache round trip (kept card by card, a page read 20 entries,
each a key to check, a lock and an unpickling). Saving an article, retagging it or renaming a province raises
the version, so an edited title is on every list at once. What is cached
is the template's own output, escaped exactly as when it is rendered.

Once the cards are kept, building the page's articles is most of what is
left, so an Article is built only for a card that has to be rendered. A
counted list's page (articles.pagination.KeptPage) and a search page know
their ids before any query (kept per version, like the ranking): they ask
the database only which of them are still public, and read the rows only
for cards not kept. Other lists (the front page) read their rows as plain
tuples. The articles' provinces are likewise fetched only for the cards to
render (one query), so a page whose cards are all cached skips it.
"""

import hashlib

from django.db.models import QuerySet, prefetch_related_objects
from django.template.loader import get_template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from articles.caching import versioned
from articles.querysets import card_provinces

TEMPLATE = "includes/card.html"


def render_cards(articles, *, level: int = 2, terms=()) -> list[SafeString]:
    """The HTML of each article's card, in the order given.

    articles: a page of a list (its object_list is used), a queryset, a
    search page's known ids (anything with .ids and .read()), or articles.
    """
    articles = getattr(articles, "object_list", articles)
    if articles is None:  # a list whose filters are invalid (400)
        return []
    terms = tuple(terms or ())
    variant = hashlib.md5(" ".join(terms).encode(), usedforsecurity=False).hexdigest() if terms else ""
    prefix = f"card:{get_language()}:{level}:{variant}:"

    def render(todo):
        prefetch_related_objects(todo, card_provinces())  # skips articles whose provinces are loaded
        template = get_template(TEMPLATE)
        return [template.render({"article": article, "level": level, "terms": terms}) for article in todo]

    if hasattr(articles, "ids") and hasattr(articles, "read"):
        return _known_ids(articles, prefix, render)
    fields = _loaded_fields(articles)
    if fields:
        return _rows(articles, fields, prefix, render)
    names = {f"{prefix}{article.pk}": article for article in list(articles)}
    cards = _kept(list(names), lambda wanted: dict(zip(wanted, render([names[n] for n in wanted]), strict=True)))
    return [cards[name] for name in names]


def _kept(names: list[str], compute) -> dict:
    """{name: card} for a page's cards (compute(names) when not kept), kept as one entry."""
    return versioned("cards:" + " ".join(names), lambda: compute(names))


def _loaded_fields(articles) -> list[str]:
    """The columns of a queryset narrowed with only() (for_cards()), in the model's order; [] otherwise."""
    if not isinstance(articles, QuerySet):
        return []
    names, defer = articles.query.deferred_loading
    if defer or not names or articles.query.select_related:
        return []
    model = articles.model
    wanted = set(names) | {model._meta.pk.name}
    return [field.attname for field in model._meta.concrete_fields if field.name in wanted or field.attname in wanted]


def _rows(articles: QuerySet, fields: list[str], prefix: str, render) -> list[SafeString]:
    """Cards of a queryset's rows, read as tuples; instances only for the cards to render."""
    pk = fields.index(articles.model._meta.pk.attname)
    rows = {f"{prefix}{row[pk]}": row for row in articles.prefetch_related(None).values_list(*fields)}

    def page_cards(names):
        # As the queryset itself would have built them: these fields loaded, the others deferred.
        todo = [articles.model.from_db(articles.db, fields, rows[name]) for name in names]
        return dict(zip(names, render(todo), strict=True))

    cards = _kept(list(rows), page_cards)
    return [cards[name] for name in rows]


def _known_ids(page, prefix: str, render) -> list[SafeString]:
    """Cards of a page whose ids are known: one query either way, for the rows or only for which are public."""
    names = {f"{prefix}{pk}": pk for pk in page.ids}
    read = {}

    def page_cards(wanted):
        read["rows"] = {article.pk: article for article in page.read()}
        todo = [name for name in wanted if names[name] in read["rows"]]
        return dict(zip(todo, render([read["rows"][names[name]] for name in todo]), strict=True))

    cards = _kept(list(names), page_cards)
    public = set(read["rows"]) if "rows" in read else set(page.public_ids())
    # A card is missing if its article was not public when the page was kept (and is again, with no signal).
    return [cards[name] for name, pk in names.items() if pk in public and name in cards]
