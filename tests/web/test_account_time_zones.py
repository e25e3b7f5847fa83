"""The account page's profile form after a refusal, and its time zone list: canonical zones by
region, checked on the server against the same list, old aliases kept working."""

from __future__ import annotations

import lxml.html
import pytest

from quizapp.models import User
from tests.builders import PASSWORD


def _page(response) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(response.get_data(as_text=True))


def _profile_values(response) -> tuple[str, str, list[str]]:
    """The name and email inputs' values and the selected zone(s) of the profile form."""
    page = _page(response)
    zone = page.get_element_by_id("time_zone")
    selected = [
        option.get("value") for option in zone.iter("option") if option.get("selected") is not None
    ]
    name = page.get_element_by_id("display_name").get("value")
    return name, page.get_element_by_id("email").get("value"), selected


@pytest.fixture
def berliner(make_student, db):
    student = make_student()
    student.time_zone = "Europe/Berlin"
    db.session.commit()
    return student


def test_a_wrong_password_in_the_password_form_blanks_nothing_in_the_profile(
    client, berliner, login
):
    """Before, the profile came back blank and the zone fell to the list's first, Abidjan."""
    login(client, berliner)
    wrong = client.post(
        "/account/",
        data={
            "form": "password",
            "pw-current_password": "not it",
            "pw-password": "a brand new passphrase",
            "pw-confirm": "a brand new passphrase",
        },
    )
    assert wrong.status_code == 400
    assert "This is not your current password." in wrong.get_data(as_text=True)
    assert _profile_values(wrong) == (berliner.display_name, berliner.email, ["Europe/Berlin"])


def test_a_refused_profile_keeps_what_was_typed(client, berliner, login, db):
    login(client, berliner)
    refused = client.post(
        "/account/",
        data={
            "form": "profile",
            "display_name": "New name",
            "email": "elsewhere@example.org",
            "time_zone": "Asia/Tokyo",
            "current_password": "not it",
        },
    )
    assert refused.status_code == 400
    assert _profile_values(refused) == ("New name", "elsewhere@example.org", ["Asia/Tokyo"])
    db.session.expire_all()
    assert db.session.get(User, berliner.id).time_zone == "Europe/Berlin"


def test_the_zone_list_is_canonical_zones_grouped_by_region(client, berliner, login):
    login(client, berliner)
    select = _page(client.get("/account/")).get_element_by_id("time_zone")
    groups = [group.get("label") for group in select.iter("optgroup")]
    assert groups == [
        "UTC",
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
    ]
    values = [option.get("value") for option in select.iter("option")]
    assert 350 < len(values) < 450  # one or more per country, not the 599 names zoneinfo knows
    for alias in ("W-SU", "Zulu", "localtime", "US/Pacific", "Etc/GMT+5", "Asia/Calcutta"):
        assert alias not in values
    assert not [value for value in values if value.startswith("Etc/")]
    assert {"America/New_York", "Asia/Kolkata", "Europe/Berlin", "UTC"} <= set(values)
    berlin = select.xpath(".//optgroup[@label='Europe']/option[@value='Europe/Berlin']")[0]
    assert berlin.text == "Berlin (Europe)" and berlin.get("selected") is not None
    buenos_aires = select.xpath(".//option[@value='America/Argentina/Buenos_Aires']")[0]
    assert buenos_aires.text == "Argentina / Buenos Aires (America)"


@pytest.mark.parametrize("zone", ["W-SU", "Etc/GMT+5", "localtime", "Mars/Base", "x" * 300])
def test_a_zone_not_in_the_list_is_a_form_error(client, berliner, login, db, zone):
    login(client, berliner)
    response = client.post(
        "/account/",
        data={
            "form": "profile",
            "display_name": "Renamed",
            "email": berliner.email,
            "time_zone": zone,
        },
    )
    assert response.status_code == 400
    assert 'class="field-error" id="time_zone-error"' in response.get_data(as_text=True)
    db.session.expire_all()
    saved = db.session.get(User, berliner.id)
    assert (saved.display_name, saved.time_zone) == (berliner.display_name, "Europe/Berlin")


def test_an_old_alias_is_shown_as_its_zone_and_saving_moves_to_it(client, berliner, login, db):
    berliner.time_zone = "US/Eastern"
    db.session.commit()
    login(client, berliner)
    shown = client.get("/account/")
    assert _profile_values(shown)[2] == ["America/New_York"]
    saved = client.post(
        "/account/",
        data={
            "form": "profile",
            "display_name": "Renamed",
            "email": berliner.email,
            "time_zone": "America/New_York",
        },
    )
    assert saved.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, berliner.id).time_zone == "America/New_York"


def test_a_saved_zone_with_no_canonical_equal_is_kept(client, berliner, login, db):
    """An account on ``Etc/GMT+5`` (a fixed offset, no place) keeps it while saving its name."""
    berliner.time_zone = "Etc/GMT+5"
    db.session.commit()
    login(client, berliner)
    shown = client.get("/account/")
    assert _profile_values(shown)[2] == ["Etc/GMT+5"]
    saved = client.post(
        "/account/",
        data={
            "form": "profile",
            "display_name": "Renamed",
            "email": berliner.email,
            "time_zone": "Etc/GMT+5",
            "current_password": PASSWORD,
        },
    )
    assert saved.status_code == 302
    db.session.expire_all()
    assert (db.session.get(User, berliner.id).display_name, berliner.time_zone) == (
        "Renamed",
        "Etc/GMT+5",
    )


def test_the_browser_zone_is_picked_only_for_an_account_that_never_chose(
    client, make_student, berliner, login, app
):
    """The page tells static/js/time-zone.js whether to pick the browser's zone or offer it."""
    fresh = make_student()  # on the default, UTC
    for user, mode in ((fresh, "choose"), (berliner, "offer")):
        visitor = app.test_client()
        login(visitor, user)
        zone = _page(visitor.get("/account/")).get_element_by_id("time_zone")
        assert zone.get("data-device-zone") == mode
