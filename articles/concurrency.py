"""Two people editing one article: the second save must not silently win.

Every save raises Article.version. The change form carries the version it
was loaded with; when the database holds another one by the time the form is
saved, someone else saved in between. find_conflict() says who, when, and
which fields they changed (from the revision history when it has the
version the editor loaded, else every field where the saved article differs
from the form), so the editor can reload or overwrite knowingly.
"""

from dataclasses import dataclass, field

from django.db import models
from reversion.models import Version

from articles.models import Article


@dataclass(frozen=True)
class FieldChange:
    name: str
    label: str
    saved: str          # what the database holds now (the other person's save)
    yours: str          # what this form would save


@dataclass(frozen=True)
class Conflict:
    current_version: int
    loaded_version: int
    updated_by: str
    updated_at: object
    changes: list[FieldChange] = field(default_factory=list)


def find_conflict(*, article_id: int, loaded_version: int, cleaned_data: dict, fields: dict,
                  current_version: int | None = None) -> Conflict | None:
    """A Conflict when the article was saved since `loaded_version`, else None.

    `fields` maps form field names to form fields (for labels); the row is
    locked (SELECT … FOR UPDATE, inside the admin's transaction) so a third
    save cannot slip between this check and the save that follows.
    """
    current = (
        Article.objects.select_for_update(of=("self",)).select_related("updated_by").filter(pk=article_id).first()
    )
    if current is None:
        return None
    live = current.version if current_version is None else current_version
    if live == loaded_version:
        return None
    base = _loaded_state(article_id, loaded_version)
    changes = []
    for name, form_field in fields.items():
        try:
            model_field = Article._meta.get_field(name)
        except Exception:  # a form-only field: the version, the schedule time
            continue
        if not getattr(model_field, "editable", False) or name not in cleaned_data:
            continue
        saved = _comparable(model_field, model_field.value_from_object(current))
        yours = _comparable(model_field, cleaned_data[name])
        changed_by_them = saved != (base[name] if base is not None and name in base else yours)
        if changed_by_them and saved != yours:
            changes.append(FieldChange(name, str(form_field.label or name), _shown(model_field, saved),
                                       _shown(model_field, yours)))
    who = current.updated_by.get_username() if current.updated_by else "?"
    return Conflict(live, loaded_version, who, current.updated_at, changes)


def _loaded_state(article_id: int, version_number: int) -> dict | None:
    """The article's fields as they were at `version_number`, from django-reversion if it kept them."""
    for version in Version.objects.get_for_model(Article).filter(object_id=str(article_id)).order_by("-pk")[:50]:
        try:
            data = version.field_dict
        except Exception:  # a revision from an older schema: no base to compare with
            return None
        if data.get("version") == version_number:
            model = Article._meta
            return {
                f.name: _comparable(f, data.get(f.attname))
                for f in model.get_fields() if getattr(f, "editable", False) and hasattr(f, "attname")
            }
    return None


def _comparable(model_field, value):
    if isinstance(model_field, models.ManyToManyField):
        if value is None:
            return frozenset()
        return frozenset(getattr(v, "pk", v) for v in value)
    if isinstance(model_field, models.FileField):
        return getattr(value, "name", value) or ""
    if value is None:
        return ""
    return value


def _shown(model_field, value) -> str:
    if isinstance(model_field, models.ManyToManyField):
        names = model_field.related_model.objects.filter(pk__in=value).values_list(
            model_field.related_model._meta.ordering[0] if model_field.related_model._meta.ordering else "pk",
            flat=True,
        )
        return ", ".join(str(n) for n in names) or "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    return str(value) if value != "" else "—"
