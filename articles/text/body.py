"""The article body: paragraphs, headings and captions in plain text.

Editors write the body in a text area and the importer produces the same
form, one block per line:

    ## Chăm lo lợi ích nhân dân        a heading
    ! Các cấp ủy Đảng … đồng bào       a photo caption
    Nhờ giữ mối quan hệ mật thiết …    a paragraph

Blank lines are ignored, so pasted text with empty lines between paragraphs
reads the same.
"""

from dataclasses import dataclass
from enum import StrEnum

from .normalise import clean
from .pickling import pickled_by_fields

HEADING_MARK = "## "
CAPTION_MARK = "! "


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    CAPTION = "caption"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str


def parse_body(text: str) -> list[Block]:
    blocks = []
    for raw in (text or "").splitlines():
        line = raw.strip()
        if line.startswith(HEADING_MARK):
            kind, line = BlockKind.HEADING, line[len(HEADING_MARK):]
        elif line.startswith(CAPTION_MARK):
            kind, line = BlockKind.CAPTION, line[len(CAPTION_MARK):]
        else:
            kind = BlockKind.PARAGRAPH
        line = clean(line)
        if line:
            blocks.append(Block(kind, line))
    return blocks


def render_body(blocks) -> str:
    marks = {BlockKind.HEADING: HEADING_MARK, BlockKind.CAPTION: CAPTION_MARK, BlockKind.PARAGRAPH: ""}
    return "\n\n".join(marks[BlockKind(block.kind)] + block.text for block in blocks)


def plain_text(text: str) -> str:
    """The body's words without marks, for search and descriptions."""
    return "\n".join(block.text for block in parse_body(text))
