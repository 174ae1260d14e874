"""ParsedArticle -> the extraction contract of shared/gold/seeds.json.

`import_articles --dry-run --json` prints this and the scorer reads it, so
its fields and shapes change only together with the gold.
"""

from .dates import local_iso
from .records import ParsedArticle


def as_gold_dict(parsed: ParsedArticle) -> dict:
    return {
        "title": parsed.title,
        "published_at": local_iso(parsed.published_at),
        "source_name": parsed.source_name,
        "lead": parsed.lead,
        "captions": list(parsed.captions),
        "headings": list(parsed.headings),
        "body_paragraphs": len(parsed.body_paragraphs),
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "speaker_title": q.speaker_title, "kind": q.kind}
            for q in parsed.quotes
        ],
        "provinces": [p.name for p in parsed.provinces],
        "organisations": list(parsed.organisations),
        "places": list(parsed.places),
        "boilerplate_removed": list(parsed.boilerplate_removed),
    }
