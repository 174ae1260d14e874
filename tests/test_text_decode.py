import time
import unicodedata

import pytest

from articles.text.decode import MAX_SOURCE_BYTES, decode_bytes, decode_file
from articles.text.records import SourceError

TEXT = "Thanh Hóa: đối thoại với nhân dân\n\n25/11/2022 17:05\n\nNội dung bài viết."


def test_bom_and_crlf_give_plain_lf_text():
    data = b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode()
    assert decode_bytes(data, file_name="a.txt") == TEXT


def test_old_mac_line_ends_become_lf():
    assert decode_bytes(TEXT.replace("\n", "\r").encode(), file_name="a.txt") == TEXT


def test_nfd_input_becomes_nfc():
    data = unicodedata.normalize("NFD", TEXT).encode()
    assert decode_bytes(data, file_name="a.txt") == TEXT


def test_zero_width_spaces_go_and_nbsp_stays_for_the_parser():
    text = decode_bytes("Tiêu\u200b đề\n\u00a0Chú thích ảnh".encode(), file_name="a.txt")
    assert text == "Tiêu đề\n\u00a0Chú thích ảnh"


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t", "\u00a0\n\u00a0".encode()])
def test_empty_or_blank_file_is_refused(data):
    with pytest.raises(SourceError, match=r"empty|white space"):
        decode_bytes(data, file_name="blank.txt")


def test_binary_file_is_refused_with_its_name():
    with pytest.raises(SourceError) as error:
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", file_name="photo.png")
    assert error.value.file_name == "photo.png"
    assert "binary" in error.value.reason


def test_control_characters_without_nul_are_refused():
    data = bytes(range(1, 9)) * 50 + b"text"
    with pytest.raises(SourceError, match="binary"):
        decode_bytes(data, file_name="x.bin")


def test_a_stray_control_character_in_a_long_text_is_kept_and_many_are_refused():
    sentence = "Tỉnh ủy Thanh Hóa tổ chức hội nghị tổng kết công tác năm. "  # 58 characters, 78 bytes
    assert decode_bytes((sentence * 20 + "\x0c").encode(), file_name="a.txt").endswith("\x0c")
    # Counted among characters, not bytes: 12 in 1,172 characters (1,572 bytes) is over the 1 % share.
    with pytest.raises(SourceError, match=r"binary data \(12 control characters\)"):
        decode_bytes((sentence * 20 + "\x0b" * 12).encode(), file_name="a.txt")


def test_undecodable_utf8_reports_the_line():
    data = "Tiêu đề\nDòng hai\n".encode() + b"Ti\xeau \xd1\xe1 sai m\xe3\n"
    with pytest.raises(SourceError) as error:
        decode_bytes(data, file_name="latin1.txt")
    assert error.value.line == 3
    assert str(error.value).startswith("latin1.txt:3:")


def test_oversized_bytes_are_refused():
    with pytest.raises(SourceError, match="too large"):
        decode_bytes(b"a" * (MAX_SOURCE_BYTES + 1), file_name="big.txt")


def test_fifty_megabyte_file_is_refused_without_being_read(tmp_path):
    path = tmp_path / "dump.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: no need to write 50 MB
    started = time.perf_counter()
    with pytest.raises(SourceError, match="too large") as error:
        decode_file(path)
    assert time.perf_counter() - started < 0.1
    assert error.value.file_name == "dump.txt"


def test_decode_file_reads_a_normal_file(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_bytes(TEXT.encode())
    assert decode_file(path) == TEXT
