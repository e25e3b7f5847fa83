"""Public pages: home, topic browser, article reader."""
