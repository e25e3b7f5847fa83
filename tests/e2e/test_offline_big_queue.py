"""A queue longer than one sync request takes (the server's limit of 2000 events) syncs in
batches: before, every sync of it was refused whole, and the learner's queue never emptied."""

from __future__ import annotations

import re

import sqlalchemy as sa
from playwright.sync_api import expect

from quizapp.core.offline_events import MAX_EVENTS
from quizapp.models import OfflineEvent
from tests.builders import PASSWORD

# Ratings of a card gone since the download: each is told and kept out cheaply, so the test
# spends its time on the batching, not on scheduling two thousand reviews.
QUEUE_EVENTS = """async ([user, count]) => {
  const now = Date.now();
  for (let i = 0; i < count; i += 1) {
    const event = { key: window.offlineStore.randomKey(), kind: "rating", user, card: 2147483647,
                    rating: 3, at: now - 60000 - i * 1000, label: "a card" };
    await window.offlineStore.record(event, "scratch", i);
  }
}"""


def test_a_queue_longer_than_one_request_syncs_in_batches(page, db, make_student):
    learner = make_student()
    page.goto("/auth/login")
    page.get_by_label("Email").fill(learner.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/study$"))
    page.goto("/offline")
    count = MAX_EVENTS + 1
    page.evaluate(QUEUE_EVENTS, [learner.id, count])
    page.reload()
    expect(page.locator("#queue-status")).to_have_text(f"{count} events waiting to sync.")
    page.get_by_role("button", name="Sync now").click()
    expect(page.locator("#sync-result")).to_contain_text("Synced: 0 applied.", timeout=60_000)
    expect(page.locator("#queue-status")).to_have_text("Nothing is waiting to sync.")
    db.session.expire_all()
    kept = db.session.scalar(
        sa.select(sa.func.count(OfflineEvent.id)).where(OfflineEvent.user_id == learner.id)
    )
    assert kept == count
