import pytest

from articles.text.body import BlockKind
from articles.text.dates import local_iso
from articles.text.parse import parse_article, parse_bytes
from articles.text.records import SourceError
from tests.text_support import reference_gazetteer

GAZETTEER = reference_gazetteer()


def parse(text, **kwargs):
    return parse_article(text, file_name="bai.txt", gazetteer=GAZETTEER, **kwargs)


LONG = " ".join(["Nhân dân xã tích cực tham gia phong trào xây dựng nông thôn mới."] * 15)


def test_title_dateline_lead_heading_caption_and_source():
    article = parse(
        "Nghệ An: Đối thoại với nông dân\n\n"
        "Thứ Năm, 15/10/2020, 16:21 (GMT+7)\n\n"
        "Chiều 14/10, UBND tỉnh Nghệ An tổ chức đối thoại với nông dân.\n\n"
        "Lắng nghe ý kiến cơ sở\n\n"
        f"{LONG}\n\n"
        "\u00a0\n\n"
        "Quang cảnh buổi đối thoại\n\n"
        "Hội nghị kết thúc lúc 17 giờ cùng ngày.\n\n"
        "Theo Báo Nghệ An\n"
    )
    assert article.title == "Nghệ An: Đối thoại với nông dân"
    assert local_iso(article.published_at) == "2020-10-15T16:21"
    assert article.lead == "Chiều 14/10, UBND tỉnh Nghệ An tổ chức đối thoại với nông dân."
    assert article.headings == ["Lắng nghe ý kiến cơ sở"]
    assert article.captions == ["Quang cảnh buổi đối thoại"]
    assert len(article.body_paragraphs) == 3
    assert article.source_name == "Báo Nghệ An"
    assert [b.kind for b in article.blocks] == [
        BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.CAPTION, BlockKind.PARAGRAPH,
    ]


@pytest.mark.parametrize("dateline", ["15/10/2020 | 16:21", "16:21 | 15/10/2020"])
def test_a_dateline_with_a_bar_is_the_time_not_a_breadcrumb(dateline):
    for text in (f"Tiêu đề bài\n\n{dateline}\n\nĐoạn một.", f"{dateline}\n\nTiêu đề bài\n\nĐoạn một."):
        article = parse(text)
        assert article.title == "Tiêu đề bài"
        assert local_iso(article.published_at) == "2020-10-15T16:21"
        assert article.boilerplate_removed == []


def test_after_the_merger_a_former_province_is_tagged_as_its_successor_when_the_dateline_has_a_bar():
    article = parse(
        "Đồng Nai: Khánh thành cầu mới\n\n20/09/2025 | 08:30\n\n"
        "Ngày 19/9, UBND tỉnh Đồng Nai khánh thành cầu trên địa bàn tỉnh Bình Phước cũ."
    )
    assert local_iso(article.published_at) == "2025-09-20T08:30"
    assert [p.name for p in article.provinces] == ["Đồng Nai"]


def test_a_source_given_as_an_address_gives_its_site_as_the_source_and_keeps_the_address():
    article = parse("Tiêu đề\n\nĐoạn một.\n\nNguồn: https://www.baonghean.vn/khoi-cong-cau-10273.html")
    assert article.source_name == "baonghean.vn"
    assert article.source_url == "https://www.baonghean.vn/khoi-cong-cau-10273.html"
    assert parse("Tiêu đề\n\nĐoạn một.\n\nNguồn: baoangiang.com.vn").source_url is None


def test_long_opening_paragraph_is_no_lead():
    article = parse(f"Tiêu đề bài viết\n\n{LONG} {LONG}\n\nĐoạn hai.")
    assert article.lead is None
    assert len(article.body_paragraphs) == 2


def test_nbsp_line_under_the_title_is_a_caption():
    article = parse("Tiêu đề\n\n\u00a0Lãnh đạo huyện thăm hỏi người dân.\n\nĐoạn một.\n\nĐoạn hai.")
    assert article.captions == ["Lãnh đạo huyện thăm hỏi người dân."]
    assert article.lead == "Đoạn một."


def test_nbsp_opening_a_quote_deep_in_the_body_is_not_a_caption():
    article = parse("Tiêu đề\n\nĐoạn một.\n\n\u00a0“Chúng tôi rất vui” - anh Lê Văn Tám nói.")
    assert article.captions == []
    assert len(article.body_paragraphs) == 2


def test_photo_credit_makes_a_caption():
    article = parse("Tiêu đề\n\nĐoạn một.\n\nBí thư Tỉnh ủy thăm hỏi bà con. Ảnh: Minh Anh\n\nĐoạn hai.")
    assert article.captions == ["Bí thư Tỉnh ủy thăm hỏi bà con. Ảnh: Minh Anh"]
    assert article.source_name is None  # a photo credit is no byline


