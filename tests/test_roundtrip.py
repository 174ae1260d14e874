"""dumpdata of a populated database, loaded into an emptied one, gives back the same content."""

import io
from datetime import timedelta

import pytest
import reversion
from django.core.management import call_command
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, ArticleSlugRedirect, Correction
from tests.factories import make_article, make_organisation, make_person, make_quote, make_topic

# Dump formats exclude what migrate recreates; the rest must survive the trip.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "axes"]


def snapshot():
    articles = []
    for article in Article.objects.order_by("slug").prefetch_related(
        "provinces", "organisations", "people", "topics", "quotes__speaker", "corrections", "slug_redirects"
    ):
        articles.append({
            "title": article.title, "slug": article.slug, "status": article.status,
            "published_at": article.published_at, "lead": article.lead, "body": article.body,
            "image": article.lead_image.name, "caption": article.lead_image_caption,
            "provinces": sorted(p.slug for p in article.provinces.all()),
            "organisations": sorted(o.slug for o in article.organisations.all()),
            "people": sorted(p.slug for p in article.people.all()),
            "topics": sorted(t.slug for t in article.topics.all()),
            "quotes": [(q.text, q.speaker.slug if q.speaker else None, q.speaker_title, q.kind, q.position)
                       for q in article.quotes.all()],
            "corrections": [(c.text, c.created_at) for c in article.corrections.all()],
            "old_slugs": sorted(r.old_slug for r in article.slug_redirects.all()),
            "revisions": [(v.revision.comment, v.serialized_data)
                          for v in Version.objects.get_for_object(article).order_by("pk")],
        })
    return articles


@pytest.mark.django_db(transaction=True)
def test_dumpdata_then_loaddata_into_an_empty_database_gives_back_the_same_content(tmp_path):
    from django.core.management import call_command as call

    from articles.reference import REFERENCE_FIXTURES

    call("loaddata", *REFERENCE_FIXTURES, verbosity=0)
    speaker = make_person("Lê Văn Nưng")
    organisation = make_organisation("Ủy ban nhân dân tỉnh An Giang")
    topic = make_topic("Xây dựng Đảng")
    # JSON dumps keep milliseconds; editorial times are whole minutes anyway.
    now = timezone.now().replace(second=0, microsecond=0)
    for n in range(3):
        with reversion.create_revision():
            reversion.set_comment(f"Bản {n}")
            article = make_article(title=f"Đối thoại với nhân dân lần {n}", provinces=["an-giang", "kien-giang"],
                                   published_at=now - timedelta(days=n),
                                   lead_image=f"articles/2022/11/anh-{n}.jpg", lead_image_width=1200,
                                   lead_image_height=800, lead_image_caption="Ảnh: Thanh Tiến")
            article.organisations.add(organisation)
            article.people.add(speaker)
            article.topics.add(topic)
            make_quote(article, text="Đối thoại là vừa lắng nghe, vừa trả lời", speaker=speaker,
                       speaker_title="Chủ tịch HĐND tỉnh An Giang", position=0)
    Correction.objects.create(article=article, text="Sửa tên người phát biểu.", created_at=now - timedelta(hours=5))
    ArticleSlugRedirect.objects.create(article=article, old_slug="doi-thoai-cu")
    before = snapshot()
    assert before and all(a["revisions"] for a in before)

    dump = tmp_path / "dump.json"
    out = io.StringIO()
    call_command("dumpdata", "--natural-foreign", "--natural-primary", *[f"--exclude={e}" for e in EXCLUDED],
                 "--indent=1", stdout=out)
    dump.write_text(out.getvalue(), encoding="utf-8")

    call_command("flush", interactive=False, verbosity=0)
    assert not Article.objects.exists()
    call_command("loaddata", str(dump), verbosity=0)
    assert snapshot() == before
