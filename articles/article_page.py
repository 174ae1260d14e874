"""What an article's page shows besides the article, in a fixed number of queries.

Three queries for what is attached to the article (its tags, its quotes,
its corrections) and one for its neighbours (related, previous, next),
however many of each it has. The readers' page and the editors' preview
render the same template from the same attachments.

For readers all of it is kept per content version (for_readers()): building
those four queries through the ORM was most of an uncached article page's
CPU (about two thirds), and none of it changes until something readers see
does, which raises the version. The neighbours are kept as ids and checked
against the database on each request (public_among), so an article
withdrawn without a signal (QuerySet.update()) is never linked with its title.
"""

from django.db.models import DateField, Exists, IntegerField, OuterRef, Q, Value
from django.utils.functional import SimpleLazyObject

from articles.caching import versioned
from articles.models import Article, Organisation, Person, Province, Quote, Topic
from articles.querysets import public_among

RELATED_COUNT = 5

# The tag lists in the order the page shows them; a list's position is its kind number in the tags query.
_TAG_MODELS = {"provinces": Province, "organisations": Organisation, "people": Person, "topics": Topic}
_ROLES = {"related": 0, "previous": 1, "next": 2}


def attachments(article: Article) -> dict:
    """The article's provinces, organisations, people, topics, quotes and corrections, for the template."""
    return {
        **tags(article),
        # Ordered here, not by the model's ("article", …), which would join the article to sort by its date.
        "quotes": list(Quote.objects.filter(article=article).select_related("speaker").order_by("position", "id")),
        "corrections": list(article.corrections.all()),
    }


def for_readers(article: Article) -> dict:
    """attachments() and neighbours() of a published article, for its readers' page.

    The first request of a version runs their four queries; later ones read
    them kept and ask only whether the neighbours are all still public
    (public_among). If they are, the page's neighbour links, kept rendered,
    are shown as they are and the neighbours' rows are read only if those
    links must be rendered again (another language); if one is not, the
    links are rendered from the rows still public and not kept
    (neighbours_changed).
    """
    fresh = {}

    def compute():
        shown = attachments(article)
        fresh.update(neighbours(article, shown["provinces"], shown["organisations"]))
        ids = {"related": [other.pk for other in fresh["related"]],
               **{role: fresh[role] and fresh[role].pk for role in ("previous", "next")}}
        return {**shown, "neighbour_ids": ids}

    kept = dict(versioned(f"article-page:{article.pk}", compute))
    ids = kept.pop("neighbour_ids")
    if fresh:
        return {**kept, **fresh, "neighbours_changed": False}
    wanted = [*ids["related"], *(ids[role] for role in ("previous", "next") if ids[role] is not None)]
    if set(wanted) - public_among(wanted):
        return {**kept, **_read_neighbours(ids), "neighbours_changed": True}
    rows = SimpleLazyObject(lambda: _read_neighbours(ids))
    return {**kept, **{role: SimpleLazyObject(lambda role=role: rows[role]) for role in ("related", "previous", "next")},
            "neighbours_changed": False}


def _read_neighbours(ids: dict) -> dict:
    """The kept neighbours that are still public, in one query."""
    wanted = [*ids["related"], *(ids[role] for role in ("previous", "next") if ids[role] is not None)]
    found = Article.objects.published().only("id", "title", "slug", "published_at").in_bulk(wanted) if wanted else {}
    return {
        "related": [found[pk] for pk in ids["related"] if pk in found],
        **{role: found.get(ids[role]) for role in ("previous", "next")},
    }


