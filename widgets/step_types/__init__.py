"""Step types: every module here registers its types with ``widgets.steps.step_type``."""
