"""The faster text pipeline gives exactly what the straightforward one gave.

tests/data/text_pipeline_expected.json holds the outputs of the pipeline as
it was before it was made fast, for generated articles with every kind of
line, quote and tag; any change of output, however small, fails here.
Regenerate it only for a change of behaviour that is meant, and say so.
"""

import hashlib
import json
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from articles.text import quotes
from articles.text.benchmark import benchmark_gazetteer, generate_texts, measure
from articles.text.bodies import by_first_letter
from articles.text.entities import Tagger
from articles.text.gold import as_gold_dict
from articles.text.parse import parse_article
from articles.text.records import Gazetteer, OrganisationEntry

EXPECTED = json.loads((Path(__file__).parent / "data" / "text_pipeline_expected.json").read_text(encoding="utf-8"))
GAZETTEER = benchmark_gazetteer()
TAGGER = Tagger(GAZETTEER)
TEXTS = generate_texts(len(EXPECTED["articles"]), gazetteer=GAZETTEER, seed=11)


def test_generated_corpus_is_the_one_the_outputs_were_recorded_for():
    assert hashlib.sha256("\x00".join(TEXTS).encode()).hexdigest() == EXPECTED["texts_sha256"]


@pytest.mark.parametrize("index", range(len(EXPECTED["articles"])))
def test_article_parses_and_tags_as_before(index):
    parsed = parse_article(TEXTS[index], file_name=f"{index:02}.txt", tagger=TAGGER)
    assert {**as_gold_dict(parsed), "people": parsed.people} == EXPECTED["articles"][index]


def test_measure_gives_cpu_seconds_per_article():
    per_article = measure(TEXTS[:5], TAGGER, repeat=1)
    assert 0 < per_article < 0.1


# --- The organisation matcher: one automaton pass must find what the regex finds.

ORGANISATIONS = Gazetteer(organisations=(
    OrganisationEntry("Ủy ban nhân dân tỉnh Thanh Hóa", ("UBND tỉnh Thanh Hóa", "UBND tỉnh")),
    OrganisationEntry("Sở Y tế", ("Sở Y tế tỉnh",)),
    OrganisationEntry("Hội Nông dân", ()),
    OrganisationEntry("Hội Nông dân tỉnh An Giang", ()),
    OrganisationEntry("Ban Thường vụ Tỉnh ủy An Giang", ("BTV Tỉnh ủy An Giang",)),
))
MATCHER = Tagger(ORGANISATIONS)._organisations


def by_regex(texts):
    """What one case-insensitive regex search per text finds: the matcher's behaviour by definition."""
    return [
        [MATCHER._names[m.group().casefold()] for m in MATCHER._regex.finditer(" ".join(text.split()))]
        for text in texts
    ]


def test_names_found_in_any_case_at_word_edges_longest_first():
    texts = ["Hội nông dân tỉnh An Giang và HỘI NÔNG DÂN họp; sở y tế tỉnh báo cáo.",
             "XHội Nông dân, Hội Nông dânX, UBND tỉnh Thanh Hoá, UBND  tỉnh\u00a0Thanh Hóa."]
    assert MATCHER.find_each(texts) == by_regex(texts) == [
        ["Hội Nông dân tỉnh An Giang", "Hội Nông dân", "Sở Y tế"],
        ["Ủy ban nhân dân tỉnh Thanh Hóa", "Ủy ban nhân dân tỉnh Thanh Hóa"],
    ]


def test_letters_lower_casing_misreads_take_the_regex():
    # re.IGNORECASE matches "ı" (dotless i) and "İ" to "i"; str.lower() does not.
    texts = ["Sở Y tế tỉnh và sở y tế tİnh", "Hội Nông dân tınh An Giang"]
    assert MATCHER.find_each(texts) == by_regex(texts)


FRAGMENTS = ["Hội Nông dân", "hội nông dân", "HỘI", "tỉnh An Giang", " ", "  ", ",", "X", "Sở Y tế", "sở y tế tỉnh",
             "UBND tỉnh", "Thanh Hóa", "Thanh Hoá", "BTV Tỉnh ủy An Giang", "ban thường vụ", "ı", "\u00a0", "-", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join), min_size=1, max_size=4))
def test_matcher_agrees_with_the_regex(texts):
    assert MATCHER.find_each(texts) == by_regex(texts)


# --- Speech verbs: one automaton pass must find what looking back from every comma found.

def speech_verbs_by_looking_back(text):
    """How _speech_verbs() found them before: from every colon, comma and " rằng ", back to a verb."""
    ends = [(m.start(), m.end()) for m in re.finditer(r"[:,]", text)]
    ends += [(m.start(), m.start() + 6) for m in re.finditer(r"(?= rằng )", text)]
    ends += [(m.start() + 5, m.start() + 6) for m in re.finditer(r"(?= rằng )", text)]
    verbs = []
    for end, after in sorted(ends):
        start = quotes._verb_before(text, end)
        if start is None or (verbs and verbs[-1].start == start):
            continue
        while after < len(text) and text[after] == " ":
            after += 1
        if after < len(text):
            verbs.append(quotes._Verb(start, after))
    return verbs


VERB_FRAGMENTS = ["cho biết", "cho", "biết", "nói", "rằng", "cho rằng", "thêm", "lại", "chia sẻ với phóng viên",
                  "phấn khởi nói", "trả lời PV", "kể", "x", "(", "“", "Ông Nguyễn Văn An", ",", ":", ";", " ", " ",
                  "dạy rằng", "nói rằng", "tỉnh"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(VERB_FRAGMENTS), max_size=16).map("".join))
@example("Ông A cho rằng tỉnh làm tốt")  # the verb holds "rằng"
@example("Ông A nói rằng tỉnh làm tốt")
@example("Ông A cho biết thêm , tỉnh làm tốt")
@example("Ông A cho biết: tỉnh làm tốt, bà B nói: tốt")
@example("Ông A (nói, xnói, tốt")  # not where a word starts
@example("Ông A phấn khởi nói, tốt")  # the longest verb
@example("nói rằng, tốt")
def test_speech_verbs_agree_with_looking_back_from_each_comma(text):
    paragraph = " ".join(text.split())  # a paragraph's spaces are folded
    assert quotes._speech_verbs(paragraph) == speech_verbs_by_looking_back(paragraph)


def test_speech_verbs_in_the_generated_articles_agree_with_looking_back():
    paragraphs = [p for text in TEXTS for p in parse_article(text, file_name="a.txt", tagger=TAGGER).body_paragraphs]
    assert sum(len(quotes._speech_verbs(p)) for p in paragraphs) > 20
    assert [quotes._speech_verbs(p) for p in paragraphs] == [speech_verbs_by_looking_back(p) for p in paragraphs]


# --- Alternations grouped by first letter match what the plain alternation matches, where it does.

GROUPED_WORDS = ["UBKT", "Ủy ban", "Uỷ ban", "Tỉnh", "Thành", "Thị", "UBND", "UBMTTQ", "MTTQ", "Sở ", "Ban",
                 "Ban Dân vận", "Ban Tuyên giáo và Dân vận", "Hội", "Hội đồng", "T"]


@settings(max_examples=300, deadline=None)
@given(st.permutations(GROUPED_WORDS),
       st.lists(st.sampled_from([*GROUPED_WORDS, " ", "x", "Dân vận", "ủy", "B", "U"]), max_size=12).map("".join))
def test_an_alternation_grouped_by_first_letter_matches_as_the_plain_one(words, text):
    plain = re.compile("|".join(map(re.escape, words)))
    grouped = re.compile(by_first_letter(words))
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]
