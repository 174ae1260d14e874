"""Load the provinces, district-level units and organisations every installation needs.

Idempotent: loaddata updates rows by natural key, so running it again after
a refresh of the fixtures changes only what changed.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from articles.reference import REFERENCE_FIXTURES


class Command(BaseCommand):
    help = "Load the reference data: provinces (63 before and 34 since 1 July 2025), districts, organisations."

    def handle(self, *args, **options):
        call_command("loaddata", *REFERENCE_FIXTURES, verbosity=options["verbosity"])
