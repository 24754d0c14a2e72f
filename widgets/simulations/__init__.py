"""Real-looking simulations (browser window, search page, cookie banner, fake alert…)."""
