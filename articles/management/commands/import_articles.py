"""Import scraped source texts as tagged draft articles.

    manage.py import_articles PATH…            files, or folders of *.txt
    manage.py import_articles --dry-run --json PATH…

This is how the archive grows: a scraper drops plain texts into a folder and
this command turns them into drafts for the editors. Running it again over
the same folder imports only what is new. `--dry-run --json` writes nothing
and prints what the parser found, one object keyed by file name, in the
shape shared/gold/score.py scores. The work is done by articles.importing.

Parsing is what takes the time, so a folder of many texts is parsed on
every core (--jobs, see articles.parallel) while this process writes; a
handful of files is parsed here, where starting workers would cost more.
"""

import json
import sys
from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.importing import PARALLEL_FROM, Importer, Outcome, default_jobs, source_files
from articles.reference import setup_problem

#: Below this many files a progress bar is more noise than help.
PROGRESS_FROM = 5


class Command(BaseCommand):
    help = "Import source texts (files, or folders of *.txt) as draft articles, tagged and with their quotes."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="A .txt file, or a folder of them.")
        parser.add_argument("--dry-run", action="store_true", help="Parse and tag, write nothing.")
        parser.add_argument("--json", action="store_true", dest="as_json",
                            help="With --dry-run: print what the parser found as one JSON object keyed by "
                                 "file name.")
        parser.add_argument("--update", action="store_true",
                            help="Parse texts imported before again into their articles, unless an editor "
                                 "has changed them since.")
        parser.add_argument("--publish", action="store_true",
                            help="Publish the articles (at the text's date) instead of leaving drafts.")
        parser.add_argument("--jobs", type=int, default=None, metavar="N",
                            help="Processes that parse: 1 parses in this one. Default: every core from "
                                 f"{PARALLEL_FROM} texts on, else 1.")
        parser.add_argument("--progress", action="store_true", help="Show a progress bar even when not on a terminal.")

    def handle(self, *args, paths, dry_run, as_json, update, publish, jobs, progress, **options):
        if as_json and not dry_run:
            raise CommandError("--json prints what a --dry-run finds; add --dry-run.")
        if jobs is not None and jobs < 1:
            raise CommandError("--jobs must be 1 or more.")
        files = source_files(paths)
        if not files:
            raise CommandError("No source texts found in " + ", ".join(paths))
        if problem := setup_problem():
            raise CommandError(problem)
        importer = Importer(publish=publish, update=update, dry_run=dry_run)
        show_bar = len(files) > PROGRESS_FROM and (progress or sys.stderr.isatty()) and not as_json
        results = tqdm(importer.import_paths(files, jobs=jobs or default_jobs(len(files))), total=len(files),
                       unit="text", file=sys.stderr, disable=not show_bar)

        outcomes, tagged, extractions = Counter(), Counter(), {}
        for result in results:
            outcomes[result.outcome] += 1
            tagged.update(quotes=result.quotes, provinces=result.provinces, organisations=result.organisations)
            if result.failed:
                with tqdm.external_write_mode(file=sys.stderr):
                    self.stderr.write(result.message())
                continue
            if as_json:
                if result.file_name in extractions:
                    self.stderr.write(f"{result.file_name}: a file of this name came earlier; this one replaces it")
                extractions[result.file_name] = result.extraction()
            elif options["verbosity"] > 1 or result.outcome == Outcome.SKIPPED:
                self.stdout.write(result.message())
            for warning in result.warnings if options["verbosity"] > 1 else ():
                self.stderr.write(f"{result.file_name}: {warning}")

        summary = (
            ("would be " if dry_run else "")
            + ", ".join(f"{outcomes[o]} {o}" for o in Outcome)
            + f"; tagged {tagged['quotes']} quotes, {tagged['provinces']} provinces, "
            f"{tagged['organisations']} organisations"
        )
        if as_json:
            self.stdout.write(json.dumps(extractions, ensure_ascii=False, indent=1))
            self.stderr.write(summary)
        else:
            self.stdout.write(summary)
        if outcomes[Outcome.FAILED]:
            raise CommandError(f"{outcomes[Outcome.FAILED]} of {len(files)} texts could not be imported (see above).")
