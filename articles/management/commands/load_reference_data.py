"""Load the provinces, district-level units and organisations every installation needs.

Idempotent: loaddata updates rows by natural key, so running it again after
a refresh of the fixtures changes only what changed; aliases editors have
added are kept (articles.reference.load_reference_data).
"""

from django.core.management.base import BaseCommand

from articles.reference import load_reference_data


class Command(BaseCommand):
    help = "Load the reference data: provinces (63 before and 34 since 1 July 2025), districts, organisations."

    def handle(self, *args, **options):
        load_reference_data(verbosity=options["verbosity"])
