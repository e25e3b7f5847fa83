"""Pictures and sound are shown wherever their item is: a quiz, its results, flashcard study,
the reader's items and the live game. The items are seeded ones given a file for the test and
restored after, so the pages are the real ones."""

from __future__ import annotations

import re
from contextlib import contextmanager

from flask import current_app

from quizapp.core.clock import utcnow
from quizapp.core.media_files import MediaLimits
from quizapp.models import Flashcard, LiveGame, Question
from quizapp.services.live_state import game_event
from quizapp.services.media import media_store, reference, store_media
from tests.builders import class_with_set, make_assignment, take
from tests.builders.media import png_bytes, wav_bytes
from tests.web.live_support import game_in_lobby


def _files(db) -> tuple[dict, dict]:
    store = media_store(current_app.config, db.session)
    picture = store_media(db.session, store, png_bytes(), "map.png", MediaLimits())
    sound = store_media(db.session, store, wav_bytes(), "hello.wav", MediaLimits())
    return reference(picture, "A map of the Amur", "prompt"), reference(sound, "", "prompt")


@contextmanager
def _with_media(db, item, entries):
    """``item`` (a seeded row) shows ``entries`` until the block ends, then none again."""
    item.media = entries
    db.session.commit()
    try:
        yield
    finally:
        item.media = []
        db.session.commit()


def test_a_quiz_question_and_its_results_show_the_picture_and_the_sound(
    client, db, make_teacher, make_student, login
):
    _teacher, student, school_class, quiz_set = class_with_set(db, make_teacher, make_student)
    assignment = make_assignment(db, quiz_set, [school_class])
    picture, sound = _files(db)
    question = quiz_set.items[0].question
    with _with_media(db, question, [picture, sound]):
        open_attempt = take(db, assignment, student, submit=False)
        login(client, student)
        position = next(s.position for s in open_attempt.questions if s.question_id == question.id)
        page = client.get(f"/quiz/{open_attempt.id}/{position}").text
        assert (
            f'<img class="item-media" src="/media/{picture["sha256"]}" alt="A map of the Amur"'
            in page
        )
        assert re.search(
            rf'<audio class="item-media" controls preload="none" src="/media/{sound["sha256"]}"',
            page,
        )
        client.post(f"/quiz/{open_attempt.id}/submit")
        results = client.get(f"/quiz/{open_attempt.id}/results").text
        assert 'alt="A map of the Amur"' in results and "<audio" in results


def test_flashcard_study_and_the_reader_show_a_cards_files(client, db, make_student, login):
    login(client, make_student())
    first = client.get("/cards").text
    card = db.session.get(Flashcard, int(re.search(r'data-card="(\d+)"', first)[1]))
    picture, sound = _files(db)
    front, back = dict(picture, place="front"), dict(sound, place="back")
    with _with_media(db, card, [front, back]):
        page = client.get("/cards").text
        assert 'alt="A map of the Amur"' in page
        revealed = client.get("/cards?reveal=1").text
        assert f'src="/media/{sound["sha256"]}"' in revealed
        reader = client.get(f"/articles/{card.claim.article.slug}").text
        assert 'alt="A map of the Amur"' in reader


def test_the_live_game_sends_the_prompts_files_to_every_screen(
    app, client, db, make_teacher, login
):
    game = game_in_lobby(db, client, make_teacher(), login)
    question = db.session.get(Question, game.question_ids[0])
    picture, _sound = _files(db)
    choice = question.choices[0]
    on_choice = dict(picture, place=f"choice:{choice['id']}")
    with _with_media(db, question, [picture, on_choice]):
        stored = db.session.get(LiveGame, game.id)
        stored.status, stored.question_index = "reveal", 0
        db.session.commit()
        event = game_event(db.session, stored, utcnow())
        assert event["public"]["question"]["media"] == [
            {"sha256": picture["sha256"], "type": "image/png", "alt": "A map of the Amur"}
        ]
        tiles = {tile["id"]: tile["media"] for tile in event["public"]["question"]["choices"]}
        assert tiles[choice["id"]] == event["public"]["question"]["media"]
        assert sum(1 for pictures in tiles.values() if pictures) == 1
        login(client, game.teacher)
        host_page = client.get(f"/live/host/{game.id}").text
        assert 'data-media="/media/SHA256"' in host_page and 'data-field="media"' in host_page


def test_a_learners_anki_download_carries_the_cards_files(client, db, make_student, login):
    import io
    import json
    import zipfile

    login(client, make_student())
    card = db.session.get(
        Flashcard, int(re.search(r'data-card="(\d+)"', client.get("/cards").text)[1])
    )
    picture, _sound = _files(db)
    with _with_media(db, card, [dict(picture, place="front")]):
        package = zipfile.ZipFile(io.BytesIO(client.get("/cards/export.apkg").data))
        names = json.loads(package.read("media"))
        (number, name) = next(iter(names.items()))
        assert name.endswith(".png") and package.read(number) == png_bytes()


def test_a_choices_picture_is_shown_beside_it(client, db, make_teacher, make_student, login):
    from tests.builders import enrol, make_class, make_set, seeded_questions

    teacher, student = make_teacher(), make_student()
    school_class = make_class(db, teacher)
    enrol(db, school_class, student)
    (question,) = seeded_questions(db, 1, "single_choice")
    assignment = make_assignment(db, make_set(db, teacher, [question]), [school_class])
    picture, _sound = _files(db)
    choice = question.choices[0]
    with _with_media(db, question, [dict(picture, place=f"choice:{choice['id']}")]):
        attempt = take(db, assignment, student, submit=False)
        login(client, student)
        page = client.get(f"/quiz/{attempt.id}/1").text
        label_end = page.index(f'value="{choice["id"]}"')
        assert page.index('alt="A map of the Amur"') > label_end
