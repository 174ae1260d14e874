"""Merge records that turn out to be the same organisation or person.

Imports create a new Person for every spelling nobody has seen yet, so
"Lê Văn Nưng" and "Lê văn Nưng" end up as two rows. merge() keeps one:
every article tag and quote moves to it, the other names become its aliases,
and the duplicates are deleted, all in one transaction.
"""

from django.db import transaction

from articles.models import Article, Organisation, Person, Quote
from articles.models.fields import clean_aliases

#: The article M2M field that points at each mergeable model.
ARTICLE_FIELDS = {Organisation: "organisations", Person: "people"}


class MergeError(ValueError):
    pass


@transaction.atomic
def merge(*, keep, duplicates) -> dict[str, int]:
    """Fold `duplicates` into `keep`; returns counts of what moved."""
    model = type(keep)
    if model not in ARTICLE_FIELDS:
        raise MergeError(f"{model.__name__} records cannot be merged")
    duplicates = [d for d in duplicates if d.pk != keep.pk]
    if not duplicates:
        raise MergeError("Choose at least one other record to merge into the one kept.")
    if any(type(d) is not model for d in duplicates):
        raise MergeError("Only records of one kind can be merged.")
    duplicate_ids = [d.pk for d in duplicates]

    through = getattr(Article, ARTICLE_FIELDS[model]).through
    column = model._meta.model_name  # "organisation" / "person": the through table's FK name
    tagged = set(through.objects.filter(**{f"{column}_id": keep.pk}).values_list("article_id", flat=True))
    moving = set(through.objects.filter(**{f"{column}_id__in": duplicate_ids}).values_list("article_id", flat=True))
    through.objects.bulk_create([through(article_id=a, **{f"{column}_id": keep.pk}) for a in moving - tagged])
    through.objects.filter(**{f"{column}_id__in": duplicate_ids}).delete()

    moved = {"articles": len(moving - tagged), "quotes": 0, "children": 0}
    if model is Person:
        moved["quotes"] = Quote.objects.filter(speaker_id__in=duplicate_ids).update(speaker=keep)
    if model is Organisation:
        moved["children"] = Organisation.objects.filter(parent_id__in=duplicate_ids).update(parent=keep)

    names = list(keep.aliases)
    for duplicate in duplicates:
        names += [duplicate.name, *duplicate.aliases]
        if getattr(duplicate, "short_name", ""):
            names.append(duplicate.short_name)
    keep.aliases = [alias for alias in clean_aliases(names) if alias.casefold() != keep.name.casefold()]
    model.objects.filter(pk__in=duplicate_ids).delete()
    keep.save()
    return moved
