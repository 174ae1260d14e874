"""A scraped article page -> ParsedArticle.

Scraped texts are the page's visible lines: the title, perhaps a dateline,
a lead, paragraphs with section headings, picture captions (the picture
itself leaves an empty or non-breaking-space line), a closing source or
byline line, and the site's furniture around it all ("Phản hồi", "Tin liên
quan" and its headlines, share links, breadcrumbs, tags). parse_article()
sorts each line into one of these, then finds the quotes and tags the
provinces, organisations and places of what is left: the article itself.
"""

import re
import unicodedata
from dataclasses import dataclass

from .body import Block, BlockKind
from .dates import parse_dateline
from .decode import decode_bytes
from .entities import Tagger, tagger_for
from .normalise import fold_spaces, nfc, search_key
from .records import Gazetteer, ParsedArticle, SourceError

#: A lead longer than this many words is an opening paragraph, not a lead.
MAX_LEAD_WORDS = 120
#: Headings are short; a longer line without a full stop is a paragraph.
MAX_HEADING_WORDS = 15
#: A caption is a sentence or two; anything longer is a paragraph after a picture.
MAX_CAPTION_WORDS = 60

#: Page furniture, compared by search key ("phan hoi"), with or without a final colon.
FURNITURE = frozenset(search_key(line) for line in """
Phản hồi|Gửi phản hồi|Bình luận|Ý kiến bạn đọc|Gửi bình luận|Viết bình luận|Ý kiến
|Các tin khác|Tin khác|Tin liên quan|Bài liên quan|Bài viết liên quan|Tin cùng chuyên mục|Cùng chuyên mục
|Mới nhất|Tin mới|Tin mới nhất|Tin mới hơn|Tin cũ hơn|Đọc nhiều|Tin đọc nhiều|Xem nhiều|Tin nổi bật|Nổi bật
|Đọc nhiều nhất|Xem nhiều nhất|Tin xem nhiều|Tin đọc nhiều nhất|Tin xem nhiều nhất|Được quan tâm|Quan tâm nhiều nhất
|Đọc thêm|Xem thêm|Có thể bạn quan tâm|Có thể bạn chưa đọc|Tin tiêu điểm|Tiêu điểm
|Liên kết website|Liên kết|Website liên kết|Chia sẻ|Chia sẻ bài viết|Share|Like|Tweet|Facebook|Zalo|Twitter
|Email|Gửi email|Gửi bài viết|Gửi cho bạn bè|In|In bài|In bài viết|Bản in|Print|Lưu|Lưu bài|Lưu bài viết
|Quay lại|Trở về|Trở lại|Về đầu trang|Lên đầu trang|Đầu trang|Trang chủ|Top|Back|Tags|Từ khóa|Thẻ|Chủ đề
|Bạn đọc|Video|Ảnh|Multimedia|Podcast|Infographics|E-magazine|Tin ảnh|Copy link|Sao chép liên kết
|Theo dõi chúng tôi|Theo dõi|Đăng nhập|Đăng ký|Tìm kiếm|Menu|Toggle navigation|Báo in|RSS
|Đánh giá bài viết|Bình chọn|Bạn thấy bài viết thế nào|Ý kiến của bạn|Gửi ý kiến
""".replace("\n", "").split("|"))

#: The buttons of a share bar: a line of nothing else ("Facebook Twitter Zalo", "Chia sẻ: Facebook | Email")
#: is furniture.
SHARE_WORDS = frozenset("""
chia se share facebook fb twitter x zalo email e-mail mail in print tweet like linkedin pinterest telegram
messenger whatsapp viber copy link sao chep lien ket gui luu bai
""".split())
#: Words of SHARE_WORDS that also make lines of story ("In", "Gửi bài"): not a share bar without a network's name.
SHARE_WORDS_ALONE = frozenset("chia se share x in print copy link sao chep lien ket gui luu bai mail".split())
_SHARE_BAR_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")

