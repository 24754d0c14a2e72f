"""Content files checked and explained: YAML read with line numbers, JSON Schema, mistakes in French.

Every error names the file, the line and the place (« etapes → 3 → options → 2 ») and says
what was expected, so that a conseiller who is not a programmer can fix it.
"""
from __future__ import annotations

import difflib
import sys
from pathlib import Path
from typing import Any

import yaml

TYPE_NAMES = {
    "string": "un texte",
    "integer": "un nombre entier",
    "number": "un nombre",
    "boolean": "oui ou non (true ou false)",
    "array": "une liste (des lignes qui commencent par « - »)",
    "object": "un groupe de clés (« clé: valeur »)",
    "null": "rien",
}


class ContentError(ValueError):
    """A mistake in a content file, explained in French."""

    def __init__(self, file: Path | str, message: str, line: int | None = None, place: str = ""):
        self.file = str(file)
        self.line = line
        self.place = place
        self.detail = message
        where = f"ligne {line}" if line else ""
        if place:
            where = f"{where}, {place}" if where else place
        super().__init__(f"{self.file}{' (' + where + ')' if where else ''} : {message}")


# -- YAML with line numbers ----------------------------------------------------------------
def _yaml_problem(exc: yaml.YAMLError) -> str:
    problem = str(getattr(exc, "problem", "") or "")
    if "\t" in problem or "tab" in problem:
        return "une tabulation est utilisée pour décaler le texte : utilisez des espaces."
    if "mapping values are not allowed" in problem:
        return ("un deux-points « : » est mal placé. Si votre texte contient « : », "
                "mettez tout le texte entre guillemets.")
    if "could not find expected ':'" in problem or "simple key" in problem:
        return "une ligne n'a pas la forme « clé: valeur » ou n'est pas bien alignée."
    if "found undefined alias" in problem or "anchor" in problem:
        return "un caractère « * » ou « & » en début de texte : mettez le texte entre guillemets."
    if "found character" in problem and "cannot start any token" in problem:
        return "un caractère spécial (« @ », « ` », « % »…) en début de texte : mettez le texte entre guillemets."
    if "expected <block end>" in problem or "did not find expected" in problem:
        return "le décalage (l'indentation) des lignes n'est pas cohérent, ou un guillemet n'est pas fermé."
    return "la mise en forme n'est pas correcte (vérifiez le décalage des lignes et les guillemets)."


def read_text(path: Path) -> str:
    """The text of a content file, or its French error."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(path, "ce fichier est introuvable.") from None
    except UnicodeDecodeError:
        raise ContentError(path, "ce fichier n'est pas enregistré en UTF-8. "
                                 "Enregistrez-le en UTF-8 avec votre éditeur de texte.") from None
    except OSError:
        raise ContentError(path, "ce fichier ne peut pas être lu.") from None


def read_yaml(path: Path | str, text: str | None = None) -> tuple[Any, yaml.Node | None]:
    """Read a YAML file; return its data and its node tree (for line numbers)."""
    path = Path(path)
    if text is None:
        text = read_text(path)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise ContentError(path, _yaml_problem(exc), line=line) from None
    except RecursionError:
        raise ContentError(path, "le fichier est trop imbriqué.") from None
    return data, node


def line_of(node: yaml.Node | None, path: list) -> int | None:
    """The 1-based line of the value at ``path`` (keys and indexes) in a composed YAML tree."""
    best = node.start_mark.line + 1 if node is not None else None
    for part in path:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == part:
                    node = value
                    best = key.start_mark.line + 1
                    break
            else:
                return best
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            best = node.start_mark.line + 1
        else:
            return best
    return best


def describe_place(path: list, data: Any = None) -> str:
    """« etapes → 3 (« Titre ») → options → 2 »: indexes counted from 1 for people."""
    parts = []
    current = data
    for part in path:
        if isinstance(part, int):
            label = f"{part + 1}"
            if isinstance(current, list) and part < len(current) and isinstance(current[part], dict):
                title = current[part].get("titre") or current[part].get("texte")
                if isinstance(title, str) and title:
                    label += f" (« {title[:40]} »)"
            parts.append(label)
        else:
            parts.append(str(part))
        try:
            current = current[part]
        except (KeyError, IndexError, TypeError):
            current = None
    return " → ".join(parts)


def _jsonschema():
    """jsonschema, imported when a file is validated (a participant's kernel usually needs it not)."""
    if "jsonschema" not in sys.modules:
        # jsonschema loads an optional IRI grammar (rfc3987_syntax) at import: over a second, for a
        # format no content file uses. Skip it where jsonschema is not loaded yet.
        sys.modules.setdefault("rfc3987_syntax", None)
    import jsonschema

    return jsonschema


def _french(error) -> str:
    v = error.validator
    val = error.validator_value
    inst = error.instance
    if v == "required":
        missing = [k for k in val if not isinstance(inst, dict) or k not in inst]
        return f"il manque la clé « {missing[0] if missing else val[0]} »."
    if v == "type":
        expected = val if isinstance(val, list) else [val]
        return "on attend " + " ou ".join(TYPE_NAMES.get(t, t) for t in expected) + "."
    if v == "enum":
        return f"la valeur « {inst} » n'est pas permise ici. Valeurs possibles : " + ", ".join(map(str, val)) + "."
    if v == "const":
        return f"la valeur doit être « {val} »."
    if v == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(inst) - set(allowed)) if isinstance(inst, dict) else []
        name = extra[0] if extra else "?"
        close = difflib.get_close_matches(str(name), allowed, n=1)
        hint = f" Vouliez-vous écrire « {close[0]} » ?" if close else " (Faute de frappe ?)"
        return f"la clé « {name} » n'est pas connue ici.{hint} Clés possibles : " + ", ".join(allowed) + "."
    if v == "minItems":
        return f"la liste doit contenir au moins {val} élément{'s' if val > 1 else ''}."
    if v == "maxItems":
        return f"la liste doit contenir au plus {val} éléments."
    if v == "minLength":
        return "ce texte ne doit pas être vide."
    if v == "maxLength":
        return f"ce texte est trop long (au plus {val} caractères)."
    if v == "minimum":
        return f"le nombre doit être au moins {val}."
    if v == "maximum":
        return f"le nombre doit être au plus {val}."
    if v == "pattern":
        return error.schema.get("description", "la valeur n'a pas la forme attendue.")
    if v == "uniqueItems":
        return "la liste contient deux fois la même valeur."
    return "cette valeur n'est pas correcte."


def validate(data: Any, schema: dict, file: Path | str, node: yaml.Node | None = None,
             base_path: list | None = None, root: Any = None) -> None:
    """Validate ``data`` against ``schema``; raise the first mistake as a French ``ContentError``."""
    validator = _jsonschema().Draft202012Validator(schema)
    # Shallowest first; at the same place, an unknown key (a typo) explains more than a missing one.
    errors = sorted(validator.iter_errors(data), key=lambda e: (
        len(e.absolute_path), e.validator != "additionalProperties", list(map(str, e.absolute_path))))
    if not errors:
        return
    error = errors[0]
    path = list(base_path or []) + list(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        if extra:
            path.append(extra[0])
    raise ContentError(file, _french(error), line=line_of(node, path),
                       place=describe_place(path, root if root is not None else data))
