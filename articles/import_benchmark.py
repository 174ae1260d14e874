"""How fast the importer goes: realistic source texts made in memory, then timed.

The texts are built from the seed texts' sentences (so word lengths,
diacritics and punctuation are real) around what the tagger has to find:
a dateline, provinces in force on that date and their district-level units,
provincial bodies written the way papers abbreviate them (UBND, HĐND,
MTTQ), officials quoted directly and indirectly, a motto, a heading, a
caption and a source line. The same seed gives the same texts.

Three figures: parsing with tagging alone (pure Python, no database) in
this process, the same in a pool of worker processes (articles.parallel,
the time to start them included), and the whole import into the configured
database, in batches of BATCH_SIZE texts as import_articles runs it (see
articles.importing), with the parsing in worker processes when jobs > 1.
"""

import cProfile
import datetime
import io
import pstats
import random
import re
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from django.db.models import Max

from articles import parallel, tagging
from articles.generation import GIVEN, HEADINGS, MIDDLE, SOURCES, SURNAMES
from articles.importing import BATCH_SIZE, Importer, Outcome, decode_source
from articles.models import Article, Organisation, Person
from articles.models.provinces import MERGER_DATE
from articles.text.normalise import clean
from articles.text.records import Gazetteer
from articles.text.slugs import slugify_vi

TITLES = ["Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh", "Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh",
          "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", "Giám đốc Sở Nông nghiệp và Phát triển nông thôn tỉnh"]
BODIES = ["UBND tỉnh {p}", "HĐND tỉnh {p}", "Ban Thường vụ Tỉnh ủy {p}", "Tỉnh ủy {p}", "Ủy ban MTTQ Việt Nam tỉnh {p}"]
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_QUOTE_MARKS = re.compile("[“”\"«»]")


