"""Readers and writers of annotation files; see ``registry``."""
