"""Configuration: ``[tool.quality]`` in ``pyproject.toml`` or a ``.quality.toml``.

The nearest configuration file wins, found by walking up from the checked file's folder (for
standard input, from the current folder); in one folder ``.quality.toml`` wins over
``pyproject.toml``, and a ``pyproject.toml`` without a ``[tool.quality]`` table is passed over
(ruff's rules). Command-line options override the file. Keys (kebab-case, as in ruff)::

    [tool.quality]
    select = ["RP", "KW", "BP101"]        # code prefixes; default: the rules on by default
                                          # ("ALL": every rule, also those off by default)
    extend-select = ["ST"]                # added to select
    ignore = ["ST104"]
    min-severity = "warning"              # do not report below this
    fail-on = "warning"                   # exit 1 from this severity
    exclude = ["drafts/archive/**"]       # paths (globs) not checked when a folder is walked
    keyphrase = "peace talks"             # default focus keyphrase (front matter and --keyphrase win)
    score = false                         # no article score (saves loading scikit-learn)

    [tool.quality.per-path-ignores]
    "press-releases/*.md" = ["BP101"]     # glob relative to the configuration file -> codes

    [tool.quality.rules.KW101]            # per-rule thresholds: the rule's params
    min_count = 6

An unknown key, rule code or parameter is an error that names it and the file.
"""

from __future__ import annotations

import fnmatch
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from quality.errors import QualityError, UnknownRuleError
from quality.registry import Rule, Severity, select_rules

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_FILES = (".quality.toml", "pyproject.toml")
KEYS = ("select", "extend-select", "ignore", "min-severity", "fail-on", "exclude", "keyphrase", "score", "per-path-ignores", "rules")


class ConfigError(QualityError):
    """A configuration file is invalid; the message names the file and the key."""