#: A site's sections, printed alone above the title ("Thời sự", "Kinh tế - Xã hội"): furniture there only;
#: in the body the same words can head a section of the story.
SECTION_LABELS = frozenset(search_key(line) for line in """
Thời sự|Chính trị|Xã hội|Kinh tế|Văn hóa|Thể thao|Pháp luật|Giáo dục|Y tế|Sức khỏe|Quốc tế|Thế giới|Đời sống
|Du lịch|Nông nghiệp|Nông thôn mới|Quốc phòng - An ninh|An ninh - Quốc phòng|Quốc phòng|An ninh|Tin tức
|Tin tức - Sự kiện|Tin tức sự kiện|Sự kiện|Hoạt động|Xây dựng Đảng|Chuyển đổi số|Môi trường|Khoa học
|Công nghệ|Khoa học - Công nghệ|Địa phương|Tin địa phương|Tin trong tỉnh|Trong tỉnh|Trong nước|Tin trong nước
|Kinh tế - Xã hội|Văn hóa - Xã hội|Giải trí|Doanh nghiệp|Đầu tư|Giao thông|Chính sách|Dân vận|Mặt trận
|Công tác Mặt trận|Hoạt động Mặt trận|Tin hoạt động|Phóng sự|Chuyên đề|Tin tổng hợp
""".replace("\n", "").split("|"))

#: Headers of lists of other stories: the headlines under them are furniture too.
STORY_LISTS = frozenset(search_key(line) for line in """
Các tin khác|Tin khác|Tin liên quan|Bài liên quan|Bài viết liên quan|Tin cùng chuyên mục|Cùng chuyên mục
|Mới nhất|Tin mới|Tin mới nhất|Tin mới hơn|Tin cũ hơn|Đọc nhiều|Tin đọc nhiều|Xem nhiều|Tin nổi bật|Nổi bật
|Đọc nhiều nhất|Xem nhiều nhất|Tin xem nhiều|Tin đọc nhiều nhất|Tin xem nhiều nhất|Được quan tâm|Quan tâm nhiều nhất
|Đọc thêm|Xem thêm|Có thể bạn quan tâm|Có thể bạn chưa đọc|Tin tiêu điểm|Tiêu điểm
""".replace("\n", "").split("|"))

_FURNITURE_PREFIX = re.compile(
    r"^(?:tags?|từ khóa|từ khoá|thẻ|chia sẻ|lượt xem|lượt đọc|bình luận|©|copyright|bản quyền|"
    r"xem thêm|đọc thêm|tin liên quan|bài liên quan)\s*[:(\d]",
    re.IGNORECASE,
)
#: "Theo dõi Báo Nghệ An trên Google News", "Theo dõi chúng tôi tại Zalo": a follow button.
_FOLLOW = re.compile(r"^Theo dõi\b.{0,60}\b(?:trên|tại|qua)\s+(?:Google|Facebook|Zalo|YouTube|TikTok|Telegram"
                     r"|Twitter|Fanpage)", re.IGNORECASE)
_BREADCRUMB = re.compile(r"^[^.!?]{1,40}(?:\s*[>»›/|]\s*[^.!?>»›/|]{1,40}){1,6}$")
#: "Nguồn: X", "Theo X", also in brackets: "(Nguồn: Báo Nghệ An)".
_SOURCE = re.compile(r"^(?P<open>[(\[])?(?:Nguồn\s*:?|Theo)\s+(?P<name>\S.{0,80}?)\s*\.?(?(open)[)\]])\.?$")
#: "Hồng Nhung/TTXVN", "PV/VOV", "Minh Anh/Báo Tin tức": the writer, then the agency or paper.
_BYLINE_SLASH_PAPER = re.compile(r"^(?P<name>[^/]{2,40}?)\s*/\s*(?P<paper>[A-ZĐ][^/]{1,40})$")
#: "Nguyễn Hải (Báo Nghệ An)", "Minh Anh (TTXVN)": the writer, and in brackets the paper first printing it.
_BYLINE_WITH_PAPER = re.compile(r"^(?P<name>[^()\[\]]{3,60}?)\s*[(\[](?P<paper>(?:Báo|Tạp chí|Đài|Cổng|TTXVN|VOV|VTV"
                                r"|[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org)\b)[^()\[\]]{0,60})[)\]]$")
