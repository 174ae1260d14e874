import unicodedata

from articles.text.normalise import canonical, search_key
from articles.text.slugs import numbered, slugify_vi


def test_slug_keeps_d_from_vietnamese_d_with_stroke():
    assert slugify_vi("Thắt chặt mối quan hệ mật thiết giữa Đảng với dân") == (
        "that-chat-moi-quan-he-mat-thiet-giua-dang-voi-dan"
    )
    assert slugify_vi("ĐỐI THOẠI ở Đà Nẵng") == "doi-thoai-o-da-nang"


def test_nfd_title_gives_the_same_slug_as_nfc():
    title = "Thanh Hóa: Đối thoại với nhân dân huyện Như Xuân"
    assert slugify_vi(unicodedata.normalize("NFD", title)) == slugify_vi(title) == (
        "thanh-hoa-doi-thoai-voi-nhan-dan-huyen-nhu-xuan"
    )


def test_slug_of_punctuation_only_title_is_empty():
    assert slugify_vi("“…” — !!") == ""


def test_long_title_is_cut_at_a_word_boundary():
    slug = slugify_vi("Nhân dân " * 100, max_length=30)
    assert len(slug) <= 30
    assert not slug.endswith("-") and slug.split("-")[-1] in ("nhan", "dan")


def test_numbered_slug_takes_the_first_free_number():
    taken = {"tin-moi", "tin-moi-2"}
    assert numbered("tin-moi", taken.__contains__) == "tin-moi-3"
    assert numbered("tin-khac", taken.__contains__) == "tin-khac"


def test_tone_mark_placement_and_normal_forms_share_one_search_key():
    spellings = ["Thanh Hoá", "Thanh Hóa", "THANH HOA", unicodedata.normalize("NFD", "Thanh Hoá"), "thanh\u00a0hoa"]
    assert {search_key(s) for s in spellings} == {"thanh hoa"}


def test_canonical_uses_official_tone_placement():
    assert canonical("Uỷ ban nhân dân tỉnh Thanh Hoá") == "Ủy ban nhân dân tỉnh Thanh Hóa"
    assert canonical("quý") == "quý"  # qu + y: the u belongs to the consonant
    assert canonical(unicodedata.normalize("NFD", "Khánh Hoà")) == "Khánh Hòa"
