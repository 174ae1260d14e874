"""Every public URL's query string, fuzzed: whatever a reader or a bot sends, no 5xx.

Bounded (a fixed number of examples per URL, no deadline) so the suite stays
quick; the strategies favour what breaks web apps: NUL and control
characters, huge numbers, dates that are not dates, tsquery syntax,
repeated keys and very long values.
"""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import make_article, make_organisation, make_person, make_topic

pytestmark = pytest.mark.django_db

KEYS = ["q", "page", "province", "organisation", "person", "topic", "date_after", "date_before", "date", "lang", "x"]
NASTY = st.sampled_from([
    "", "0", "-1", "1e9", "99999999999999999999", "abc", "2022-13-45", "2022-02-30", "31/12/2022", "an-giang",
    "Thanh Hoá", "đối thoại", "a & b | !c", "'\"", "(", ")", ":*", "\\", "%", "%00", "\x00", "\x1f", "<script>",
    " " * 50, "a" * 2000, "an-giang-cu", "kien-giang", "🙂",
])
VALUES = st.one_of(NASTY, st.text(max_size=60), st.integers(min_value=-(10**12), max_value=10**12).map(str))
QUERY = st.lists(st.tuples(st.sampled_from(KEYS), VALUES), max_size=5)


@pytest.fixture
def site():
    organisation = make_organisation("Ủy ban nhân dân tỉnh An Giang", slug="ubnd-an-giang")
    person = make_person("Lê Văn Nưng", slug="le-van-nung")
    topic = make_topic("Dân vận")
    for n in range(3):
        article = make_article(title=f"Đối thoại với nhân dân {n}", provinces=["an-giang", "kien-giang"])
        article.organisations.add(organisation)
        article.people.add(person)
        article.topics.add(topic)
    return [
        "/", "/articles/", article.get_absolute_url(), "/provinces/", "/provinces/an-giang/",
        "/provinces/kien-giang/", organisation.get_absolute_url(), person.get_absolute_url(),
        topic.get_absolute_url(), "/search/", "/feeds/latest/", "/feeds/provinces/an-giang/", "/sitemap.xml",
    ]


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(query=QUERY, which=st.integers(min_value=0, max_value=12))
def test_no_query_string_makes_a_public_url_fail(client, site, query, which):
    url = site[which % len(site)] + "?" + urlencode(query)
    response = client.get(url)
    assert response.status_code < 500, url
    assert response.status_code in (200, 301, 302, 304, 400, 404), url


@FUZZ
@given(q=st.text(max_size=200))
def test_search_answers_any_text(client, site, q):
    response = client.get("/search/", {"q": q})
    assert response.status_code in (200, 400), repr(q)


@FUZZ
@given(slug=st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=80))
def test_unknown_slugs_are_404_not_500(client, site, slug):
    for prefix in ("/articles/", "/provinces/", "/organisations/", "/people/", "/topics/", "/feeds/provinces/"):
        assert client.get(f"{prefix}{slug}/").status_code in (200, 301, 404)
