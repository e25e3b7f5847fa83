"""Question and card forms beyond the verbatim blank, each chosen from what a sentence says.

Every form is a function from a shown claim (and the article's facts) to drafts, or None when
the sentence does not say that kind of thing: ``definitions`` (terms and what they are),
``causes`` (what something does or brings about), ``quantities`` (how many, in which year),
``roles`` (people by their role), ``recall`` (a card for any claim, and a which-statement
question for any claim the article lets us contradict).
"""
