"""The main navigation, built once per kind of page (quizapp/navigation.py): the right link is
marked as the page you are on, teachers get their links, and an app mounted under a prefix
gets prefixed links even when the same page was built before without one."""

from __future__ import annotations

import re


def _nav(page: str) -> list[tuple[str, str, bool]]:
    block = page[page.index('<ul id="nav-links">') : page.index("</ul>")]
    return [
        (label, href, bool(current))
        for href, current, label in re.findall(
            r'<a href="([^"]+)"( aria-current="page")?>([^<]+)</a>', block
        )
    ]


def test_the_page_you_are_on_is_marked_and_teachers_see_their_links(
    client, make_student, make_teacher, login
):
    login(client, make_student())
    links = _nav(client.get("/study").get_data(as_text=True))
    assert [label for label, _, current in links if current] == ["Dashboard"]
    assert "My questions" not in [label for label, _, _ in links]
    client.post("/auth/logout")
    login(client, make_teacher())
    links = _nav(client.get("/teach/items").get_data(as_text=True))
    assert [label for label, _, current in links if current] == ["My questions"]
    links = _nav(client.get("/teach/").get_data(as_text=True))
    assert [label for label, _, current in links if current] == ["Teach"]


def test_links_follow_the_prefix_the_app_is_mounted_under(client, make_student, login):
    login(client, make_student())
    plain = _nav(client.get("/study").get_data(as_text=True))
    mounted = client.get("/study", environ_overrides={"SCRIPT_NAME": "/school"})
    prefixed = _nav(mounted.get_data(as_text=True))
    assert [href for _, href, _ in prefixed] == ["/school" + href for _, href, _ in plain]
    assert 'href="/school/static/css/app.css"' in mounted.get_data(as_text=True)
