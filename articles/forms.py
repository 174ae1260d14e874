"""Form fields and forms shared by the admin and the public site."""

from django import forms
from django.utils.translation import gettext_lazy as _

from articles.models.fields import clean_aliases


class AliasesFormField(forms.CharField):
    """Edits a list of aliases as a text area, one per line."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, *args, encoder=None, decoder=None, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("One per line."))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return clean_aliases(value)
        return clean_aliases((value or "").splitlines())

    def has_changed(self, initial, data):
        return clean_aliases(initial or []) != self.to_python(data)
