"""Report formats as data: field kinds, the format.toml schema, the spec objects, the registry."""
