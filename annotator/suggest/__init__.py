"""Pre-annotators: dates, gazetteers."""
