"""Named-entity annotation of right-to-left and left-to-right news text."""

__version__ = "0.1.0"
