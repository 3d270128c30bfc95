"""SQLite project files through sqlite-utils. All SQL of the tool lives here."""

from annotator.store import lean_sqlite_utils

lean_sqlite_utils.load()  # before anything imports sqlite_utils

from annotator.store.repository import NewerProjectError, Project, ProjectError  # noqa: E402

__all__ = ["NewerProjectError", "Project", "ProjectError"]
