"""The pure domain: models, validation, scoring and plans. No I/O, no frameworks."""
