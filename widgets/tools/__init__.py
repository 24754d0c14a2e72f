"""One-to-one tools on top of the analysers (link checker, e-mail checker…)."""
