"""A tag path typed (``Economy/Tariffs``), read against the codebook: the part of it that
exists, and the tags to create under it, each inside the one before. The tag palette and
``diptych annotate --tag`` read a path alike."""

from __future__ import annotations

from dataclasses import dataclass

from diptych.storage.codebook import PATH_SEPARATOR, Codebook, name_key


@dataclass(frozen=True)
class NewTagPath:
    """What typing a tag path creates: ``names`` nested in turn under ``parent_id``.

    Attributes:
        parent_id: the existing tag the first new name goes under (None: the top level).
        parent_path: that tag's path ("" at the top level).
        names: the tags to create, each inside the one before; empty if the path exists.
        top: the path was typed from the top level ("/Security"), so a tag made there is
            told from a sub-tag of the same name.
    """

    parent_id: int | None
    parent_path: str
    names: tuple[str, ...]
    top: bool = False

    def paths(self) -> list[str]:
        """The path of each tag to create, outermost first."""
        prefix = [self.parent_path] if self.parent_path else []
        return [
            PATH_SEPARATOR.join(prefix + list(self.names[: i + 1])) for i in range(len(self.names))
        ]

    def label(self) -> str:
        """The palette row that offers to create the tags."""
        quoted = "“" + PATH_SEPARATOR.join(self.names) + "”"
        under = f" under “{self.parent_path}”" if self.parent_path else ""
        if self.top and not self.parent_path:
            under = " at the top level"
        return f"Create tag{'s' if len(self.names) > 1 else ''} {quoted}{under}"


def path_names(text: str) -> list[str]:
    """The names of the tag path ``text``: a '/' typed twice, or at the start (which
    names a top-level tag, as on the command line), makes no empty name."""
    names = (" ".join(part.split()) for part in text.split(PATH_SEPARATOR))
    return [name for name in names if name]


def new_tag_path(codebook: Codebook, text: str) -> NewTagPath | None:
    """Read ``text`` as a tag path (``Economy/Tariffs``): the part that exists and the rest.

    Text without '/' is one new top-level name, as is text after a '/' at the start
    ("/Security" beside Economy/Security). None if the path is unfinished (it ends with
    '/') or names nothing.
    """
    names = path_names(text)
    if not names or text.rstrip().endswith(PATH_SEPARATOR):
        return None
    top = text.lstrip().startswith(PATH_SEPARATOR)
    parent_id: int | None = None
    if len(names) > 1:
        while names:
            key = name_key(names[0])
            found = [t for t in codebook.children(parent_id) if name_key(t.name) == key]
            found = [t for t in found if t.name == names[0]] or found  # as typed first
            if not found:
                break
            parent_id = found[0].id
            names.pop(0)
    parent_path = codebook.path(parent_id) if parent_id is not None else ""
    return NewTagPath(parent_id, parent_path, tuple(names), top=top)
