"""The seeds against the gold file, scored by the scorer every other tool uses."""

import pytest

from articles.text.gold import as_gold_dict
from articles.text.parse import parse_bytes
from tests.text_support import SOURCES, load_gold, load_scorer, reference_gazetteer

GOLD = load_gold()
SCORER = load_scorer()


def predictions():
    gazetteer = reference_gazetteer()
    return {
        name: as_gold_dict(parse_bytes((SOURCES / name).read_bytes(), file_name=name, gazetteer=gazetteer))
        for name in GOLD
    }


def test_scorer_gives_exactly_one():
    lines = []
    assert SCORER.score(GOLD, predictions(), per_file=True, out=lines.append, warn=lines.append) == 1.0, lines


def test_gold_dict_has_exactly_the_gold_fields_and_shapes():
    for name, predicted in predictions().items():
        assert list(predicted) == list(GOLD[name])
        assert isinstance(predicted["body_paragraphs"], int)
        for quote in predicted["quotes"]:
            assert set(quote) == {"text", "speaker", "speaker_title", "kind"}


def _normalised(field, value):
    norm = SCORER.norm_key if field in SCORER.ENTITY_FIELDS or field == "source_name" else SCORER.norm
    if field == "published_at":
        return SCORER.norm_date(value)
    if field == "quotes":
        return [
            (SCORER.norm_quote(q["text"]), SCORER.norm_key(q["speaker"]),
             SCORER.norm_key(q["speaker_title"]), q["kind"])
            for q in value
        ]
    if isinstance(value, list):
        return sorted(norm(v) for v in value)
    if isinstance(value, int):
        return value
    return norm(value)


@pytest.mark.parametrize("name", sorted(GOLD))
@pytest.mark.parametrize("field", list(next(iter(GOLD.values()))))
def test_each_field_equals_the_gold(name, field):
    predicted = predictions()[name]
    assert _normalised(field, predicted[field]) == _normalised(field, GOLD[name][field])