#: A paper or portal named alone on a closing line: "Báo Tuyên Quang", "Cổng TTĐT tỉnh", "Đài PT-TH Nghệ An";
#: not "Báo cáo …" (a report), whose next word is in lower case.
_PAPER_ALONE = re.compile(r"^(?:Báo|Tạp chí|Đài|Cổng|Trang|Thông tấn xã)\s+(?:[A-ZĐ]|thông tin điện tử\b)[^.,:;!?]{0,60}$")
_SOURCE_URL = re.compile(r"https?://(?P<host>[\w.-]+)(?::\d+)?(?:[/?#]\S*)?", re.IGNORECASE)
_BYLINE_LABEL = re.compile(
    r"^(?:Bài\s*(?:,|và)?\s*ảnh|Bài và ảnh|Tin\s*(?:,|và)?\s*ảnh|Bài|Tin|Văn bản|Thực hiện|Tác giả|Ghi chép"
    r"|Nhóm phóng viên|Nhóm PV)\s*:\s*(?P<name>\S.{0,80})$",
    re.IGNORECASE,
)
_BARE_BYLINE = re.compile(r"^(?:PV|P\.V\.?|PV\.|CTV|Phóng viên|Nhóm PV|Nhóm phóng viên|BTV)$")
#: A writer by initials: "T.H", "N.T.H", "Q.Anh", "H. Nhung".
_INITIALS = re.compile(r"^(?:[A-ZĐ]\.\s?){1,3}(?:[A-ZĐ][^\W\d_]*)?\.?$")
#: "PV (tổng hợp)", "Minh Anh - tổng hợp": a writer who compiled the story from others.
_COMPILED_BY = re.compile(r"^(?P<name>\S.{0,60}?)\s*(?:\(\s*tổng hợp\s*\)|[-–]\s*tổng hợp|\btổng hợp)\.?$",
                          re.IGNORECASE)
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’-]*$")
#: "Video: …", "Clip: …": what a page shows where a video stood, a caption like a picture's.
_VIDEO_CAPTION = re.compile(r"^(?:Video|Clip|Infographic)\s*:\s*\S", re.IGNORECASE)
#: A photo credit and nothing else: "Ảnh: Hoàng Triều", "(Ảnh: TTXVN)".
_CREDIT_ALONE = re.compile(r"^[(\[]?[Ảả]nh\s*:\s*[^.:]{1,60}[)\]]?\.?$")
_PHOTO_CREDIT = re.compile(r"[Ảả]nh(?:\s+minh\s+(?:họa|hoạ))?\s*[:)]|^[(\[]?[Ảả]nh minh (?:họa|hoạ)[)\]]?$")
_TERMINAL = tuple(".:;,…")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_LINE_END = re.compile(r"\r\n?|\n")
_OPENING_QUOTES = tuple("\"“«'‘")


@dataclass(slots=True)
class _Line:
    text: str          # cleaned
    after_picture: bool  # follows NBSP-only placeholder lines
    nbsp_start: bool     # opened with a non-breaking space


def _words(text: str) -> int:
    return len(text.split())


def _line_words(line: str) -> int:
    """_words() of a cleaned line (single spaces, trimmed), without making a list of its words."""
    return line.count(" ") + 1


def _key(line: str) -> str:
    return search_key(line).rstrip(" :")


def _is_furniture(line: str) -> bool:
    if _FURNITURE_PREFIX.match(line):
        return True
    if len(line) > 60 or line.endswith("."):
        return False  # furniture is a few words; a sentence is story
    key = _key(line)
    if key in FURNITURE:
        return True
    words = _SHARE_BAR_WORD.findall(key)
    if words and SHARE_WORDS.issuperset(words) and not SHARE_WORDS_ALONE.issuperset(words):
        return True
    if _FOLLOW.match(line):
        return True
    # "Trang chủ > Thời sự > Chính trị": short segments joined by arrows; but not
    # "15/10/2020 | 16:21", a dateline, which is the article's time.
    return (bool(_BREADCRUMB.match(line)) and any(mark in line for mark in (">", "»", "›", " / ", " | "))
            and parse_dateline(line) is None)


def _is_headline(line: str) -> bool:
    return (_line_words(line) <= 35 and not line.endswith((".", ":", ";", "…", "..."))) or line.endswith("?")


def _source_name(line: str) -> str | None:
    """X of a closing "Nguồn: X" or "Theo X" line."""
    match = _SOURCE.match(line)
    if not match:
        return None
    name = match.group("name").strip()
    if line.lstrip("([").startswith("Theo") and ("," in name or _words(name) > 8 or name.startswith("dõi ")):
        return None  # "Theo kế hoạch, …": a sentence, not a source; "Theo dõi …": follow
    return name


