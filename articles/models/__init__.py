from .articles import Article, ArticleSlugRedirect, Correction, SourceText
from .organisations import Organisation
from .people import Person, Topic
from .provinces import District, Province, Region
from .quotes import Quote

__all__ = [
    "Article",
    "ArticleSlugRedirect",
    "Correction",
    "District",
    "Organisation",
    "Person",
    "Province",
    "Quote",
    "Region",
    "SourceText",
    "Topic",
]