def tags(article: Article) -> dict[str, list]:
    """The four tag lists, each by name as its model orders it, in one query.

    A UNION ALL over the four link tables with a kind column: one round trip
    instead of four. A province brings the name of the unit it became part of
    (the page says "now part of …"); the other kinds leave those columns empty.
    The instances hold only these columns: any other field would be read with
    a query of its own, which the pinned query count would show.
    """
    no_text, no_date, no_id = Value(""), Value(None, output_field=DateField()), Value(None, output_field=IntegerField())
    parts = [
        model.objects.filter(articles=article).annotate(tag_kind=Value(kind)).values_list(
            "tag_kind", "pk", "name", "slug", *(
                ("full_name", "valid_from", "successor_id", "successor__name") if model is Province
                else (no_text, no_date, no_id, no_text)
            )).order_by()
        for kind, model in enumerate(_TAG_MODELS.values())
    ]
    # Province orders by name then valid_from, the others by name: one ORDER BY serves all four.
    rows = parts[0].union(*parts[1:], all=True).order_by("tag_kind", "name", "valid_from", "pk")
    found = {relation: [] for relation in _TAG_MODELS}
    relations = list(_TAG_MODELS.items())
    for kind, pk, name, slug, full_name, valid_from, successor_id, successor_name in rows:
        relation, model = relations[kind]
        if model is Province:
            tag = _loaded(Province, rows.db, id=pk, name=name, slug=slug, full_name=full_name, valid_from=valid_from,
                          successor_id=successor_id)
            if successor_id is not None:
                tag.successor = _loaded(Province, rows.db, id=successor_id, name=successor_name)
        else:
            tag = _loaded(model, rows.db, id=pk, name=name, slug=slug)
        found[relation].append(tag)
    return found


def _loaded(model, db, **fields):
    """An instance as if read from the database with only these fields, the others deferred."""
    names = [field.attname for field in model._meta.concrete_fields if field.attname in fields]
    return model.from_db(db, names, [fields[name] for name in names])


def neighbours(article: Article, provinces, organisations) -> dict:
    """Related articles (sharing a province or an organisation, newest first), previous and next, in one query.

    Each part is its own LIMITed, index-driven query; they are joined with
    UNION ALL, each under "id IN (…)" because SQLite refuses LIMIT and ORDER
    BY inside a compound SELECT.
    """
    public = Article.objects.published()
    when = article.published_at
    parts = {
        # The plain bound (published_at <= when) beside the OR lets the database start from the index.
        "previous": public.filter(Q(published_at__lt=when) | Q(published_at=when, id__lt=article.pk),
                                  published_at__lte=when).newest_first()[:1],
        "next": public.filter(Q(published_at__gt=when) | Q(published_at=when, id__gt=article.pk),
                              published_at__gte=when).order_by("published_at", "id")[:1],
    }
    province_ids, organisation_ids = [p.pk for p in provinces], [o.pk for o in organisations]
    if province_ids or organisation_ids:
        # EXISTS rather than JOIN … DISTINCT: the database walks the newest-first index and
        # stops at the fifth match instead of sorting every tagged article. One EXISTS over
        # both link tables rather than two ORed: PostgreSQL, once it has statistics, turns
        # each of those into a hash of every article sharing the tag (5,000 per province at
        # 100,000 articles) built before the walk; it never does that with a UNION inside.
        shared = Article.provinces.through.objects.filter(
            article_id=OuterRef("pk"), province_id__in=province_ids).values("article_id").union(
            Article.organisations.through.objects.filter(
                article_id=OuterRef("pk"), organisation_id__in=organisation_ids).values("article_id"), all=True)
        parts["related"] = public.exclude(pk=article.pk).filter(Exists(shared)).newest_first()[:RELATED_COUNT]
    wrapped = [
        Article.objects.filter(pk__in=part.values("pk")).only("id", "title", "slug", "published_at")
        .annotate(role=Value(_ROLES[role])).order_by()
        for role, part in parts.items()
    ]
    found = {"related": [], "previous": None, "next": None}
    for other in wrapped[0].union(*wrapped[1:], all=True).order_by("role", "-published_at", "-id"):
        if other.role == _ROLES["related"]:
            found["related"].append(other)
        else:
            found["previous" if other.role == _ROLES["previous"] else "next"] = other
    return found
