"""The editors' desk. One module per family of admin pages."""

from . import articles, reference  # noqa: F401  (registers the ModelAdmins)