@pytest.mark.parametrize("credit", ["Ảnh: Hoàng Triều", "(Ảnh: TTXVN)"])
def test_a_caption_with_its_credit_on_the_next_line_is_a_caption_not_a_heading(credit):
    article = parse(f"Tiêu đề\n\nĐoạn một.\n\nÔng Nguyễn Văn Được - Chủ tịch UBND TP.HCM\n{credit}\n\n"
                    "Kết quả nổi bật\n\nĐoạn hai.")
    assert article.captions == ["Ông Nguyễn Văn Được - Chủ tịch UBND TP.HCM", credit]
    assert article.headings == ["Kết quả nổi bật"]
    assert [block.kind for block in article.blocks] == ["paragraph", "caption", "caption", "heading", "paragraph"]


@pytest.mark.parametrize("line", ["Ảnh minh họa", "(Ảnh minh hoạ)"])
def test_an_illustration_placeholder_is_a_caption_not_a_heading(line):
    article = parse(f"Tiêu đề\n\nĐoạn một.\n\n{line}\n\nĐoạn hai.")
    assert article.captions == [line]
    assert article.headings == []


def test_furniture_is_removed_and_reported_in_order():
    article = parse(
        "Trang chủ > Thời sự > Chính trị\n"
        "Tiêu đề bài\n\n"
        "Đoạn một.\n\n"
        "Chia sẻ\n\n"
        "Tin liên quan\n"
        "Thanh Hóa đối thoại với nhân dân\n"
        "An Giang phát huy dân chủ ở cơ sở\n\n"
        "Phản hồi\n\nCác tin khác\n\nMới nhất\n\nLiên kết website\n"
        "Tags: đối thoại, dân chủ\n\n"
        "Đọc nhiều nhất\n"
        "Nghệ An hoàn thành xóa nhà tạm\n"
    )
    assert article.title == "Tiêu đề bài"
    assert article.boilerplate_removed == [
        "Trang chủ > Thời sự > Chính trị", "Chia sẻ", "Tin liên quan",
        "Thanh Hóa đối thoại với nhân dân", "An Giang phát huy dân chủ ở cơ sở",
        "Phản hồi", "Các tin khác", "Mới nhất", "Liên kết website", "Tags: đối thoại, dân chủ",
        "Đọc nhiều nhất", "Nghệ An hoàn thành xóa nhà tạm",
    ]
    assert article.body_paragraphs == ["Đoạn một."]
    assert [p.name for p in article.provinces] == []  # headlines of other stories tag nothing


@pytest.mark.parametrize(
    ("closing", "source"),
    [
        ("Nguồn: baothanhhoa.vn", "baothanhhoa.vn"),
        ("Theo Báo Quảng Ninh", "Báo Quảng Ninh"),
        ("PV", "PV"),
        ("Minh Anh", "Minh Anh"),
        ("Bài, ảnh: Ngọc Hân", "Ngọc Hân"),
        ("Q.Anh", "Q.Anh"),
        ("N.T.H", "N.T.H"),
        ("PV (tổng hợp)", "PV"),
        ("Minh Anh - tổng hợp", "Minh Anh"),
        ("Cổng TTĐT tỉnh", "Cổng TTĐT tỉnh"),
        ("Đài PT-TH Nghệ An", "Đài PT-TH Nghệ An"),
    ],
)
def test_source_line_or_byline_gives_the_source_name(closing, source):
    article = parse(f"Tiêu đề\n\nĐoạn một.\n\nĐoạn hai./.\n\n{closing}")
    assert article.source_name == source
    assert article.body_paragraphs == ["Đoạn một.", "Đoạn hai./."]


def test_a_paper_named_alone_at_the_end_is_the_source_and_a_report_is_story():
    article = parse("Tiêu đề\n\nĐoạn một.\n\nMinh Anh\n\nBáo Tuyên Quang")
    assert (article.source_name, article.byline) == ("Báo Tuyên Quang", "Minh Anh")
    article = parse("Tiêu đề\n\nĐoạn một.\n\nBáo cáo cho thấy tỉnh đã làm tốt")
    assert article.source_name is None
    assert article.body_paragraphs == ["Đoạn một.", "Báo cáo cho thấy tỉnh đã làm tốt"]


@pytest.mark.parametrize(
    ("closing", "source", "byline"),
    [
        ("(Nguồn: Báo Nghệ An)", "Báo Nghệ An", None),
        ("Minh Anh\n\n(Theo TTXVN)", "TTXVN", "Minh Anh"),
        ("Nguyễn Hải (Báo Nghệ An)", "Báo Nghệ An", "Nguyễn Hải"),
        ("Hoàng Lâm (baodaklak.vn)", "baodaklak.vn", "Hoàng Lâm"),
        ("Lan Anh (Đài PT-TH Nghệ An)", "Đài PT-TH Nghệ An", "Lan Anh"),
        ("Hồng Nhung/TTXVN", "TTXVN", "Hồng Nhung"),
        ("PV/VOV", "VOV", "PV"),
        ("Minh Anh/Báo Tin tức", "Báo Tin tức", "Minh Anh"),
    ],
)
def test_a_source_in_brackets_and_a_writer_with_the_paper_in_brackets(closing, source, byline):
    article = parse(f"Tiêu đề\n\nĐoạn một.\n\nĐoạn hai.\n\n{closing}")
    assert (article.source_name, article.byline) == (source, byline)
    assert article.body_paragraphs == ["Đoạn một.", "Đoạn hai."]


