"""Live group answers: the room answers on its screens, the conseiller projects the results.

``store`` (SQLite, outside the served folder), ``secret`` (the animateur's key), ``board`` (what the
projected page shows), ``page`` and ``handlers`` (the animateur page in the server), ``participant``
(hooks in the participants' kernels), ``report`` (the session report for the CRA).
"""
