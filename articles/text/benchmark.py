"""How fast the text pipeline parses and tags, on a corpus made from the seeds.

Importers parse thousands of scraped pages a minute, so parse_article()
with a reused Tagger has a speed budget (docs: about 0.5 ms per article on
one core). Two seed texts are too few and too alike to measure it: the
corpus here recombines their paragraphs, swaps in other provinces,
districts, speakers and datelines, and adds quotes, captions and page
furniture, so every branch of the pipeline runs as on real pages.

    python -m articles.text.benchmark            # per-article CPU time, and articles/s on all cores

Only the standard library and articles.text: no Django.
"""

import argparse
import datetime
import multiprocessing
import os
import random
import re
import time
from collections.abc import Sequence
from pathlib import Path

from .entities import Tagger
from .gazetteer import reference_gazetteer
from .organisations import standard_bodies
from .parse import parse_article
from .records import Gazetteer, OrganisationEntry, PersonEntry

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SOURCES = FIXTURES / "sources"

_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
             "Ngô", "Dương", "Lý", "Lâm", "Trịnh", "Đinh")
_MIDDLE = ("Văn", "Thị", "Minh", "Quang", "Hữu", "Đức", "Thanh", "Ngọc", "Xuân", "Công")
_GIVEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Nưng", "Phúc",
          "Sơn", "Thi", "Trang", "Tuấn", "Vy", "Hòa", "Thủy")
_TITLES = ("Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh", "Phó Chủ tịch HĐND tỉnh", "Giám đốc Sở Y tế",
           "Chủ tịch UBMTTQVN tỉnh", "Bí thư Huyện ủy", "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh",
           "Trưởng thôn", "Chủ tịch UBND huyện")
_HONORIFICS = ("ông", "bà", "đồng chí", "")
_VERBS = ("khẳng định", "cho biết", "nhấn mạnh", "chia sẻ", "phát biểu", "nêu rõ")
_MOTTO_CUES = ("phương châm", "tinh thần", "khẩu hiệu", "quan điểm")
_FURNITURE_TOP = ("Trang chủ > Thời sự > Chính trị", "Chia sẻ", "Zalo", "Facebook")
_FURNITURE_END = ("Phản hồi", "Bình luận", "Liên kết website", "Tags: xây dựng Đảng, dân vận")
_SOURCES = ("Nguồn: baothanhhoa.vn", "Nguồn: baoangiang.com.vn", "Theo Báo Nhân Dân", "Minh Anh",
            "Bài, ảnh: Thanh Hà")
_DATELINES = ("{d}/{m}/{y} {H}:{M}", "Thứ Năm, {d}/{m}/{y}, {H}:{M} (GMT+7)", "{d}/{m}/{y} | {H}:{M}",
              "Cập nhật lúc {H}h{M} ngày {d}.{m}.{y}", "{d}-{m}-{y}")
#: Names in the seeds that variants replace.
_SEED_PROVINCES = ("Thanh Hoá", "Thanh Hóa", "An Giang")
_SEED_DISTRICTS = ("Như Xuân", "Châu Đốc")
_SEED_PEOPLE = ("Lâm Quang Thi", "Lê Văn Nưng")
_SENTENCE = re.compile(r"(?<=[.!?…])\s+")


def benchmark_gazetteer(base: Gazetteer | None = None, *, people: int = 200, seed: int = 1) -> Gazetteer:
    """The reference units plus every province's standard bodies and some people, as a full archive has."""
    base = base or reference_gazetteer()
    organisations = tuple(
        OrganisationEntry(name, aliases, p.key)
        for p in base.provinces for name, aliases in standard_bodies(p.name, p.kind)
    )
    rng = random.Random(seed)
    names = sorted({_person(rng) for _ in range(people)})
    return Gazetteer(base.provinces, base.districts, organisations, tuple(PersonEntry(n) for n in names))


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_SURNAMES)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"


class _Material:
    """The seeds cut into what variants are made of: titles, paragraphs, headings, captions, sentences."""

    def __init__(self, gazetteer: Gazetteer):
        self.titles, self.paragraphs, self.headings, self.captions = [], [], [], []
        tagger = Tagger(gazetteer)
        for path in sorted(SOURCES.glob("*.txt")):
            parsed = parse_article(path.read_text(encoding="utf-8"), file_name=path.name, tagger=tagger)
            self.titles.append(parsed.title)
            self.paragraphs += parsed.body_paragraphs
            self.headings += parsed.headings
            self.captions += parsed.captions
        self.sentences = [
            s for p in self.paragraphs for s in _SENTENCE.split(p)
            if 40 <= len(s) <= 300 and not any(mark in s for mark in "“”\"")
        ]
        self.provinces = [p for p in gazetteer.provinces if " " in p.name]
        self.districts: dict[str, list[str]] = {}
        for district in gazetteer.districts:
            self.districts.setdefault(district.province_key, []).append(district.name)


def _swap(text: str, province: str, district: str, people: dict[str, str]) -> str:
    for name in _SEED_PROVINCES:
        text = text.replace(name, province)
    for name in _SEED_DISTRICTS:
        text = text.replace(name, district)
    for name, other in people.items():
        text = text.replace(name, other)
    return text


