"""Question banks in and out of the formats teachers already use (Moodle XML, GIFT).

The format modules read and write files; each question's own fields are converted by its kind
(``core.question_kinds``), so a new kind brings its conversions with it.
"""
