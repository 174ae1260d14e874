"""articles.tagging: the parser's knowledge comes from the database and follows its edits."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache

from articles import tagging
from articles.importing import import_source
from articles.models import Article, Organisation, Person, Province, Quote
from articles.tagging import organisation_kind, organisation_province
from tests.factories import make_person
from tests.sources import SEED_DATED, fresh_gazetteer, seed_bytes, source  # noqa: F401

pytestmark = pytest.mark.django_db

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def test_the_gazetteer_holds_every_unit_with_its_successor_and_every_known_body():
    gazetteer = tagging.gazetteer()
    by_key = {entry.key: entry for entry in gazetteer.provinces}
    assert len(by_key) == Province.objects.count()
    assert by_key["kien-giang"].successor_key == "an-giang"
    assert by_key["an-giang-cu"].valid_to == datetime.date(2025, 6, 30)
    assert by_key["an-giang"].valid_from == datetime.date(2025, 7, 1)
    nhu_xuan = next(d for d in gazetteer.districts if d.name == "Như Xuân")
    assert (nhu_xuan.kind, nhu_xuan.province_key) == ("huyen", "thanh-hoa")
    ubnd = next(o for o in gazetteer.organisations if o.name == "Ủy ban nhân dân tỉnh Thanh Hóa")
    assert ubnd.province_key == "thanh-hoa"


def test_the_gazetteer_is_built_once_per_process(django_assert_num_queries):
    tagging.gazetteer()
    with django_assert_num_queries(0):
        assert tagging.gazetteer() is tagging.gazetteer()
        assert tagging.tagger() is tagging.tagger()


def test_an_alias_an_editor_adds_is_in_the_next_gazetteer():
    before = tagging.gazetteer()
    person = make_person("Lê Văn Nưng")
    person.aliases = ["Ba Nưng"]
    person.save()
    after = tagging.gazetteer()
    assert after is not before
    assert any(p.name == "Lê Văn Nưng" and "Ba Nưng" in p.aliases for p in after.people)


def test_deleting_an_organisation_removes_it_from_the_gazetteer():
    org = Organisation.objects.create(name="Hợp tác xã Mía Như Xuân", slug="htx-mia-nhu-xuan")
    assert any(o.name == org.name for o in tagging.gazetteer().organisations)
    org.delete()
    assert not any(o.name == org.name for o in tagging.gazetteer().organisations)


def test_a_change_made_by_another_process_is_seen_through_the_cache_version():
    first = tagging.gazetteer()
    # Another app server saved an organisation: it bumped the shared version.
    cache.set(tagging.VERSION_KEY, "changed-elsewhere", timeout=None)
    assert tagging.gazetteer() is not first


def test_an_alias_added_by_an_editor_changes_the_next_imports_tags():
    lasuco = Organisation.objects.create(name="Công ty Cổ phần Mía đường Lam Sơn", slug="mia-duong-lam-son")
    first = import_source(source(), file_name="a.txt").article
    assert lasuco not in first.organisations.all()

    lasuco.aliases = ["Lasuco"]
    lasuco.save()  # as the admin does
    second = import_source(source("Lasuco bao tiêu mía cho nông dân Như Xuân"), file_name="b.txt").article

    assert lasuco in second.organisations.all()


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Ủy ban nhân dân tỉnh Thanh Hóa", Organisation.Kind.PEOPLES_COMMITTEE),
        ("Hội đồng nhân dân tỉnh An Giang", Organisation.Kind.PEOPLES_COUNCIL),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh An Giang", Organisation.Kind.FATHERLAND_FRONT),
        ("Thành ủy Châu Đốc", Organisation.Kind.PARTY),
        ("Ban Thường vụ Tỉnh ủy Thanh Hóa", Organisation.Kind.PARTY),
        ("Sở Y tế tỉnh Nghệ An", Organisation.Kind.GOVERNMENT_AGENCY),
        ("Trường Trung học phổ thông Như Xuân", Organisation.Kind.SCHOOL),
        ("Công ty TNHH Một thành viên Lâm nghiệp Như Xuân", Organisation.Kind.BUSINESS),
        ("Báo An Giang", Organisation.Kind.PRESS),
        ("Hội Nông dân tỉnh Thanh Hóa", Organisation.Kind.MASS_ORGANISATION),
        ("Liên đoàn Lao động tỉnh Nghệ An", Organisation.Kind.MASS_ORGANISATION),
        ("Ban Nội chính Tỉnh ủy Nghệ An", Organisation.Kind.PARTY),
        ("Công an tỉnh Nghệ An", Organisation.Kind.GOVERNMENT_AGENCY),
        ("Bộ Chỉ huy Quân sự tỉnh Nghệ An", Organisation.Kind.GOVERNMENT_AGENCY),
    ],
)
def test_an_organisations_kind_follows_from_its_name(name, kind):
    assert organisation_kind(name) == kind


def test_an_organisations_province_follows_from_its_name_and_the_date():
    gazetteer = tagging.gazetteer()
    before, after = datetime.date(2022, 11, 25), datetime.date(2025, 8, 1)
    assert organisation_province("Ủy ban nhân dân tỉnh Thanh Hóa", gazetteer) == "thanh-hoa"
    assert organisation_province("Ủy ban nhân dân tỉnh An Giang", gazetteer, on=before) == "an-giang-cu"
    assert organisation_province("Ủy ban nhân dân tỉnh An Giang", gazetteer, on=after) == "an-giang"
    assert organisation_province("Thành ủy Châu Đốc", gazetteer) == "an-giang-cu"
    assert organisation_province("Hội Nông dân Việt Nam", gazetteer) is None


def test_suggest_proposes_existing_rows_and_names_not_yet_known_and_saves_nothing():
    nung = make_person("Lê Văn Nưng")
    counts = {m: m.objects.count() for m in (Article, Organisation, Person, Quote)}
    text = seed_bytes(SEED_DATED).decode("utf-8")
    title, _, rest = text.partition("\n")

    found = tagging.suggest(title=title, lead="", body=rest.replace("25/11/2022 17:05", ""),
                            published_at=datetime.datetime(2022, 11, 25, 17, 5, tzinfo=ZONE))

    assert [p.slug for p in found.provinces] == ["an-giang-cu"]
    assert all(isinstance(p, Province) for p in found.provinces)
    assert Organisation.objects.get(name="Tỉnh ủy An Giang") in found.organisations
    assert "Ủy ban nhân dân thành phố Châu Đốc" in found.organisations  # not known yet: a name
    assert nung in found.people and "Lâm Quang Thi" in found.people
    assert any(q.speaker == "Lê Văn Nưng" for q in found.quotes)
    assert {m: m.objects.count() for m in counts} == counts


def test_suggest_for_an_empty_title_suggests_nothing():
    assert tagging.suggest(title="  ", lead="", body="") == tagging.Suggestions()
