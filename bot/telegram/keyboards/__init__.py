"""Inline and reply keyboards: the reader's, the admin's, and the /new questions'."""
