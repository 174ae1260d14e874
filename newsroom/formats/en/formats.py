# The English admin shows the same dates as the Vietnamese one (25/11/2022 17:05);
# only the number separators are English.
from newsroom.formats.vi.formats import *  # noqa: F403

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
