"""Rebuild articles/fixtures/seed/articles.json from articles/fixtures/sources/.

The seed articles are what the importer makes of the seed texts (see
articles.seeding). The fixture must come out the same on every machine, so
it is built on an empty in-memory SQLite database, whatever DATABASE_URL
names: the command runs itself again in a child process pointed at one.
Run it after changing the parser, the tagger or the seed texts, and commit
the result; tests/test_seed_fixtures.py fails while it is out of date.
"""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from articles.reference import REFERENCE_FIXTURES, SEED_FIXTURE
from articles.seeding import SOURCES_DIR, SeedError, seed_fixture

IN_MEMORY = "sqlite://:memory:"


class Command(BaseCommand):
    help = "Rebuild the seed articles fixture by importing the seed source texts into an empty database."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, default=Path(SEED_FIXTURE))
        parser.add_argument("--sources", type=Path, default=SOURCES_DIR)
        parser.add_argument("--in-this-database", action="store_true",
                            help="Build in the configured database, which must be empty and in memory "
                                 "(what the child process does).")

    def handle(self, *args, output, sources, in_this_database, **options):
        if not in_this_database:
            return self._in_child(output, sources)
        if settings.DATABASES["default"]["NAME"] != ":memory:":
            raise CommandError("--in-this-database builds only in an in-memory SQLite database.")
        call_command("migrate", interactive=False, verbosity=0)
        call_command("loaddata", *REFERENCE_FIXTURES, verbosity=0)
        try:
            fixture = seed_fixture(sources)
        except SeedError as error:
            raise CommandError(f"A seed text did not import: {error}") from error
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(fixture, encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"Wrote {output}"))

    def _in_child(self, output: Path, sources: Path):
        command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "build_seed_fixtures",
                   "--in-this-database", "--output", str(output.resolve()), "--sources", str(sources.resolve())]
        # No shared cache either: the child's tagger must not see another process's state.
        env = {**os.environ, "DATABASE_URL": IN_MEMORY, "REDIS_URL": ""}
        env.setdefault("SECRET_KEY", "build-seed-fixtures-only")
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode:
            raise CommandError(done.stderr.strip() or "building the seed fixture failed")
        self.stdout.write(done.stdout.strip())
