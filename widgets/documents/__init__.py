"""Documents for other conseillers: facilitator guides, printable memos, new ateliers, Binder.

``atelier fiches`` builds the guides and memos (HTML and tagged PDF); ``atelier nouvel-atelier``
copies a minimal working atelier from ``modele/``.
"""
