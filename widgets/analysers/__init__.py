"""Pure-logic analysers (links, e-mails, passwords, photos…): no widget code here."""
