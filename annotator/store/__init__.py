"""SQLite project files through sqlite-utils. All SQL of the tool lives here."""

from annotator.store.repository import NewerProjectError, Project, ProjectError

__all__ = ["NewerProjectError", "Project", "ProjectError"]
