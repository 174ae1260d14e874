"""Regenerate articles/fixtures/reference/organisations.json from the provinces fixture.

Every province, current or former, has the same standard bodies (Tỉnh ủy,
HĐND, UBND, Fatherland Front committee …); typing 500 of them by hand would
invite typos the tagger then repeats. Their names follow from the province
names by the rules in articles.text.organisations, so this command derives
them, with a short list of national bodies. Unlike build_reference_data it
needs no network: run it after the provinces fixture changes.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.reference_data import build_organisations

REFERENCE_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "reference"


class Command(BaseCommand):
    help = "Rebuild the organisations fixture from the provinces fixture."

    def add_arguments(self, parser):
        parser.add_argument("--provinces", type=Path, default=REFERENCE_DIR / "provinces.json")
        parser.add_argument("--output", type=Path, default=REFERENCE_DIR / "organisations.json")

    def handle(self, *args, provinces, output, **options):
        try:
            records = json.loads(provinces.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {provinces}: {error}") from error
        organisations = build_organisations([r for r in records if r.get("model") == "articles.province"])
        output.write_text(json.dumps(organisations, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(organisations)} organisations to {output}"))
