"""Checks every forms/ YAML file passes before it is composed or loaded: no anchors or aliases, bounded
nesting. A "billion laughs" file (aliases of aliases) or a self-referencing anchor would otherwise make
the loader build an enormous or cyclic structure; forms never need either, so both are refused.

Works on the event stream, which the parser produces without recursion, so a 100,000-deep file is
refused at its first level too deep instead of exhausting Python's recursion limit in the composer.
Raises yaml.composer.ComposerError (a MarkedYAMLError): every loader already reports those as file:line.
"""

from __future__ import annotations

import yaml
from yaml.composer import ComposerError

MAX_DEPTH = 40  # the deepest shipped form nests about 10 levels
# libyaml's loader where PyYAML was built with it (the wheels are): the same safe constructors, and marks with
# the same lines, at a fraction of the pure-Python parser's time (every start and `verify` reads forms/).
SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LOADER = SAFE_LOADER


def check_plain_yaml(text: str, max_depth: int = MAX_DEPTH) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.AliasEvent):
            raise ComposerError(None, None, f"alias *{event.anchor} refused: forms may not use YAML anchors or "
                                "aliases (write the value out)", event.start_mark)
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise ComposerError(None, None, f"anchor &{anchor} refused: forms may not use YAML anchors or "
                                "aliases (write the value out)", event.start_mark)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > max_depth:
                raise ComposerError(None, None, f"nested more than {max_depth} levels deep; refused",
                                    event.start_mark)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
