"""Small field helpers shared by the models."""

from django.db import models

from articles.text.normalise import canonical


class AliasesField(models.JSONField):
    """Other spellings of a name, as a JSON list of strings.

    A list rather than a related table because the tagger loads every alias
    at once and the admin edits them as one text area; JSON works the same
    on SQLite and PostgreSQL.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        from articles.forms import AliasesFormField

        return super().formfield(**{"form_class": AliasesFormField, **kwargs})


def clean_aliases(values) -> list[str]:
    """Canonical spellings, blanks and repeats dropped, order kept."""
    seen, result = set(), []
    for value in values or []:
        alias = canonical(str(value))
        if alias and alias.casefold() not in seen:
            seen.add(alias.casefold())
            result.append(alias)
    return result
