#!/usr/bin/env python3
"""Time the editors' article list (the admin changelist) as an editor sees it, in this process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench .venv/bin/python bench/admin_list.py

For the archive in DATABASE_URL (manage.py generate_articles), signs in a
user of the editors' group (made once, kept as "bench-editor"), and for each
view of the list prints the median and slowest wall time of --repeat
requests and the number of queries each made. The target (#6) is 300 ms at
100,000 articles on PostgreSQL, with a query count that does not grow.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    os.environ.update(ALLOWED_HOSTS="testserver", DJANGO_SETTINGS_MODULE="newsroom.settings")
    os.environ.setdefault("SECRET_KEY", "admin-list-bench")
    os.environ.setdefault("STATIC_ROOT", tempfile.mkdtemp(prefix="newsroom-static-"))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from articles import roles
    from articles.models import Article, Organisation, Province

    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("setup_roles", verbosity=0)
    editor, _ = get_user_model().objects.get_or_create(username="bench-editor", defaults={"is_staff": True})
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    client = Client()
    client.force_login(editor)

    base = "/admin/articles/article/"
    province = Province.objects.get(slug="an-giang")
    organisation = Organisation.objects.filter(articles__isnull=False).first()
    total = Article.objects.count()
    views = [
        ("first page", base),
        ("page 1,000", f"{base}?p=999"),
        ("published only", f"{base}?status__exact=published"),
        ("one province", f"{base}?provinces__id__exact={province.pk}"),
        ("one organisation", f"{base}?organisation={organisation.slug}" if organisation else base),
        ("search without diacritics", f"{base}?q=doi+thoai"),
    ]
    print(f"{total:,} articles, {connection.vendor}, {args.repeat} requests each after one to warm up\n")
    print("| view | median ms | slowest ms | queries |")
    print("| --- | ---: | ---: | ---: |")
    for label, url in views:
        assert client.get(url).status_code == 200, url
        times, counts = [], set()
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                times.append(1000 * (time.perf_counter() - started))
            assert response.status_code == 200, url
            counts.add(len(queries.captured_queries))
        print(f"| {label} | {statistics.median(times):.0f} | {max(times):.0f} | {', '.join(map(str, sorted(counts)))} |",
              flush=True)


if __name__ == "__main__":
    main()
