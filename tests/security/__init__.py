"""Issue 13: hostile input, isolation between municipalities, restricted pages, privacy."""
