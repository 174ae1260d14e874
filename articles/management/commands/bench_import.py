"""Measure the importer: parsing with tagging, and the whole import.

    manage.py bench_import [--count 10000] [--seed 1] [--jobs N] [--profile] [--keep]

Realistic texts are made in memory (articles.import_benchmark); nothing is
read from disk. Parsing is timed in this process and in --jobs worker
processes (every core by default), and the whole import parses in --jobs
processes as import_articles does for many files. The whole-import run writes to the configured database and
removes what it made afterwards (--keep leaves it). docs/import-benchmark.md
records the figures and how they were taken.
"""

import platform

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from articles import tagging
from articles.import_benchmark import (
    TextMaker,
    measure_import,
    measure_parallel_parsing,
    measure_parsing,
    measure_spare_cores,
)
from articles.importing import BATCH_SIZE
from articles.parallel import available_cores


class Command(BaseCommand):
    help = "Time parsing with tagging, and the whole import, over generated source texts."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
        parser.add_argument("--jobs", type=int, default=available_cores(),
                            help="Processes that parse (default: every core, %(default)s here); 1 parses in "
                                 "this process.")
        parser.add_argument("--parse-only", action="store_true", help="Skip the database part.")
        parser.add_argument("--profile", action="store_true", help="Print where parsing spends its time.")
        parser.add_argument("--keep", action="store_true", help="Keep the imported articles.")

    def handle(self, *args, count, seed, batch_size, jobs, parse_only, profile, keep, **options):
        if jobs < 1:
            raise CommandError("--jobs must be 1 or more.")
        sources = TextMaker(tagging.gazetteer(), seed=seed).texts(count)
        size = sum(len(data) for _, data in sources) / len(sources)
        self.stdout.write(f"{count} texts, {size / 1024:.1f} KB on average; Python {platform.python_version()}, "
                          f"{connection.vendor} database")
        parsing, report = measure_parsing(sources, profile=profile)
        self.stdout.write(str(parsing))
        if report:
            self.stdout.write(report)
        if jobs > 1:
            pooled, start = measure_parallel_parsing(sources, jobs=jobs)
            self.stdout.write(f"{pooled}  (starting the {jobs} workers alone: {start:.2f} s)")
            with_fields, _ = measure_parallel_parsing(sources, jobs=jobs, with_fields=True)
            self.stdout.write(f"{with_fields}  (as an import's workers do)")
            # Other jobs on the machine take cores too: what the parallel figures could be at best.
            self.stdout.write(f"cores {jobs} processes got at the time: {measure_spare_cores(jobs):.1f} of {jobs}")
        if not parse_only:
            whole, outcomes = measure_import(sources, keep=keep, batch_size=batch_size, jobs=jobs)
            self.stdout.write(str(whole) + "  (" + ", ".join(f"{n} {o}" for o, n in outcomes.items()) + ")")
