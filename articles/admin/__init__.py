"""The editors' desk. One module per family of admin pages."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import articles, imports, reference  # noqa: F401  (registers the ModelAdmins)

admin.site.site_header = _("Newsroom — editors' desk")
admin.site.site_title = _("Newsroom")
