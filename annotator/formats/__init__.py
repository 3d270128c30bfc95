"""Readers and writers of annotation files; ``catalog`` lists every format."""
