"""Regenerate articles/fixtures/reference/ from the maintained data packages.

The fixtures are committed, so a fresh machine loads them without network
access; this command is how they are made and refreshed when the packages
publish corrections. It needs the package registry.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.reference_data import build_fixtures

FIXTURE_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "reference"
PACKAGES = {
    "old": "vietnam-provinces>=0.6,<0.7",
    "new": "vietnam-provinces>=2025.8,<2026",
    "mapping": "vietnamadminunits>=1.0,<2",
}


class Command(BaseCommand):
    help = "Rebuild the province and district fixtures from vietnam-provinces and vietnamadminunits."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, default=FIXTURE_DIR, help="Folder to write the fixtures to.")

    def handle(self, *args, output, **options):
        with tempfile.TemporaryDirectory() as tmp:
            folders = {}
            for name, requirement in PACKAGES.items():
                folder = Path(tmp) / name
                self.stdout.write(f"Installing {requirement} …")
                result = subprocess.run(
                    [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(folder), requirement],
                    capture_output=True,
                    text=True,
                )
                if result.returncode:
                    raise CommandError(f"pip could not install {requirement}:\n{result.stderr}")
                folders[name] = folder
            try:
                fixtures = build_fixtures(folders["old"], folders["new"], folders["mapping"])
            except (KeyError, ValueError) as error:
                raise CommandError(f"The packages' data is not what this command expects: {error}") from error
        output.mkdir(parents=True, exist_ok=True)
        for file_name, records in fixtures.items():
            path = output / file_name
            path.write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            self.stdout.write(self.style.SUCCESS(f"Wrote {len(records)} records to {path}"))
