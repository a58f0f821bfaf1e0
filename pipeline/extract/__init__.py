"""Pure extractors: text (and hints) in, typed records with offsets out."""
