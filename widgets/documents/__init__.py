"""Documents for conseillers: the fiche animateur and the participants' mémo, in HTML and tagged PDF."""
