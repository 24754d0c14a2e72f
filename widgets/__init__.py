"""Ateliers numériques: reusable exercise components, simulations and analysers."""