def seed_sentences() -> list[str]:
    """The seed texts' sentences without quotation marks, paragraph by paragraph (headings dropped)."""
    sentences = []
    for path in sorted(SOURCES.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = clean(line)
            if len(line.split()) < 20:  # headings, captions, furniture
                continue
            sentences += [s for s in _SENTENCE_END.split(line)
                          if 40 <= len(s) <= 400 and not _QUOTE_MARKS.search(s) and s[-1] in ".!?…"]
    return sentences


MOTTOS = ["dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng",
          "lấy dân làm gốc", "nói đi đôi với làm"]


@dataclass
class Measurement:
    label: str
    articles: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else float("inf")

    def __str__(self):
        return f"{self.label}: {self.articles} articles in {self.seconds:.2f} s = {self.per_second:,.0f} articles/s"


class TextMaker:
    def __init__(self, gazetteer: Gazetteer, *, seed: int = 1, people: int = 300):
        self.rng = random.Random(seed)
        self.sentences = seed_sentences()
        self.gazetteer = gazetteer
        provinces = [p for p in gazetteer.provinces if p.kind == "tinh"]
        self.before = [p for p in provinces if p.valid_from is None or p.valid_from < MERGER_DATE]
        self.before = [p for p in self.before if p.valid_to is None or p.valid_to >= MERGER_DATE
                       - datetime.timedelta(days=1)]
        self.after = [p for p in provinces if p.valid_to is None]
        self.districts = {}
        for district in gazetteer.districts:
            self.districts.setdefault(district.province_key, []).append(district)
        rng = self.rng
        self.people = sorted({f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
                              for _ in range(people)})

    def paragraph(self, n: int) -> str:
        return " ".join(self.rng.choice(self.sentences) for _ in range(n))

    def text(self, i: int) -> tuple[str, bytes]:
        rng = self.rng
        day = datetime.datetime(2016, 1, 1, 6) + datetime.timedelta(minutes=rng.randrange(0, 10 * 365 * 24 * 60))
        province = rng.choice(self.before if day.date() < MERGER_DATE else self.after)
        name = province.name
        district = rng.choice(self.districts.get(province.key) or [None])
        place = f"huyện {district.name}" if district and district.kind == "huyen" else f"tỉnh {name}"
        speaker, other = rng.sample(self.people, 2)
        indirect = self.paragraph(2)
        title = rng.choice(self.sentences).rstrip(".…").split()
        start = rng.randrange(0, max(1, len(title) - 10))
        paragraphs = [
            f"{self.paragraph(1)} Những năm qua, {rng.choice(BODIES).format(p=name)} đã chỉ đạo {place} "
            f"thực hiện tốt nhiệm vụ. {self.paragraph(1)}",
            self.paragraph(3),
            f"Thực hiện phương châm “{rng.choice(MOTTOS)}”, {rng.choice(BODIES).format(p=name)} "
            f"phối hợp với {rng.choice(BODIES).format(p=name)} triển khai nhiều giải pháp. {self.paragraph(2)}",
            rng.choice(HEADINGS),
            f"Phát biểu tại hội nghị, ông {speaker}, {rng.choice(TITLES)} {name} nhấn mạnh: "
            f"“{self.paragraph(1).rstrip('.')}”. {self.paragraph(2)}",
            self.paragraph(4),
            f"Theo bà {other}, {rng.choice(TITLES)} {name}, {indirect[0].lower()}{indirect[1:]}",
            f"Ảnh: Lãnh đạo {place} thăm hỏi người dân. (Ảnh: PV)",
            self.paragraph(3),
            f"Nguồn: bao{slugify_vi(name).replace('-', '')}.vn",
        ]
        headline = f"{place[0].upper()}{place[1:]}: {' '.join(title[start:start + rng.randint(7, 12)])}"
        lines = [headline,
                 day.strftime("%d/%m/%Y %H:%M"), *paragraphs]
        return f"bench-{i:06d}.txt", "\n\n".join(lines).encode("utf-8")

    def texts(self, count: int) -> list[tuple[str, bytes]]:
        return [self.text(i) for i in range(count)]


def measure_parsing(sources, *, profile: bool = False) -> tuple[Measurement, str]:
    """Decode, parse and tag every text with the database's Tagger (built before the clock starts)."""
    tagger = tagging.tagger()
    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    for file_name, data in sources:
        tagging.parse(decode_source(data, file_name=file_name), file_name=file_name, with_tagger=tagger, decoded=True)
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - started
    report = ""
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
        report = out.getvalue()
    return Measurement("parse + tag in this process (no database)", len(sources), seconds), report


def measure_spare_cores(jobs: int, *, work: int = 20_000_000) -> float:
    """How many cores `jobs` processes get now: the same sum over a range, once alone, then in each at once.

    The machine may be shared: this says what the parallel figures could be
    at best at the time they were taken (2.0 of 2 on a quiet machine).
    """
    with ProcessPoolExecutor(max_workers=jobs, mp_context=parallel.context()) as pool:
        list(pool.map(sum, [range(1000)] * jobs))  # started
        started = time.perf_counter()
        pool.submit(sum, range(work)).result()
        alone = time.perf_counter() - started
        started = time.perf_counter()
        list(pool.map(sum, [range(work)] * jobs))
        together = time.perf_counter() - started
    return jobs * alone / together


def measure_parallel_parsing(sources, *, jobs: int, with_fields: bool = False) -> tuple[Measurement, float]:
    """Decode, parse and tag every text in `jobs` worker processes; also how long they took to start.

    The clock runs from before the pool starts, as an import's does: the
    start is part of the price. It is also timed on its own, with a pool
    that does nothing else. with_fields: the workers also make each
    article's fields (article_fields), as an import's workers do; that is
    the import's work, not parsing, and the whole-import figure counts it.
    """
    gazetteer = tagging.gazetteer()
    started = time.perf_counter()
    with parallel.ParsePool(gazetteer, jobs=jobs) as pool:
        pool.start()
    start_seconds = time.perf_counter() - started
    started = time.perf_counter()
    with parallel.ParsePool(gazetteer, jobs=jobs, with_fields=with_fields) as pool:
        for batch in pool.parse_ahead(parallel.chunked(sources, BATCH_SIZE), lambda source: source):
            for (file_name, _), parsed in batch:
                if parsed is None:  # the pool failed it: would be parsed in this process
                    raise RuntimeError(f"{file_name} was not parsed in a worker")
    seconds = time.perf_counter() - started
    what = "parse + tag + article fields" if with_fields else "parse + tag"
    return Measurement(f"{what} in {jobs} processes (no database)", len(sources), seconds), start_seconds


def measure_import(sources, *, keep: bool = False, batch_size: int = BATCH_SIZE, jobs: int = 1
                   ) -> tuple[Measurement, dict]:
    """Import every text into the configured database; then remove what it made unless keep."""
    last_person = Person.objects.aggregate(m=Max("pk"))["m"] or 0
    last_organisation = Organisation.objects.aggregate(m=Max("pk"))["m"] or 0
    importer = Importer(tagger=tagging.tagger(), gazetteer=tagging.gazetteer())
    outcomes: dict[str, int] = {}
    created = []
    started = time.perf_counter()
    for result in importer.import_many(sources, batch_size=batch_size, jobs=jobs):
        outcomes[result.outcome] = outcomes.get(result.outcome, 0) + 1
        if result.outcome == Outcome.CREATED:
            created.append(result.article.pk)
    seconds = time.perf_counter() - started
    if not keep:
        for start in range(0, len(created), 500):
            Article.objects.filter(pk__in=created[start:start + 500]).delete()
        Person.objects.filter(pk__gt=last_person, quotes__isnull=True, articles__isnull=True).delete()
        Organisation.objects.filter(pk__gt=last_organisation, articles__isnull=True).delete()
        tagging.invalidate()
    parsing = f"parsing in {jobs} processes" if jobs > 1 else "parsing in this process"
    return Measurement(f"whole import (batches of {batch_size}, {parsing})", len(sources), seconds), outcomes
