"""Plain domain rules every layer may import: kinds, the card guard, country names.

No Qt, no SQLAlchemy, no database: only the standard library and pure packages.
"""
