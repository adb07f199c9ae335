"""Search index (Whoosh); derived data, rebuilt from the database."""