def _quote(rng: random.Random, material: _Material, province: str) -> str:
    """A paragraph quoting someone, in one of the ways the press writes it."""
    sentence = rng.choice(material.sentences)
    name = _person(rng)
    title = rng.choice(_TITLES).replace("tỉnh", f"tỉnh {province}", 1)
    honorific = rng.choice(_HONORIFICS)
    who = f"{title} {honorific} {name}".replace("  ", " ")
    verb = rng.choice(_VERBS)
    form = rng.randrange(5)
    if form == 0:
        return f"{who} {verb}: “{sentence}”"
    if form == 1:
        return f"“{sentence.rstrip('.')}” - {who} {verb}."
    if form == 2:
        return f"Theo {who}, {sentence[0].lower()}{sentence[1:]}"
    if form == 3:
        return f"{who} {verb}, {sentence[0].lower()}{sentence[1:]}"
    words = rng.choice(material.sentences).rstrip(".").split()[:6]
    return f"Với {rng.choice(_MOTTO_CUES)} “{' '.join(words)}”, {sentence[0].lower()}{sentence[1:]}"


def _variant(rng: random.Random, material: _Material) -> str:
    province = rng.choice(material.provinces)
    district = rng.choice(material.districts.get(province.key) or ["Như Xuân"])
    people = {name: _person(rng) for name in _SEED_PEOPLE}

    def swap(text):
        return _swap(text, province.name, district, people)

    lines = []
    if rng.random() < 0.3:
        lines.append(rng.choice(_FURNITURE_TOP))
    lines.append(swap(rng.choice(material.titles)))
    if rng.random() < 0.6:
        day = datetime.date(2018, 1, 1) + datetime.timedelta(days=rng.randrange(3000))
        lines.append(rng.choice(_DATELINES).format(d=day.day, m=day.month, y=day.year,
                                                   H=rng.randrange(24), M=f"{rng.randrange(60):02}"))
    lines.append(swap(material.paragraphs[rng.randrange(len(material.paragraphs))]))
    for _ in range(rng.randint(6, 12)):
        roll = rng.random()
        if roll < 0.55:
            lines.append(swap(rng.choice(material.paragraphs)))
        elif roll < 0.65 and material.headings:
            lines.append(swap(rng.choice(material.headings)))
        elif roll < 0.75:
            lines += ["\u00a0", swap(rng.choice(material.captions or material.sentences))]
        else:
            lines.append(_quote(rng, material, province.name))
    if rng.random() < 0.5:
        lines.append(rng.choice(_SOURCES))
    if rng.random() < 0.4:
        lines += [rng.choice(_FURNITURE_END), "Tin liên quan", swap(rng.choice(material.titles))]
    return "\n\n".join(lines) + "\n"


def seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(SOURCES.glob("*.txt"))]


def generate_texts(count: int, *, gazetteer: Gazetteer | None = None, seed: int = 1) -> list[str]:
    """The seeds, then count - 2 variants of them; the same seed gives the same texts."""
    material = _Material(gazetteer or reference_gazetteer())
    rng = random.Random(seed)
    texts = seed_texts()[:count]
    texts += [_variant(rng, material) for _ in range(count - len(texts))]
    return texts


def parse_all(texts: Sequence[str], tagger: Tagger) -> None:
    for index, text in enumerate(texts):
        parse_article(text, file_name=f"{index}.txt", tagger=tagger)


def measure(texts: Sequence[str], tagger: Tagger, *, repeat: int = 3) -> float:
    """CPU seconds per article of parse_article() with tagging, the best of repeat runs."""
    parse_all(texts[:20], tagger)  # warm caches, as a long import run has them
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        parse_all(texts, tagger)
        best = min(best, time.process_time() - started)
    return best / len(texts)


_WORKER_TAGGER: Tagger | None = None


def _init_worker(gazetteer: Gazetteer) -> None:
    global _WORKER_TAGGER
    _WORKER_TAGGER = Tagger(gazetteer)


def _parse_chunk(texts: Sequence[str]) -> int:
    parse_all(texts, _WORKER_TAGGER)
    return len(texts)


def throughput(texts: Sequence[str], gazetteer: Gazetteer, *, processes: int = 2) -> float:
    """Articles per second (wall clock) with the texts split over processes, each with its own Tagger."""
    chunks = [texts[i:i + 50] for i in range(0, len(texts), 50)]
    with multiprocessing.Pool(processes, initializer=_init_worker, initargs=(gazetteer,)) as pool:
        pool.map(_parse_chunk, chunks[:processes])  # workers started and warm
        started = time.perf_counter()
        done = sum(pool.map(_parse_chunk, chunks))
        return done / (time.perf_counter() - started)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="articles in the corpus")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    gazetteer = benchmark_gazetteer()
    texts = generate_texts(args.count, gazetteer=gazetteer)
    size = sum(len(t.encode()) for t in texts) / len(texts)
    per_article = measure(texts, Tagger(gazetteer))
    print(f"{len(texts)} articles, {size / 1024:.1f} KB each on average")
    print(f"one core: {per_article * 1000:.3f} ms CPU per article ({1 / per_article:.0f} articles/s)")
    rate = throughput(texts, gazetteer, processes=args.processes)
    print(f"{args.processes} processes: {rate:.0f} articles/s")


if __name__ == "__main__":
    main()
