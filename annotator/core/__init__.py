"""Pure Python core: no Qt, no SQL."""