@pytest.mark.parametrize("line", ["Facebook Twitter Zalo", "Chia sẻ: Facebook | Email", "E-mail",
                                  "Theo dõi Báo Nghệ An trên Google News", "Theo dõi chúng tôi tại Zalo",
                                  "Đánh giá bài viết"])
def test_share_bars_follow_buttons_and_ratings_are_furniture_not_headings(line):
    article = parse(f"Tiêu đề\n\nĐoạn một.\n\n{line}\n\nĐoạn hai.\n\nPV")
    assert article.boilerplate_removed == [line]
    assert article.headings == [] and article.body_paragraphs == ["Đoạn một.", "Đoạn hai."]


@pytest.mark.parametrize("line", ["Gửi bài dự thi", "Theo dõi diễn biến mưa lũ"])
def test_lines_of_story_with_a_share_word_stay(line):
    article = parse(f"Tiêu đề\n\nĐoạn một.\n\n{line}\n\nĐoạn hai.")
    assert article.boilerplate_removed == [] and article.source_name is None
    assert article.headings == [line]


def test_a_video_s_title_is_a_caption_not_a_heading():
    article = parse("Tiêu đề\n\nĐoạn một.\n\nVideo: Nghệ An phát triển nông thôn mới\n\nĐoạn hai.")
    assert article.captions == ["Video: Nghệ An phát triển nông thôn mới"]
    assert article.headings == []


def test_a_section_label_above_the_title_is_furniture_and_the_same_words_in_the_body_a_heading():
    article = parse("Kinh tế - Xã hội\nHà Tĩnh: Đối thoại với người dân\n\nĐoạn một.\n\nKinh tế\n\nĐoạn hai.")
    assert article.title == "Hà Tĩnh: Đối thoại với người dân"
    assert article.boilerplate_removed == ["Kinh tế - Xã hội"]
    assert article.headings == ["Kinh tế"]


def test_a_closing_sentence_starting_with_theo_is_not_a_source():
    article = parse("Tiêu đề\n\nĐoạn một.\n\nTheo kế hoạch, năm 2025 toàn tỉnh hoàn thành chỉ tiêu.")
    assert article.source_name is None
    assert len(article.body_paragraphs) == 2


def test_dates_in_the_body_are_not_the_dateline():
    article = parse("Tiêu đề\n\nNgày 15/10/2020, tỉnh tổ chức hội nghị.\n\n15/10/2020")
    assert article.published_at is None


def test_byline_and_source_can_close_together():
    article = parse("Tiêu đề\n\nĐoạn một.\n\nMinh Anh\n\nNguồn: baoangiang.com.vn")
    assert article.source_name == "baoangiang.com.vn"
    assert article.byline == "Minh Anh"


def test_no_title_is_refused():
    with pytest.raises(SourceError, match="no title"):
        parse("Phản hồi\n\nCác tin khác\n\nMới nhất")


def test_parse_bytes_handles_bom_crlf_and_nfd():
    import unicodedata

    text = ("Thanh Hoá phát triển\r\n\r\n25/11/2022 17:05\r\n\r\n"
            "Huyện Như Xuân có nhiều đổi mới ở huyện Như Xuân.")
    data = b"\xef\xbb\xbf" + unicodedata.normalize("NFD", text).encode()
    article = parse_bytes(data, file_name="nfd.txt", gazetteer=GAZETTEER)
    assert article.title == "Thanh Hoá phát triển"
    assert local_iso(article.published_at) == "2022-11-25T17:05"
    assert [p.name for p in article.provinces] == ["Thanh Hóa"]
    assert article.places == ["huyện Như Xuân"]


def test_a_text_not_from_decode_bytes_is_normalised_before_it_is_read():
    import unicodedata

    # A str from elsewhere (the admin's preview, a test, a script): NFD, with a zero-width space.
    text = unicodedata.normalize("NFD", "Thanh Hoá phát\u200b triển\n\nHuyện Như Xuân có nhiều đổi mới.")
    article = parse_article(text, file_name="nfd.txt", gazetteer=GAZETTEER)
    assert article.title == "Thanh Hoá phát triển"
    assert article.places == ["huyện Như Xuân"]


def test_parse_bytes_refuses_binary():
    with pytest.raises(SourceError):
        parse_bytes(b"\x00\x01\x02binary", file_name="x.bin", gazetteer=GAZETTEER)
