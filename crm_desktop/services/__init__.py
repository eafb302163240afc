"""Use cases over the data layer. No Qt imports here."""
