"""The students' side of classes: join one with a code or a link, list and start assignments."""
