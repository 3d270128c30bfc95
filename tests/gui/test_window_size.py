"""The main window opens no larger than the screen it is on."""

from __future__ import annotations

from annotator.ui.main_window import MainWindow


def test_first_start_fits_the_available_screen(qtbot, settings, sample_db):
    window = MainWindow(settings, "alice")
    qtbot.addWidget(window)
    area = window.screen().availableGeometry()
    assert window.width() <= area.width() and window.height() <= area.height()


def test_the_size_the_user_left_comes_back(qtbot, settings, sample_db):
    first = MainWindow(settings, "alice")
    qtbot.addWidget(first)
    first.resize(640, 480)
    first.close()  # saves the geometry
    second = MainWindow(settings, "alice")
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (640, 480)


def test_document_names_keep_most_of_the_list(window):
    """The name column stretches; language, status and count take only what
    their longest value needs, so a name stays readable in a narrow panel."""
    header = window.documents.table.horizontalHeader()
    others = sum(header.sectionSize(column) for column in (1, 2, 3))
    assert header.sectionSize(0) >= 0.4 * (header.sectionSize(0) + others)
