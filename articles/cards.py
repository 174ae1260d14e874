"""Article cards for the public lists, each rendered once per content version.

Rendering 20 cards through includes/card.html is most of what an uncached
list page costs (links, dates, provinces, translations, in the template
engine: about 20 ms a page at archive size). A card's HTML depends only on
the article, its provinces, the language, the heading level and, on the
search page, the searched terms; so it is kept under the content version
(articles.caching.versioned_many) and a page's cards are read in one cache
round trip. Saving an article, retagging it or renaming a province raises
the version, so an edited title is on every list at once. What is cached
is the template's own output, escaped exactly as when it is rendered.

The provinces of the articles are fetched only for the cards that have to
be rendered (one query), so a page whose cards are all cached skips it.
"""

import hashlib

from django.db.models import prefetch_related_objects
from django.template.loader import get_template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from articles.caching import versioned_many
from articles.querysets import card_provinces

TEMPLATE = "includes/card.html"


def render_cards(articles, *, level: int = 2, terms=()) -> list[SafeString]:
    """The HTML of each article's card, in the order given."""
    articles = list(articles)
    terms = tuple(terms or ())
    variant = hashlib.md5(" ".join(terms).encode(), usedforsecurity=False).hexdigest() if terms else ""
    names = {f"card:{get_language()}:{level}:{variant}:{article.pk}": article for article in articles}

    def render(missing):
        todo = [names[name] for name in missing]
        prefetch_related_objects(todo, card_provinces())  # skips articles whose provinces are loaded
        template = get_template(TEMPLATE)
        return {name: template.render({"article": names[name], "level": level, "terms": terms}) for name in missing}

    cards = versioned_many(list(names), render)
    return [cards[name] for name in names]
