"""Reading the messages a user is shown, for assertions."""

from __future__ import annotations

# Names inside messages are isolated (U+2068 … U+2069) so that they keep their own
# direction on screen; assertions read the text without those invisible marks.
_ISOLATION_MARKS = str.maketrans("", "", "\u2066\u2067\u2068\u2069")


def plain(text: str) -> str:
    return text.translate(_ISOLATION_MARKS)


def messages(error, field: str) -> str:
    """The messages a refused write gave for one field, as plain text."""
    return plain(" ".join(error.value.message_dict[field]))
