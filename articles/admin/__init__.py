"""The editors' desk. One module per family of admin pages."""

from . import articles, imports, reference  # noqa: F401  (registers the ModelAdmins)
