"""Services: domain operations that read and write the database through a session.

They take a SQLAlchemy session and plain data, never the Flask request, and never commit: the
caller (a route or a command) commits once, so a failure leaves nothing half-written.
"""
