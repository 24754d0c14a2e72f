"""Serving the ateliers: Voilà with the project's template, landing page and safe defaults."""
