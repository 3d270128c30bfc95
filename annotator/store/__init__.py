"""SQLite project files through sqlite-utils. All SQL of the tool lives here.

sqlite-utils is loaded (through ``lean_sqlite_utils``) when a project first
writes, not when the store is imported."""

from annotator.store.repository import NewerProjectError, Project, ProjectError

__all__ = ["NewerProjectError", "Project", "ProjectError"]
