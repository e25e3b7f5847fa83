"""Tags made fit to keep: one word each, case and ``::`` hierarchy as written, each once, at
most 50 of at most 100 characters, and every change said."""

from quizapp.core.item_tags import (
    MAX_TAG_LENGTH,
    MAX_TAGS,
    normalise_tags,
    tags_from_text,
    tags_text,
)


def test_tags_keep_their_case_and_hierarchy_and_each_is_kept_once():
    kept = normalise_tags(["History::Russia::1917", "exam-B", "EXAM-b", "history::russia::1917"])
    assert kept.tags == ["History::Russia::1917", "exam-B"]
    assert kept.changes == []  # a second spelling of a tag is the same tag, as in Anki


def test_spaces_inside_a_tag_become_underscores_and_that_is_a_change():
    kept = normalise_tags(["Civil War", " padded ", "tab\there", ""])
    assert kept.tags == ["Civil_War", "padded", "tab_here"]
    assert len(kept.changes) == 2
    assert "“Civil War” is kept as “Civil_War”" in kept.changes[0]


def test_a_tag_too_long_is_left_out_not_cut():
    long_tag = "a" * (MAX_TAG_LENGTH + 1)
    kept = normalise_tags(["short", long_tag, "b" * MAX_TAG_LENGTH])
    assert kept.tags == ["short", "b" * MAX_TAG_LENGTH]
    assert kept.changes == [
        f"the tag “{'a' * 40}…” was left out: a tag has at most {MAX_TAG_LENGTH} characters"
    ]


def test_more_than_fifty_tags_are_cut_at_fifty_and_the_rest_named():
    kept = normalise_tags([f"t{n}" for n in range(MAX_TAGS + 3)])
    assert kept.tags == [f"t{n}" for n in range(MAX_TAGS)]
    (change,) = kept.changes
    assert change.startswith("3 tags were left out (t50 t51 t52)")


def test_the_apps_topic_tags_are_no_card_tags():
    kept = normalise_tags(["quizapp::Trade", "QuizApp::x", "quizapp"])
    assert kept.tags == ["quizapp"]
    assert len(kept.changes) == 2


def test_a_typed_field_is_split_at_spaces_and_written_back_alike():
    kept = tags_from_text("  geo::europe   capitals\ncapitals ")
    assert kept.tags == ["geo::europe", "capitals"] and kept.changes == []
    assert tags_text(kept.tags) == "geo::europe capitals"


def test_a_typed_field_is_refused_for_what_an_import_would_change():
    from quizapp.core.item_tags import tag_field_problem

    assert tag_field_problem("geo::europe capitals capitals CAPITALS") is None
    assert tag_field_problem("") is None
    assert "at most 100 characters" in str(tag_field_problem("x" * 101))
    assert tag_field_problem(" ".join(["t"] * 60)) is None  # one tag, written 60 times
    assert str(tag_field_problem(" ".join(f"t{n}" for n in range(51)))).endswith("these are 51.")
    assert "quizapp::" in str(tag_field_problem("QuizApp::Trade"))
    assert str(tag_field_problem("a\x00b")) == "A tag cannot hold control characters."
    # The sentence and its values apart, so a form words it in the teacher's language.
    long_tag = tag_field_problem("ok " + "y" * 120)
    assert long_tag is not None
    assert long_tag.template == "A tag has at most %(limit)s characters; “%(tag)s…” has %(length)s."
    assert long_tag.params == {"limit": 100, "tag": "y" * 40, "length": 120}
