"""Default term lists for free-text screening (filled in by the screening work)."""

DEFAULT_SCREENING_TERMS: dict = {}
