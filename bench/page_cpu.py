#!/usr/bin/env python3
"""CPU time of one request to each public page, in this process, with the page cache off.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench .venv/bin/python bench/page_cpu.py [--first]

Requests go through Django's test client (middleware, view, templates, the
database), without a server or a load generator in the way: process time
(time.process_time) is steadier than requests/second on a shared machine,
and --profile shows where it goes. After three warm-up requests each page is
requested --repeat times; with --first every kept piece (counts, cards,
rendered fragments; articles.caching.versioned) is dropped before each
request, as after an edit. The database must be filled already (see
docs/performance.md).
"""

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--first", action="store_true", help="drop every kept piece before each request")
    parser.add_argument("--profile", metavar="PAGE", help="print the cProfile of this page (e.g. 'list, page 1')")
    args = parser.parse_args()

    os.environ.update(PAGE_CACHE_SECONDS="0", ALLOWED_HOSTS="testserver", DJANGO_SETTINGS_MODULE="newsroom.settings")
    os.environ.setdefault("SECRET_KEY", "page-cpu")
    os.environ.setdefault("STATIC_ROOT", tempfile.mkdtemp(prefix="newsroom-static-"))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    from articles.models import Article, Organisation

    call_command("collectstatic", interactive=False, verbosity=0)
    public = Article.objects.published()
    last_page = -(-public.count() // 20)
    organisation = Organisation.objects.order_by("pk").first()
    article = public.newest_first()[min(500, public.count() - 1)]  # the one bench/load.py requests
    pages = [
        ("floor: /healthz", "/healthz"),
        ("front page", "/"),
        ("list, page 1", "/articles/"),
        ("list, page 50", f"/articles/?page={min(50, last_page)}"),
        (f"list, page {min(2000, last_page)}", f"/articles/?page={min(2000, last_page)}"),
        ("list, one province", "/articles/?province=an-giang"),
        ("province page", "/provinces/an-giang/"),
        ("/provinces/", "/provinces/"),
        ("organisation page", organisation.get_absolute_url() if organisation else "/"),
        ("search without diacritics", "/search/?q=doi+thoai+nhan+dan"),
        ("article page", article.get_absolute_url()),
    ]
    client = Client()
    print(f"{public.count():,} articles, page cache off{', every piece dropped before each request' if args.first else ''}"
          f", mean of {args.repeat} requests\n")
    print("| page | CPU ms | wall ms |")
    print("| --- | ---: | ---: |")
    for label, url in pages:
        for _ in range(3):
            assert client.get(url).status_code == 200, url
        profile = cProfile.Profile() if args.profile == label else None
        cpu = wall = 0.0
        for _ in range(args.repeat):
            if args.first:
                cache.clear()
            started, started_wall = time.process_time(), time.perf_counter()
            if profile:
                profile.enable()
            client.get(url)
            if profile:
                profile.disable()
            cpu += time.process_time() - started
            wall += time.perf_counter() - started_wall
        print(f"| {label} | {1000 * cpu / args.repeat:.1f} | {1000 * wall / args.repeat:.1f} |", flush=True)
        if profile:
            pstats.Stats(profile).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(40)


if __name__ == "__main__":
    main()
