"""An article in a language the generator's rules do not know gets only language-neutral items:
a card per claim and fill-in blanks on years, numbers and names, never an English pattern."""

from __future__ import annotations

from quizapp.core.article_parser import parse_article
from quizapp.core.claims import extract_topics
from quizapp.core.neutral_items import blank_of, items_for_language

RUSSIAN = (
    "Байкал\n\n## Озеро\n\n"
    "Байкал лежит в Восточной Сибири к югу от Иркутска. "
    "Его глубина достигает 1642 метров. "
    "Первую карту озера составил Иван Черский в 1886 г.\n"
)
CHINESE = "长江\n\n## 河流\n\n长江全长约6300千米，是中国最长的河流。它流经青海、西藏和四川等地。\n"


def _items(text: str):
    parsed = parse_article(text)
    topics = extract_topics(parsed)
    return parsed, topics, items_for_language(topics, parsed.title, parsed.language)


def test_russian_gets_cards_and_blanks_only():
    parsed, topics, (cards, questions) = _items(RUSSIAN)
    assert parsed.language == "ru"
    claims = [c for t in topics for c in t.claims]
    assert [card.back for card in cards] == [c.quote for c in claims]
    assert cards[0].front.startswith("Озеро: Байкал лежит в")
    assert {q.type for q in questions} == {"fill_blank"}
    prompts = {q.accepted[0]: q.prompt for q in questions}
    # The year before the name; "Иркутска", a rare name, in the first sentence; none of the
    # English patterns ("True or false", "Which …").
    assert prompts["1886"].endswith("составил Иван Черский в _____ г.")
    assert "Иркутска" in prompts
    # "Его глубина …" opens with a pronoun: a card, no question.
    assert "1642" not in prompts
    assert not any("True or false" in q.prompt or "Which" in q.prompt for q in questions)


def test_chinese_blanks_numbers_and_keeps_the_sentence_whole():
    _, topics, (cards, questions) = _items(CHINESE)
    assert [c.quote for t in topics for c in t.claims] == [
        "长江全长约6300千米，是中国最长的河流",
        "它流经青海、西藏和四川等地",
    ]
    assert len(cards) == 2
    assert [(q.prompt, q.accepted) for q in questions] == [
        ("填空：长江全长约_____千米，是中国最长的河流。", ["6300"])
    ]


def test_a_number_with_thousands_spaces_is_accepted_without_them():
    sentence = "Длина пути составляет 9 288 километров."
    blank = blank_of(sentence, "Магистраль", "ru")
    assert blank is not None and blank.text == "9 288"


def test_the_title_gives_no_blank_away():
    assert blank_of("Байкал лежит в Сибири.", "Байкал", "ru").text == "Сибири"


def test_german_blanks_names_of_places_not_common_nouns():
    text = (
        "Der Kanal\n\n## Weg\n\n"
        "Die Schiffe fahren nicht mehr um die Spitze Dänemarks bei Skagen. "
        "An beiden Enden entstanden neue, größere Schleusen mit Toren.\n"
    )
    _, _, (_, questions) = _items(text)
    assert [q.accepted for q in questions] == [["Skagen"]]


def test_a_russian_adjective_alone_is_no_name():
    # "Тихому" is half of "Тихому океану"; the blank falls on the name that stands whole.
    assert blank_of("Путь идёт к Тихому океану через Москву.", "Дорога", "ru").text == "Москву"


def test_headless_prose_in_another_language_gets_numbered_parts():
    paragraphs = [f"Это абзац номер {n} о Байкале и его берегах." for n in range(1, 7)]
    parsed = parse_article("Байкал\n\n" + "\n\n".join(paragraphs) + "\n")
    assert [s.heading for s in parsed.sections] == ["Part 1", "Part 2", "Part 3"]


def test_the_words_around_a_blank_are_in_the_article_language():
    """A Russian class reads a Russian lead and explanation, whatever its interface language;
    a language with no words of its own keeps the English ones."""
    parsed, topics, (_, questions) = _items(RUSSIAN)
    year = next(q for q in questions if q.accepted == ["1886"])
    assert year.prompt == "Заполните пропуск: Первую карту озера составил Иван Черский в _____ г."
    said = "Первую карту озера составил Иван Черский в 1886 г."
    assert year.explanation == f"В статье сказано: «{said}»"
    _, others = items_for_language(topics, parsed.title, "it")
    assert all(q.prompt.startswith("Fill in the blank: ") for q in others)
