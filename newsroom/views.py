"""Project-level views that belong to no app."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """Answers "ok" without touching the database: load balancers poll it, and the load
    benchmark uses it as the floor of what this stack can serve."""
    return HttpResponse("ok", content_type="text/plain")
