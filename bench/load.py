#!/usr/bin/env python3
"""Serve the site with gunicorn and measure it with wrk.

    .venv/bin/python bench/load.py --articles 100000 --database-url postgres://postgres@127.0.0.1:5432/newsroom_bench

Fills the database up to N generated articles (manage.py generate_articles),
starts gunicorn (2 workers, DEBUG off) on 127.0.0.1, and for each page runs
wrk, printing requests/second, p50 and p99 latency, errors and the workers'
memory. /healthz, a Django view answering "ok", is the floor of this stack
on this machine, against which the pages are judged. What the shared
machine gives changes within minutes, so the floor is measured right before
each page, and pages are judged against the median of those runs. Each run
follows a second of the same load, so that every worker has its connection
and what it keeps in memory: the figures are the steady state.
With --cold the page cache is switched off (PAGE_CACHE_SECONDS=0), so every
request renders. wrk shares the machine's two cores with gunicorn; the
figures are for comparing pages with each other and with the floor.
"""

import argparse
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def manage(*args, env):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def query(sql_code, env):
    """Run Python in the project's Django context and return its stdout."""
    code = f"import django; django.setup()\n{sql_code}"
    return subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


def prepare(env, articles):
    manage("migrate", "--noinput", "-v0", env=env)
    manage("load_reference_data", "-v0", env=env)
    have = int(query("from articles.models import Article; print(Article.objects.published().count())", env))
    if have < articles:
        manage("generate_articles", str(articles - have), env=env)
    return query(
        "from articles.models import Article, Province\n"
        "public = Article.objects.published()\n"
        "a = public.newest_first()[min(500, public.count() - 1)]\n"
        "p = Province.objects.get(slug='an-giang')\n"
        "print(a.get_absolute_url()); print(p.get_absolute_url()); print(-(-public.count() // 20))",
        env,
    ).splitlines()


def wait_until_up(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer at {url}")


def wrk(url, *, duration, connections, threads):
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True, text=True, check=True,
    ).stdout

    def latency(label):
        m = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(r"Socket errors:.*", out)
    return {"rps": rps, "p50": latency("50"), "p99": latency("99"),
            "non2xx": int(errors.group(1)) if errors else 0,
            "socket": socket_errors.group(0) if socket_errors else ""}


def worker_memory_mb(master_pid):
    children = subprocess.run(["pgrep", "-P", str(master_pid)], capture_output=True, text=True).stdout.split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
    return sizes


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", "sqlite:////tmp/newsroom-bench.sqlite3"))
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--cold", action="store_true", help="switch the page cache off")
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL", ""))
    args = parser.parse_args()

    static_root = tempfile.mkdtemp(prefix="newsroom-static-")
    env = {**os.environ, "DATABASE_URL": args.database_url, "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(40),
           "ALLOWED_HOSTS": "127.0.0.1,localhost", "STATIC_ROOT": static_root, "REDIS_URL": args.redis_url,
           "PAGE_CACHE_SECONDS": "0" if args.cold else os.environ.get("PAGE_CACHE_SECONDS", "60"),
           "DJANGO_SETTINGS_MODULE": "newsroom.settings"}
    article_url, province_url, last_page = prepare(env, args.articles)
    deep = min(2000, int(last_page))  # page 2,000 of 20 needs 40,000 articles; smaller archives: their last page
    manage("collectstatic", "--noinput", "-v0", env=env)
    base = f"http://127.0.0.1:{args.port}"
    pages = [
        ("floor: /healthz", "/healthz"),
        ("front page", "/"),
        ("list, page 50", "/articles/?page=50"),
        ("list, page 1", "/articles/"),
        (f"list, page {deep}", f"/articles/?page={deep}"),
        ("article page", article_url),
        ("province page", province_url),
        ("search without diacritics", "/search/?q=doi+thoai+nhan+dan"),
    ]
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "newsroom.wsgi", "--workers", str(args.workers), "--bind", f"127.0.0.1:{args.port}",
         "--log-level", "warning"],
        cwd=ROOT, env=env,
    )
    try:
        wait_until_up(base + "/healthz")
        engine = "PostgreSQL" if args.database_url.startswith("postgres") else "SQLite"
        print(f"\n{engine}, {args.articles:,} articles, cache {'off' if args.cold else 'warm'}, "
              f"{args.workers} gunicorn workers, wrk -t{args.threads} -c{args.connections} -d{args.duration}s\n")
        def measure(path):
            urllib.request.urlopen(base + path, timeout=30).read()  # a page that does not answer fails here
            wrk(base + path, duration=1, connections=args.connections, threads=args.threads)  # steady state
            return wrk(base + path, duration=args.duration, connections=args.connections, threads=args.threads)

        rows = []
        for label, path in pages[1:]:
            floor = measure(pages[0][1])["rps"]
            rows.append((label, floor, measure(path)))
            print(f"  {label}: {rows[-1][2]['rps']:,.0f} requests/s (floor just before: {floor:,.0f})", flush=True)
        floor = statistics.median(row[1] for row in rows)
        print(f"\nfloor (/healthz, median of its {len(rows)} runs): {floor:,.0f} requests/s\n")
        print("| page | requests/s | % of floor | p50 ms | p99 ms | non-2xx | floor just before |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for label, before, result in rows:
            print(f"| {label} | {result['rps']:,.0f} | {100 * result['rps'] / floor:.0f} % | {result['p50']:.1f} | "
                  f"{result['p99']:.1f} | {result['non2xx']} {result['socket']} | {before:,.0f} |")
        memory = worker_memory_mb(server.pid)
        print(f"\ngunicorn workers' resident memory: {', '.join(f'{m:.0f} MB' for m in memory)}")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
