"""A learner's own pages: dashboard, flashcards, daily review, progress."""