def _name_and_url(source: str) -> tuple[str, str | None]:
    """"https://baonghean.vn/khoi-cong-….html" -> ("baonghean.vn", the address); a name stays as it is."""
    match = _SOURCE_URL.fullmatch(source)
    if not match:
        return source, None
    return match.group("host").removeprefix("www."), source


#: Three names of at most four words, and the dashes between them.
_MAX_BYLINE_WORDS = 3 * 4 + 2


def _byline(line: str) -> str | None:
    """The name a byline gives: "Bài, ảnh: Minh Anh", "PV", "Q.Anh", a bare "Minh Anh"; "PV (tổng hợp)" gives "PV"."""
    match = _BYLINE_LABEL.match(line)
    if match:
        return match.group("name").strip(" .")
    compiled = _COMPILED_BY.match(line)
    if compiled:
        return _byline(compiled.group("name"))
    if _BARE_BYLINE.match(line) or _INITIALS.match(line):
        return line.rstrip(".")
    if _words(line) > _MAX_BYLINE_WORDS:
        return None  # a paragraph: not worth splitting into would-be names
    names = [part.strip() for part in re.split(r"\s+[-–—&]\s+|\s*,\s*", line.rstrip("."))]
    if all(2 <= _words(n) <= 4 for n in names) and len(names) <= 3 and all(
        _NAME_WORD.match(w) and w[0].isupper() for n in names for w in n.split()
    ):
        return line.rstrip(".")
    return None


def _is_heading(line: _Line, previous: str | None, has_next: bool) -> bool:
    text = line.text
    return (
        previous is not None
        and has_next
        and _line_words(text) <= MAX_HEADING_WORDS
        and not text.endswith(_TERMINAL)
        and not text.startswith(_OPENING_QUOTES)
        and (text[0].isupper() or text[0].isdigit())
    )


def _is_caption(line: _Line, at_top: bool) -> bool:
    text = line.text
    words = _line_words(text)
    if words > MAX_CAPTION_WORDS + 20:
        return False  # a paragraph, credited or not
    if _VIDEO_CAPTION.match(text) and words <= MAX_CAPTION_WORDS:
        return True
    # Most lines have no "ảnh" at all, which str.find tells faster than the regex.
    credit = _PHOTO_CREDIT.search(text) if "ảnh" in text or "Ảnh" in text else None
    while credit and credit.start() and text[credit.start() - 1].isalnum():
        credit = _PHOTO_CREDIT.search(text, credit.end())  # "hình ảnh:" is not a credit
    if credit:
        return True
    if words > MAX_CAPTION_WORDS or text.startswith(_OPENING_QUOTES):
        return False
    # Where a picture stood: after its placeholder lines, or a line opening with its
    # non-breaking space right under the title.
    return line.after_picture or (at_top and line.nbsp_start)


def _lines(text: str, *, decoded: bool = False) -> list[_Line]:
    if not decoded and (not unicodedata.is_normalized("NFC", text) or _INVISIBLE.search(text)):
        text = nfc(text)  # decode_bytes() has done it already; a str from elsewhere may not have
    lines, picture = [], False
    # str.split() is several times faster than the regex, which only old Mac and Windows line ends need.
    for raw in _LINE_END.split(text) if "\r" in text else text.split("\n"):
        cleaned = fold_spaces(raw)
        if not cleaned:
            if "\u00a0" in raw or "\u202f" in raw:
                picture = True
            continue
        lines.append(_Line(cleaned, picture, raw[:1] in "\u00a0\u202f"))
        picture = False
    return lines


