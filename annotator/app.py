"""Composition root of the window: checks the display, asks who is
annotating, picks the project, and builds the window from ``ui``."""

from __future__ import annotations

import gc
import importlib
import os
import sys
from pathlib import Path

from annotator.paths import default_project_path, resources_dir

# socket, ctypes and getpass are imported where they are used: a start that
# needs none of them does not wait for them.

XVFB_HINT = ("run the window under a virtual display with 'xvfb-run annotator', or use the "
             "subcommands (annotator --help), which need no display")


def display_problem() -> str | None:
    """Why no window can open here, in one line, or ``None``.

    Qt aborts the process when it cannot reach a display or load the X11
    plugin, so the usual causes are checked first."""
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return None
    if os.environ.get("WAYLAND_DISPLAY"):
        return None
    display = os.environ.get("DISPLAY")
    if not display:
        return f"annotator: no display found (DISPLAY is not set); {XVFB_HINT}"
    if not x_server_answers(display):
        return f"annotator: the display {display} does not answer; {XVFB_HINT}"
    if not library_loads("libxcb-cursor.so.0"):
        return ("annotator: the window needs the library libxcb-cursor0; install it with "
                "'sudo apt-get install libxcb-cursor0' (scripts/setup installs everything)")
    return None


def x_server_answers(display: str) -> bool:
    """True when an X server listens at ``display`` (``[host]:number[.screen]``)."""
    import socket
    host, _, rest = display.rpartition(":")
    number = rest.split(".")[0]
    if not number.isdigit():
        return False
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"
        # Linux X servers listen on an abstract socket and on the file.
        return any(_connects(socket.AF_UNIX, address) for address in ("\0" + path, path))
    return _connects(socket.AF_INET, (host, 6000 + int(number)))


def _connects(family: int, address) -> bool:
    import socket

    try:
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.settimeout(2)
            sock.connect(address)
        return True
    except OSError:
        return False


