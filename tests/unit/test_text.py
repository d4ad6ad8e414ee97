"""Text cleaning keeps what people type and drops only what XML cannot hold."""

from hypothesis import given
from hypothesis import strategies as st

from rapport.core.text import clean_text, one_line, xml_safe


def test_control_characters_and_surrogates_are_dropped() -> None:
    assert clean_text("a\x00b\x08c\x0bd\x1fe\ud800f\ufffe") == "abcdef"


def test_newlines_tabs_emoji_and_rtl_survive() -> None:
    text = "Line one\r\nLine two\tתודה 🚀"
    assert clean_text(text) == "Line one\nLine two\tתודה 🚀"


def test_length_limit() -> None:
    assert clean_text("x" * 100_000, 1000) == "x" * 1000


def test_one_line_folds_whitespace() -> None:
    assert one_line("  Ada \n\t Lovelace ", 5) == "Ada L"


@given(st.text())
def test_cleaned_text_is_always_xml_safe(text: str) -> None:
    cleaned = clean_text(text)
    assert xml_safe(cleaned) == cleaned
    cleaned.encode("utf-8")  # no lone surrogates left


def test_lists_and_counts_read_as_sentences() -> None:
    from rapport.core.text import join_some, join_words

    assert join_words([]) == ""
    assert join_words(["A"]) == "A"
    assert join_words(["A", "B"]) == "A and B"
    assert join_words(["A", "B", "C"]) == "A, B and C"
    assert join_words(["A", "B"], "or") == "A or B"
    assert join_some(["A", "B", "C"], 2) == "A, B and C"  # one left over is named
    assert join_some(["A", "B", "C", "D"], 2) == "A, B and 2 more"