def parse_article(text: str, *, file_name: str, gazetteer: Gazetteer | None = None,
                  tagger: Tagger | None = None, decoded: bool = False) -> ParsedArticle:
    """One article's title, dateline, source, body, quotes and tags.

    decoded: text is what decode_bytes() returned (NFC, no invisible characters), and is not checked again.
    """
    if tagger is None:
        tagger = tagger_for(gazetteer or Gazetteer())
    lines = _lines(text, decoded=decoded)
    boilerplate: list[str] = []

    # The title: the first line that is not furniture (a dateline may come first).
    position, title, published_at = 0, None, None
    while position < len(lines):
        line = lines[position].text
        position += 1
        if _is_furniture(line) or (position < len(lines) and len(line) <= 40 and _key(line) in SECTION_LABELS):
            boilerplate.append(line)
        elif published_at is None and (when := parse_dateline(line)):
            published_at = when
        else:
            title = line
            break
    if title is None:
        raise SourceError(file_name, "no title")
    article = ParsedArticle(file_name=file_name, title=title, published_at=published_at)

    # Furniture anywhere, with the headlines listed under "Tin liên quan" and the like.
    content: list[_Line] = []
    in_list = False
    for line in lines[position:]:
        if _is_furniture(line.text):
            boilerplate.append(line.text)
            in_list = _key(line.text) in STORY_LISTS
        elif in_list and _is_headline(line.text):
            boilerplate.append(line.text)
        else:
            in_list = False
            content.append(line)

    # The top: dateline and byline under the title.
    top = 0
    while top < min(len(content), 3):
        line = content[top].text
        if article.published_at is None and (when := parse_dateline(line)):
            article.published_at = when
        elif article.byline is None and _BYLINE_LABEL.match(line):
            article.byline = _byline(line)
        else:
            break
        top += 1
    content = content[top:]

    # The end: a source line and a byline, in either order.
    for _ in range(2):
        if not content:
            break
        last = content[-1].text
        if article.source_name is None and (name := _source_name(last)):
            article.source_name, article.source_url = _name_and_url(name)
        elif article.source_name is None and _PAPER_ALONE.match(last) and _words(last) <= 8:
            article.source_name = last  # "Báo Tuyên Quang", "Cổng TTĐT tỉnh": the paper, not a writer
        elif article.byline is None and (name := _byline(last)):
            article.byline = name
        elif article.byline is None and (both := _BYLINE_WITH_PAPER.match(last) or _BYLINE_SLASH_PAPER.match(last)) \
                and _byline(both.group("name")) and _words(both.group("paper")) <= 6:
            article.byline = _byline(both.group("name"))
            article.source_name = article.source_name or both.group("paper").strip()
        else:
            break
        content.pop()
    if article.source_name is None:
        article.source_name = article.byline

    _sort_body(article, content)
    _find_quotes_and_tags(article, tagger)
    article.boilerplate_removed = boilerplate
    return article


def _sort_body(article: ParsedArticle, content: list[_Line]) -> None:
    previous = None
    for index, line in enumerate(content):
        text = line.text
        if _is_caption(line, at_top=index == 0):
            kind = BlockKind.CAPTION
            if _CREDIT_ALONE.match(text) and article.blocks and article.blocks[-1].kind == BlockKind.HEADING:
                # "Ông Nguyễn Văn Được - Chủ tịch UBND TP.HCM" over "Ảnh: Hoàng Triều": a caption
                # with its credit on a line of its own, not a heading.
                article.headings.pop()
                article.blocks[-1] = Block(BlockKind.CAPTION, article.blocks[-1].text)
                article.captions.append(article.blocks[-1].text)
            article.captions.append(text)
        elif _is_heading(line, previous, index + 1 < len(content)):
            kind = BlockKind.HEADING
            article.headings.append(text)
        else:
            kind = BlockKind.PARAGRAPH
            article.body_paragraphs.append(text)
        article.blocks.append(Block(kind, text))
        previous = text
    if article.body_paragraphs and _line_words(article.body_paragraphs[0]) <= MAX_LEAD_WORDS:
        article.lead = article.body_paragraphs[0]


def _find_quotes_and_tags(article: ParsedArticle, tagger: Tagger) -> None:
    article.quotes = tagger.quotes.find(article.body_paragraphs)
    speakers = [q.speaker for q in article.quotes if q.speaker]
    entities = tagger.tag(
        [article.title, *article.captions, *article.headings, *article.body_paragraphs],
        published_at=article.published_at,
        speakers=speakers,
        folded=True,  # lines are folded as they are read (_lines)
    )
    article.provinces = entities.provinces
    article.organisations = entities.organisations
    article.places = entities.places
    article.people = entities.people


def parse_bytes(data: bytes, *, file_name: str, gazetteer: Gazetteer | None = None,
                tagger: Tagger | None = None) -> ParsedArticle:
    """parse_article() of raw file contents; SourceError for anything that is not an article."""
    return parse_article(decode_bytes(data, file_name=file_name), file_name=file_name,
                         gazetteer=gazetteer, tagger=tagger, decoded=True)