def library_loads(name: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(name)
        return True
    except OSError:
        return False


# The modules without Qt that the window imports; tests/unit/test_lean_start.py
# finds any that is missing.
WITHOUT_QT = ("annotator.store", "annotator.store.session", "annotator.store.editing",
              "annotator.core.text", "annotator.suggest.preload")

# Set (to 1) by the bundle's smoke test and the start-time benchmark.
QUIT_AFTER_PAINT = "ANNOTATOR_QUIT_AFTER_PAINT"


def quit_after_first_paint() -> None:
    """Once the main window has painted for the first time, print
    ``annotator: painted <title>`` and quit (exit status 0). A dialog that
    opens before the window is shown (it would wait for a person, and no
    window could paint) ends the process with status 3."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])

    def report_and_quit(window: QMainWindow) -> None:
        print(f"annotator: painted {window.windowTitle()}", flush=True)
        app.quit()

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:
            if (event.type() == QEvent.Type.Show and isinstance(watched, QDialog)
                    and not any(isinstance(widget, QMainWindow) and widget.isVisible()
                                for widget in app.topLevelWidgets())):
                print(f"annotator: the dialog {watched.windowTitle()!r} opened before the "
                      "window", file=sys.stderr, flush=True)
                os._exit(3)
            if (event.type() == QEvent.Type.Paint and watched.isWidgetType()
                    and isinstance(watched.window(), QMainWindow)):
                app.removeEventFilter(self)
                # After this paint event is handled, not before.
                QTimer.singleShot(0, lambda: report_and_quit(watched.window()))
            return False

    app._first_paint = FirstPaint(app)  # kept alive as long as the app
    app.installEventFilter(app._first_paint)


def run_gui(project_path: str | None) -> int:
    problem = display_problem()
    if not problem and os.environ.get(QUIT_AFTER_PAINT):
        quit_after_first_paint()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    return launch(Path(project_path) if project_path else None)


def _sole_annotator(project_path: Path | None) -> str | None:
    """The one person whose layer the project holds, or None (none, several,
    or a file that cannot be read now: its opening will say why)."""
    if project_path is None or not project_path.exists():
        return None
    from annotator.store import Project, ProjectError

    try:
        with Project.open(project_path, create=False, read_only=True, check="later") as project:
            people = project.people()
    except (ProjectError, OSError):
        return None
    return people[0] if len(people) == 1 else None


def login_name() -> str:
    import getpass

    try:
        return getpass.getuser() or "annotator"
    except (KeyError, OSError):  # no user name in the environment or passwd
        return "annotator"


def annotator_name(settings, parent=None, project_path: Path | None = None) -> tuple[str, str | None]:
    """The annotator's name, asked on first start; and a note for the status
    bar when the login name was taken because the question was cancelled.
    The name offered is that of the project's one annotator, when it has
    exactly one (a file handed out to them), else the login name."""
    from annotator.ui.annotator_name import ask_name, cancelled_note, usable_name

    saved = settings.value("annotator/name")
    if saved and usable_name(str(saved)):
        return str(saved), None
    default = (_sole_annotator(project_path) or usable_name(login_name())) or "annotator"
    name = ask_name(parent, "Welcome", default)
    note = None
    if name is None:
        name = default
        note = cancelled_note(name)
    settings.setValue("annotator/name", name)
    return name, note


def launch(project_path: Path | None) -> int:
    started = open_window(project_path)
    if started is None:
        return 2
    app, _window = started
    from annotator.ui.termination import close_windows_on_termination

    close_windows_on_termination(app)
    status = app.exec()
    from annotator.suggest.preload import wait_for_preloads  # loaded at start already

    wait_for_preloads()
    return status


def open_window(project_path: Path | None):
    """The application and its shown main window (before the event loop), or
    ``None`` when the project cannot be opened."""
    # The cycle collector would walk the start's new objects (Qt's enum types,
    # our classes and modules) dozens of times before the first paint, and
    # hardly any is garbage: it waits for the paint. (Not frozen out of its
    # walks then: what the first project leaves in cycles when another opens
    # must still be collected.)
    gc.disable()
    try:
        started = _open_window(project_path)
    except BaseException:
        gc.enable()
        raise
    if started is None:
        gc.enable()
    return started


def _open_window(project_path: Path | None):
    # What the window needs without Qt loads before PySide6: once PySide6 is
    # in, its import hook looks at every module imported after it (a fifth
    # more time for these).
    for name in WITHOUT_QT:
        importlib.import_module(name)

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from annotator.ui.first_paint import after_first_paint, write_settings_after_first_paint
    from annotator.ui.fonts import load_bundled_fonts
    from annotator.ui.language import apply_setting
    from annotator.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("annotator")
    app.setOrganizationName("annotator")
    app.setWindowIcon(QIcon(str(resources_dir() / "annotator.svg")))
    load_bundled_fonts()
    settings = QSettings()
    apply_setting(app, settings)  # the interface language, before any window
    if project_path is None:
        last = settings.value("project/last")
        project_path = Path(last) if last and Path(last).exists() else None
    if project_path is None:
        from annotator.sample import ensure_sample_project  # the formats: first start only

        project_path = ensure_sample_project(default_project_path())
    annotator, note = annotator_name(settings, project_path=project_path)
    window = MainWindow(settings, annotator)
    write_settings_after_first_paint(settings, window)
    if not window.open_project(project_path, create=True, finish_later=True):
        print(f"annotator: {window.open_error}", file=sys.stderr)
        return None
    window.show()
    if note:
        window.statusBar().showMessage(note, 15000)
    after_first_paint(window, gc.enable)
    after_first_paint(window, lambda: finish_start(app, window))
    return app, window


def finish_start(app, window) -> None:
    """After the first paint: the check of the whole file and the backup. A
    damaged file ends the start as it would have before the window showed:
    the message, then exit status 2."""
    problem = window.finish_opening()
    if problem is not None:
        print(f"annotator: {problem}", file=sys.stderr)
        app.exit(2)