@dataclass(frozen=True)
class Settings:
    """Resolved settings for one file: which rules, which thresholds, which gates."""

    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_severity: Severity = Severity.INFO
    fail_on: Severity = Severity.WARNING
    exclude: tuple[str, ...] = ()
    keyphrase: str | None = None
    score: bool = True  # score each article with the model (off: faster cold starts for editors)
    per_path_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    rule_params: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    root: Path | None = None  # folder of the configuration file (globs are relative to it)
    source: Path | None = None  # the configuration file, if any

    def rules_for(self, path: Path | None, registry: Sequence[Rule]) -> list[Rule]:
        """The rules that apply to ``path`` (per-path ignores matched against it)."""
        ignore = list(self.ignore) + list(self._path_ignores(path))
        select = list(self.select or ["DEFAULT"]) + list(self.extend_select)
        return select_rules(registry, select, ignore)

    def _names(self, path: Path) -> set[str]:
        """The names a glob may match: the path as given, its file name, and the path relative
        to the configuration file's folder."""
        names = {path.as_posix(), path.name}
        if self.root is not None:
            try:
                names.add(path.resolve().relative_to(self.root.resolve()).as_posix())
            except ValueError:
                pass
        return names

    def _path_ignores(self, path: Path | None) -> Iterable[str]:
        if path is None or not self.per_path_ignores:
            return ()
        candidates = self._names(path)
        found = []
        for pattern, codes in self.per_path_ignores.items():
            if any(fnmatch.fnmatch(c, pattern) for c in candidates):
                found.extend(codes)
        return found

    def is_excluded(self, path: Path) -> bool:
        """True when a walked file matches an ``exclude`` glob."""
        if not self.exclude:
            return False
        return any(fnmatch.fnmatch(c, pattern) for c in self._names(path) for pattern in self.exclude)


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start`` (a folder), or None."""
    folder = start.resolve()
    for directory in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "quality" in _read_toml(path).get("tool", {})
    except ConfigError:
        raise
    except OSError:
        return False


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML ({err})") from err


def load_config(path: Path, registry: Sequence[Rule]) -> Settings:
    """Read and validate one configuration file."""
    data = _read_toml(path)
    table = data.get("tool", {}).get("quality", {}) if path.name == "pyproject.toml" else data
    if path.name != "pyproject.toml" and "tool" in table and "quality" in table.get("tool", {}):
        table = table["tool"]["quality"]  # a .quality.toml may also use the [tool.quality] header
    return settings_from_table(table, path, registry)


def settings_from_table(table: Mapping[str, Any], path: Path, registry: Sequence[Rule]) -> Settings:
    """Validate a ``[tool.quality]`` table into :class:`Settings`."""
    where = str(path)
    for key in table:
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key {key!r} in [tool.quality] (known keys: {', '.join(KEYS)})")

    def codes(key: str) -> tuple[str, ...]:
        return codes_from(table.get(key, []), f"{where}: {key}", registry)

    def severity(key: str, default: Severity) -> Severity:
        if key not in table:
            return default
        try:
            return Severity.parse(str(table[key]))
        except ValueError as err:
            raise ConfigError(f"{where}: {key}: {err}") from err

    per_path: dict[str, tuple[str, ...]] = {}
    raw_per_path = table.get("per-path-ignores", {})
    if not isinstance(raw_per_path, dict):
        raise ConfigError(f"{where}: per-path-ignores must be a table of glob = [codes]")
    for pattern, value in raw_per_path.items():
        per_path[pattern] = codes_from(value, f"{where}: per-path-ignores[{pattern!r}]", registry)

    by_code = {r.code: r for r in registry}
    params: dict[str, dict[str, Any]] = {}
    raw_rules = table.get("rules", {})
    if not isinstance(raw_rules, dict):
        raise ConfigError(f"{where}: rules must be a table of [tool.quality.rules.CODE] tables")
    for code, values in raw_rules.items():
        rule = by_code.get(code.upper())
        if rule is None:
            raise ConfigError(f"{where}: [tool.quality.rules.{code}]: no rule has the code {code!r}")
        if not isinstance(values, dict):
            raise ConfigError(f"{where}: [tool.quality.rules.{code}] must be a table of parameters")
        params[rule.code] = validate_params(rule, values, f"{where}: [tool.quality.rules.{code}]")

    exclude = table.get("exclude", [])
    if not isinstance(exclude, list) or not all(isinstance(v, str) for v in exclude):
        raise ConfigError(f"{where}: exclude must be a list of globs")
    keyphrase = table.get("keyphrase")
    if keyphrase is not None and not isinstance(keyphrase, str):
        raise ConfigError(f"{where}: keyphrase must be a string")
    score = table.get("score", True)
    if not isinstance(score, bool):
        raise ConfigError(f"{where}: score must be true or false")
    return Settings(
        select=codes("select"),
        extend_select=codes("extend-select"),
        ignore=codes("ignore"),
        min_severity=severity("min-severity", Severity.INFO),
        fail_on=severity("fail-on", Severity.WARNING),
        exclude=tuple(exclude),
        keyphrase=keyphrase,
        score=score,
        per_path_ignores=per_path,
        rule_params=params,
        root=path.parent,
        source=path,
    )


def codes_from(value: Any, where: str, registry: Sequence[Rule]) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of rule codes")
    try:
        select_rules(registry, value)
    except UnknownRuleError as err:
        raise ConfigError(f"{where}: {err}") from err
    return tuple(v.strip().upper() for v in value)


def validate_params(rule: Rule, values: Mapping[str, Any], where: str) -> dict[str, Any]:
    """Check parameter names and types against the rule's defaults."""
    checked: dict[str, Any] = {}
    for name, value in values.items():
        if name not in rule.params:
            known = ", ".join(rule.params) or "none"
            raise ConfigError(f"{where}: {rule.code} has no parameter {name!r} (parameters: {known})")
        default = rule.params[name]
        if isinstance(default, dict):
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: {name} must be a table like {default}")
            merged = dict(default)
            for key, item in value.items():
                number = int(key) if isinstance(key, str) and key.isdigit() else key
                if number not in default or not isinstance(item, (int, float)) or isinstance(item, bool):
                    raise ConfigError(f"{where}: {name}.{key} is not one of {sorted(default)} with a number")
                merged[number] = float(item)
            checked[name] = merged
        elif isinstance(default, (int, float)) and not isinstance(default, bool):
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                raise ConfigError(f"{where}: {name} must be a number (default {default})")
            checked[name] = type(default)(value) if isinstance(default, int) and float(value).is_integer() else value
        else:
            checked[name] = value
    return checked


def resolve(path: Path | None, config: Path | None, isolated: bool, registry: Sequence[Rule], cache: dict) -> Settings:
    """The settings for one input: the named ``config`` file, or the nearest one (cached per
    folder), or the defaults when ``isolated``."""
    if isolated:
        return Settings()
    if config is not None:
        key = ("explicit", config)
        if key not in cache:
            cache[key] = load_config(config, registry)
        return cache[key]
    folder = (path.parent if path is not None else Path.cwd()).resolve()
    if folder not in cache:
        found = find_config(folder)
        cache[folder] = load_config(found, registry) if found else Settings()
    return cache[folder]


def override(settings: Settings, **changes: Any) -> Settings:
    """Settings with command-line values applied (``None`` leaves a value unchanged)."""
    return replace(settings, **{k: v for k, v in changes.items() if v is not None})
