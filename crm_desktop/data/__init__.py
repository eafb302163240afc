"""Data layer: models, engine, migrations. Imports no Qt."""
