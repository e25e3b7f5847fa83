"""Pictures and sound: serving stored files by their content hash."""
