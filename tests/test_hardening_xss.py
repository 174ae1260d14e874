"""Script and event-handler payloads typed by editors or readers come out escaped everywhere."""

import json
import re

import pytest

from articles.models import Correction, Quote
from tests.factories import make_article, make_organisation, make_person, make_topic

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('xss')</script>"
HANDLER = '"><img src=x onerror="alert(1)">'
PAYLOAD = f"Tin {SCRIPT} {HANDLER}"
# What must never reach a page, feed or sitemap as markup.
LIVE = [re.compile(r"<script>alert", re.I), re.compile(r"<img src=x onerror", re.I)]


@pytest.fixture
def poisoned():
    person = make_person(PAYLOAD, slug="nguoi-doc-hai")
    organisation = make_organisation(PAYLOAD, slug="to-chuc-doc-hai")
    topic = make_topic()
    topic.name = PAYLOAD
    topic.save()
    article = make_article(
        title=PAYLOAD,
        lead=PAYLOAD,
        body=f"{PAYLOAD}\n\n## {PAYLOAD}\n\n! {PAYLOAD}",
        provinces=["an-giang"],
        byline=PAYLOAD,
        source_name=PAYLOAD,
        lead_image_caption=PAYLOAD,
        lead_image_credit=PAYLOAD,
    )
    article.organisations.add(organisation)
    article.people.add(person)
    article.topics.add(topic)
    Quote.objects.create(article=article, text=PAYLOAD, speaker=person, speaker_title=PAYLOAD, kind="direct")
    Correction.objects.create(article=article, text=PAYLOAD)
    return article, person, organisation, topic


def public_urls(article, person, organisation, topic):
    return [
        "/",
        "/articles/",
        article.get_absolute_url(),
        "/provinces/",
        "/provinces/an-giang/",
        organisation.get_absolute_url(),
        person.get_absolute_url(),
        topic.get_absolute_url(),
        "/search/?q=" + PAYLOAD,
        "/search/?q=tin",
        "/articles/?province=" + PAYLOAD,
        "/articles/?date_after=" + PAYLOAD,
        "/feeds/latest/",
        "/feeds/latest/atom/",
        "/feeds/provinces/an-giang/",
        "/sitemap.xml",
        "/sitemap-news.xml",
    ]


def test_payloads_are_escaped_on_every_public_page_feed_and_sitemap(client, poisoned):
    article = poisoned[0]
    for url in public_urls(*poisoned):
        response = client.get(url)
        assert response.status_code in (200, 400), (url, response.status_code)
        text = response.content.decode()
        for live in LIVE:
            assert not live.search(text), f"unescaped payload in {url}"
    # The article page did show the text, escaped: the payload was not dropped either.
    assert "&lt;script&gt;alert" in client.get(article.get_absolute_url()).content.decode()


def test_json_ld_cannot_be_closed_from_inside_and_keeps_the_headline(client, poisoned):
    article = poisoned[0]
    html = client.get(article.get_absolute_url()).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    assert blocks, "the article page carries JSON-LD"
    for block in blocks:
        assert "</script" not in block.lower() and "<script" not in block.lower()
    data = json.loads(blocks[0])
    items = data if isinstance(data, list) else data.get("@graph", [data])
    headlines = [item.get("headline") for item in items if isinstance(item, dict)]
    assert article.title in headlines
